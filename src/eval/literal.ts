/**
 * Rule literals → values (LIT-*). Literals have no source in the data, so
 * they sit at line/col 0; the literal itself has path `""` and its elements
 * get child paths (`/0`, `/key`), which is what the reference prints
 * (`Path=/0[L:0,C:0] Value=3389`). Regexes were validated by the parser and
 * are compiled once here, per rules file, not per document.
 */

import { listValue, mapValue, stringValue } from '../data/make.js';
import type { KeyLocation, Value } from '../data/value.js';
import type { Literal } from '../syntax/ast.js';
import { literalResult, type QueryResult } from './query-result.js';

export function literalToValue(lit: Literal, path = ''): Value {
  // The data layer's constructors (and the same property order for the
  // kinds it has none for), so literals share hidden classes with data
  // values: comparisons then see one shape per kind, not two.
  switch (lit.kind) {
    case 'String':
      return stringValue(lit.value, path, 0, 0);
    case 'Regex':
      return {
        kind: 'regex',
        pattern: lit.pattern,
        regex: new RegExp(lit.source, lit.flags),
        path,
        line: 0,
        col: 0,
      };
    case 'Int':
      return { kind: 'int', value: lit.value, path, line: 0, col: 0 };
    case 'Float':
      return { kind: 'float', value: lit.value, path, line: 0, col: 0 };
    case 'Bool':
      return { kind: 'bool', value: lit.value, path, line: 0, col: 0 };
    case 'Null':
      return { kind: 'null', path, line: 0, col: 0 };
    case 'List':
      return listValue(
        lit.items.map((item, i) => literalToValue(item, `${path}/${i}`)),
        path,
        0,
        0,
      );
    case 'Map': {
      const entries = new Map<string, Value>();
      const keyLocations = new Map<string, KeyLocation>();
      for (const e of lit.entries) {
        entries.set(e.key, literalToValue(e.value, `${path}/${e.key}`));
        keyLocations.set(e.key, { line: 0, col: 0 });
      }
      return mapValue(entries, keyLocations, path, 0, 0);
    }
    case 'IntRange':
      return { kind: 'range', rangeType: 'int', ...bounds(lit), path, line: 0, col: 0 };
    case 'FloatRange':
      return { kind: 'range', rangeType: 'float', ...bounds(lit), path, line: 0, col: 0 };
    case 'CharRange':
      return { kind: 'range', rangeType: 'char', ...bounds(lit), path, line: 0, col: 0 };
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
