/** tsguard's version (one source, shared with the commands that print it). */
export { VERSION } from '../commands/version.js';
