/**
 * The lexemes of the serde_json-style reader (serde-json.ts): literal words,
 * strings and numbers, each read or skipped with serde_json's wording for
 * what goes wrong inside it. Kept apart from the value-level code because
 * these are the leaves every caller (scalars, skipped values, structs)
 * shares.
 */
import { type JsonCursor, utf8Width } from './serde-json-cursor.js';

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
export function scanString(c: JsonCursor, decode: boolean): string {
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

export function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/**
 * The extent of a number; `ignore` picks serde's ignore_number wording, where
 * a missing digit at the end of the text is "invalid number" rather than
 * "EOF while parsing a value". Returns whether it has a fraction or exponent.
 */
export function scanNumber(c: JsonCursor, ignore: boolean): boolean {
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
