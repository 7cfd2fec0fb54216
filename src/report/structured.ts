/**
 * Machine-readable validate reports built from file reports (OUT-JSON-02/03,
 * EVAL-11, CLI-VAL-14). Pure functions: the validate command evaluates, builds
 * one `FileReport` per (rules file, data file) pair with `buildFileReport`,
 * and hands them here.
 *
 * API (all pure, no I/O):
 *   formatFileReport(report, format)            — OUT-JSON-02: what `-o json|yaml`
 *       prints after the summary table for one pair (JSON without a trailing
 *       newline, YAML ending in one).
 *   combineDataFileReports(dataFileName, reports) — EVAL-11: the structured
 *       report of one data file from the reports of every rules file (in
 *       rules-file order); no reports → status SKIP, empty lists.
 *   formatStructured(reports, format)           — OUT-JSON-03: the array of
 *       combined file reports, one per data file, as one document.
 *   writeFileReport / writeStructured           — the same, appending chunks to
 *       a `TextSink`: a `TextChunks` array joined once, or a `FlushingSink`
 *       that streams (a structured report can exceed V8's string limit).
 *   clauseMessages(clause)                      — the messages of one failure,
 *       flattened the way JUnit and SARIF read them.
 *   structuredExitCode(format, outcome)         — CLI-VAL-14 for `--structured`.
 */
import { GuardError } from '../diag/errors.js';
import { combineStatus, type Status } from '../eval/status.js';
import { type ClauseReport, type FileReport, type Messages, sortedNameSet } from './file-report.js';
import { fileReportToJson, fileReportToStreamingJson } from './file-report-json.js';
import { type TextChunks, type TextSink, writeJson } from './json-writer.js';
import { writeYaml } from './yaml-writer.js';

export type StructuredFormat = 'json' | 'yaml';

/** Every output format `--structured` accepts (CLI-VAL-10). */
export type StructuredOutputFormat = StructuredFormat | 'junit' | 'sarif';

/** Appends one file report (OUT-JSON-01) in the given format. */
export function writeFileReport(report: FileReport, format: StructuredFormat, out: TextSink): void {
  const json = fileReportToJson(report);
  if (format === 'json') writeJson(json, out);
  else writeYaml(json, out);
}

/** OUT-JSON-02: pretty JSON (no trailing newline, as serde_json) or a YAML document. */
export function formatFileReport(report: FileReport, format: StructuredFormat): string {
  const out: TextChunks = [];
  writeFileReport(report, format, out);
  return out.join('');
}

/**
 * EVAL-11: one data file's report in structured mode. The reference starts
 * from an empty report (status SKIP, no names) and folds in each rules
 * file's report in order: FAIL dominates, PASS beats SKIP, failures are
 * concatenated, rule-name sets united. Rules files that did not parse or
 * were empty contribute nothing, so a run whose rules all failed to parse
 * still lists the data file, with status SKIP.
 */
export function combineDataFileReports(
  dataFileName: string,
  reports: readonly FileReport[],
): FileReport {
  // One pass with one sort at the end: folding pair by pair re-sorted the
  // growing name lists once per rules file (quadratic in the rule count).
  const metadata = new Map<string, string>();
  let status: Status = 'SKIP';
  const notCompliant: ClauseReport[] = [];
  const notApplicable: string[] = [];
  const compliant: string[] = [];
  for (const report of reports) {
    for (const [key, value] of report.metadata) metadata.set(key, value);
    status = combineStatus(status, report.status);
    for (const each of report.notCompliant) notCompliant.push(each);
    for (const each of report.notApplicable) notApplicable.push(each);
    for (const each of report.compliant) compliant.push(each);
  }
  return {
    name: dataFileName,
    metadata,
    status,
    notCompliant,
    notApplicable: sortedNameSet(notApplicable),
    compliant: sortedNameSet(compliant),
  };
}

/** Appends the structured document (OUT-JSON-03): an array with one combined report per data file. */
export function writeStructured(
  reports: readonly FileReport[],
  format: StructuredFormat,
  out: TextSink,
): void {
  if (format === 'json') writeJson(reports.map(fileReportToStreamingJson), out);
  else writeYaml(reports.map(fileReportToJson), out);
}

/** OUT-JSON-03 as one string. `reports` are already combined per data file (`combineDataFileReports`). */
export function formatStructured(reports: readonly FileReport[], format: StructuredFormat): string {
  const out: TextChunks = [];
  writeStructured(reports, format, out);
  return out.join('');
}

/**
 * The messages one top-level failure contributes to JUnit and SARIF, in
 * order: a rule or a disjunction stands for the messages of everything
 * under it (its own `messages` are not included), a block or a clause for
 * its own. Behaviour of the reference's `ClauseReport::get_message`.
 */
export function clauseMessages(clause: ClauseReport): Messages[] {
  const out: Messages[] = [];
  collectMessages(clause, out);
  return out;
}

function collectMessages(clause: ClauseReport, out: Messages[]): void {
  switch (clause.kind) {
    case 'Rule':
    case 'Disjunctions':
      for (const check of clause.checks) collectMessages(check, out);
      return;
    case 'Block':
    case 'UnaryClause':
    case 'BinaryClause':
      out.push(clause.messages);
      return;
    default:
      assertNever(clause);
  }
}

/** What decides a structured run's exit status. */
export interface StructuredOutcome {
  /** Some data file's combined status is FAIL (JUnit: some test case failed). */
  readonly anyFailed: boolean;
  /** A rules file did not parse (CLI-VAL-13), or a JUnit test case is an error. */
  readonly anyRulesError: boolean;
}

/**
 * CLI-VAL-14 / GOT-24 for `--structured`: JSON, YAML and SARIF exit 19 when
 * anything failed, else 5 after a rules-file error, else 0 (19 masks 5);
 * JUnit gives the error precedence (5 masks 19). Checked with the reference
 * binary for all four formats.
 */
export function structuredExitCode(
  format: StructuredOutputFormat,
  outcome: StructuredOutcome,
): 0 | 5 | 19 {
  if (format === 'junit') {
    if (outcome.anyRulesError) return 5;
    return outcome.anyFailed ? 19 : 0;
  }
  if (outcome.anyFailed) return 19;
  return outcome.anyRulesError ? 5 : 0;
}

function assertNever(x: never): never {
  throw new GuardError('INTERNAL_ERROR', `unexpected clause report ${JSON.stringify(x)}`);
}
