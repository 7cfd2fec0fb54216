/**
 * Set-level comparison of a clause's LHS and RHS result sets (OP-08..OP-17),
 * following the shape rules of the reference's operators: which side is a
 * whole literal changes how lists are treated (OP-10, OP-14..16), ordering
 * flattens one level (OP-13), query-vs-query `==` compares sets (OP-11), and
 * negation is applied afterwards to the per-value outcomes (OP-12, OP-17).
 * Pure: no records here; clause.ts turns outcomes into records and statuses.
 */
import type { Value } from '../data/value.js';
import type { Comparator } from '../syntax/ast.js';
import { compareOrder, notComparableReason } from './compare.js';
import { valueDisplay } from './display.js';
import { containsValue, eqPairwise, isScalar, type Pairwise } from './operators-pairwise.js';
import type { QueryResult, Unresolved } from './query-result.js';

export { compareEachRhs, type KeyComparison } from './operators-key.js';
export { isScalar, sameValue } from './operators-pairwise.js';

export type Compare =
  | { readonly kind: 'Value'; readonly lhs: Value; readonly rhs: Value }
  | { readonly kind: 'ValueIn'; readonly lhs: Value; readonly rhs: Value }
  | {
      readonly kind: 'ListIn';
      readonly diff: readonly Value[];
      readonly lhs: Value;
      readonly rhs: Value;
    }
  | {
      readonly kind: 'QueryIn';
      readonly diff: readonly Value[];
      readonly lhs: readonly Value[];
      readonly rhs: readonly Value[];
    };

export type ValueEval =
  | { readonly kind: 'LhsUnresolved'; readonly unresolved: Unresolved }
  | { readonly kind: 'RhsUnresolved'; readonly unresolved: Unresolved; readonly lhs: Value }
  | {
      readonly kind: 'NotComparable';
      readonly reason: string;
      readonly lhs: Value;
      readonly rhs: Value;
    }
  | { readonly kind: 'Success'; readonly cmp: Compare }
  | { readonly kind: 'Fail'; readonly cmp: Compare };

export type SetOutcome =
  | { readonly kind: 'Skip' }
  | { readonly kind: 'Result'; readonly results: ValueEval[] };

function matchValue(lhs: Value, rhs: Value, cmp: Pairwise): ValueEval {
  const outcome = cmp(lhs, rhs);
  if (outcome === 'notComparable') {
    return { kind: 'NotComparable', reason: notComparableReason(lhs, rhs), lhs, rhs };
  }
  return { kind: outcome ? 'Success' : 'Fail', cmp: { kind: 'Value', lhs, rhs } };
}

/** Splits a result set into resolved values, reporting unresolved entries through `onUnresolved`. */
function selected(results: readonly QueryResult[], onUnresolved: (u: Unresolved) => void): Value[] {
  const out: Value[] = [];
  for (const r of results) {
    if (r.resolved) out.push(r.value);
    else onUnresolved(r);
  }
  return out;
}

/** The single whole literal of a set, if the set is exactly one literal. */
function literalOf(results: readonly QueryResult[]): Value | null {
  const only = results.length === 1 ? results[0] : undefined;
  return only?.resolved && only.literal ? only.value : null;
}

function stringIn(lhs: Value, rhs: Value): ValueEval {
  if (lhs.kind === 'string' && rhs.kind === 'string') {
    return {
      kind: rhs.value.includes(lhs.value) ? 'Success' : 'Fail',
      cmp: { kind: 'Value', lhs, rhs },
    };
  }
  return {
    kind: 'NotComparable',
    reason: `Type not comparable, ${valueDisplay(lhs)}, ${valueDisplay(rhs)}`,
    lhs,
    rhs,
  };
}

/** OP-14: is `lhs` in the RHS value `rhs`? */
function containedIn(lhs: Value, rhs: Value): ValueEval {
  if (lhs.kind === 'list') {
    if (rhs.kind !== 'list') {
      return {
        kind: 'NotComparable',
        reason: `Can not compare type ${valueDisplay(lhs)}, ${valueDisplay(rhs)}`,
        lhs,
        rhs,
      };
    }
    const first = rhs.items[0];
    if (first && first.kind === 'list') {
      const found = containsValue(rhs.items, lhs);
      return {
        kind: found ? 'Success' : 'Fail',
        cmp: { kind: 'ListIn', diff: found ? [] : [lhs], lhs, rhs },
      };
    }
    const diff = lhs.items.filter((e) => !containsValue(rhs.items, e));
    return {
      kind: diff.length === 0 ? 'Success' : 'Fail',
      cmp: { kind: 'ListIn', diff, lhs, rhs },
    };
  }
  if (rhs.kind === 'list') {
    return {
      kind: containsValue(rhs.items, lhs) ? 'Success' : 'Fail',
      cmp: { kind: 'ValueIn', lhs, rhs },
    };
  }
  return matchValue(lhs, rhs, eqPairwise);
}

function stringInOrContained(lhs: Value, rhs: Value): ValueEval {
  const r = stringIn(lhs, rhs);
  return r.kind === 'Success' ? r : containedIn(lhs, rhs);
}

function eqOperation(lhs: readonly QueryResult[], rhs: readonly QueryResult[]): ValueEval[] {
  const results: ValueEval[] = [];
  const l = literalOf(lhs);
  const r = literalOf(rhs);
  if (l && r) {
    results.push(matchValue(l, r, eqPairwise));
  } else if (l) {
    const rhsValues = selected(rhs, (u) =>
      results.push({ kind: 'RhsUnresolved', unresolved: u, lhs: l }),
    );
    for (const each of rhsValues) {
      if (l.kind !== 'list' && each.kind === 'list') {
        for (const item of each.items) results.push(matchValue(l, item, eqPairwise));
      } else {
        results.push(matchValue(l, each, eqPairwise));
      }
    }
  } else if (r) {
    const lhsValues = selected(lhs, (u) => results.push({ kind: 'LhsUnresolved', unresolved: u }));
    for (const each of lhsValues) {
      if (r.kind === 'list') {
        // OP-10: a one-element list literal is compared with its element.
        const single = r.items.length === 1 ? r.items[0] : undefined;
        results.push(matchValue(each, isScalar(each) && single ? single : r, eqPairwise));
      } else if (each.kind === 'list') {
        // OP-10: a list value against a scalar literal is compared element-wise.
        for (const item of each.items) results.push(matchValue(item, r, eqPairwise));
      } else {
        results.push(matchValue(each, r, eqPairwise));
      }
    }
  } else {
    const lhsValues = selected(lhs, (u) => results.push({ kind: 'LhsUnresolved', unresolved: u }));
    const rhsValues = selected(rhs, (u) => {
      for (const lv of lhsValues) results.push({ kind: 'RhsUnresolved', unresolved: u, lhs: lv });
    });
    // OP-11: compare as sets, from the larger side.
    const diff =
      lhsValues.length > rhsValues.length
        ? lhsValues.filter((e) => !containsValue(rhsValues, e))
        : rhsValues.filter((e) => !containsValue(lhsValues, e));
    results.push({
      kind: diff.length === 0 ? 'Success' : 'Fail',
      cmp: { kind: 'QueryIn', diff, lhs: lhsValues, rhs: rhsValues },
    });
  }
  return results;
}

function inOperation(lhs: readonly QueryResult[], rhs: readonly QueryResult[]): ValueEval[] {
  const results: ValueEval[] = [];
  const l = literalOf(lhs);
  const r = literalOf(rhs);
  if (l && r) {
    results.push(stringInOrContained(l, r));
  } else if (l) {
    const rhsValues = selected(rhs, (u) =>
      results.push({ kind: 'RhsUnresolved', unresolved: u, lhs: l }),
    );
    if (rhsValues.some((v) => v.kind === 'list')) {
      for (const each of rhsValues) results.push(containedIn(l, each));
    } else if (l.kind === 'list') {
      const diff = l.items.filter((e) => !containsValue(rhsValues, e));
      results.push({
        kind: diff.length === 0 ? 'Success' : 'Fail',
        cmp: { kind: 'QueryIn', diff, lhs: [l], rhs: rhsValues },
      });
    } else {
      for (const each of rhsValues) results.push(containedIn(l, each));
    }
  } else if (r) {
    const lhsValues = selected(lhs, (u) => results.push({ kind: 'LhsUnresolved', unresolved: u }));
    for (const each of lhsValues) {
      if (r.kind === 'string') {
        // OP-15: substring test, element-wise for list values.
        if (each.kind === 'list') for (const item of each.items) results.push(stringIn(item, r));
        else results.push(stringIn(each, r));
      } else {
        results.push(containedIn(each, r));
      }
    }
  } else {
    const lhsValues = selected(lhs, (u) => results.push({ kind: 'LhsUnresolved', unresolved: u }));
    const rhsValues = selected(rhs, (u) => {
      for (const lv of lhsValues) results.push({ kind: 'RhsUnresolved', unresolved: u, lhs: lv });
    });
    // OP-16: one record listing the LHS values found in no RHS value.
    const diff = lhsValues.filter(
      (lv) => !rhsValues.some((rv) => containedIn(lv, rv).kind === 'Success'),
    );
    results.push({
      kind: diff.length === 0 ? 'Success' : 'Fail',
      cmp: { kind: 'QueryIn', diff, lhs: lhsValues, rhs: rhsValues },
    });
  }
  return results;
}

function flattened(
  results: readonly QueryResult[],
  onUnresolved: (u: Unresolved) => void,
): Value[] {
  const out: Value[] = [];
  for (const v of selected(results, onUnresolved)) {
    if (v.kind === 'list') out.push(...v.items);
    else out.push(v);
  }
  return out;
}

/** OP-13: one record per (LHS element, RHS element) pair after one level of flattening. */
function orderingOperation(
  op: 'Gt' | 'Ge' | 'Lt' | 'Le',
  lhs: readonly QueryResult[],
  rhs: readonly QueryResult[],
): ValueEval[] {
  const results: ValueEval[] = [];
  const lhsValues = flattened(lhs, (u) => results.push({ kind: 'LhsUnresolved', unresolved: u }));
  const rhsValues = flattened(rhs, (u) => {
    for (const lv of lhsValues) results.push({ kind: 'RhsUnresolved', unresolved: u, lhs: lv });
  });
  const pairwise: Pairwise = (a, b) => compareOrder(op, a, b);
  for (const lv of lhsValues)
    for (const rv of rhsValues) results.push(matchValue(lv, rv, pairwise));
  return results;
}

/** OP-12/OP-17: invert outcomes after the positive comparison; not-comparable stays FAIL. */
function negate(op: Comparator['op'], e: ValueEval): ValueEval {
  if (e.kind === 'Fail') {
    const c = e.cmp;
    if (c.kind === 'QueryIn') {
      // Δ3.2 (GOT-19): for `!=` the reverse difference is taken over the
      // larger-or-equal side, so two disjoint sets pass; `not in` keeps L∖D.
      const base = op === 'Eq' && c.rhs.length >= c.lhs.length ? c.rhs : c.lhs;
      const reverse = base.filter((x) => !containsValue(c.diff, x));
      return { kind: reverse.length === 0 ? 'Success' : 'Fail', cmp: { ...c, diff: reverse } };
    }
    if (c.kind === 'ListIn') {
      const items = c.lhs.kind === 'list' ? c.lhs.items : [];
      const reverse = items.filter((x) => !containsValue(c.diff, x));
      return { kind: reverse.length === 0 ? 'Success' : 'Fail', cmp: { ...c, diff: reverse } };
    }
    return { kind: 'Success', cmp: c };
  }
  if (e.kind === 'Success') {
    const c = e.cmp;
    if (c.kind === 'QueryIn') return { kind: 'Fail', cmp: { ...c, diff: [...c.lhs] } };
    if (c.kind === 'ListIn') {
      return { kind: 'Fail', cmp: { ...c, diff: c.lhs.kind === 'list' ? [...c.lhs.items] : [] } };
    }
    return { kind: 'Fail', cmp: c };
  }
  return e;
}

/** Compares two result sets with a binary comparator; an empty side is a SKIP (OP-06). */
export function compareSets(
  cmp: Comparator,
  lhs: readonly QueryResult[],
  rhs: readonly QueryResult[],
): SetOutcome {
  if (lhs.length === 0 || rhs.length === 0) return { kind: 'Skip' };
  let results: ValueEval[];
  switch (cmp.op) {
    case 'Eq':
      results = eqOperation(lhs, rhs);
      break;
    case 'In':
      results = inOperation(lhs, rhs);
      break;
    case 'Gt':
    case 'Ge':
    case 'Lt':
    case 'Le':
      results = orderingOperation(cmp.op, lhs, rhs);
      break;
    default:
      throw new Error(`not a binary operator: ${cmp.op}`);
  }
  return { kind: 'Result', results: cmp.negated ? results.map((e) => negate(cmp.op, e)) : results };
}
