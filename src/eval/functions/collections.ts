/**
 * Collection functions (FN-02).
 */
import type { Value } from '../../data/value.js';
import type { QueryResult } from '../query-result.js';
import { intAt, ROOT } from './support.js';

/**
 * `count(q)`: the number of resolved entries (unresolved ones are not
 * counted), as one int carrying the first entry's path, or the root for an
 * empty argument. A literal list is one entry, so `count([1,2,3])` is 1.
 */
export function count(entries: readonly QueryResult[]): Value[] {
  const resolvedCount = entries.filter((entry) => entry.resolved).length;
  const first = entries[0];
  const at = first === undefined ? ROOT : first.resolved ? first.value : first.traversedTo;
  return [intAt(at, resolvedCount)];
}
