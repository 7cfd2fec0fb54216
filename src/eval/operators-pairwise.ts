/**
 * Value-against-value comparisons shared by the set-level operators
 * (./operators.ts) and the map-key filters (./operators-key.ts): the
 * reference's `PartialEq` for membership, and `==` as a pairwise test that
 * can say "not comparable".
 */
import type { Value } from '../data/value.js';
import { valuesEqual } from './compare.js';

export function isScalar(v: Value): boolean {
  return v.kind !== 'list' && v.kind !== 'map';
}

/**
 * The reference's `PartialEq` between values, used for list membership and
 * set differences: equal when comparable and equal; ranges never match as
 * elements (OP-14: `2 in [r[1,3]]` FAILs).
 */
export function sameValue(a: Value, b: Value): boolean {
  if (a.kind === 'range' || b.kind === 'range') return false;
  return valuesEqual(a, b) === 'equal';
}

export function containsValue(list: readonly Value[], v: Value): boolean {
  return list.some((e) => sameValue(e, v));
}

export type Pairwise = (lhs: Value, rhs: Value) => boolean | 'notComparable';

export const eqPairwise: Pairwise = (l, r) => {
  const res = valuesEqual(l, r);
  return res === 'notComparable' ? res : res === 'equal';
};
