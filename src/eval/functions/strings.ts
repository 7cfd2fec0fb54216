/**
 * String functions (FN-04..FN-08, FN-03): each maps over the resolved
 * string entries of its first argument, dropping other kinds, and keeps
 * the input's path and position on its results. `join` is the exception:
 * it folds everything into one string and refuses anything that is not a
 * string.
 */
import { formatPathValue } from '../../data/display.js';
import { loadStandardDocument } from '../../data/index.js';
import type { Value } from '../../data/value.js';
import { GuardError } from '../../diag/errors.js';
import { translateRegexDetailed } from '../../syntax/regex.js';
import type { QueryResult } from '../query-result.js';
import {
  firstResolved,
  incompatibleError,
  mapResolved,
  parseError,
  ROOT,
  regexError,
  stringAt,
  unitsAt,
  yamlError,
} from './support.js';

export function toUpper(entries: readonly QueryResult[]): Value[] {
  // FN-07: full Unicode mapping (`ß` → `SS`), like Rust's to_uppercase.
  return mapResolved(entries, (v) =>
    v.kind === 'string' ? stringAt(v, v.value.toUpperCase()) : undefined,
  );
}

export function toLower(entries: readonly QueryResult[]): Value[] {
  return mapResolved(entries, (v) =>
    v.kind === 'string' ? stringAt(v, v.value.toLowerCase()) : undefined,
  );
}

// ---------------------------------------------------------------------------
// url_decode (FN-08)

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/**
 * Percent-decoding as the `urlencoding` crate does it: `%XX` becomes that
 * byte, a `%` without two hex digits stays as it is, `+` stays `+`, and the
 * result must be valid UTF-8 or the entry is dropped (`%FF`, `%C3`).
 */
export function percentDecode(text: string): string | undefined {
  const bytes = utf8Encoder.encode(text);
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x25) {
      const hi = hexValue(bytes[i + 1]);
      const lo = hexValue(bytes[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = b;
  }
  try {
    return utf8Strict.decode(out.subarray(0, n));
  } catch {
    return undefined;
  }
}

export function urlDecode(entries: readonly QueryResult[]): Value[] {
  return mapResolved(entries, (v) => {
    if (v.kind !== 'string') return undefined;
    const decoded = percentDecode(v.value);
    return decoded === undefined ? undefined : stringAt(v, decoded);
  });
}

// ---------------------------------------------------------------------------
// substring (FN-06)

/** Rust's `i64 as u16` (wraps) and `f64 as u16` (truncates, saturates, NaN → 0). */
function toU16(v: Value): number | undefined {
  if (v.kind === 'int') return Number(BigInt.asUintN(16, BigInt(Math.trunc(v.value))));
  if (v.kind === 'float') {
    if (Number.isNaN(v.value) || v.value <= 0) return 0;
    return Math.min(65535, Math.trunc(v.value));
  }
  return undefined;
}

function isCharBoundary(bytes: Uint8Array, index: number): boolean {
  if (index === 0 || index >= bytes.length) return true;
  return (bytes[index]! & 0xc0) !== 0x80;
}

function boundaryError(text: string, bytes: Uint8Array, index: number): GuardError {
  let start = index;
  while (start > 0 && !isCharBoundary(bytes, start)) start--;
  let end = index + 1;
  while (end < bytes.length && !isCharBoundary(bytes, end)) end++;
  const ch = utf8Strict.decode(bytes.subarray(start, end));
  // The reference panics here (exit 101); tsguard reports it instead.
  return new GuardError(
    'EVAL_FUNCTION',
    `substring: byte index ${index} is not a char boundary; it is inside '${ch}' (bytes ${start}..${end}) of \`${text}\``,
  );
}

/**
 * `substring(q, from, to)` over UTF-8 **byte** offsets, `to` exclusive.
 * Bounds come from the first entry of the second and third arguments
 * (int or float, cast like Rust's `as u16`). Empty strings, `from >= to`
 * and `to` past the end drop the entry.
 */
export function substring(
  entries: readonly QueryResult[],
  fromArg: readonly QueryResult[] | undefined,
  toArg: readonly QueryResult[] | undefined,
): Value[] {
  const bound = (arg: readonly QueryResult[] | undefined, which: string): number => {
    const v = firstResolved(arg);
    const n = v === undefined ? undefined : toU16(v);
    if (n === undefined)
      throw parseError(`substring function requires the ${which} argument to be a number`);
    return n;
  };
  const from = bound(fromArg, 'second');
  const to = bound(toArg, 'third');
  return mapResolved(entries, (v) => {
    if (v.kind !== 'string') return undefined;
    const bytes = utf8Encoder.encode(v.value);
    if (bytes.length === 0 || from >= to || to > bytes.length) return undefined;
    for (const index of [from, to]) {
      if (!isCharBoundary(bytes, index)) throw boundaryError(v.value, bytes, index);
    }
    return stringAt(v, utf8Strict.decode(bytes.subarray(from, to)));
  });
}

// ---------------------------------------------------------------------------
// regex_replace (FN-04, GOT-16)

function isIdChar(ch: string): boolean {
  return ch === '_' || /^[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}]$/u.test(ch);
}

/** Reads a group name (id chars) at `s[i..]`; returns its end or `i` when there is none. */
function scanId(s: string, i: number): number {
  let j = i;
  while (j < s.length) {
    const ch = String.fromCodePoint(s.codePointAt(j)!);
    if (!isIdChar(ch)) break;
    j += ch.length;
  }
  return j;
}

/**
 * Expands a replacement template the way fancy-regex's `Expander` does:
 * `$$` → `$`; `${name}` (id characters only) or `$name` (longest run of
 * letters, digits, `_`) → `group(name)`; any other `$` is literal
 * (`${a-b}` and a trailing `$` stay as written).
 */
export function expandReplacement(template: string, group: (name: string) => string): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i]!;
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    if (template[i + 1] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    let name: string | undefined;
    let next = i + 1;
    if (template[i + 1] === '{') {
      const end = scanId(template, i + 2);
      if (end > i + 2 && template[end] === '}') {
        name = template.slice(i + 2, end);
        next = end + 1;
      }
    }
    if (name === undefined) {
      const end = scanId(template, i + 1);
      if (end > i + 1) {
        name = template.slice(i + 1, end);
        next = end;
      }
    }
    if (name === undefined) {
      out += '$';
      i++;
      continue;
    }
    out += group(name);
    i = next;
  }
  return out;
}

interface CompiledPattern {
  readonly regex: RegExp;
  /** Rust group number → JS group index (the translation may add helper groups). */
  readonly groupMap: readonly number[];
  readonly names: ReadonlyMap<string, number>;
}

/**
 * The text of a group for a replacement reference: a group of that name,
 * else the group of that number, else nothing (fancy-regex's order).
 */
function groupText(pattern: CompiledPattern, match: RegExpExecArray, name: string): string {
  let rustIndex = pattern.names.get(name);
  if (rustIndex === undefined && /^[0-9]+$/.test(name)) rustIndex = Number(name);
  if (rustIndex === undefined) return '';
  const jsIndex = pattern.groupMap[rustIndex];
  return jsIndex === undefined ? '' : (match[jsIndex] ?? '');
}

/**
 * Every non-overlapping match, left to right, with the reference's rule
 * for empty matches: one that ends where the previous match ended is
 * skipped, and the search moves on by one character.
 */
export function* allMatches(regex: RegExp, text: string): Generator<RegExpExecArray> {
  const re = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);
  let pos = 0;
  let lastEnd = -1;
  while (pos <= text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (m === null) return;
    const start = m.index;
    const end = start + m[0].length;
    if (start === end && end === lastEnd) {
      pos = end + unitsAt(text, end);
      continue;
    }
    yield m;
    lastEnd = end;
    pos = start === end ? end + unitsAt(text, end) : end;
  }
}

function compileGuardRegex(pattern: string): CompiledPattern {
  const translated = translateRegexDetailed(pattern);
  if (!translated.ok) throw regexError(translated.message);
  try {
    const regex = new RegExp(translated.source, translated.flags);
    return { regex, groupMap: translated.groupMap, names: translated.names };
  } catch (cause) {
    throw regexError(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * `regex_replace(q, pattern, replacement)`. GOT-16: the result is only the
 * concatenated expansions of each match, so unmatched text disappears
 * (`"a-b-c"`, `-` → `_` gives `"__"`; no match gives `""`). The pattern is
 * compiled on the first string entry, so a bad pattern over no strings is
 * not an error (as in the reference).
 */
export function regexReplace(
  entries: readonly QueryResult[],
  patternArg: readonly QueryResult[] | undefined,
  replacementArg: readonly QueryResult[] | undefined,
): Value[] {
  const pattern = firstResolved(patternArg);
  if (pattern?.kind !== 'string') {
    throw parseError('regex_replace function requires the second argument to be a string');
  }
  const replacement = firstResolved(replacementArg);
  if (replacement?.kind !== 'string') {
    throw parseError('regex_replace function requires the third argument to be a string');
  }
  let compiled: CompiledPattern | undefined;
  return mapResolved(entries, (v) => {
    if (v.kind !== 'string') return undefined;
    compiled ??= compileGuardRegex(pattern.value);
    const current = compiled;
    let out = '';
    for (const m of allMatches(current.regex, v.value)) {
      out += expandReplacement(replacement.value, (name) => groupText(current, m, name));
    }
    return stringAt(v, out);
  });
}

// ---------------------------------------------------------------------------
// join (FN-05)

/**
 * `join(q, delimiter)`: one string for the whole argument, carrying the
 * first entry's path. Non-string or unresolved entries abort with the
 * reference's texts.
 */
export function join(
  entries: readonly QueryResult[],
  delimiterArg: readonly QueryResult[] | undefined,
): Value[] {
  const delimiter = firstResolved(delimiterArg);
  if (delimiter?.kind !== 'string' && delimiter?.kind !== 'char') {
    throw parseError('join function requires the second argument to be either a char or string');
  }
  const parts: string[] = [];
  for (const entry of entries) {
    if (!entry.resolved) {
      throw incompatibleError(
        `Joining unresolved values is not allowed ${formatPathValue(entry.traversedTo)}, unsatisfied part ${entry.remainingQuery}`,
      );
    }
    if (entry.value.kind !== 'string') {
      throw incompatibleError(`Joining non string values ${formatPathValue(entry.value)}`);
    }
    parts.push(entry.value.value);
  }
  const first = entries[0];
  const at = first === undefined ? ROOT : first.resolved ? first.value : first.traversedTo;
  return [stringAt(at, parts.join(delimiter.value))];
}

// ---------------------------------------------------------------------------
// json_parse (FN-03)

/** Re-roots a parsed document under the string it came from: paths extend it, positions are its. */
function rebase(v: Value, base: Value): Value {
  const at = { path: base.path + v.path, line: base.line, col: base.col };
  switch (v.kind) {
    case 'list':
      return { ...v, ...at, items: v.items.map((item) => rebase(item, base)) };
    case 'map': {
      const entries = new Map<string, Value>();
      for (const [key, item] of v.entries) entries.set(key, rebase(item, base));
      const keyLocations = new Map(
        [...v.keyLocations.keys()].map((k) => [k, { line: base.line, col: base.col }]),
      );
      return { ...v, ...at, entries, keyLocations };
    }
    default:
      return { ...v, ...at };
  }
}

/**
 * `json_parse(q)`: each string parsed with the standard (serde_yaml-like)
 * loader, so YAML text works too. The reference gives every value of the
 * parsed document the path of the string extended by its own path, and the
 * string's position. An empty string parses to null (3.2.0, DIVERGENCES
 * C11); unparsable text aborts with `Error parsing incoming YAML context …`.
 */
export function jsonParse(entries: readonly QueryResult[]): Value[] {
  return mapResolved(entries, (v) => {
    if (v.kind !== 'string') return undefined;
    let parsed: Value;
    try {
      parsed = loadStandardDocument(v.value, v.path);
    } catch (cause) {
      if (cause instanceof GuardError && cause.code === 'DATA_EMPTY') {
        return { kind: 'null', path: v.path, line: v.line, col: v.col };
      }
      throw yamlFailure(cause);
    }
    return rebase(parsed, v);
  });
}

const YAML_PREFIX = 'Error parsing incoming YAML context ';

function yamlFailure(cause: unknown): GuardError {
  if (cause instanceof GuardError) {
    const text = cause.compat ?? cause.message;
    return yamlError(text.startsWith(YAML_PREFIX) ? text.slice(YAML_PREFIX.length) : text, cause);
  }
  return yamlError(cause instanceof Error ? cause.message : String(cause), cause);
}
