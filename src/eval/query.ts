/**
 * Query traversal (QRY-01..15). Walks the query parts over the value model
 * and returns the result set: resolved values in document order and
 * unresolved entries that say how far the walk got, what was left of the
 * query and why (with the reference's exact reason texts, which reports
 * print). Filters evaluate clauses, so traversal takes the scope that
 * resolves variables and whose root filter clauses are evaluated against —
 * the reference's "resolver", which is deliberately *not* re-rooted by `[*]`
 * on a list (see scope.ts).
 */
import type { MapValue, StringValue, Value } from '../data/value.js';
import type { Conjunctions, GuardClause, MapKeyFilterPart, QueryPart } from '../syntax/ast.js';
import { CONVERTERS, type Converter } from './converters.js';
import { debugValue, pathDisplay, queryDisplay, queryPartDisplay, typeInfo } from './display.js';
import { incompatibleError, notComparableError } from './errors.js';
import { compareEachRhs, type KeyComparison } from './operators.js';
import { literalResult, type QueryResult, unresolved } from './query-result.js';
import type { Comparison } from './result.js';
import type { Scope } from './scope.js';

/** Resolves `parts` starting at `current`, with `resolver` for variables and filters. */
export function resolveQuery(
  parts: readonly QueryPart[],
  current: Value,
  resolver: Scope,
): QueryResult[] {
  return retrieve(0, parts, current, resolver, null);
}

function unresolvedAt(current: Value, reason: string, rest: readonly QueryPart[]): QueryResult[] {
  return [unresolved(current, queryDisplay(rest), reason)];
}

/** The reference reads a key that parses as an i32 as an index (QRY-05). */
function keyAsIndex(name: string): number | null {
  if (!/^[+-]?\d+$/.test(name)) return null;
  const n = Number(name);
  return n >= -2147483648 && n <= 2147483647 ? n : null;
}

function retrieveIndex(
  parent: Value & { kind: 'list' },
  index: number,
  parts: readonly QueryPart[],
): QueryResult {
  // GOT-10: negative indexes use their absolute value.
  const check = Math.abs(index);
  const item = parent.items[check];
  if (item) return { resolved: true, value: item };
  const all = queryDisplay(parts);
  return unresolved(
    parent,
    all,
    `Array Index out of bounds for path = ${pathDisplay(parent)} on index = ${index} inside Array = [${parent.items
      .map(debugValue)
      .join(', ')}], remaining query = ${all}`,
  );
}

function noMoreEntries(current: Value, rest: readonly QueryPart[]): QueryResult[] {
  return unresolvedAt(
    current,
    `No more entries for value at path = ${pathDisplay(current)} on type = ${typeInfo(current)} `,
    rest,
  );
}

/** The map key itself as a string value (path of the map, position of the key). */
function keyValue(map: MapValue, key: string): StringValue {
  const loc = map.keyLocations.get(key);
  return {
    kind: 'string',
    value: key,
    path: loc?.path ?? map.path,
    line: loc?.line ?? map.line,
    col: loc?.col ?? map.col,
  };
}

function retrieve(
  index: number,
  parts: readonly QueryPart[],
  current: Value,
  resolver: Scope,
  converter: Converter | null,
): QueryResult[] {
  const part = parts[index];
  if (!part) return [{ resolved: true, value: current }];
  const rest = parts.slice(index);

  if (index === 0 && part.kind === 'Variable')
    return retrieveVariableStart(parts, resolver, converter);

  switch (part.kind) {
    case 'This':
      return retrieve(index + 1, parts, current, resolver, converter);

    case 'Variable':
      // `.%v` interpolation (QRY-11) only applies to maps.
      if (current.kind === 'map')
        return interpolate(index, parts, current, resolver, converter, part.name);
      return notAStruct(current, `%${part.name}`, rest);

    case 'Key': {
      const asIndex = keyAsIndex(part.name);
      if (asIndex !== null) {
        if (current.kind === 'list') {
          const r = retrieveIndex(current, asIndex, parts);
          return r.resolved ? retrieve(index + 1, parts, r.value, resolver, converter) : [r];
        }
        return unresolvedAt(
          current,
          `Attempting to retrieve from index ${asIndex} but type is not an array at path ${pathDisplay(current)}`,
          parts,
        );
      }
      if (current.kind !== 'map') return notAStruct(current, part.name, rest);
      const direct = current.entries.get(part.name);
      if (direct) return retrieve(index + 1, parts, direct, resolver, converter);
      // QRY-04: retry in other case conventions; the first hit sticks.
      if (converter) {
        const hit = current.entries.get(converter(part.name));
        if (hit) return retrieve(index + 1, parts, hit, resolver, converter);
      } else {
        for (const each of CONVERTERS) {
          const hit = current.entries.get(each(part.name));
          if (hit) return retrieve(index + 1, parts, hit, resolver, each);
        }
      }
      return unresolvedAt(
        current,
        `Could not find key ${part.name} inside struct at path ${pathDisplay(current)}`,
        rest,
      );
    }

    case 'Index': {
      if (current.kind === 'list') {
        const r = retrieveIndex(current, part.index, parts);
        return r.resolved ? retrieve(index + 1, parts, r.value, resolver, converter) : [r];
      }
      return unresolvedAt(
        current,
        `Attempting to retrieve from index ${part.index} but type is not an array at path ${pathDisplay(current)}, type ${typeInfo(current)}`,
        rest,
      );
    }

    case 'AllIndices':
      // QRY-06: a map or scalar passes through unchanged.
      if (current.kind === 'list')
        return accumulateList(index, parts, current, resolver, converter);
      if (current.kind === 'map' && part.capture !== null) {
        // VAR-08: `[name]` on a map visits each value and captures its key.
        const name = part.capture;
        return accumulateMap(index, parts, current, resolver, (scope, key, value) => {
          scope.addCapture(name, keyValue(current, key));
          return retrieve(index + 1, parts, value, scope, converter);
        });
      }
      return retrieve(index + 1, parts, current, resolver, converter);

    case 'AllValues':
      if (current.kind === 'list')
        return accumulateList(index, parts, current, resolver, converter);
      if (current.kind === 'map') {
        const name = part.capture;
        return accumulateMap(index, parts, current, resolver, (scope, key, value) => {
          if (name !== null) scope.addCapture(name, keyValue(current, key));
          return retrieve(index + 1, parts, value, scope, converter);
        });
      }
      return retrieve(index + 1, parts, current, resolver, converter);

    case 'Filter':
      return filter(index, parts, current, resolver, converter, part.conjunctions, part.capture);

    case 'MapKeyFilter':
      if (current.kind !== 'map') {
        return unresolvedAt(
          current,
          `Map Filter for keys was not a struct ${typeInfo(current)} ${pathDisplay(current)}`,
          rest,
        );
      }
      return mapKeyFilter(index, parts, current, resolver, converter, part);
  }
}

function notAStruct(current: Value, key: string, rest: readonly QueryPart[]): QueryResult[] {
  return unresolvedAt(
    current,
    `Attempting to retrieve from key ${key} but type is not an struct type at path ${pathDisplay(current)}, Type = ${typeInfo(current)}, Value = ${debugValue(current)}`,
    rest,
  );
}

/** QRY-10: `%v.rest` runs `rest` on each entry of `%v`; a `[*]` right after `%v` is consumed. */
function retrieveVariableStart(
  parts: readonly QueryPart[],
  resolver: Scope,
  converter: Converter | null,
): QueryResult[] {
  const first = parts[0];
  if (first?.kind !== 'Variable') return [];
  const values = resolver.resolveVariable(first.name);
  const next = parts[1]?.kind === 'AllIndices' ? 2 : 1;
  const out: QueryResult[] = [];
  for (const each of values) {
    if (!each.resolved || next >= parts.length) {
      out.push(each);
      continue;
    }
    out.push(...retrieve(next, parts, each.value, resolver.value(each.value), converter));
  }
  return out;
}

function accumulateList(
  index: number,
  parts: readonly QueryPart[],
  list: Value & { kind: 'list' },
  resolver: Scope,
  converter: Converter | null,
): QueryResult[] {
  if (list.items.length === 0) return noMoreEntries(list, parts.slice(index));
  const out: QueryResult[] = [];
  for (const item of list.items) out.push(...retrieve(index + 1, parts, item, resolver, converter));
  return out;
}

function accumulateMap(
  index: number,
  parts: readonly QueryPart[],
  map: MapValue,
  resolver: Scope,
  each: (scope: Scope, key: string, value: Value) => QueryResult[],
): QueryResult[] {
  if (map.entries.size === 0) return noMoreEntries(map, parts.slice(index));
  const out: QueryResult[] = [];
  for (const [key, value] of map.entries) out.push(...each(resolver.value(value), key, value));
  return out;
}

/** Runs a filter's CNF on one candidate and records it as `Filter/Map#N` (QRY-08). */
function checkAndDelegate(
  index: number,
  parts: readonly QueryPart[],
  conjunctions: Conjunctions<GuardClause>,
  capture: { readonly name: string; readonly map: MapValue; readonly key: string } | null,
  value: Value,
  scope: Scope,
  converter: Converter | null,
): QueryResult[] {
  const env = scope.env;
  const context = `Filter/Map#${conjunctions.length}`;
  env.recorder.start(context);
  const status = env.evalConjunctions(conjunctions, scope);
  env.recorder.end(context, { kind: 'Filter', status });
  if (status !== 'PASS') return [];
  if (capture) scope.addCapture(capture.name, keyValue(capture.map, capture.key));
  return retrieve(index + 1, parts, value, scope, converter);
}

function filter(
  index: number,
  parts: readonly QueryPart[],
  current: Value,
  resolver: Scope,
  converter: Converter | null,
  conjunctions: Conjunctions<GuardClause>,
  capture: string | null,
): QueryResult[] {
  const prev = parts[index - 1];
  if (current.kind === 'map') {
    if (prev?.kind === 'Key') {
      // QRY-08: a map reached by a plain key filters its values.
      if (current.entries.size === 0) return [];
      return accumulateMap(index, parts, current, resolver, (scope, key, value) =>
        checkAndDelegate(
          index,
          parts,
          conjunctions,
          capture === null ? null : { name: capture, map: current, key },
          value,
          scope,
          converter,
        ),
      );
    }
    // Reached through `*`/`[*]` (or anything else): the map itself is the candidate.
    return checkAndDelegate(index, parts, conjunctions, null, current, resolver, converter);
  }
  if (current.kind === 'list') {
    const out: QueryResult[] = [];
    const env = resolver.env;
    const context = `Filter/List#${conjunctions.length}`;
    for (const item of current.items) {
      env.recorder.start(context);
      const status = env.evalConjunctions(conjunctions, resolver.value(item));
      env.recorder.end(context, { kind: 'Filter', status });
      if (status === 'PASS') out.push(...retrieve(index + 1, parts, item, resolver, converter));
    }
    return out;
  }
  if (prev?.kind === 'AllIndices') {
    const status = resolver.env.evalConjunctions(conjunctions, resolver.value(current));
    return status === 'PASS' ? retrieve(index + 1, parts, current, resolver, converter) : [];
  }
  return unresolvedAt(
    current,
    `Filter on value type that was not a struct or array ${typeInfo(current)} ${pathDisplay(current)}`,
    parts.slice(index),
  );
}

/** QRY-11: each string (or string in a list) of `%name` is used as a key of `map`. */
function interpolate(
  index: number,
  parts: readonly QueryPart[],
  map: MapValue,
  resolver: Scope,
  converter: Converter | null,
  name: string,
): QueryResult[] {
  let keys = resolver.resolveVariable(name);
  const rest = parts.slice(index);
  const next = parts[index + 1];
  if (next) {
    if (next.kind === 'Index') {
      const check = Math.abs(next.index);
      const picked = keys[check];
      if (!picked) {
        return unresolvedAt(
          map,
          `Index ${check} on the set of values returned for variable ${name} on the join, is out of bounds. Length ${keys.length}, Values = [${keys
            .map((k) => (k.resolved ? debugValue(k.value) : debugValue(k.traversedTo)))
            .join(', ')}]`,
          rest,
        );
      }
      keys = [picked];
    } else if (next.kind !== 'AllIndices' && next.kind !== 'Key') {
      throw incompatibleError(
        'EVAL_INCOMPATIBLE_TYPES',
        `This type of query ${queryPartDisplay(parts[1] ?? next)} based variable interpolation is not supported ${typeInfo(map)}, ${queryDisplay(parts)}`,
      );
    }
  }
  const out: QueryResult[] = [];
  const lookup = (key: StringValue): void => {
    const found = map.entries.get(key.value);
    if (found) out.push(...retrieve(index + 1, parts, found, resolver, converter));
    else
      out.push(
        ...unresolvedAt(
          map,
          `Could not locate key = ${key.value} inside struct at path = ${pathDisplay(key)}`,
          rest,
        ),
      );
  };
  const nonString = (key: Value): never => {
    throw notComparableError(
      'EVAL_NOT_COMPARABLE',
      `Variable projections inside Query ${queryDisplay(parts)}, is returning a non-string value for key ${typeInfo(key)}, ${debugValue(key)}`,
    );
  };
  for (const k of keys) {
    if (!k.resolved) {
      out.push(
        ...unresolvedAt(
          map,
          `Keys returned for variable ${name} could not completely resolve. Path traversed until ${pathDisplay(k.traversedTo)}${k.reason}`,
          rest,
        ),
      );
      continue;
    }
    const key = k.value;
    if (key.kind === 'string') {
      lookup({ ...key, path: map.path, line: map.line, col: map.col, value: key.value });
    } else if (key.kind === 'list') {
      for (const item of key.items) {
        if (item.kind === 'string') lookup(item);
        else nonString(key);
      }
    } else {
      nonString(key);
    }
  }
  return out;
}

/** QRY-09: `[ keys OP rhs ]` selects the values whose key satisfies the comparison. */
function mapKeyFilter(
  index: number,
  parts: readonly QueryPart[],
  map: MapValue,
  resolver: Scope,
  converter: Converter | null,
  part: MapKeyFilterPart,
): QueryResult[] {
  const env = resolver.env;
  let rhs: QueryResult[];
  switch (part.compareWith.kind) {
    case 'QueryValue':
      // Resolved relative to the map itself, as the reference does.
      rhs = retrieve(0, part.compareWith.query.parts, map, resolver, converter);
      break;
    case 'LiteralValue':
      rhs = [literalResult(env.literals.get(part.compareWith.literal))];
      break;
    case 'FunctionCall':
      rhs = env.callFunction(part.compareWith, resolver);
      break;
  }
  // `keys == a` with several RHS values behaves as `in`.
  const op: 'Eq' | 'In' = part.comparator.op === 'Eq' && rhs.length <= 1 ? 'Eq' : 'In';
  const comparison: Comparison = { op, negated: part.comparator.negated };
  const selectedValues: Value[] = [];
  for (const [key, value] of map.entries) {
    const keyVal = keyValue(map, key);
    const results = compareEachRhs(op, part.comparator.negated, keyVal, rhs);
    const passed =
      op === 'In'
        ? recordAtLeastOne(resolver, results, comparison)
        : recordAll(resolver, results, comparison);
    for (let i = 0; i < passed; i++) selectedValues.push(value);
    if (part.capture && passed > 0) resolver.addCapture(part.capture, keyVal);
  }
  const out: QueryResult[] = [];
  for (const v of selectedValues) out.push(...retrieve(index + 1, parts, v, resolver, converter));
  return out;
}

/** Records each key comparison (context `""`, as the reference); returns how many passed. */
function recordAll(
  resolver: Scope,
  results: readonly KeyComparison[],
  comparison: Comparison,
): number {
  const rec = resolver.env.recorder;
  let passed = 0;
  for (const r of results) {
    rec.start('');
    if (r.kind === 'Comparable' && r.outcome) {
      rec.end('', { kind: 'ClauseValueCheck', check: { kind: 'Success' } });
      passed++;
      continue;
    }
    const to: QueryResult = r.kind === 'UnresolvedRhs' ? r.rhs : { resolved: true, value: r.rhs };
    rec.end('', {
      kind: 'ClauseValueCheck',
      check: {
        kind: 'Comparison',
        comparison,
        from: { resolved: true, value: r.lhs },
        to,
        message: null,
        customMessage: null,
        status: 'FAIL',
      },
    });
  }
  return passed;
}

function recordAtLeastOne(
  resolver: Scope,
  results: readonly KeyComparison[],
  comparison: Comparison,
): number {
  const first = results[0];
  if (!first) return 0;
  const rec = resolver.env.recorder;
  rec.start('');
  if (results.some((r) => r.kind === 'Comparable' && r.outcome)) {
    rec.end('', { kind: 'ClauseValueCheck', check: { kind: 'Success' } });
    return 1;
  }
  rec.end('', {
    kind: 'ClauseValueCheck',
    check: {
      kind: 'InComparison',
      comparison,
      from: { resolved: true, value: first.lhs },
      to: results.map(
        (r): QueryResult => (r.kind === 'UnresolvedRhs' ? r.rhs : { resolved: true, value: r.rhs }),
      ),
      message: null,
      customMessage: null,
      status: 'FAIL',
    },
  });
  return 0;
}
