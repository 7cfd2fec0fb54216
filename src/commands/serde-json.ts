/**
 * A strict JSON reader that fails the way serde_json does. Two inputs of the
 * reference are decoded with serde_json into derived structs — the
 * `validate --payload` document (CLI-VAL-05) and the JSON fallback of the
 * test-spec reader (TEST-02) — and the error text users see is serde_json's
 * Display of the first problem: its wording and its position. JSON.parse
 * would accept the same documents but word and place every error differently.
 *
 * The reader is split by concern: serde-json-cursor.ts (position and error
 * placement rules, readJsonDocument), serde-json-lexemes.ts (literals, strings,
 * numbers), serde-json-rust-text.ts (Rust's Display/Debug in messages), this
 * file (scalars, "invalid type", skipped values) and serde-json-struct.ts
 * (lists, maps and structs). The callers (payload.ts, test-spec-json.ts)
 * hold only their own structure: which struct, which fields, which types.
 */
import type { JsonCursor } from './serde-json-cursor.js';
import {
  isDigit,
  type JsonNumber,
  readIdent,
  readNumber,
  readString,
  scanNumber,
  scanString,
} from './serde-json-lexemes.js';
import { rustDebugString, rustFloat } from './serde-json-rust-text.js';

// ---------------------------------------------------------------- scalars and "invalid type"

export type JsonScalar =
  | { readonly kind: 'null' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'number'; readonly value: JsonNumber }
  | { readonly kind: 'string'; readonly value: string };

/**
 * A scalar at the cursor (after whitespace), or `undefined` when the next
 * character opens a map or list.
 */
export function readScalar(c: JsonCursor): JsonScalar | undefined {
  const ch = c.peek();
  switch (ch) {
    case undefined:
      return c.fail('EOF while parsing a value');
    case 'n':
      readIdent(c, 'null');
      return { kind: 'null' };
    case 't':
      readIdent(c, 'true');
      return { kind: 'bool', value: true };
    case 'f':
      readIdent(c, 'false');
      return { kind: 'bool', value: false };
    case '"':
      return { kind: 'string', value: readString(c) };
    case '{':
    case '[':
      return undefined;
    default:
      if (ch === '-' || isDigit(ch)) return { kind: 'number', value: readNumber(c) };
      return c.failAtPeek('expected value');
  }
}

/** serde's `Unexpected` wording for a scalar. */
export function describeScalar(s: JsonScalar): string {
  switch (s.kind) {
    case 'null':
      return 'null';
    case 'bool':
      return `boolean \`${s.value}\``;
    case 'number':
      return s.value.kind === 'int'
        ? `integer \`${s.value.text}\``
        : `floating point \`${rustFloat(s.value.value)}\``;
    case 'string':
      return `string ${rustDebugString(s.value)}`;
  }
}

/**
 * `invalid type: <what is here>, expected <expected>`. A map or list is
 * reported before its bracket; a scalar is read first (its own syntax errors
 * win) and reported after it.
 */
export function failInvalidType(c: JsonCursor, expected: string): never {
  const ch = c.peek();
  if (ch === '{') c.fail(`invalid type: map, expected ${expected}`);
  if (ch === '[') c.fail(`invalid type: sequence, expected ${expected}`);
  const s = readScalar(c) as JsonScalar;
  return c.fail(`invalid type: ${describeScalar(s)}, expected ${expected}`);
}

/** A `String` field: anything else is "invalid type". */
export function readStringValue(c: JsonCursor): string {
  c.skipWhitespace();
  if (c.peek() === undefined) c.fail('EOF while parsing a value');
  if (c.peek() !== '"') failInvalidType(c, 'a string');
  return readString(c);
}

// ---------------------------------------------------------------- ignored values

/**
 * Skips any value, as serde_json's ignore_value does for unknown fields: the
 * syntax is checked, numbers are not converted and surrogates not paired, and
 * its list/map errors differ from a decoded value's (`[1,]` is "expected
 * value", `{"a":1,}` is "key must be a string").
 */
export function skipValue(c: JsonCursor): void {
  const open: string[] = [];
  for (;;) {
    c.skipWhitespace();
    const ch = c.peek();
    if (ch === undefined) c.failAtPeek('EOF while parsing a value');
    let scalar = true;
    if (ch === 'n') readIdent(c, 'null');
    else if (ch === 't') readIdent(c, 'true');
    else if (ch === 'f') readIdent(c, 'false');
    else if (ch === '"') scanString(c, false);
    else if (ch === '-' || isDigit(ch)) scanNumber(c, true);
    else if (ch === '[' || ch === '{') {
      c.next();
      open.push(ch);
      scalar = false;
    } else c.failAtPeek('expected value');
    // After a value: close what ends here, then find the next value's start.
    let acceptComma = scalar;
    for (;;) {
      const frame = open[open.length - 1];
      if (frame === undefined) return;
      c.skipWhitespace();
      const n = c.peek();
      const close = frame === '[' ? ']' : '}';
      if (n === ',' && acceptComma) {
        c.next();
        break;
      }
      if (n === close) {
        c.next();
        open.pop();
        acceptComma = true;
        continue;
      }
      if (n === undefined)
        c.failAtPeek(frame === '[' ? 'EOF while parsing a list' : 'EOF while parsing an object');
      if (acceptComma) c.failAtPeek(`expected \`,\` or \`${close}\``);
      break;
    }
    if (open[open.length - 1] === '{') {
      c.skipWhitespace();
      const k = c.peek();
      if (k === undefined) c.failAtPeek('EOF while parsing an object');
      if (k !== '"') c.failAtPeek('key must be a string');
      scanString(c, false);
      c.skipWhitespace();
      const colon = c.peek();
      if (colon === undefined) c.failAtPeek('EOF while parsing an object');
      if (colon !== ':') c.failAtPeek('expected `:`');
      c.next();
    }
  }
}
