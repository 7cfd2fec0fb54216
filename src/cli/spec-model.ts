/**
 * The vocabulary of the command-line table of ./spec.ts (CLI-01): what an
 * argument, a group and a sub-command are, the value lists several
 * sub-commands share, and look-ups over the table.
 */

export type ArgKind =
  /** `ArgAction::SetTrue`: no value; a second occurrence is an error. */
  | 'flag'
  /** `ArgAction::Set` with exactly one value; a second occurrence is an error. */
  | 'single'
  /** `ArgAction::Append` with one value per occurrence (repeatable). */
  | 'append'
  /** `ArgAction::Append` with `num_args(0..)`: zero or more values per occurrence. */
  | 'multi';

export interface ArgSpec {
  /** clap's argument id (what conflicts and groups refer to). */
  readonly id: string;
  /** Single-letter form, or '' when the argument has only a long form. */
  readonly short: string;
  readonly long: string;
  readonly kind: ArgKind;
  /** Placeholder shown in `<NAME>` / `[<NAME>...]`. */
  readonly valueName?: string;
  readonly possibleValues?: readonly string[];
  readonly defaultValue?: string;
  /** Values are split on this character (`-S pass,fail`). */
  readonly delimiter?: string;
  readonly required?: boolean;
  /** Ids this argument cannot be used with (clap checks both directions). */
  readonly conflicts?: readonly string[];
  readonly help: string;
}

export interface GroupSpec {
  readonly id: string;
  readonly args: readonly string[];
  readonly required: boolean;
  /** `multiple(false)` groups make their members conflict with each other. */
  readonly multiple: boolean;
}

export interface CommandSpec {
  readonly name: string;
  readonly about: string;
  /** In declaration order, which is help order; `-h/--help` is appended by the help writer. */
  readonly args: readonly ArgSpec[];
  /**
   * Groups in declaration order. clap's derive adds one `multiple` group named
   * after the struct holding every argument; it shows up in some usage lines
   * (`<--rules-file <rules-file>|--test-data <test-data>|…>`), so it is here too.
   */
  readonly groups: readonly GroupSpec[];
}

export const OUTPUT_FORMATS = ['single-line-summary', 'json', 'yaml', 'junit', 'sarif'] as const;

/** `-o/--output-format`, the same for validate and test. */
export const OUTPUT_FORMAT_ARG: ArgSpec = {
  id: 'output-format',
  short: 'o',
  long: 'output-format',
  kind: 'single',
  valueName: 'OUTPUT_FORMAT',
  possibleValues: OUTPUT_FORMATS,
  defaultValue: 'single-line-summary',
  help: 'Specify the format in which the output should be displayed',
};
export const SHOW_SUMMARY = ['all', 'pass', 'fail', 'skip', 'none'] as const;
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

export const lines = (...parts: string[]): string => parts.join('\n');

export function structGroup(id: string, args: readonly ArgSpec[]): GroupSpec {
  return { id, args: args.map((a) => a.id), required: false, multiple: true };
}
/** `--rules [<RULES>...]`, `--type <type>`, `--verbose`: how clap names an argument in messages. */
export function argDisplay(arg: ArgSpec): string {
  switch (arg.kind) {
    case 'flag':
      return `--${arg.long}`;
    case 'single':
    case 'append':
      return `--${arg.long} <${arg.valueName ?? arg.id}>`;
    case 'multi':
      return `--${arg.long} [<${arg.valueName ?? arg.id}>...]`;
  }
}

export function findArg(cmd: CommandSpec, id: string): ArgSpec | undefined {
  return cmd.args.find((a) => a.id === id);
}

export function findGroup(cmd: CommandSpec, id: string): GroupSpec | undefined {
  return cmd.groups.find((g) => g.id === id);
}
