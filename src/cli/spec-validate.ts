/**
 * The `validate` sub-command's row of the command-line table (CLI-01): its
 * arguments, about text and groups, texts as in cfn-guard 3.2.0 (C5).
 */
import {
  type ArgSpec,
  type CommandSpec,
  lines,
  OUTPUT_FORMAT_ARG,
  SHOW_SUMMARY,
  structGroup,
} from './spec-model.js';

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
  OUTPUT_FORMAT_ARG,
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
