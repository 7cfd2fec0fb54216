/**
 * `validate --structured -o junit` (OUT-JUNIT-01/02).
 *
 * API (pure; times are parameters so tests are deterministic):
 *   formatJunit(report: JunitReport): string
 *   writeJunit(report: JunitReport, out: TextSink): void
 *   junitTestCase(rulesFileName, fileReport, timeMs): JunitTestCase
 *   junitFailure(fileReport): JunitFailure         — the <failure> of a FAIL case
 *   countJunit(report): {tests, failures, errors}
 *
 * Shape: one `<testsuite>` per data file (named like its file report), one
 * `<testcase>` per rules file that parsed, in rules-file order. Unlike the
 * JSON/YAML/SARIF reports the rules files are NOT combined: each test case
 * carries the status of its own (rules file, data file) pair. The reference
 * measures times with a clock started once for the whole report, so suite
 * and total times are cumulative; the validate command passes whatever it
 * measured, in integer milliseconds.
 */
import { GuardError } from '../diag/errors.js';
import type { FileReport } from './file-report.js';
import type { TextChunks, TextSink } from './json-writer.js';
import { clauseMessages } from './structured.js';
import { XmlWriter } from './xml.js';

/** The `<testsuites name>` of validate reports. */
export const VALIDATE_JUNIT_NAME = 'cfn-guard validate report';

/** How a test case ended. `error`: the pair could not be reported (rendered as `<error>`). */
export type JunitOutcome =
  | { readonly kind: 'pass' }
  | { readonly kind: 'skip' }
  | { readonly kind: 'fail'; readonly failure: JunitFailure }
  | { readonly kind: 'error'; readonly message: string };

/** OUT-JUNIT-02: `<failure message="…">text</failure>`. */
export interface JunitFailure {
  /** The last failing rule's name (`message` attribute); null → no attribute. */
  readonly ruleName: string | null;
  /** The text pieces, in order, written without separators; empty → `<failure/>`. */
  readonly texts: readonly string[];
}

export interface JunitTestCase {
  /** The rules file name (`rules.guard`, `RULES_STDIN[1]`). */
  readonly name: string;
  readonly timeMs: number;
  readonly outcome: JunitOutcome;
}

export interface JunitTestSuite {
  /** The data file name as reports print it. */
  readonly name: string;
  readonly timeMs: number;
  readonly testCases: readonly JunitTestCase[];
}

export interface JunitReport {
  /** Defaults to `VALIDATE_JUNIT_NAME`. */
  readonly name?: string;
  readonly timeMs: number;
  readonly suites: readonly JunitTestSuite[];
}

export interface JunitCounts {
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
}

/**
 * The rule name JUnit shows: the part after `.guard/` when there is one, so
 * the default rule `rules.guard/default` reads `default` (the reference
 * takes the second `.guard/`-separated piece).
 */
function junitRuleName(name: string): string {
  const pieces = name.split('.guard/');
  return pieces.length > 1 ? (pieces[1] ?? name) : name;
}

/**
 * OUT-JUNIT-02: the failure of one (rules file, data file) report. For every
 * message of every top-level failure (flattened like SARIF's), the custom
 * message and then the error message, each where present (`""` counts); the
 * attribute names the last top-level failing rule that had any message.
 */
export function junitFailure(report: FileReport): JunitFailure {
  return new DeferredJunitFailure(report);
}

/**
 * A failure whose texts are gathered from its report when read. The
 * structured run makes a test case for every (rules file, data file) pair
 * whatever the output format, and the texts embed whole value displays: for
 * a large template they were most of the memory and many seconds of CPU,
 * spent even when no JUnit report was printed.
 */
class DeferredJunitFailure implements JunitFailure {
  constructor(private readonly report: FileReport) {}

  get ruleName(): string | null {
    return collectFailure(this.report, false).ruleName;
  }

  get texts(): readonly string[] {
    return collectFailure(this.report, true).texts;
  }
}

function collectFailure(report: FileReport, withTexts: boolean): JunitFailure {
  let ruleName: string | null = null;
  const texts: string[] = [];
  for (const failure of report.notCompliant) {
    const messages = clauseMessages(failure);
    if (messages.length > 0 && failure.kind === 'Rule') ruleName = junitRuleName(failure.name);
    if (!withTexts) continue;
    for (const m of messages) {
      if (m.customMessage !== null) texts.push(m.customMessage);
      if (m.errorMessage !== null) texts.push(m.errorMessage);
    }
  }
  return { ruleName, texts };
}

/** The test case of one rules file against one data file, from its file report. */
export function junitTestCase(name: string, report: FileReport, timeMs: number): JunitTestCase {
  switch (report.status) {
    case 'PASS':
      return { name, timeMs, outcome: { kind: 'pass' } };
    case 'SKIP':
      return { name, timeMs, outcome: { kind: 'skip' } };
    case 'FAIL':
      return { name, timeMs, outcome: { kind: 'fail', failure: junitFailure(report) } };
    default:
      return assertNever(report.status);
  }
}

function countSuite(suite: JunitTestSuite): { failures: number; errors: number } {
  let failures = 0;
  let errors = 0;
  for (const tc of suite.testCases) {
    if (tc.outcome.kind === 'fail') failures++;
    else if (tc.outcome.kind === 'error') errors++;
  }
  return { failures, errors };
}

export function countJunit(report: JunitReport): JunitCounts {
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const suite of report.suites) {
    const counts = countSuite(suite);
    tests += suite.testCases.length;
    failures += counts.failures;
    errors += counts.errors;
  }
  return { tests, failures, errors };
}

/** Integer milliseconds, as the reference prints its `u128` durations. */
function millis(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new GuardError('INTERNAL_ERROR', `invalid JUnit duration ${ms}`);
  }
  return String(Math.floor(ms));
}

function writeTestCase(xml: XmlWriter, tc: JunitTestCase): void {
  const attributes: [string, string][] = [
    ['name', tc.name],
    ['time', millis(tc.timeMs)],
  ];
  const outcome = tc.outcome;
  switch (outcome.kind) {
    case 'pass':
    case 'skip':
      xml.empty('testcase', [...attributes, ['status', outcome.kind]]);
      return;
    case 'error':
      xml.start('testcase', [...attributes, ['status', 'error']]);
      xml.start('error');
      xml.text(outcome.message);
      xml.end('error');
      xml.end('testcase');
      return;
    case 'fail': {
      xml.start('testcase', attributes);
      const { ruleName, texts } = outcome.failure;
      const failureAttributes: [string, string][] =
        ruleName === null ? [] : [['message', ruleName]];
      if (texts.length === 0) {
        xml.empty('failure', failureAttributes);
      } else {
        xml.start('failure', failureAttributes);
        for (const text of texts) xml.text(text);
        xml.end('failure');
      }
      xml.end('testcase');
      return;
    }
    default:
      assertNever(outcome);
  }
}

/** Appends the whole report (OUT-JUNIT-01), ending with a newline. */
export function writeJunit(report: JunitReport, out: TextSink): void {
  const xml = new XmlWriter(out);
  const totals = countJunit(report);
  xml.declaration();
  xml.start('testsuites', [
    ['name', report.name ?? VALIDATE_JUNIT_NAME],
    ['tests', String(totals.tests)],
    ['failures', String(totals.failures)],
    ['errors', String(totals.errors)],
    ['time', millis(report.timeMs)],
  ]);
  for (const suite of report.suites) {
    const counts = countSuite(suite);
    xml.start('testsuite', [
      ['name', suite.name],
      ['errors', String(counts.errors)],
      ['failures', String(counts.failures)],
      ['time', millis(suite.timeMs)],
    ]);
    for (const tc of suite.testCases) writeTestCase(xml, tc);
    xml.end('testsuite');
  }
  xml.end('testsuites');
  xml.finish();
}

export function formatJunit(report: JunitReport): string {
  const out: TextChunks = [];
  writeJunit(report, out);
  return out.join('');
}

function assertNever(x: never): never {
  throw new GuardError('INTERNAL_ERROR', `unexpected JUnit outcome ${JSON.stringify(x)}`);
}
