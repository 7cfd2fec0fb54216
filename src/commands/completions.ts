/**
 * The completions command (CMP-01): prints the completion script for the
 * requested shell. The scripts are generated from the CLI spec, which lives
 * above this layer (src/cli/), so the caller passes the generator in.
 */
import { EXIT } from './exit-codes.js';
import type { Io } from './io.js';
import type { CompletionsOptions, Shell } from './options.js';

export type CompletionRenderer = (shell: Shell) => string;

export async function run(
  options: CompletionsOptions,
  io: Io,
  render?: CompletionRenderer,
): Promise<number> {
  if (render === undefined) {
    // Wiring error, not user error: cli.ts must pass src/cli/completions.ts's completionScript.
    io.stderr.write('tsguard: no completion generator was provided\n');
    return EXIT.ERROR;
  }
  io.stdout.write(render(options.shell));
  return EXIT.SUCCESS;
}
