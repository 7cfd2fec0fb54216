/**
 * One entry of a query's result set (QRY-02). Unresolved paths are results,
 * not errors: they carry how far the query got and why it stopped, which
 * decides PASS/FAIL/SKIP (EVAL-*) and is printed by every reporter.
 */
import type { Value } from '../data/value.js';

export interface Resolved {
  readonly resolved: true;
  readonly value: Value;
  /**
   * True when the value is a rule literal used as a whole (a literal RHS, or
   * a literal `let` read without further parts): the reference's
   * `QueryResult::Literal`, which changes the shape rules of `==` and `in`
   * (OP-10, OP-14..16). Absent means a value resolved from data or computed.
   */
  readonly literal?: true;
}

export interface Unresolved {
  readonly resolved: false;
  /** The last value the query reached. */
  readonly traversedTo: Value;
  /** The query text that could not be followed from there. */
  readonly remainingQuery: string;
  /** Why, in the reference's words (e.g. `Could not find key X inside struct at path P`). */
  readonly reason: string;
}

export type QueryResult = Resolved | Unresolved;

export function resolved(value: Value): Resolved {
  return { resolved: true, value };
}

export function literalResult(value: Value): Resolved {
  return { resolved: true, value, literal: true };
}

export function unresolved(traversedTo: Value, remainingQuery: string, reason: string): Unresolved {
  return { resolved: false, traversedTo, remainingQuery, reason };
}
