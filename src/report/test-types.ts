/**
 * The `test` command's results (TEST-04..07), shared by its console,
 * JSON/YAML and JUnit reporters. Plain data: the command builds it, the
 * reporters only print it.
 */
import type { Status } from '../eval/status.js';

/** How one evaluated rule name fared against the test case's expectation (TEST-04). */
export type RuleVerdict =
  /** No expectation names this rule ("No Test expectation was set", JSON `skipped_rules`). */
  | { readonly kind: 'unset'; readonly rule: string }
  /** The expectation matched; `evaluated` is the expected status (the reference prints that). */
  | { readonly kind: 'passed'; readonly rule: string; readonly evaluated: Status }
  /** Not matched; `evaluated` lists the statuses of every evaluation of that name. */
  | {
      readonly kind: 'failed';
      readonly rule: string;
      readonly expected: Status;
      readonly evaluated: readonly Status[];
    };

/** One test case of a spec file after evaluation. */
export interface TestCaseReport {
  /** `name:` of the spec; `undefined` when absent (structured outputs print `""`). */
  readonly name: string | undefined;
  /** Verdicts in report order (rule names in byte order, see test-match.ts). */
  readonly verdicts: readonly RuleVerdict[];
  /** Milliseconds spent evaluating the case (JUnit `time`). */
  readonly timeMs: number;
}

/** The structured result of one rules file (TEST-07): its cases, or the error that stopped it. */
export type TestFileReport =
  | {
      readonly kind: 'ok';
      readonly ruleFile: string;
      readonly cases: readonly TestCaseReport[];
    }
  | {
      readonly kind: 'error';
      readonly ruleFile: string;
      readonly error: string;
      readonly timeMs: number;
    };

export function hasFailures(c: TestCaseReport): boolean {
  return c.verdicts.some((v) => v.kind === 'failed');
}
