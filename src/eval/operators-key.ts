/**
 * Map-key filters (QRY-09): the reference's per-LHS comparison
 * (`each_lhs_compare`) of one key against every RHS entry, for `==` and
 * `in`, negated when asked. Used by map-key-filter.ts.
 */
import type { Value } from '../data/value.js';
import { eqPairwise, isScalar, type Pairwise } from './operators-pairwise.js';
import type { QueryResult, Unresolved } from './query-result.js';

export type KeyComparison =
  | {
      readonly kind: 'Comparable';
      readonly outcome: boolean;
      readonly lhs: Value;
      readonly rhs: Value;
    }
  | { readonly kind: 'NotComparable'; readonly lhs: Value; readonly rhs: Value }
  | { readonly kind: 'UnresolvedRhs'; readonly lhs: Value; readonly rhs: Unresolved };

function inPairwise(lhs: Value, rhs: Value): boolean | 'notComparable' {
  if (lhs.kind === 'string' && rhs.kind === 'string') return rhs.value.includes(lhs.value);
  if (rhs.kind === 'list') {
    let found = false;
    for (const item of rhs.items) {
      const r = eqPairwise(lhs, item);
      if (r === 'notComparable') return r;
      if (r) found = true;
    }
    return found;
  }
  return eqPairwise(lhs, rhs);
}

/** Compares one LHS value with every RHS entry (`each_lhs_compare`), negating when asked. */
export function compareEachRhs(
  op: 'Eq' | 'In',
  negated: boolean,
  lhs: Value,
  rhs: readonly QueryResult[],
): KeyComparison[] {
  const base = op === 'Eq' ? eqPairwise : inPairwise;
  const cmp: Pairwise = (a, b) => {
    const r = base(a, b);
    return r === 'notComparable' ? r : r !== negated;
  };
  const out: KeyComparison[] = [];
  for (const r of rhs) {
    if (!r.resolved) {
      out.push({ kind: 'UnresolvedRhs', lhs, rhs: r });
      continue;
    }
    const outcome = cmp(lhs, r.value);
    if (outcome !== 'notComparable') {
      out.push({ kind: 'Comparable', outcome, lhs, rhs: r.value });
      continue;
    }
    if (lhs.kind === 'list') {
      for (const item of lhs.items) {
        const o = cmp(item, r.value);
        out.push(
          o === 'notComparable'
            ? { kind: 'NotComparable', lhs: item, rhs: r.value }
            : { kind: 'Comparable', outcome: o, lhs: item, rhs: r.value },
        );
      }
      continue;
    }
    const single =
      r.literal && r.value.kind === 'list' && r.value.items.length === 1
        ? r.value.items[0]
        : undefined;
    if (isScalar(lhs) && single) {
      const o = cmp(lhs, single);
      out.push(
        o === 'notComparable'
          ? { kind: 'NotComparable', lhs, rhs: single }
          : { kind: 'Comparable', outcome: o, lhs, rhs: single },
      );
      continue;
    }
    out.push({ kind: 'NotComparable', lhs, rhs: r.value });
  }
  return out;
}
