/**
 * Expectation matching (TEST-04) for one test case: evaluate the rules
 * against the case's input, group the top-level rule statuses by name and
 * compare each name with its expectation.
 */

import { evaluatePrepared } from '../eval/evaluate.js';
import type { PreparedRules } from '../eval/prepared-rules.js';
import type { EventRecord } from '../eval/result.js';
import type { Status } from '../eval/status.js';
import type { RuleVerdict } from '../report/test-types.js';
import type { TestSpec } from './test-spec-types.js';

export interface CaseEvaluation {
  /** Verdicts in rule-name byte order, up to (not including) an invalid status. */
  readonly verdicts: readonly RuleVerdict[];
  /** The first expectation that is not exactly PASS/FAIL/SKIP (TEST-02), if one was reached. */
  readonly invalidStatus: string | undefined;
  /** Expectations naming no evaluated rule (ignored by the reference; `--strict` fails on them). */
  readonly unknownRules: readonly string[];
  /** The record tree, for `-v`. */
  readonly tree: EventRecord;
}

/** TEST-02: statuses must be written exactly in upper case. */
export function parseStatus(text: string): Status | undefined {
  return text === 'PASS' || text === 'FAIL' || text === 'SKIP' ? text : undefined;
}

/** `Status code is incorrect <value>`, reported as an incompatible-types error (ERR-02). */
export function invalidStatusText(value: string): string {
  return `Types or variable assignments are incompatible \`Status code is incorrect ${value}\``;
}

/**
 * TEST-04: PASS/FAIL match when any evaluation of the name has that status;
 * SKIP only when every evaluation skipped.
 */
export function matchRule(
  rule: string,
  expected: Status,
  statuses: readonly Status[],
): RuleVerdict {
  const matched =
    expected === 'SKIP' ? statuses.every((s) => s === 'SKIP') : statuses.includes(expected);
  return matched
    ? { kind: 'passed', rule, evaluated: expected }
    : { kind: 'failed', rule, expected, evaluated: statuses };
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Evaluates one case. Rule names are visited in byte order: the reference
 * walks a hash map (random order); sorting gives the order the conformance
 * corpus normalises to. Throws GuardError when evaluation fails (exit 255).
 */
export function evaluateCase(
  prepared: PreparedRules,
  rulesFileName: string,
  spec: TestSpec,
): CaseEvaluation {
  // The data file name is empty: the reference never names test inputs (`File(, Status=…)`).
  const result = evaluatePrepared(prepared, spec.input, { rulesFileName, dataFileName: '' });
  const byName = new Map<string, Status[]>();
  for (const { name, status } of result.rules) {
    const list = byName.get(name);
    if (list) list.push(status);
    else byName.set(name, [status]);
  }
  const verdicts: RuleVerdict[] = [];
  let invalidStatus: string | undefined;
  for (const rule of [...byName.keys()].sort(byteOrder)) {
    const text = spec.expectations.get(rule);
    if (text === undefined) {
      verdicts.push({ kind: 'unset', rule });
      continue;
    }
    const expected = parseStatus(text);
    if (expected === undefined) {
      invalidStatus = text;
      break;
    }
    verdicts.push(matchRule(rule, expected, byName.get(rule) ?? []));
  }
  const unknownRules = [...spec.expectations.keys()].filter((r) => !byName.has(r));
  return { verdicts, invalidStatus, unknownRules, tree: result.tree };
}
