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

/** Builds a reason text from the entry it explains and one detail (a key, an index). */
export type Explain = (entry: Unresolved, detail: string) => string;

/**
 * An unresolved entry whose reason is written on first read. Rules probe
 * optional properties on every resource, so most unresolved entries are
 * never printed, and some reasons embed a debug dump of a whole map: the
 * text is only built when a reporter asks for it (and then kept).
 */
class DeferredUnresolved implements Unresolved {
  readonly resolved = false as const;
  private text: string | null = null;

  constructor(
    readonly traversedTo: Value,
    readonly remainingQuery: string,
    private readonly explain: Explain,
    private readonly detail: string,
  ) {}

  get reason(): string {
    if (this.text === null) this.text = this.explain(this, this.detail);
    return this.text;
  }
}

/** An unresolved entry whose `reason` is `explain(entry, detail)`, computed lazily. */
export function deferredUnresolved(
  traversedTo: Value,
  remainingQuery: string,
  explain: Explain,
  detail: string,
): Unresolved {
  return new DeferredUnresolved(traversedTo, remainingQuery, explain, detail);
}
