/**
 * The whole command line of cfn-guard as data (CLI-01): every sub-command,
 * flag, value name, possible value, default, conflict and group. One table
 * drives the parser (parse.ts), the help and usage texts (help.ts), the clap
 * error texts (errors.ts) and, later, the completion scripts (CMP-01).
 *
 * Why not commander: the point is byte-identical clap 4.5 output (help
 * layout, `error: …` texts, the "smart usage" line of each error, `tip:`
 * suggestions, exit 2). Bending commander's own help and error machinery into
 * those shapes would take more code than a small parser over this table, and
 * would still leak commander wording in corner cases.
 *
 * Texts are those of cfn-guard 3.2.0 (DIVERGENCES.md C5: `-i` speaks of
 * "parameter" files). The program name stays `cfn-guard` (C6).
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

const OUTPUT_FORMATS = ['single-line-summary', 'json', 'yaml', 'junit', 'sarif'] as const;
const SHOW_SUMMARY = ['all', 'pass', 'fail', 'skip', 'none'] as const;
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

const lines = (...parts: string[]): string => parts.join('\n');

function structGroup(id: string, args: readonly ArgSpec[]): GroupSpec {
  return { id, args: args.map((a) => a.id), required: false, multiple: true };
}

const validateArgs: readonly ArgSpec[] = [
  {
    id: 'rules',
    short: 'r',
    long: 'rules',
    kind: 'multi',
    valueName: 'RULES',
    conflicts: ['payload'],
    help: lines(
      'Provide a rules file or a directory of rules files. Supports passing multiple values by using this option repeatedly.',
      'Example:',
      ' --rules rule1.guard --rules ./rules-dir1 --rules rule2.guard',
      'For directory arguments such as `rules-dir1` above, scanning is only supported for files with following extensions: .guard, .ruleset',
    ),
  },
  {
    id: 'data',
    short: 'd',
    long: 'data',
    kind: 'multi',
    valueName: 'DATA',
    conflicts: ['payload'],
    help: lines(
      'Provide a data file or directory of data files in JSON or YAML. Supports passing multiple values by using this option repeatedly.',
      'Example:',
      ' --data template1.yaml --data ./data-dir1 --data template2.yaml',
      'For directory arguments such as `data-dir1` above, scanning is only supported for files with following extensions: .yaml, .yml, .json, .jsn, .template',
    ),
  },
  {
    id: 'input-params',
    short: 'i',
    long: 'input-params',
    kind: 'multi',
    valueName: 'INPUT_PARAMS',
    help: lines(
      'Provide a parameter file or directory of parameter files in JSON or YAML that specifies any additional parameters to use along with data files to be used as a combined context. All the parameter files passed as input get merged and this combined context is again merged with each file passed as an argument for `data`. Due to this, every file is expected to contain mutually exclusive properties, without any overlap. Supports passing multiple values by using this option repeatedly.',
      'Example:',
      ' --input-parameters param1.yaml --input-parameters ./param-dir1 --input-parameters param2.yaml',
      'For directory arguments such as `param-dir1` above, scanning is only supported for files with following extensions: .yaml, .yml, .json, .jsn, .template',
    ),
  },
  {
    id: 'type',
    short: 't',
    long: 'type',
    kind: 'single',
    valueName: 'type',
    possibleValues: ['CFNTemplate'],
    help: 'Specify the type of data file used for improved messaging - ex: CFNTemplate',
  },
  {
    id: 'output-format',
    short: 'o',
    long: 'output-format',
    kind: 'single',
    valueName: 'OUTPUT_FORMAT',
    possibleValues: OUTPUT_FORMATS,
    defaultValue: 'single-line-summary',
    help: 'Specify the format in which the output should be displayed',
  },
  {
    id: 'show-summary',
    short: 'S',
    long: 'show-summary',
    kind: 'append',
    valueName: 'SHOW_SUMMARY',
    possibleValues: SHOW_SUMMARY,
    defaultValue: 'fail',
    delimiter: ',',
    help: 'Controls if the summary table needs to be displayed. --show-summary fail (default) or --show-summary pass,fail (only show rules that did pass/fail) or --show-summary none (to turn it off) or --show-summary all (to show all the rules that pass, fail or skip)',
  },
  {
    id: 'alphabetical',
    short: 'a',
    long: 'alphabetical',
    kind: 'flag',
    help: 'Validate files in a directory ordered alphabetically',
  },
  {
    id: 'last-modified',
    short: 'm',
    long: 'last-modified',
    kind: 'flag',
    conflicts: ['alphabetical'],
    help: 'Validate files in a directory ordered by last modified times',
  },
  { id: 'verbose', short: 'v', long: 'verbose', kind: 'flag', help: 'Verbose logging' },
  {
    id: 'print-json',
    short: 'p',
    long: 'print-json',
    kind: 'flag',
    help: 'Print the parse tree in a json format. This can be used to get more details on how the clauses were evaluated',
  },
  {
    id: 'payload',
    short: 'P',
    long: 'payload',
    kind: 'flag',
    help: lines(
      'Provide rules and data in the following JSON format via STDIN,',
      '{"rules":["<rules 1>", "<rules 2>", ...], "data":["<data 1>", "<data 2>", ...]}, where,',
      '- "rules" takes a list of string version of rules files as its value and',
      '- "data" takes a list of string version of data files as it value.',
      'When --payload is specified --rules and --data cannot be specified.',
    ),
  },
  {
    id: 'structured',
    short: 'z',
    long: 'structured',
    kind: 'flag',
    conflicts: ['verbose', 'print-json'],
    help: lines(
      'Print out a list of structured and valid JSON/YAML. This argument conflicts with the following arguments: ',
      'verbose ',
      ' print-json ',
      ' show-summary: all/fail/pass/skip ',
      'output-format: single-line-summary',
    ),
  },
];

const testArgs: readonly ArgSpec[] = [
  {
    id: 'rules-file',
    short: 'r',
    long: 'rules-file',
    kind: 'single',
    valueName: 'rules-file',
    help: 'Provide a rules file',
  },
  {
    id: 'test-data',
    short: 't',
    long: 'test-data',
    kind: 'single',
    valueName: 'test-data',
    help: 'Provide a file or dir for data files in JSON or YAML',
  },
  {
    id: 'dir',
    short: 'd',
    long: 'dir',
    kind: 'single',
    valueName: 'dir',
    help: 'Provide the root directory for rules',
  },
  {
    id: 'alphabetical',
    short: 'a',
    long: 'alphabetical',
    kind: 'flag',
    help: 'Sort alphabetically inside a directory',
  },
  {
    id: 'last-modified',
    short: 'm',
    long: 'last-modified',
    kind: 'flag',
    conflicts: ['alphabetical'],
    help: 'Sort by last modified times within a directory',
  },
  { id: 'verbose', short: 'v', long: 'verbose', kind: 'flag', help: 'Verbose logging' },
  {
    id: 'output-format',
    short: 'o',
    long: 'output-format',
    kind: 'single',
    valueName: 'OUTPUT_FORMAT',
    possibleValues: OUTPUT_FORMATS,
    defaultValue: 'single-line-summary',
    help: 'Specify the format in which the output should be displayed',
  },
  {
    // tsguard's own flag (not in cfn-guard): see docs/test-command.md.
    id: 'strict',
    short: '',
    long: 'strict',
    kind: 'flag',
    help: 'Fail (exit 7) when an expectation names a rule that does not exist or a rule has no expectation',
  },
];

const parseTreeArgs: readonly ArgSpec[] = [
  {
    id: 'rules',
    short: 'r',
    long: 'rules',
    kind: 'single',
    valueName: 'RULES',
    help: 'Provide a rules file',
  },
  {
    id: 'output',
    short: 'o',
    long: 'output',
    kind: 'single',
    valueName: 'OUTPUT',
    help: 'Write to output file',
  },
  {
    id: 'print-json',
    short: 'p',
    long: 'print-json',
    kind: 'flag',
    help: 'Print output in JSON format. Use -p as the short flag',
  },
  {
    id: 'print-yaml',
    short: 'y',
    long: 'print-yaml',
    kind: 'flag',
    help: 'Print output in YAML format',
  },
];

const rulegenArgs: readonly ArgSpec[] = [
  {
    id: 'output',
    short: 'o',
    long: 'output',
    kind: 'single',
    valueName: 'OUTPUT',
    help: 'Write to output file',
  },
  {
    id: 'template',
    short: 't',
    long: 'template',
    kind: 'single',
    valueName: 'TEMPLATE',
    required: true,
    help: 'Provide path to a CloudFormation template file in JSON or YAML',
  },
];

const completionsArgs: readonly ArgSpec[] = [
  {
    id: 'shell',
    short: 's',
    long: 'shell',
    kind: 'single',
    valueName: 'SHELL',
    possibleValues: SHELLS,
    required: true,
    help: '',
  },
];

export const VALIDATE: CommandSpec = {
  name: 'validate',
  about: lines(
    'Evaluates rules against the data files to determine success or failure.',
    'You can point rules flag to a rules directory and point data flag to a data directory.',
    'When pointed to a directory it will read all rules in the directory file and evaluate',
    'them against the data files found in the directory. The command can also point to a',
    'single file and it would work as well.',
    'Note - When pointing the command to a directory, the directory may not contain a mix of',
    'rules and data files. The directory being pointed to must contain only data files,',
    'or rules files.',
    '',
  ),
  args: validateArgs,
  groups: [
    { id: 'required_flags', args: ['rules', 'payload'], required: true, multiple: false },
    structGroup('Validate', validateArgs),
  ],
};

export const TEST: CommandSpec = {
  name: 'test',
  about: lines(
    'Built in unit testing capability to validate a Guard rules file against',
    "unit tests specified in YAML format to determine each individual rule's success",
    'or failure testing.',
    '',
  ),
  args: testArgs,
  groups: [structGroup('Test', testArgs)],
};

export const PARSE_TREE: CommandSpec = {
  name: 'parse-tree',
  about: 'Prints out the parse tree for the rules defined in the file.',
  args: parseTreeArgs,
  groups: [structGroup('ParseTree', parseTreeArgs)],
};

export const RULEGEN: CommandSpec = {
  name: 'rulegen',
  about:
    'Autogenerate rules from an existing JSON- or YAML- formatted data. (Currently works with only CloudFormation templates)',
  args: rulegenArgs,
  groups: [structGroup('Rulegen', rulegenArgs)],
};

export const COMPLETIONS: CommandSpec = {
  name: 'completions',
  about: 'Generate auto-completions for all the sub-commands in shell.',
  args: completionsArgs,
  groups: [structGroup('Completions', completionsArgs)],
};

/** Sub-commands in help order (`help` itself is listed last by the help writer). */
export const SUBCOMMANDS: readonly CommandSpec[] = [
  VALIDATE,
  TEST,
  PARSE_TREE,
  RULEGEN,
  COMPLETIONS,
];

export const PROGRAM_NAME = 'cfn-guard';

export const PROGRAM_ABOUT = lines(
  'Guard is a general-purpose tool that provides a simple declarative syntax to define',
  'policy-as-code as rules to validate against any structured hierarchical data (like JSON/YAML).',
  'Rules are composed of clauses expressed using Conjunctive Normal Form',
  '(fancy way of saying it is a logical AND of OR clauses). Guard has deep',
  'integration with CloudFormation templates for evaluation but is a general tool',
  'that equally works for any JSON- and YAML- data.',
);

export const HELP_ABOUT = 'Print this message or the help of the given subcommand(s)';

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
