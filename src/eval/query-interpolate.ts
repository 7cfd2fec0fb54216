/**
 * Variable interpolation in a query (QRY-11), `Resources.%names`: each
 * string the variable holds (or each string of a list it holds) is used as
 * a key of the map reached so far, with the reference's texts for keys
 * that are missing, unresolved or not strings. The walk goes on from each
 * value found through `visit` (query.ts).
 */
import type { MapValue, StringValue, Value } from '../data/value.js';
import type { QueryPart } from '../syntax/ast.js';
import {
  debugValue,
  pathDisplay,
  queryDisplay,
  queryDisplayFrom,
  queryPartDisplay,
  typeInfo,
} from './display.js';
import { incompatibleError, notComparableError } from './errors.js';
import { interpolatedKeyMissing } from './query-reasons.js';
import { deferredUnresolved, type QueryResult, unresolved } from './query-result.js';
import type { Scope } from './scope.js';

/** QRY-11: each string (or string in a list) of `%name` is used as a key of `map`. */
export function interpolate(
  index: number,
  parts: readonly QueryPart[],
  map: MapValue,
  resolver: Scope,
  name: string,
  out: QueryResult[],
  visit: (found: Value) => void,
): void {
  let keys = resolver.resolveVariable(name);
  const rest = queryDisplayFrom(parts, index);
  const next = parts[index + 1];
  if (next) {
    if (next.kind === 'Index') {
      const check = Math.abs(next.index);
      const picked = keys[check];
      if (!picked) {
        out.push(
          unresolved(
            map,
            rest,
            `Index ${check} on the set of values returned for variable ${name} on the join, is out of bounds. Length ${keys.length}, Values = [${keys
              .map((k) => (k.resolved ? debugValue(k.value) : debugValue(k.traversedTo)))
              .join(', ')}]`,
          ),
        );
        return;
      }
      keys = [picked];
    } else if (next.kind !== 'AllIndices' && next.kind !== 'Key') {
      throw incompatibleError(
        'EVAL_INCOMPATIBLE_TYPES',
        `This type of query ${queryPartDisplay(parts[1] ?? next)} based variable interpolation is not supported ${typeInfo(map)}, ${queryDisplay(parts)}`,
      );
    }
  }
  // A string key is shown at the map's path, a list item at its own.
  const lookup = (key: string, item: StringValue | null): void => {
    const found = map.entries.get(key);
    if (found) visit(found);
    else if (item === null) out.push(deferredUnresolved(map, rest, interpolatedKeyMissing, key));
    else
      out.push(
        unresolved(
          map,
          rest,
          `Could not locate key = ${key} inside struct at path = ${pathDisplay(item)}`,
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
        unresolved(
          map,
          rest,
          `Keys returned for variable ${name} could not completely resolve. Path traversed until ${pathDisplay(k.traversedTo)}${k.reason}`,
        ),
      );
      continue;
    }
    const key = k.value;
    if (key.kind === 'string') {
      lookup(key.value, null);
    } else if (key.kind === 'list') {
      for (const item of key.items) {
        if (item.kind === 'string') lookup(item.value, item);
        else nonString(key);
      }
    } else {
      nonString(key);
    }
  }
}
