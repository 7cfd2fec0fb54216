/**
 * Pieces shared by the two fast scanners (load-json.ts, load-yaml-fast.ts):
 * both give up on anything unusual and let the full YAML route decide.
 */

/** Thrown inside a fast scanner to abandon the fast path. */
export const FALLBACK = Symbol('fast-path-fallback');

/** `v`, or a fallback when a shared helper found it outside the fast path's reach. */
export function orFallback<T>(v: T | undefined): T {
  if (v === undefined) throw FALLBACK;
  return v;
}

/**
 * Longest key a fast path takes. libyaml stops treating a key as a "simple
 * key" past 1024 characters; such files go through the YAML route.
 */
export const MAX_SIMPLE_KEY = 1000;

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * The character a JSON-style escape at `at` (the backslash) stands for; the
 * escape is 6 characters long for `\u`, else 2. Other YAML escapes fall back.
 */
export function readEscape(t: string, at: number): string {
  const e = t[at + 1];
  if (e === undefined) throw FALLBACK;
  if (e === 'u') {
    let code = 0;
    for (let k = at + 2; k < at + 6; k++) {
      const d = hexDigit(t.charCodeAt(k));
      if (d < 0) throw FALLBACK;
      code = code * 16 + d;
    }
    // libyaml refuses escapes naming surrogates (even as a valid pair):
    // the YAML route reports it as a data syntax error.
    if (code >= 0xd800 && code <= 0xdfff) throw FALLBACK;
    return String.fromCharCode(code);
  }
  const s = ESCAPES[e];
  if (s === undefined) throw FALLBACK;
  return s;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  if (l >= 0x61 && l <= 0x66) return l - 0x61 + 10;
  return -1;
}

/**
 * Offset of the backslash of the first `\u`/`\U` escape in the double-quoted
 * scalar `source` (quotes included) that names no Unicode character libyaml
 * accepts (a UTF-16 surrogate, even as half of a pair, or beyond U+10FFFF),
 * or -1. Escaped backslashes are skipped, so `"\\ud800"` is fine.
 */
export function invalidUnicodeEscape(source: string): number {
  for (let i = source.indexOf('\\'); i >= 0 && i < source.length; i = source.indexOf('\\', i)) {
    const e = source[i + 1];
    const digits = e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (digits > 0) {
      let code = 0;
      let k = i + 2;
      for (; k < i + 2 + digits; k++) {
        const d = hexDigit(source.charCodeAt(k));
        if (d < 0) break;
        code = code * 16 + d;
      }
      if (k === i + 2 + digits && ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff)) {
        return i;
      }
    }
    i += 2;
  }
  return -1;
}
