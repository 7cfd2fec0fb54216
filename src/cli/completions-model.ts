/**
 * What the completion scripts (CMP-01) need from the CLI spec: each
 * sub-command with its flags, whether a flag takes a value, the value's
 * possible values, and one line of help. Derived from spec.ts so a flag
 * added there is completed everywhere without touching the generators.
 */
import { type ArgSpec, type CommandSpec, HELP_ABOUT, SUBCOMMANDS } from './spec.js';

export interface CompletionFlag {
  readonly short: string | undefined;
  readonly long: string;
  readonly takesValue: boolean;
  /** May be given more than once (`-r a -r b`). */
  readonly repeatable: boolean;
  readonly valueName: string;
  readonly values: readonly string[];
  readonly help: string;
}

export interface CompletionCommand {
  readonly name: string;
  readonly about: string;
  readonly flags: readonly CompletionFlag[];
}

const HELP_FLAG: CompletionFlag = {
  short: 'h',
  long: 'help',
  takesValue: false,
  repeatable: false,
  valueName: '',
  values: [],
  help: 'Print help',
};

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim() !== '') ?? '').trim();
}

function toFlag(arg: ArgSpec): CompletionFlag {
  return {
    short: arg.short === '' ? undefined : arg.short,
    long: arg.long,
    takesValue: arg.kind !== 'flag',
    repeatable: arg.kind === 'append' || arg.kind === 'multi',
    valueName: arg.valueName ?? arg.id,
    values: arg.possibleValues ?? [],
    help: firstLine(arg.help),
  };
}

export function completionCommands(
  commands: readonly CommandSpec[] = SUBCOMMANDS,
): CompletionCommand[] {
  const out: CompletionCommand[] = commands.map((c) => ({
    name: c.name,
    about: firstLine(c.about),
    flags: [...c.args.map(toFlag), HELP_FLAG],
  }));
  out.push({ name: 'help', about: HELP_ABOUT, flags: [] });
  return out;
}

/** Top-level flags of the program itself. */
export const PROGRAM_FLAGS: readonly CompletionFlag[] = [
  HELP_FLAG,
  { ...HELP_FLAG, short: 'V', long: 'version', help: 'Print version' },
];
