/**
 * Completion scripts for the whole CLI (CMP-01), generated from the spec
 * (spec.ts). The reference prints clap_complete's scripts for `cfn-guard`;
 * tsguard writes its own for the `tsguard` command (DIVERGENCES.md C8: the
 * bytes differ between clap versions anyway), completing every sub-command,
 * every short and long flag and every enumerated value.
 */
import type { Shell } from '../commands/options.js';
import { bashCompletion } from './completions-bash.js';
import { fishCompletion } from './completions-fish.js';
import { completionCommands } from './completions-model.js';
import { zshCompletion } from './completions-zsh.js';

export const COMPLETION_PROGRAM = 'tsguard';

export function completionScript(shell: Shell, program: string = COMPLETION_PROGRAM): string {
  const commands = completionCommands();
  switch (shell) {
    case 'bash':
      return bashCompletion(program, commands);
    case 'zsh':
      return zshCompletion(program, commands);
    case 'fish':
      return fishCompletion(program, commands);
  }
}
