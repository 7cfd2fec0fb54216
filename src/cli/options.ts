/**
 * Matches of one sub-command → the typed options object its `run` takes.
 * Values were already checked against the possible values by the parser, so
 * the casts below only narrow strings that are known members.
 */
import type {
  CompletionsOptions,
  ParseTreeOptions,
  RulegenOptions,
  Shell,
  ShowSummaryItem,
  TestOptions,
  TestOutputFormat,
  ValidateOptions,
  ValidateOutputFormat,
} from '../commands/options.js';
import type { Matches } from './parse.js';

export type Invocation =
  | { readonly command: 'validate'; readonly options: ValidateOptions }
  | { readonly command: 'test'; readonly options: TestOptions }
  | { readonly command: 'parse-tree'; readonly options: ParseTreeOptions }
  | { readonly command: 'rulegen'; readonly options: RulegenOptions }
  | { readonly command: 'completions'; readonly options: CompletionsOptions };

const one = (m: Matches, id: string): string | undefined => m.get(id)?.[0];
const flag = (m: Matches, id: string): boolean => m.has(id);

export function toValidateOptions(m: Matches): ValidateOptions {
  const summary = m.get('show-summary');
  return {
    rules: m.get('rules'),
    data: m.get('data'),
    inputParams: m.get('input-params'),
    type: one(m, 'type') === 'CFNTemplate' ? 'CFNTemplate' : undefined,
    outputFormat: (one(m, 'output-format') ?? 'single-line-summary') as ValidateOutputFormat,
    showSummary: (summary ?? ['fail']) as readonly ShowSummaryItem[],
    showSummaryExplicit: summary !== undefined,
    order: flag(m, 'last-modified') ? 'last-modified' : 'alphabetical',
    verbose: flag(m, 'verbose'),
    printJson: flag(m, 'print-json'),
    payload: flag(m, 'payload'),
    structured: flag(m, 'structured'),
  };
}

export function toTestOptions(m: Matches): TestOptions {
  return {
    rulesFile: one(m, 'rules-file'),
    testData: one(m, 'test-data'),
    dir: one(m, 'dir'),
    order: flag(m, 'alphabetical')
      ? 'alphabetical'
      : flag(m, 'last-modified')
        ? 'last-modified'
        : 'filesystem',
    verbose: flag(m, 'verbose'),
    outputFormat: (one(m, 'output-format') ?? 'single-line-summary') as TestOutputFormat,
    strict: flag(m, 'strict'),
  };
}

export function toParseTreeOptions(m: Matches): ParseTreeOptions {
  return {
    rules: one(m, 'rules'),
    output: one(m, 'output'),
    printJson: flag(m, 'print-json'),
    printYaml: flag(m, 'print-yaml'),
  };
}

export function toRulegenOptions(m: Matches): RulegenOptions {
  // The parser guarantees --template (it is required).
  return { template: one(m, 'template') ?? '', output: one(m, 'output') };
}

export function toCompletionsOptions(m: Matches): CompletionsOptions {
  return { shell: (one(m, 'shell') ?? 'bash') as Shell };
}

export function toInvocation(command: string, m: Matches): Invocation | undefined {
  switch (command) {
    case 'validate':
      return { command, options: toValidateOptions(m) };
    case 'test':
      return { command, options: toTestOptions(m) };
    case 'parse-tree':
      return { command, options: toParseTreeOptions(m) };
    case 'rulegen':
      return { command, options: toRulegenOptions(m) };
    case 'completions':
      return { command, options: toCompletionsOptions(m) };
    default:
      return undefined;
  }
}
