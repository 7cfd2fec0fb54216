/**
 * Inputs shared by the console reporters of `validate` (OUT-SUM, OUT-SLS,
 * OUT-CFN, OUT-TF). Reporters are pure functions from a `FileResult` (plus
 * the data document it was evaluated against) to text: no I/O, no process,
 * no re-evaluation.
 *
 * Print order for one (rules file, data file) pair in non-structured mode,
 * as the reference prints it (the validate command owns the loop):
 *   1. `formatSummaryTable(result, ctx)`            — OUT-SUM, only when `-S` is not `none`
 *   2. `formatConsoleReport(result, ctx)`           — default format: CFN (OUT-CFN), else
 *      Terraform plan (OUT-TF), else generic single-line summary (OUT-SLS);
 *      with `-o json|yaml` the file report (`buildFileReport`) is written instead (OUT-JSON-02)
 *   3. verbose tree (`-v`, OUT-VERB), then print-json (`-p`, OUT-PJ) — other modules.
 */
import type { Value } from '../data/value.js';
import type { Status } from '../eval/status.js';

/** The `-S/--show-summary` categories (CLI-VAL-09); `none` is the empty set. */
export type SummaryKind = 'pass' | 'fail' | 'skip';

/**
 * Text decorations the reference applies through the `colored` crate
 * (status words, headings, resource and rule names, code excerpts). The
 * corpus runs with NO_COLOR and piped output, so `plainStyle` is the
 * default; CLI-04 colouring plugs in here without touching the reporters.
 */
export interface ReportStyle {
  /** `PASS` green, `FAIL` red bold, `SKIP` yellow bold in the reference. */
  status(status: Status): string;
  /** Section titles (`PASS rules`) and the non-compliant resource count. */
  bold(text: string): string;
  /** `Resource = <name>` (yellow bold). */
  resourceName(text: string): string;
  /** `Rule = <name>` (bright magenta). */
  ruleName(text: string): string;
  /** A numbered `Code:` line (bright green). */
  codeLine(text: string): string;
}

export const plainStyle: ReportStyle = {
  status: (status) => status,
  bold: (text) => text,
  resourceName: (text) => text,
  ruleName: (text) => text,
  codeLine: (text) => text,
};

/** What the summary table needs (OUT-SUM). */
export interface SummaryContext {
  /** The rules file as the reference names it (bare file name, `RULES_STDIN[1]`, …). */
  readonly rulesFileName: string;
  /** The data file as the reference names it (canonical absolute path, `STDIN`, `DATA_STDIN[1]`, …). */
  readonly dataFileName: string;
  readonly showSummary: ReadonlySet<SummaryKind>;
  readonly style?: ReportStyle;
}

/** What the console report needs in addition (OUT-SLS, OUT-CFN, OUT-TF). */
export interface ReportContext extends SummaryContext {
  /** The data document the result was evaluated against; picks CFN/TF/generic output (OUT-CFN-01). */
  readonly data: Value;
  /** The data file's source text, for the CFN `Code:` excerpts (OUT-CFN-04). Absent → empty excerpts. */
  readonly dataText?: string;
}
