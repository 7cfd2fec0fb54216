/** Test-local JSON → Value (positions 0/0; paths as the loader builds them). */
import type { KeyLocation, Value } from '../../../src/data/value.js';

export function fromJson(x: unknown, path = ''): Value {
  const base = { path, line: 0, col: 0 };
  if (x === null) return { ...base, kind: 'null' };
  if (typeof x === 'boolean') return { ...base, kind: 'bool', value: x };
  if (typeof x === 'string') return { ...base, kind: 'string', value: x };
  if (typeof x === 'number') {
    return Number.isInteger(x)
      ? { ...base, kind: 'int', value: x }
      : { ...base, kind: 'float', value: x };
  }
  if (Array.isArray(x))
    return { ...base, kind: 'list', items: x.map((e, i) => fromJson(e, `${path}/${i}`)) };
  const entries = new Map<string, Value>();
  const keyLocations = new Map<string, KeyLocation>();
  for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
    entries.set(k, fromJson(v, `${path}/${k}`));
    keyLocations.set(k, { line: 0, col: 0 });
  }
  return { ...base, kind: 'map', entries, keyLocations };
}

/** A float that JSON cannot express (`1.0`). */
export function float(value: number, path = ''): Value {
  return { kind: 'float', value, path, line: 0, col: 0 };
}

/** Position of every value the builders below make. */
export const at = { path: '', line: 0, col: 0 };
export const str = (value: string): Value => ({ kind: 'string', value, ...at });
export const int = (value: number): Value => ({ kind: 'int', value, ...at });
export const flt = (value: number): Value => ({ kind: 'float', value, ...at });
export const nul: Value = { kind: 'null', ...at };
export const bool = (value: boolean): Value => ({ kind: 'bool', value, ...at });
export const chr = (value: string): Value => ({ kind: 'char', value, ...at });
export const regexValue = (pattern: string, flags?: string): Value => ({
  kind: 'regex',
  pattern,
  regex: new RegExp(pattern, flags),
  ...at,
});
export const list = (...items: Value[]): Value => ({ kind: 'list', items, ...at });
export const map = (...pairs: [string, Value][]): Value => ({
  kind: 'map',
  entries: new Map(pairs),
  keyLocations: new Map(pairs.map(([k]) => [k, { line: 0, col: 0 }])),
  ...at,
});
