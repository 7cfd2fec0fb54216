/**
 * The reference's reason texts for unresolved query entries (QRY-02), as
 * `Explain` functions: query.ts records the entry with one of these and a
 * detail, and the text is only written if a report reads it.
 */
import { debugValue, pathDisplay, typeInfo } from './display.js';
import type { Explain } from './query-result.js';

export const missingKey: Explain = (u, key) =>
  `Could not find key ${key} inside struct at path ${pathDisplay(u.traversedTo)}`;
export const notAStructReason: Explain = (u, key) =>
  `Attempting to retrieve from key ${key} but type is not an struct type at path ${pathDisplay(u.traversedTo)}, Type = ${typeInfo(u.traversedTo)}, Value = ${debugValue(u.traversedTo)}`;
export const noMoreEntriesReason: Explain = (u) =>
  `No more entries for value at path = ${pathDisplay(u.traversedTo)} on type = ${typeInfo(u.traversedTo)} `;
export const keyIndexNotArray: Explain = (u, index) =>
  `Attempting to retrieve from index ${index} but type is not an array at path ${pathDisplay(u.traversedTo)}`;
export const indexNotArray: Explain = (u, index) =>
  `Attempting to retrieve from index ${index} but type is not an array at path ${pathDisplay(u.traversedTo)}, type ${typeInfo(u.traversedTo)}`;
export const indexOutOfBounds: Explain = (u, index) => {
  const list = u.traversedTo;
  const items = list.kind === 'list' ? list.items.map(debugValue).join(', ') : '';
  return `Array Index out of bounds for path = ${pathDisplay(list)} on index = ${index} inside Array = [${items}], remaining query = ${u.remainingQuery}`;
};
/** QRY-11: `key` (the string a variable gave) is not in the map `u.traversedTo`. */
export const interpolatedKeyMissing: Explain = (u, key) =>
  `Could not locate key = ${key} inside struct at path = ${pathDisplay(u.traversedTo)}`;
export const mapFilterNotStruct: Explain = (u) =>
  `Map Filter for keys was not a struct ${typeInfo(u.traversedTo)} ${pathDisplay(u.traversedTo)}`;
export const filterNotContainer: Explain = (u) =>
  `Filter on value type that was not a struct or array ${typeInfo(u.traversedTo)} ${pathDisplay(u.traversedTo)}`;
