/**
 * Scalar typing and tag handling shared by validate's two YAML routes (the
 * `yaml`-CST loader in load-yaml.ts and the fast scanner in
 * load-yaml-fast.ts), so both build the same Values by construction.
 * Positions are libyaml's: a tagged node starts at its tag.
 */
import { coreTagName, scalarWrapperKey, sequenceWrapperKey, shortFormName } from './cfn-tags.js';
import { KeyPositions } from './key-positions.js';
import type { ScanTyping } from './load-yaml-fast.js';
import { listValue, mapValue, scalarValue, stringValue } from './make.js';
import { keyPath } from './path.js';
import { resolveValidateCoreTag, resolveValidatePlain } from './scalars.js';
import type { Value } from './value.js';

/**
 * YAML-01/03/04/06: a scalar and its tag. Undefined when a core tag (`!!int`)
 * names a type the text does not have: each route reports that its own way.
 */
export function taggedScalar(
  text: string,
  isPlain: boolean,
  tag: string | undefined,
  path: string,
  line: number,
  col: number,
): Value | undefined {
  if (tag === undefined) {
    if (!isPlain || isSurelyString(text)) return stringValue(text, path, line, col);
    return scalarValue(resolveValidatePlain(text), path, line, col);
  }
  const short = shortFormName(tag);
  if (short !== undefined) {
    // YAML-04: only the listed functions wrap; other `!Name` keep the text.
    const key = scalarWrapperKey(short);
    if (key === undefined) return stringValue(text, path, line, col);
    return tagWrapper(key, stringValue(text, keyPath(path, key), line, col), path, line, col);
  }
  const core = coreTagName(tag);
  if (core === undefined) return stringValue(text, path, line, col);
  const r = resolveValidateCoreTag(core, text);
  return r === undefined ? undefined : scalarValue(r, path, line, col);
}

/** YAML-05: a sequence, wrapped under its function's long name when tagged so. */
export function taggedList(
  tag: string | undefined,
  path: string,
  line: number,
  col: number,
  build: (listPath: string) => Value,
): Value {
  const short = tag === undefined ? undefined : shortFormName(tag);
  const key = short === undefined ? undefined : sequenceWrapperKey(short);
  if (key === undefined) return build(path);
  return tagWrapper(key, build(keyPath(path, key)), path, line, col);
}

/** The one-key map a short-form function becomes (`!Ref X` → `{Ref: X}`), key at the tag. */
function tagWrapper(key: string, inner: Value, path: string, line: number, col: number): Value {
  const entries = new Map<string, Value>([[key, inner]]);
  return mapValue(entries, new KeyPositions(entries, [line, col]), path, line, col);
}

/**
 * A plain text that YAML-01/02 typing leaves a string: only digits, signs,
 * dots, `~` and the first letters of the number, bool and null words can
 * start anything else. Saves the typing regexes on most scalars.
 */
export function isSurelyString(text: string): boolean {
  const c = text.charCodeAt(0) | 0x20; // ASCII lower case
  if (c >= 0x61 && c <= 0x7a) {
    return !(c === 0x69 || c === 0x6e || c === 0x74 || c === 0x66 || c === 0x79 || c === 0x6f);
  }
  const raw = text.charCodeAt(0);
  return !(
    (raw >= 0x30 && raw <= 0x39) ||
    raw === 0x2b ||
    raw === 0x2d ||
    raw === 0x2e ||
    raw === 0x7e ||
    Number.isNaN(raw)
  );
}

/** DATA-06: a plain key that validate's typing leaves a string (others are an error). */
function isValidateStringKey(text: string): boolean {
  return isSurelyString(text) || resolveValidatePlain(text).kind === 'string';
}

/** validate's typing for the fast scanner (load-yaml-fast.ts): the same Values as load-yaml.ts. */
export const VALIDATE_TYPING: ScanTyping = {
  // Any `!Name` / `!!name` the scanner reads: taggedScalar and taggedList take them all.
  acceptsTag: () => true,
  isStringKey: isValidateStringKey,
  scalar: taggedScalar,
  list: (tag, path, line, col, items) =>
    tag === undefined
      ? listValue(items, path, line, col)
      : taggedList(tag, path, line, col, (p) => listValue(items, p, line, col)),
  map: (entries, keyPos, path, line, col) =>
    mapValue(entries, new KeyPositions(entries, keyPos), path, line, col),
  duplicateKeys: 'last-wins',
};
