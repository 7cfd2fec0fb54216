/**
 * Scalar typing and tag handling of the standard loader (YAML-08), shared by
 * its two routes (the `yaml` Document in load-standard.ts and the fast
 * scanner in load-yaml-fast.ts), so both build the same Values by
 * construction. No positions: every value is at 0/0, paths are real, and a
 * map's keys report their own path (KeyPaths). Single-`!` short forms wrap
 * like YAML-04/05, but the wrapped scalar keeps its normal type
 * (`!Ref 5` → `{"Ref": 5}`, checked with `cfn-guard test`).
 */
import { coreTagName, scalarWrapperKey, sequenceWrapperKey, shortFormName } from './cfn-tags.js';
import { KeyPaths } from './key-positions.js';
import type { ScanTyping } from './load-yaml-fast.js';
import { listValue, mapValue, scalarValue } from './make.js';
import { keyPath } from './path.js';
import {
  parseCoreFloat,
  parseCoreInt,
  resolveStandardPlain,
  type ScalarResult,
} from './scalars.js';
import type { KeyLocation, Value } from './value.js';

/** A scalar's standard typing, or why it has none (each route reports that its own way). */
export type StandardScalar =
  | ScalarResult
  /** A core tag (`!!int x`) naming a type the text does not have. */
  | { readonly kind: 'bad-core'; readonly core: string }
  /** A plain integer beyond both i64 and u64. */
  | { readonly kind: 'range' };

/**
 * Types a scalar. `tag` is as written (`!Ref`, `!!int`) or as the `yaml`
 * Document reports it (`tag:yaml.org,2002:int`).
 */
export function typeStandardScalar(
  text: string,
  isPlain: boolean,
  tag: string | undefined,
): StandardScalar {
  const core = tag === undefined ? undefined : coreTagName(toShortCore(tag));
  if (core !== undefined) return typeCore(core, text) ?? { kind: 'bad-core', core };
  if (!isPlain || isSurelyStandardString(text)) return { kind: 'string', value: text };
  const r = resolveStandardPlain(text);
  return r === 'range' ? { kind: 'range' } : r;
}

/**
 * The source text of scalars whose Value no longer shows it: plain scalars
 * typed as numbers or booleans, and tagged scalars. serde_yaml deserializes
 * a `String` field from any scalar by its text, whatever it types as and
 * whatever its tag (`name: 1.50` is "1.50", `0x1F` "0x1F", `True` "True",
 * `!!float 1` "1", `!Ref x` "x"; checked with `cfn-guard test`); readers of
 * such fields (test specs' `name`, TEST-02) ask here.
 */
const plainTexts = new WeakMap<Value, string>();

/** The text a scalar was written with, when its Value does not show it. */
export function plainScalarText(v: Value): string | undefined {
  return plainTexts.get(v);
}

/** standardScalarValue, remembering the scalar's text where the Value hides it. */
export function standardScalar(
  text: string,
  isPlain: boolean,
  typed: ScalarResult,
  tag: string | undefined,
  path: string,
): Value {
  const v = standardScalarValue(typed, tag, path);
  // A tag does not change the text serde_yaml hands over (`!!float 1` is
  // "1", `!Ref x` is "x"), and for plain scalars only non-strings differ.
  if (tag !== undefined || (isPlain && typed.kind !== 'string' && typed.kind !== 'null')) {
    plainTexts.set(v, text);
  }
  return v;
}

/** A typed scalar as a Value, wrapped when a short-form function tags it (YAML-04). */
export function standardScalarValue(
  typed: ScalarResult,
  tag: string | undefined,
  path: string,
): Value {
  const short = tag === undefined ? undefined : shortFormName(tag);
  const key = short === undefined ? undefined : scalarWrapperKey(short);
  if (key === undefined) return scalarValue(typed, path, 0, 0);
  return wrapStandard(key, scalarValue(typed, keyPath(path, key), 0, 0), path);
}

/** A sequence, wrapped under its function's long name when tagged so (YAML-05). */
export function standardList(
  tag: string | undefined,
  path: string,
  items: (listPath: string) => readonly Value[],
): Value {
  const short = tag === undefined ? undefined : shortFormName(tag);
  const key = short === undefined ? undefined : sequenceWrapperKey(short);
  const listPath = key === undefined ? path : keyPath(path, key);
  const list = listValue(items(listPath), listPath, 0, 0);
  return key === undefined ? list : wrapStandard(key, list, path);
}

/** A mapping whose keys report their own paths (YAML-08). */
export function standardMap(entries: ReadonlyMap<string, Value>, path: string): Value {
  return mapValue(entries, new KeyPaths(entries, path), path, 0, 0);
}

const AT_ZERO: KeyLocation = { line: 0, col: 0 };

/** The one-key map of a short-form function; unlike data keys, its key carries no path. */
function wrapStandard(key: string, inner: Value, path: string): Value {
  return mapValue(new Map([[key, inner]]), new Map([[key, AT_ZERO]]), path, 0, 0);
}

/** The Document API reports `!!int` as `tag:yaml.org,2002:int`. */
function toShortCore(tag: string): string {
  const prefix = 'tag:yaml.org,2002:';
  return tag.startsWith(prefix) ? `!!${tag.slice(prefix.length)}` : tag;
}

function typeCore(name: string, text: string): ScalarResult | undefined {
  switch (name) {
    case 'str':
      return { kind: 'string', value: text };
    case 'null':
      return text === '' || text === '~' || /^(?:null|Null|NULL)$/.test(text)
        ? { kind: 'null' }
        : undefined;
    case 'bool':
      if (/^(?:true|True|TRUE)$/.test(text)) return { kind: 'bool', value: true };
      if (/^(?:false|False|FALSE)$/.test(text)) return { kind: 'bool', value: false };
      return undefined;
    case 'int': {
      const i = parseCoreInt(text);
      return typeof i === 'number' ? { kind: 'int', value: i } : undefined;
    }
    case 'float': {
      const f = parseCoreFloat(text);
      return f === undefined ? undefined : { kind: 'float', value: f };
    }
    default:
      return { kind: 'string', value: text };
  }
}

/**
 * A plain text the core schema leaves a string without trying its regexes:
 * only the empty text, `~`, digits, signs, dots and the words starting with
 * n/t/f (null, true, false in their three spellings) can be anything else.
 */
export function isSurelyStandardString(text: string): boolean {
  const raw = text.charCodeAt(0);
  const lower = raw | 0x20; // ASCII lower case for letters
  if (lower >= 0x61 && lower <= 0x7a) {
    return !(lower === 0x6e || lower === 0x74 || lower === 0x66);
  }
  return !(
    (raw >= 0x30 && raw <= 0x39) ||
    raw === 0x2b ||
    raw === 0x2d ||
    raw === 0x2e ||
    raw === 0x7e ||
    Number.isNaN(raw)
  );
}

/**
 * The tags the fast scanner takes for this loader: `!Name`, and the core
 * `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`. Other `!!` tags (such as
 * `!!timestamp`) are the `yaml` package's to check, and names with `:` or
 * `.` are left to it too.
 */
const SIMPLE_TAG = /^!(?:[A-Za-z][A-Za-z0-9_-]*|!(?:str|int|float|bool|null))$/;

function isStandardStringKey(text: string): boolean {
  if (isSurelyStandardString(text)) return true;
  const r = resolveStandardPlain(text);
  return r !== 'range' && r.kind === 'string';
}

/** The standard loader's typing for the fast scanner (load-yaml-fast.ts). */
export const STANDARD_TYPING: ScanTyping = {
  acceptsTag: (source) => SIMPLE_TAG.test(source),
  isStringKey: isStandardStringKey,
  scalar: (text, isPlain, tag, path) => {
    const typed = typeStandardScalar(text, isPlain, tag);
    // A bad core tag or an integer out of range is an error: the full route reports it.
    if (typed.kind === 'bad-core' || typed.kind === 'range') return undefined;
    return standardScalar(text, isPlain, typed, tag, path);
  },
  list: (tag, path, _line, _col, items) => standardList(tag, path, () => items),
  map: (entries, _keyPos, path) => standardMap(entries, path),
  // serde_yaml refuses repeated keys; the full route gives that error.
  duplicateKeys: 'fallback',
};
