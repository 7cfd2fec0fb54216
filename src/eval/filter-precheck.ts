/**
 * Deciding a filter's candidates without evaluating it (QRY-08). Nearly
 * every rule starts with `Resources.*[ Type == 'AWS::S3::Bucket' ]` or
 * `[ Type == %S3_BUCKET_TYPE ]`, so each rule walks every resource of the
 * template and, per resource, made a candidate scope and ran the filter.
 * When the filter is quiet (quiet-filter.ts) and its first conjunct is one
 * `Key == string` clause, a candidate whose `Key` holds a string is decided
 * by one string comparison read off the map:
 *  - unequal: the conjunct FAILs, and the filter with it when no later
 *    conjunct could throw (a later one is otherwise still evaluated, as
 *    quietStatus does);
 *  - equal: the filter PASSes when that is its only conjunct.
 * Anything else (a missing key, a non-string value, more conjuncts after a
 * PASS) goes through the filter as before. The right-hand side is read once
 * per walk: a settled variable reads the same from every candidate scope,
 * which only re-roots queries.
 */
import type { Value } from '../data/value.js';
import type { Conjunctions, GuardClause } from '../syntax/ast.js';
import { allSettled, literalString, quietFiltersEnabled, quietPlan } from './quiet-filter.js';
import type { Scope } from './scope.js';

/** A filter's first conjunct as a string comparison, ready for candidates. */
export interface FilterPrecheck {
  readonly key: string;
  readonly expected: string;
  readonly negated: boolean;
  /** A FAIL of the first conjunct is the filter's: nothing after it can throw. */
  readonly failDecides: boolean;
  /** A PASS of the first conjunct is the filter's: it is the only one. */
  readonly passDecides: boolean;
}

/**
 * The precheck of `conjunctions` for candidates under `parent`, or null
 * when the filter must run on each candidate as usual.
 */
export function filterPrecheck(
  conjunctions: Conjunctions<GuardClause>,
  parent: Scope,
): FilterPrecheck | null {
  if (!quietFiltersEnabled()) return null;
  const plan = quietPlan(conjunctions);
  if (plan === null || !allSettled(plan.vars, parent)) return null;
  const first = conjunctions[0];
  const clause = first?.length === 1 ? first[0] : undefined;
  if (clause?.kind !== 'AccessClause' || clause.comparator.op !== 'Eq') return null;
  const part = clause.query.parts.length === 1 ? clause.query.parts[0] : undefined;
  if (part?.kind !== 'Key') return null;
  const expected = literalString(clause.compareWith, parent);
  if (expected === null) return null;
  const failDecides = plan.mayThrowFrom[1] === false;
  const passDecides = conjunctions.length === 1;
  if (!failDecides && !passDecides) return null;
  return { key: part.name, expected, negated: clause.comparator.negated, failDecides, passDecides };
}

/**
 * The filter's status on `candidate` when the precheck decides it, else
 * null. The same comparison as quiet-filter.ts `quickClause`: a key present
 * with a string value is compared as it stands (OP-09, OP-12); a missing
 * key would go through the case-convention fallbacks, so it is not decided.
 */
export function precheckStatus(check: FilterPrecheck, candidate: Value): 'PASS' | 'FAIL' | null {
  if (candidate.kind !== 'map') return null;
  const actual = candidate.entries.get(check.key);
  if (actual === undefined || actual.kind !== 'string') return null;
  if ((actual.value === check.expected) !== check.negated) return check.passDecides ? 'PASS' : null;
  return check.failDecides ? 'FAIL' : null;
}
