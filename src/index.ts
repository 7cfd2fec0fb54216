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
