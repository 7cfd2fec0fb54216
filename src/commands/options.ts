/**
 * Typed options of every sub-command, as the CLI hands them over after
 * argument parsing (src/cli/). Commands never see raw argv; the library API
 * (index.ts) can build the same objects directly.
 */

/** `-o/--output-format` of validate (CLI-VAL-08). */
export type ValidateOutputFormat = 'single-line-summary' | 'json' | 'yaml' | 'junit' | 'sarif';
/** `-o/--output-format` of test (TEST-01; `sarif` is rejected at run time, not by the parser). */
export type TestOutputFormat = ValidateOutputFormat;
/** One item of `-S/--show-summary` (CLI-VAL-09), in command-line order. */
export type ShowSummaryItem = 'all' | 'pass' | 'fail' | 'skip' | 'none';
export type Shell = 'bash' | 'zsh' | 'fish';

export interface ValidateOptions {
  /**
   * `-r` paths in command-line order; `undefined` when `-r` was not given
   * (then `payload` is true). Never empty: `-r` without a value is rejected
   * by the parser (DIVERGENCES.md crash case `cli-rules-flag-without-value`).
   */
  readonly rules: readonly string[] | undefined;
  /**
   * `-d` paths; `undefined` when `-d` was not given. An empty list means `-d`
   * was given without a value, which the reference treats like no `-d` at
   * all: data is read from stdin (CLI-VAL-03).
   */
  readonly data: readonly string[] | undefined;
  /** `-i/--input-params` paths; `undefined` when not given. */
  readonly inputParams: readonly string[] | undefined;
  /** `-t/--type`: only `CFNTemplate` exists and it changes nothing (CLI-VAL-07). */
  readonly type: 'CFNTemplate' | undefined;
  readonly outputFormat: ValidateOutputFormat;
  /**
   * Raw `-S` items in order (commas already split), default `['fail']`.
   * Whether the user gave `-S` matters (`--structured` needs an explicit
   * `none`), so `showSummaryExplicit` tells the two apart.
   */
  readonly showSummary: readonly ShowSummaryItem[];
  readonly showSummaryExplicit: boolean;
  /** `-m/--last-modified` → `'last-modified'`, otherwise `'alphabetical'` (the default and `-a`). */
  readonly order: 'alphabetical' | 'last-modified';
  readonly verbose: boolean;
  readonly printJson: boolean;
  readonly payload: boolean;
  readonly structured: boolean;
}

export interface TestOptions {
  /** `-r/--rules-file`; with `dir` set, `dir` wins (reference behaviour). */
  readonly rulesFile: string | undefined;
  readonly testData: string | undefined;
  readonly dir: string | undefined;
  /**
   * `-a` → alphabetical, `-m` → last-modified, neither → `'filesystem'`
   * (TEST-03: the reference keeps directory order for `-t DIR`).
   */
  readonly order: 'alphabetical' | 'last-modified' | 'filesystem';
  readonly verbose: boolean;
  readonly outputFormat: TestOutputFormat;
  /** tsguard's `--strict`: unknown rules in expectations and rules without one fail the run. */
  readonly strict: boolean;
}

export interface ParseTreeOptions {
  /** `-r/--rules`; `undefined` → read the rules text from stdin (PT-01). */
  readonly rules: string | undefined;
  /** `-o/--output`; `undefined` → stdout. */
  readonly output: string | undefined;
  /** `-p`: JSON. The reference prints YAML unless `-p` is given, even with `-y -p` both set JSON wins. */
  readonly printJson: boolean;
  readonly printYaml: boolean;
}

export interface RulegenOptions {
  readonly template: string;
  readonly output: string | undefined;
}

export interface CompletionsOptions {
  readonly shell: Shell;
}
