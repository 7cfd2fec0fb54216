/**
 * Map-key filters (QRY-09): which values of a map a `[ keys OP rhs ]` part
 * selects, recording each key comparison the way the reference does
 * (context `""`). Query traversal (query.ts) resolves the right-hand side
 * and continues the query on the selected values.
 */
import type { MapValue, Value } from '../data/value.js';
import type { MapKeyFilterPart } from '../syntax/ast.js';
import { compareEachRhs, type KeyComparison } from './operators.js';
import { keyValue } from './query-key.js';
import type { QueryResult } from './query-result.js';
import type { Comparison } from './result.js';
import type { Scope } from './scope.js';

/** The selected values in map order, a value once per passing comparison; captures the keys. */
export function selectByKeys(
  map: MapValue,
  resolver: Scope,
  part: MapKeyFilterPart,
  rhs: readonly QueryResult[],
): Value[] {
  // `keys == a` with several RHS values behaves as `in`.
  const op: 'Eq' | 'In' = part.comparator.op === 'Eq' && rhs.length <= 1 ? 'Eq' : 'In';
  const comparison: Comparison = { op, negated: part.comparator.negated };
  const selectedValues: Value[] = [];
  for (const [key, value] of map.entries) {
    const keyVal = keyValue(map, key);
    const results = compareEachRhs(op, part.comparator.negated, keyVal, rhs);
    const passed =
      op === 'In'
        ? recordAtLeastOne(resolver, results, comparison)
        : recordAll(resolver, results, comparison);
    for (let i = 0; i < passed; i++) selectedValues.push(value);
    if (part.capture && passed > 0) resolver.addCapture(part.capture, keyVal);
  }
  return selectedValues;
}

/** Records each key comparison (context `""`, as the reference); returns how many passed. */
function recordAll(
  resolver: Scope,
  results: readonly KeyComparison[],
  comparison: Comparison,
): number {
  const rec = resolver.env.recorder;
  let passed = 0;
  for (const r of results) {
    rec.start('');
    if (r.kind === 'Comparable' && r.outcome) {
      rec.end('', { kind: 'ClauseValueCheck', check: { kind: 'Success' } });
      passed++;
      continue;
    }
    const to: QueryResult = r.kind === 'UnresolvedRhs' ? r.rhs : { resolved: true, value: r.rhs };
    rec.end('', {
      kind: 'ClauseValueCheck',
      check: {
        kind: 'Comparison',
        comparison,
        from: { resolved: true, value: r.lhs },
        to,
        message: null,
        customMessage: null,
        status: 'FAIL',
      },
    });
  }
  return passed;
}

function recordAtLeastOne(
  resolver: Scope,
  results: readonly KeyComparison[],
  comparison: Comparison,
): number {
  const first = results[0];
  if (!first) return 0;
  const rec = resolver.env.recorder;
  rec.start('');
  if (results.some((r) => r.kind === 'Comparable' && r.outcome)) {
    rec.end('', { kind: 'ClauseValueCheck', check: { kind: 'Success' } });
    return 1;
  }
  rec.end('', {
    kind: 'ClauseValueCheck',
    check: {
      kind: 'InComparison',
      comparison,
      from: { resolved: true, value: first.lhs },
      to: results.map(
        (r): QueryResult => (r.kind === 'UnresolvedRhs' ? r.rhs : { resolved: true, value: r.rhs }),
      ),
      message: null,
      customMessage: null,
      status: 'FAIL',
    },
  });
  return 0;
}
