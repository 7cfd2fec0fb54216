import type { Io } from './io.js';
import { notImplemented } from './not-implemented.js';
import type { CompletionsOptions } from './options.js';

/** The completions command. Argument parsing is done (src/cli/); this body is pending. */
export async function run(_options: CompletionsOptions, io: Io): Promise<number> {
  return notImplemented('completions', io);
}
