import type { Io } from './io.js';
import { notImplemented } from './not-implemented.js';
import type { TestOptions } from './options.js';

/** The test command. Argument parsing is done (src/cli/); this body is pending. */
export async function run(_options: TestOptions, io: Io): Promise<number> {
  return notImplemented('test', io);
}
