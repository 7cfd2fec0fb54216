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
