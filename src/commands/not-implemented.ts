import { EXIT } from './exit-codes.js';
import type { Io } from './io.js';

/**
 * Placeholder body for commands whose argument parsing exists but whose
 * evaluation is still being written. Says so plainly and fails, so nobody
 * mistakes it for a result.
 */
export function notImplemented(command: string, io: Io): number {
  io.stderr.write(`tsguard: the ${command} command is not implemented yet\n`);
  return EXIT.ERROR;
}
