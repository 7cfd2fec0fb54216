/**
 * A strict JSON reader that fails the way serde_json does. Two inputs of the
 * reference are decoded with serde_json into derived structs — the
 * `validate --payload` document (CLI-VAL-05) and the JSON fallback of the
 * test-spec reader (TEST-02) — and the error text users see is serde_json's
 * Display of the first problem: its wording and its position. JSON.parse
 * would accept the same documents but word and place every error differently.
 *
 * Position rules (checked against cfn-guard 3.1.1):
 * - `fail` reports where the cursor stands: after the consumed text
 *   (serde_json `error`); `failAtPeek` one byte further, on the offending
 *   character (serde_json `peek_error`).
 * - Columns count UTF-8 bytes since the last newline, as serde_json slices
 *   bytes; lines are 1-based, columns 0-based before the first byte.
 *
 * Lists, maps and structs are in serde-json-struct.ts. The callers
 * (payload.ts, test-spec-json.ts) hold only their own structure: which
 * struct, which fields, which types.
 */
import { formatFloatRust } from '../data/display.js';

/** A failure with serde_json's text, position included. */
export class SerdeJsonError {
  constructor(readonly message: string) {}
}

/** UTF-8 length of one UTF-16 code unit (a surrogate pair is 2 + 2 bytes). */
function utf8Width(unit: number): number {
  if (unit < 0x80) return 1;
  if (unit < 0x800) return 2;
  if (unit >= 0xd800 && unit <= 0xdfff) return 2;
  return 3;
}

export class JsonCursor {
  pos = 0;
  line = 1;
  /** Bytes consumed on the current line. */
  col = 0;
  constructor(readonly text: string) {}

  peek(): string | undefined {
    return this.text[this.pos];
  }

  next(): string | undefined {
    const c = this.text[this.pos];
    if (c === undefined) return undefined;
    this.advance(c.charCodeAt(0));
    return c;
  }

  private advance(unit: number): void {
    this.pos++;
    if (unit === 10) {
      this.line++;
      this.col = 0;
    } else {
      this.col += utf8Width(unit);
    }
  }

  skipWhitespace(): void {
    for (;;) {
      const u = this.text.charCodeAt(this.pos);
      if (u !== 0x20 && u !== 0x0a && u !== 0x09 && u !== 0x0d) return;
      this.advance(u);
    }
  }

  /** Moves to the end of the text (serde_json's EOF errors point there). */
  toEnd(): void {
    while (this.pos < this.text.length) this.advance(this.text.charCodeAt(this.pos));
  }

  /** An error at the consumed position (serde_json `error`). */
  fail(message: string): never {
    throw new SerdeJsonError(`${message} at line ${this.line} column ${this.col}`);
  }

  /**
   * An error one byte past the consumed position (serde_json `peek_error`):
   * on the next character, whatever its UTF-8 width; a newline starts the
   * next line; at the end of the text it is the end.
   */
  failAtPeek(message: string): never {
    const c = this.peek();
    if (c === '\n') throw new SerdeJsonError(`${message} at line ${this.line + 1} column 0`);
    const col = c === undefined ? this.col : this.col + 1;
    throw new SerdeJsonError(`${message} at line ${this.line} column ${col}`);
  }
}

/** Runs `read` over the whole text; anything but whitespace after it is an error. */
export function readJsonDocument<T>(
  text: string,
  read: (c: JsonCursor) => T,
): { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string } {
  const c = new JsonCursor(text);
  try {
    const value = read(c);
    c.skipWhitespace();
    if (c.peek() !== undefined) c.failAtPeek('trailing characters');
    return { ok: true, value };
  } catch (e) {
    if (e instanceof SerdeJsonError) return { ok: false, message: e.message };
    throw e;
  }
}

/** `null`, `true`, `false`: the cursor is on the first letter. */
export function readIdent(c: JsonCursor, word: string): void {
  c.next();
  for (let i = 1; i < word.length; i++) {
    const got = c.next();
    if (got === undefined) c.fail('EOF while parsing a value');
    if (got !== word[i]) c.fail('expected ident');
  }
}

// ---------------------------------------------------------------- strings

/** The one-letter escapes and what they stand for, position by position. */
const ESCAPE_LETTERS = '"\\/bfnrt';
const ESCAPED_CHARS = '"\\/\b\f\n\r\t';

const CONTROL_CHARACTER = 'control character (\\u0000-\\u001F) found while parsing a string';

function isHex(unit: number): boolean {
  return (
    (unit >= 0x30 && unit <= 0x39) ||
    (unit >= 0x41 && unit <= 0x46) ||
    (unit >= 0x61 && unit <= 0x66)
  );
}

/** Four hex digits after `\u`. serde_json wants four BYTES left, else it is EOF. */
function readHex4(c: JsonCursor): number {
  let bytes = 0;
  for (let i = c.pos; i < c.text.length && bytes < 4; i++) bytes += utf8Width(c.text.charCodeAt(i));
  if (bytes < 4) {
    c.toEnd();
    c.fail('EOF while parsing a string');
  }
  let n = 0;
  for (let i = 0; i < 4; i++) {
    const unit = c.text.charCodeAt(c.pos);
    // serde consumes one byte of a bad digit: that is the peek position.
    if (!isHex(unit)) c.failAtPeek('invalid escape');
    c.next();
    n = n * 16 + Number.parseInt(c.text[c.pos - 1] as string, 16);
  }
  return n;
}

/** `\uXXXX` in a decoded string: surrogates must pair up (serde_json parse_escape). */
function readUnicodeEscape(c: JsonCursor): string {
  const first = readHex4(c);
  if (first >= 0xdc00 && first <= 0xdfff) c.fail('lone leading surrogate in hex escape');
  if (first < 0xd800 || first > 0xdbff) return String.fromCharCode(first);
  for (const expected of '\\u') {
    const got = c.next();
    if (got === undefined) c.fail('EOF while parsing a string');
    if (got !== expected) c.fail('unexpected end of hex escape');
  }
  const second = readHex4(c);
  if (second < 0xdc00 || second > 0xdfff) c.fail('lone leading surrogate in hex escape');
  return String.fromCharCode(first, second);
}

/**
 * A string at the cursor (on its opening quote). `decode: false` is serde's
 * ignore_str: surrogate pairing is not checked, nothing is built, and a
 * control character is reported before itself rather than after.
 */
function scanString(c: JsonCursor, decode: boolean): string {
  c.next();
  const text = c.text;
  let out = '';
  for (;;) {
    // A run of plain characters: no newline can be in it, so only the column moves.
    const start = c.pos;
    let width = 0;
    let unit = text.charCodeAt(c.pos);
    while (unit >= 0x20 && unit !== 0x22 && unit !== 0x5c) {
      width += utf8Width(unit);
      unit = text.charCodeAt(++c.pos);
    }
    c.col += width;
    if (decode && c.pos > start) out += text.slice(start, c.pos);
    if (Number.isNaN(unit)) c.fail('EOF while parsing a string');
    // ignore_str reports a control character before it, parse_str after it.
    if (unit < 0x20 && !decode) c.fail(CONTROL_CHARACTER);
    c.next();
    if (unit === 0x22) return out;
    if (unit !== 0x5c) c.fail(CONTROL_CHARACTER);
    const e = c.next();
    if (e === undefined) c.fail('EOF while parsing a string');
    if (e === 'u') {
      if (decode) out += readUnicodeEscape(c);
      else readHex4(c);
      continue;
    }
    const at = ESCAPE_LETTERS.indexOf(e);
    if (at < 0) c.fail('invalid escape');
    out += ESCAPED_CHARS[at];
  }
}

/** A string at the cursor (on its opening quote), escapes decoded. */
export function readString(c: JsonCursor): string {
  return scanString(c, true);
}

// ---------------------------------------------------------------- numbers

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/**
 * The extent of a number; `ignore` picks serde's ignore_number wording, where
 * a missing digit at the end of the text is "invalid number" rather than
 * "EOF while parsing a value". Returns whether it has a fraction or exponent.
 */
function scanNumber(c: JsonCursor, ignore: boolean): boolean {
  const eof = ignore ? 'invalid number' : 'EOF while parsing a value';
  if (c.peek() === '-') c.next();
  const first = c.next();
  if (first === undefined) c.fail(eof);
  if (!isDigit(first)) c.fail('invalid number');
  if (first === '0') {
    if (isDigit(c.peek())) c.failAtPeek('invalid number');
  } else {
    while (isDigit(c.peek())) c.next();
  }
  let isFloat = false;
  if (c.peek() === '.') {
    isFloat = true;
    c.next();
    if (!isDigit(c.peek())) c.failAtPeek(c.peek() === undefined ? eof : 'invalid number');
    while (isDigit(c.peek())) c.next();
  }
  if (c.peek() === 'e' || c.peek() === 'E') {
    isFloat = true;
    c.next();
    if (c.peek() === '+' || c.peek() === '-') c.next();
    const d = c.next();
    if (d === undefined) c.fail(eof);
    if (!isDigit(d)) c.fail('invalid number');
    while (isDigit(c.peek())) c.next();
  }
  return isFloat;
}

/**
 * serde_json's number classes: integers that fit u64 (or i64 when negative)
 * stay integers, everything else is an f64 (`-0` included).
 */
export type JsonNumber =
  | { readonly kind: 'int'; readonly text: string }
  | { readonly kind: 'float'; readonly value: number };

const U64_MAX = 18446744073709551615n;
const I64_MIN_MAGNITUDE = 9223372036854775808n;

function fitsInteger(text: string): boolean {
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  if (digits.length < 16) return !(negative && digits === '0');
  const magnitude = BigInt(digits);
  return negative ? magnitude <= I64_MIN_MAGNITUDE && magnitude > 0n : magnitude <= U64_MAX;
}

/** A number at the cursor; an f64 that overflows is "number out of range". */
export function readNumber(c: JsonCursor): JsonNumber {
  const start = c.pos;
  const isFloat = scanNumber(c, false);
  const text = c.text.slice(start, c.pos);
  if (!isFloat && fitsInteger(text)) return { kind: 'int', text };
  const value = Number(text);
  if (!Number.isFinite(value)) c.fail('number out of range');
  return { kind: 'float', value };
}

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

/**
 * serde's `floating point` text: Rust's `Display` of the f64 (LIT-11: all
 * digits, never an exponent), with a `.0` on integral values.
 */
export function rustFloat(n: number): string {
  const s = formatFloatRust(n);
  return Number.isInteger(n) ? `${s}.0` : s;
}

/**
 * Characters Rust's `{:?}` of a str writes as `\u{…}`: controls, format,
 * unassigned, separators but space, combining marks. Built on first use:
 * only error messages need it, and compiling these Unicode classes is a
 * measurable part of every validate's start-up.
 */
let rustNonPrintable: RegExp | undefined;
function isRustNonPrintable(ch: string): boolean {
  rustNonPrintable ??=
    /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Cs}\p{Zl}\p{Zp}\p{Grapheme_Extend}]|[^\P{Zs} ]/u;
  return rustNonPrintable.test(ch);
}

/** Rust's Debug of a str (serde's `string "…"` in "invalid type" messages). */
export function rustDebugString(s: string): string {
  let out = '"';
  for (const ch of s) {
    switch (ch) {
      case '"':
        out += '\\"';
        break;
      case '\\':
        out += '\\\\';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      case '\0':
        out += '\\0';
        break;
      default:
        out += isRustNonPrintable(ch) ? `\\u{${(ch.codePointAt(0) as number).toString(16)}}` : ch;
    }
  }
  return `${out}"`;
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
