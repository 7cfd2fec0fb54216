import type { Value } from '../../../src/data/value.js';
import { GuardError } from '../../../src/diag/errors.js';

/** Every value as `path[L:l,C:c]`, sorted, like the reference prints them. */
export function positionsOf(v: Value): string[] {
  const out: string[] = [];
  const walk = (x: Value): void => {
    out.push(`${x.path}[L:${x.line},C:${x.col}]`);
    if (x.kind === 'map') for (const c of x.entries.values()) walk(c);
    if (x.kind === 'list') for (const c of x.items) walk(c);
  };
  walk(v);
  return out.sort();
}

/** Every scalar as `path[L:l,C:c] value`, in document order. */
export function leaves(v: Value, out: string[] = []): string[] {
  if (v.kind === 'map') for (const x of v.entries.values()) leaves(x, out);
  else if (v.kind === 'list') for (const x of v.items) leaves(x, out);
  else out.push(`${v.path}[L:${v.line},C:${v.col}] ${render(v)}`);
  return out;
}

/** A compact typed rendering: floats carry a `f` suffix so `1` and `1.0` differ. */
export function render(v: Value): string {
  switch (v.kind) {
    case 'map':
      return `{${[...v.entries].map(([k, x]) => `${JSON.stringify(k)}:${render(x)}`).join(',')}}`;
    case 'list':
      return `[${v.items.map(render).join(',')}]`;
    case 'float':
      return `${v.value}f`;
    case 'null':
      return 'null';
    case 'int':
    case 'bool':
      return String(v.value);
    case 'string':
      return JSON.stringify(v.value);
    default:
      return v.kind;
  }
}

/** The GuardError `fn` throws; fails the test when it throws nothing or something else. */
export function thrown(fn: () => unknown): GuardError {
  try {
    fn();
  } catch (e) {
    if (e instanceof GuardError) return e;
    throw e;
  }
  throw new Error('expected a GuardError');
}
