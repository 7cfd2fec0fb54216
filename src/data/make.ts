/**
 * Plain-object constructors for loaded values, so every loader builds the
 * same shapes (and the same property order, which keeps V8 hidden classes
 * shared across millions of values in large templates).
 */

import type { ScalarResult } from './scalars.js';
import type { KeyLocation, ListValue, MapValue, Value } from './value.js';

export function scalarValue(r: ScalarResult, path: string, line: number, col: number): Value {
  switch (r.kind) {
    case 'null':
      return { kind: 'null', path, line, col };
    case 'bool':
      return { kind: 'bool', value: r.value, path, line, col };
    case 'int':
      return r.exact === undefined
        ? { kind: 'int', value: r.value, path, line, col }
        : { kind: 'int', value: r.value, path, line, col, exact: r.exact };
    case 'float':
      return { kind: 'float', value: r.value, path, line, col };
    case 'string':
      return { kind: 'string', value: r.value, path, line, col };
  }
}

export function stringValue(value: string, path: string, line: number, col: number): Value {
  return { kind: 'string', value, path, line, col };
}

export function listValue(
  items: readonly Value[],
  path: string,
  line: number,
  col: number,
): ListValue {
  return { kind: 'list', items, path, line, col };
}

export function mapValue(
  entries: ReadonlyMap<string, Value>,
  keyLocations: ReadonlyMap<string, KeyLocation>,
  path: string,
  line: number,
  col: number,
): MapValue {
  return { kind: 'map', entries, keyLocations, path, line, col };
}

/**
 * DATA-05: a duplicate key keeps its first position (Map.set keeps the
 * original insertion slot) and its last value.
 */
export function setEntry(
  entries: Map<string, Value>,
  keyLocations: Map<string, KeyLocation>,
  key: string,
  value: Value,
  line: number,
  col: number,
): void {
  entries.set(key, value);
  if (!keyLocations.has(key)) keyLocations.set(key, { line, col });
}
