/**
 * Rule literals → values (LIT-*). Literals have no source in the data, so
 * they sit at line/col 0; the literal itself has path `""` and its elements
 * get child paths (`/0`, `/key`), which is what the reference prints
 * (`Path=/0[L:0,C:0] Value=3389`). Regexes were validated by the parser and
 * are compiled once here, per rules file, not per document.
 */

import type { KeyLocation, Value } from '../data/value.js';
import type { Literal } from '../syntax/ast.js';

export function literalToValue(lit: Literal, path = ''): Value {
  const base = { path, line: 0, col: 0 };
  switch (lit.kind) {
    case 'String':
      return { ...base, kind: 'string', value: lit.value };
    case 'Regex':
      return {
        ...base,
        kind: 'regex',
        pattern: lit.pattern,
        regex: new RegExp(lit.source, lit.flags),
      };
    case 'Int':
      return { ...base, kind: 'int', value: lit.value };
    case 'Float':
      return { ...base, kind: 'float', value: lit.value };
    case 'Bool':
      return { ...base, kind: 'bool', value: lit.value };
    case 'Null':
      return { ...base, kind: 'null' };
    case 'List':
      return {
        ...base,
        kind: 'list',
        items: lit.items.map((item, i) => literalToValue(item, `${path}/${i}`)),
      };
    case 'Map': {
      const entries = new Map<string, Value>();
      const keyLocations = new Map<string, KeyLocation>();
      for (const e of lit.entries) {
        entries.set(e.key, literalToValue(e.value, `${path}/${e.key}`));
        keyLocations.set(e.key, { line: 0, col: 0 });
      }
      return { ...base, kind: 'map', entries, keyLocations };
    }
    case 'IntRange':
      return { ...base, kind: 'range', rangeType: 'int', ...bounds(lit) };
    case 'FloatRange':
      return { ...base, kind: 'range', rangeType: 'float', ...bounds(lit) };
    case 'CharRange':
      return { ...base, kind: 'range', rangeType: 'char', ...bounds(lit) };
  }
}

function bounds<T>(lit: {
  readonly lower: T;
  readonly upper: T;
  readonly lowerInclusive: boolean;
  readonly upperInclusive: boolean;
}) {
  return {
    lower: lit.lower,
    upper: lit.upper,
    lowerInclusive: lit.lowerInclusive,
    upperInclusive: lit.upperInclusive,
  };
}

/**
 * Converts literals once per rules file. Keyed by the literal node itself so
 * every document evaluation reuses the same values (and compiled regexes).
 */
export class LiteralCache {
  private readonly cache = new WeakMap<Literal, Value>();

  get(lit: Literal): Value {
    let v = this.cache.get(lit);
    if (!v) {
      v = literalToValue(lit);
      this.cache.set(lit, v);
    }
    return v;
  }
}
