/**
 * tsguard's library API: strings and objects in, results out; no process,
 * console or file system (paths are the CLI's business). It grows as the
 * evaluator and reporters land (validate, runTests, formatters: API-01..04).
 */
export type {
  CompletionsOptions,
  ParseTreeOptions,
  RulegenOptions,
  Shell,
  ShowSummaryItem,
  TestOptions,
  TestOutputFormat,
  ValidateOptions,
  ValidateOutputFormat,
} from './commands/options.js';
export type { ErrorCategory, ErrorCode } from './diag/codes.js';
export { GuardError, isGuardError, type SourcePosition } from './diag/errors.js';
export type { RulesFile } from './syntax/ast.js';
/**
 * Parse the text of a rules file. `fileName` appears in error messages.
 * Returns `{ ok: true, file }` (`file` is `null` for a file with no rules) or
 * `{ ok: false, error }` with a `GuardError` whose `compat` holds cfn-guard's text.
 */
export { parseRulesFile } from './syntax/parser.js';
/** The `parse-tree` documents (PT-02): pretty JSON, or YAML, of a parsed rules file. */
export { parseTreeJson, parseTreeYaml } from './syntax/serialize.js';

// ---------------------------------------------------------------------------
// Evaluation (in-process, pure: strings in, result trees out)

import { loadDataDocument, loadStandardDocument, mergeDocuments } from './data/index.js';
import type { Value } from './data/value.js';
import { GuardError as Err } from './diag/errors.js';
import { withDefaultRulePrefix } from './eval/default-rule.js';
import { evaluatePrepared } from './eval/evaluate.js';
import { prepareRules } from './eval/prepared-rules.js';
import type { FileResult } from './eval/result.js';
import type { Status } from './eval/status.js';
import { buildFileReport } from './report/file-report.js';
import { fileReportToJson } from './report/file-report-json.js';
import { toJsonPretty } from './report/json-writer.js';
import { parseRulesFile as parse } from './syntax/parser.js';

export type { Value } from './data/value.js';
export type { ClauseCheck, EventRecord, FileResult, RecordType } from './eval/result.js';
export type { Status } from './eval/status.js';
export type { FileReport } from './report/file-report.js';

/** A named text: a rules file or a data document. The name appears in reports and errors. */
export interface NamedText {
  readonly name: string;
  readonly text: string;
}

/**
 * Load a JSON/YAML document into tsguard's value model. `validate` loader
 * (default) is the one `cfn-guard validate` uses for data files; `standard`
 * is the one `cfn-guard test` uses for test inputs (YAML-08).
 * Throws `GuardError` (`DATA_*`) on malformed input.
 */
export function loadData(doc: NamedText, loader: 'validate' | 'standard' = 'validate'): Value {
  return loader === 'validate'
    ? loadDataDocument(doc.text, doc.name)
    : loadStandardDocument(doc.text, doc.name);
}

export interface ValidateInput {
  readonly rules: readonly NamedText[];
  readonly data: readonly NamedText[];
  /** Documents merged (top level, shallowly) in front of every data document (DATA-08). */
  readonly parameters?: readonly NamedText[];
}

export interface RulesFileError {
  readonly rulesFileName: string;
  readonly error: Err;
}

export interface ValidateOutput {
  /** One result per (rules file × data document), rules files outermost, in input order. */
  readonly results: readonly FileResult[];
  /** Rules files that did not parse; they are skipped, as `cfn-guard validate` does (exit 5). */
  readonly ruleErrors: readonly RulesFileError[];
  /** FAIL if any result failed, else PASS if any passed, else SKIP (EVAL-10/11). */
  readonly status: Status;
}

/**
 * Evaluate rules against data, in memory: the engine behind `tsguard
 * validate`, without files, console or process. Each rules file is parsed
 * once and evaluated against every document. Evaluation errors that abort
 * `cfn-guard validate` (exit 255) are thrown as `GuardError`.
 */
export function validate(input: ValidateInput): ValidateOutput {
  const params = (input.parameters ?? []).map((p) => loadDataDocument(p.text, p.name));
  const documents = input.data.map((d) => {
    const value = loadDataDocument(d.text, d.name);
    return {
      name: d.name,
      value: params.length === 0 ? value : mergeDocuments([...params, value]),
    };
  });
  const results: FileResult[] = [];
  const ruleErrors: RulesFileError[] = [];
  for (const rules of input.rules) {
    const parsed = parse(rules.text, rules.name);
    if (!parsed.ok) {
      ruleErrors.push({ rulesFileName: rules.name, error: parsed.error });
      continue;
    }
    if (parsed.file === null) continue;
    // DSL-02: the implicit rule is reported as `<rules file>/default`, as the CLI does.
    const prepared = prepareRules(withDefaultRulePrefix(parsed.file, rules.name));
    for (const doc of documents) {
      results.push(
        evaluatePrepared(prepared, doc.value, {
          rulesFileName: rules.name,
          dataFileName: doc.name,
        }),
      );
    }
  }
  const statuses = results.map((r) => r.status);
  const status: Status = statuses.includes('FAIL')
    ? 'FAIL'
    : statuses.includes('PASS')
      ? 'PASS'
      : 'SKIP';
  return { results, ruleErrors, status };
}

/** The `-o json` document cfn-guard prints for one result (OUT-JSON-01), as text. */
export function formatResultJson(result: FileResult): string {
  return toJsonPretty(fileReportToJson(buildFileReport(result)));
}

/** Guard against accidental misuse from JavaScript callers passing non-strings. */
export function assertNamedText(value: unknown, what: string): asserts value is NamedText {
  const v = value as NamedText | null;
  if (
    v === null ||
    typeof v !== 'object' ||
    typeof v.name !== 'string' ||
    typeof v.text !== 'string'
  ) {
    throw new Err(
      'USAGE_INVALID_ARGUMENTS',
      `${what} must be an object { name: string, text: string }`,
    );
  }
}
