/**
 * Input-parameter merge (DATA-08, GOT-28): `-i` documents are merged into one,
 * then with each data document (parameters first). The merge is top-level
 * only: two maps combine their keys (a key in both is an error even when the
 * nested contents differ), two lists concatenate, anything else is an error.
 * Texts checked against cfn-guard 3.1.1.
 */
import { GuardError } from '../diag/errors.js';
import { typeInfo } from './display.js';
import { listValue, mapValue } from './make.js';
import { ROOT_PATH } from './path.js';
import type { KeyLocation, Value } from './value.js';

function mergeTwo(first: Value, second: Value): Value {
  if (first.kind === 'map' && second.kind === 'map') {
    const entries = new Map<string, Value>(first.entries);
    const keyLocations = new Map<string, KeyLocation>(first.keyLocations);
    for (const [key, value] of second.entries) {
      if (entries.has(key)) {
        throw new GuardError(
          'DATA_MERGE_CONFLICT',
          `input parameters and data both define the top-level key "${key}"`,
          {
            compat: `Conflicting rule or variable assignments inside the same scope \`Key ${key}, already exists in map\``,
          },
        );
      }
      entries.set(key, value);
      const loc = second.keyLocations.get(key);
      if (loc !== undefined) keyLocations.set(key, loc);
    }
    return mapValue(entries, keyLocations, ROOT_PATH, first.line, first.col);
  }
  if (first.kind === 'list' && second.kind === 'list') {
    return listValue([...first.items, ...second.items], ROOT_PATH, first.line, first.col);
  }
  // The reference names the types as in its comparison messages.
  const a = typeInfo(first);
  const b = typeInfo(second);
  throw new GuardError('DATA_MERGE_TYPES', `cannot merge a ${a} document with a ${b} document`, {
    compat: `Types or variable assignments are incompatible \`Types are not compatible for merges ${a}, ${b}\``,
  });
}

/**
 * Merges documents left to right (input parameters first, the data document
 * last). An empty list gives an empty map.
 */
export function mergeDocuments(docs: readonly Value[]): Value {
  const [head, ...rest] = docs;
  if (head === undefined) return mapValue(new Map(), new Map(), ROOT_PATH, 0, 0);
  let acc = head;
  for (const next of rest) acc = mergeTwo(acc, next);
  return acc;
}
