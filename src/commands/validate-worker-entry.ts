/**
 * The file a validate worker thread runs when tsguard runs from tsc's output
 * (dist/commands/) rather than the bundle: importing it starts the worker.
 * Nothing imports it; parallel-validate.ts names it as the worker's script.
 */
import { validateWorkerMain } from './validate-worker.js';

validateWorkerMain();
