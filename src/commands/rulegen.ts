import type { Io } from './io.js';
import { notImplemented } from './not-implemented.js';
import type { RulegenOptions } from './options.js';

/** The rulegen command. Argument parsing is done (src/cli/); this body is pending. */
export async function run(_options: RulegenOptions, io: Io): Promise<number> {
  return notImplemented('rulegen', io);
}
