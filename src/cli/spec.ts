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
import {
  type ArgSpec,
  type CommandSpec,
  lines,
  OUTPUT_FORMAT_ARG,
  SHELLS,
  structGroup,
} from './spec-model.js';
import { VALIDATE } from './spec-validate.js';

export type { ArgKind, ArgSpec, CommandSpec, GroupSpec } from './spec-model.js';
export { argDisplay, findArg, findGroup, SHELLS } from './spec-model.js';
export { VALIDATE } from './spec-validate.js';

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
  OUTPUT_FORMAT_ARG,
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
