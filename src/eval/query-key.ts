/** The map key as a value, shared by query traversal and map-key filters (QRY-09, VAR-08). */
import type { MapValue, StringValue } from '../data/value.js';

/** The map key itself as a string value (path of the map, position of the key). */
export function keyValue(map: MapValue, key: string): StringValue {
  const loc = map.keyLocations.get(key);
  return {
    kind: 'string',
    value: key,
    path: loc?.path ?? map.path,
    line: loc?.line ?? map.line,
    col: loc?.col ?? map.col,
  };
}
