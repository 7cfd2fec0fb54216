/**
 * Query traversal (QRY-01..15). Walks the query parts over the value model
 * and returns the result set: resolved values in document order and
 * unresolved entries that say how far the walk got, what was left of the
 * query and why (with the reference's exact reason texts, which reports
 * print). Filters evaluate clauses, so traversal takes the scope that
 * resolves variables and whose root filter clauses are evaluated against —
 * the reference's "resolver", which is deliberately *not* re-rooted by `[*]`
 * on a list (see scope.ts).
 *
 * Performance: every step appends to one output array passed down (no
 * per-step arrays), the remaining-query texts are memoised per query
 * (display.ts `queryDisplayFrom`) and reason texts are built only when a
 * report reads them (query-result.ts `deferredUnresolved`).
 */
import type { MapValue, Value } from '../data/value.js';
import type { Conjunctions, GuardClause, MapKeyFilterPart, QueryPart } from '../syntax/ast.js';
import { conversionsOf } from './converters.js';
import { queryDisplayFrom } from './display.js';
import { type FilterPrecheck, filterPrecheck, precheckStatus } from './filter-precheck.js';
import { selectByKeys } from './map-key-filter.js';
import { interpolate } from './query-interpolate.js';
import { keyValue } from './query-key.js';
import {
  filterNotContainer,
  indexNotArray,
  indexOutOfBounds,
  keyIndexNotArray,
  mapFilterNotStruct,
  missingKey,
  noMoreEntriesReason,
  notAStructReason,
} from './query-reasons.js';
import { deferredUnresolved, type Explain, type QueryResult } from './query-result.js';
import { attachDecidedFilter, runFilter } from './quiet-filter.js';
import type { Scope } from './scope.js';

/**
 * The case converter a query is bound to (QRY-04): an index into the
 * conversions of `conversionsOf`, or `NO_CONVERTER` before any fallback hit.
 */
type ConverterIndex = number;
const NO_CONVERTER: ConverterIndex = -1;

/** Resolves `parts` starting at `current`, with `resolver` for variables and filters. */
export function resolveQuery(
  parts: readonly QueryPart[],
  current: Value,
  resolver: Scope,
): QueryResult[] {
  const out: QueryResult[] = [];
  retrieve(0, parts, current, resolver, NO_CONVERTER, out);
  return out;
}

/** An unresolved entry at `current` with the query left from `from`. */
function stopAt(
  out: QueryResult[],
  current: Value,
  parts: readonly QueryPart[],
  from: number,
  explain: Explain,
  detail: string,
): void {
  out.push(deferredUnresolved(current, queryDisplayFrom(parts, from), explain, detail));
}

/** The reference reads a key that parses as an i32 as an index (QRY-05). */
function keyAsIndex(name: string): number | null {
  const c = name.charCodeAt(0);
  // Cheap reject first: only a sign or a digit can start an index.
  if (!(c === 43 || c === 45 || (c >= 48 && c <= 57))) return null;
  if (!/^[+-]?\d+$/.test(name)) return null;
  const n = Number(name);
  return n >= -2147483648 && n <= 2147483647 ? n : null;
}

/** `list[index]`, then the rest of the query; the unresolved entry keeps the whole query. */
function retrieveIndex(
  index: number,
  parts: readonly QueryPart[],
  list: Value & { kind: 'list' },
  at: number,
  resolver: Scope,
  conv: ConverterIndex,
  out: QueryResult[],
): void {
  // GOT-10: negative indexes use their absolute value.
  const item = list.items[Math.abs(at)];
  if (item) retrieve(index + 1, parts, item, resolver, conv, out);
  else stopAt(out, list, parts, 0, indexOutOfBounds, String(at));
}

function retrieve(
  index: number,
  parts: readonly QueryPart[],
  current: Value,
  resolver: Scope,
  conv: ConverterIndex,
  out: QueryResult[],
): void {
  const part = parts[index];
  if (!part) {
    out.push({ resolved: true, value: current });
    return;
  }

  if (index === 0 && part.kind === 'Variable') {
    retrieveVariableStart(parts, resolver, conv, out);
    return;
  }

  switch (part.kind) {
    case 'This':
      retrieve(index + 1, parts, current, resolver, conv, out);
      return;

    case 'Variable':
      // `.%v` interpolation (QRY-11) only applies to maps.
      if (current.kind === 'map')
        interpolate(index, parts, current, resolver, part.name, out, (found) =>
          retrieve(index + 1, parts, found, resolver, conv, out),
        );
      else stopAt(out, current, parts, index, notAStructReason, `%${part.name}`);
      return;

    case 'Key': {
      const name = part.name;
      const asIndex = keyAsIndex(name);
      if (asIndex !== null) {
        if (current.kind === 'list')
          retrieveIndex(index, parts, current, asIndex, resolver, conv, out);
        else stopAt(out, current, parts, 0, keyIndexNotArray, String(asIndex));
        return;
      }
      if (current.kind !== 'map') {
        stopAt(out, current, parts, index, notAStructReason, name);
        return;
      }
      const entries = current.entries;
      const direct = entries.get(name);
      if (direct) {
        retrieve(index + 1, parts, direct, resolver, conv, out);
        return;
      }
      // QRY-04: retry in other case conventions; the first hit sticks.
      const forms = conversionsOf(name);
      if (conv !== NO_CONVERTER) {
        const hit = entries.get(forms[conv] ?? name);
        if (hit) {
          retrieve(index + 1, parts, hit, resolver, conv, out);
          return;
        }
      } else {
        for (let i = 0; i < forms.length; i++) {
          const hit = entries.get(forms[i] ?? name);
          if (hit) {
            retrieve(index + 1, parts, hit, resolver, i, out);
            return;
          }
        }
      }
      stopAt(out, current, parts, index, missingKey, name);
      return;
    }

    case 'Index':
      if (current.kind === 'list')
        retrieveIndex(index, parts, current, part.index, resolver, conv, out);
      else stopAt(out, current, parts, index, indexNotArray, String(part.index));
      return;

    case 'AllIndices':
      // QRY-06: a map or scalar passes through unchanged.
      if (current.kind === 'list') accumulateList(index, parts, current, resolver, conv, out);
      // VAR-08: `[name]` on a map visits each value and captures its key.
      else if (current.kind === 'map' && part.capture !== null)
        accumulateMap(index, parts, current, resolver, conv, part.capture, out);
      else retrieve(index + 1, parts, current, resolver, conv, out);
      return;

    case 'AllValues':
      if (current.kind === 'list') accumulateList(index, parts, current, resolver, conv, out);
      else if (current.kind === 'map')
        accumulateMap(index, parts, current, resolver, conv, part.capture, out);
      else retrieve(index + 1, parts, current, resolver, conv, out);
      return;

    case 'Filter':
      filter(index, parts, current, resolver, conv, part.conjunctions, part.capture, out);
      return;

    case 'MapKeyFilter':
      if (current.kind !== 'map') stopAt(out, current, parts, index, mapFilterNotStruct, '');
      else mapKeyFilter(index, parts, current, resolver, conv, part, out);
      return;
  }
}

/** QRY-10: `%v.rest` runs `rest` on each entry of `%v`; a `[*]` right after `%v` is consumed. */
function retrieveVariableStart(
  parts: readonly QueryPart[],
  resolver: Scope,
  conv: ConverterIndex,
  out: QueryResult[],
): void {
  const first = parts[0];
  if (first?.kind !== 'Variable') return;
  const values = resolver.resolveVariable(first.name);
  const next = parts[1]?.kind === 'AllIndices' ? 2 : 1;
  for (const each of values) {
    if (!each.resolved || next >= parts.length) out.push(each);
    else retrieve(next, parts, each.value, resolver.value(each.value), conv, out);
  }
}

function accumulateList(
  index: number,
  parts: readonly QueryPart[],
  list: Value & { kind: 'list' },
  resolver: Scope,
  conv: ConverterIndex,
  out: QueryResult[],
): void {
  if (list.items.length === 0) {
    stopAt(out, list, parts, index, noMoreEntriesReason, '');
    return;
  }
  for (const item of list.items) retrieve(index + 1, parts, item, resolver, conv, out);
}

/** Each value of `map` with the rest of the query; `capture` records each key (VAR-08). */
function accumulateMap(
  index: number,
  parts: readonly QueryPart[],
  map: MapValue,
  resolver: Scope,
  conv: ConverterIndex,
  capture: string | null,
  out: QueryResult[],
): void {
  if (map.entries.size === 0) {
    stopAt(out, map, parts, index, noMoreEntriesReason, '');
    return;
  }
  const next = parts[index + 1];
  if (next?.kind === 'Filter' && next.capture === null && capture === null) {
    const check = filterPrecheck(next.conjunctions, resolver);
    if (check !== null) {
      prechecked(index, parts, map, resolver, conv, next.conjunctions, check, out);
      return;
    }
  }
  for (const [key, value] of map.entries) {
    const scope = resolver.value(value);
    if (capture !== null) scope.addCapture(capture, keyValue(map, key));
    retrieve(index + 1, parts, value, scope, conv, out);
  }
}

/**
 * accumulateMap followed by a filter the precheck can decide for most
 * values (filter-precheck.ts): those skip the candidate scope and the
 * filter; the rest take the usual way.
 */
function prechecked(
  index: number,
  parts: readonly QueryPart[],
  map: MapValue,
  resolver: Scope,
  conv: ConverterIndex,
  conjunctions: Conjunctions<GuardClause>,
  check: FilterPrecheck,
  out: QueryResult[],
): void {
  const context = filterContext(conjunctions, 'Filter/Map#');
  for (const value of map.entries.values()) {
    const status = precheckStatus(check, value);
    if (status === null) {
      retrieve(index + 1, parts, value, resolver.value(value), conv, out);
    } else {
      attachDecidedFilter(context, status, conjunctions, resolver, value);
      if (status === 'PASS') retrieve(index + 2, parts, value, resolver.value(value), conv, out);
    }
  }
}

/** Runs a filter's CNF on one candidate and records it as `Filter/Map#N` (QRY-08). */
function checkAndDelegate(
  index: number,
  parts: readonly QueryPart[],
  conjunctions: Conjunctions<GuardClause>,
  capture: { readonly name: string; readonly map: MapValue; readonly key: string } | null,
  value: Value,
  scope: Scope,
  conv: ConverterIndex,
  out: QueryResult[],
): void {
  const status = runFilter(conjunctions, scope, filterContext(conjunctions, 'Filter/Map#'));
  if (status !== 'PASS') return;
  if (capture) scope.addCapture(capture.name, keyValue(capture.map, capture.key));
  retrieve(index + 1, parts, value, scope, conv, out);
}

/** `Filter/Map#N` / `Filter/List#N` (N = number of conjunctions), built once per filter. */
const mapContexts = new WeakMap<Conjunctions<GuardClause>, string>();
const listContexts = new WeakMap<Conjunctions<GuardClause>, string>();
function filterContext(
  conjunctions: Conjunctions<GuardClause>,
  prefix: 'Filter/Map#' | 'Filter/List#',
): string {
  const memo = prefix === 'Filter/Map#' ? mapContexts : listContexts;
  let text = memo.get(conjunctions);
  if (text === undefined) {
    text = `${prefix}${conjunctions.length}`;
    memo.set(conjunctions, text);
  }
  return text;
}

function filter(
  index: number,
  parts: readonly QueryPart[],
  current: Value,
  resolver: Scope,
  conv: ConverterIndex,
  conjunctions: Conjunctions<GuardClause>,
  capture: string | null,
  out: QueryResult[],
): void {
  const prev = parts[index - 1];
  if (current.kind === 'map') {
    if (prev?.kind === 'Key') {
      // QRY-08: a map reached by a plain key filters its values.
      for (const [key, value] of current.entries) {
        checkAndDelegate(
          index,
          parts,
          conjunctions,
          capture === null ? null : { name: capture, map: current, key },
          value,
          resolver.value(value),
          conv,
          out,
        );
      }
      return;
    }
    // Reached through `*`/`[*]` (or anything else): the map itself is the candidate.
    checkAndDelegate(index, parts, conjunctions, null, current, resolver, conv, out);
    return;
  }
  if (current.kind === 'list') {
    const context = filterContext(conjunctions, 'Filter/List#');
    for (const item of current.items) {
      const status = runFilter(conjunctions, resolver.value(item), context);
      if (status === 'PASS') retrieve(index + 1, parts, item, resolver, conv, out);
    }
    return;
  }
  if (prev?.kind === 'AllIndices') {
    const status = resolver.env.evalConjunctions(conjunctions, resolver.value(current));
    if (status === 'PASS') retrieve(index + 1, parts, current, resolver, conv, out);
    return;
  }
  stopAt(out, current, parts, index, filterNotContainer, '');
}

/** QRY-09: `[ keys OP rhs ]` selects the values whose key satisfies the comparison. */
function mapKeyFilter(
  index: number,
  parts: readonly QueryPart[],
  map: MapValue,
  resolver: Scope,
  conv: ConverterIndex,
  part: MapKeyFilterPart,
  out: QueryResult[],
): void {
  const env = resolver.env;
  let rhs: readonly QueryResult[];
  switch (part.compareWith.kind) {
    case 'QueryValue': {
      // Resolved relative to the map itself, as the reference does.
      const found: QueryResult[] = [];
      retrieve(0, part.compareWith.query.parts, map, resolver, conv, found);
      rhs = found;
      break;
    }
    case 'LiteralValue':
      rhs = env.literals.asResults(part.compareWith.literal);
      break;
    case 'FunctionCall':
      rhs = env.callFunction(part.compareWith, resolver);
      break;
  }
  for (const v of selectByKeys(map, resolver, part, rhs)) {
    retrieve(index + 1, parts, v, resolver, conv, out);
  }
}
