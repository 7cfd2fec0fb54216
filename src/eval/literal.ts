/**
 * Rule literals → values (LIT-*). Literals have no source in the data, so
 * they sit at line/col 0; the literal itself has path `""` and its elements
 * get child paths (`/0`, `/key`), which is what the reference prints
 * (`Path=/0[L:0,C:0] Value=3389`). Regexes were validated by the parser and
 * are compiled once here, per rules file, not per document.
 */

import type { KeyLocation, Value } from '../data/value.js';
import type { Literal } from '../syntax/ast.js';
import { literalResult, type QueryResult } from './query-result.js';

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
  private readonly results = new WeakMap<Literal, readonly QueryResult[]>();
  private readonly values = new WeakMap<Literal, readonly QueryResult[]>();

  /**
   * The literal as a one-entry result list (`QueryResult::Literal`), shared by
   * every read: literal `let`s and right-hand sides are read once per clause
   * evaluation, and nobody appends to a list they did not build.
   */
  asResults(lit: Literal): readonly QueryResult[] {
    let r = this.results.get(lit);
    if (r === undefined) {
      r = [literalResult(this.get(lit))];
      this.results.set(lit, r);
    }
    return r;
  }

  /** The literal as a plain resolved value (a parameterized rule's literal argument). */
  asValueResults(lit: Literal): readonly QueryResult[] {
    let r = this.values.get(lit);
    if (r === undefined) {
      r = [{ resolved: true, value: this.get(lit) }];
      this.values.set(lit, r);
    }
    return r;
  }

  get(lit: Literal): Value {
    let v = this.cache.get(lit);
    if (!v) {
      v = literalToValue(lit);
      this.cache.set(lit, v);
    }
    return v;
  }
}
