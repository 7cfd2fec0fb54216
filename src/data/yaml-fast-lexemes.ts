/**
 * Character-level pieces of the fast block-YAML scanner (load-yaml-fast.ts):
 * pure functions over the text and an offset that read one line-bound
 * lexeme (plain scalar, tag, key; quoted scalars are in yaml-fast-quoted.ts)
 * or classify a character, and the whole-text check that picks which files
 * the scanner tries. Like the
 * scanner they throw FALLBACK on anything outside the subset it takes.
 */
import { FALLBACK } from './scan-common.js';

/**
 * Characters that send a file to the full route: tabs (indentation errors),
 * control and C1 characters, NEL/LS/PS line breaks, surrogates (columns count
 * code points), BOM and non-characters, and a lone CR (a libyaml line break).
 */
const UNSUPPORTED_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]|\r(?!\n)/;

/**
 * Directives and document markers (several documents, DATA-01); one `---`
 * opening the first document is taken (see YamlScanner.document in load-yaml-fast.ts).
 */
const UNSUPPORTED_STRUCTURE = /^(?:%|---|\.\.\.)/gm;

/** An opening `---` alone on its line (a comment may follow). */
const OPENING_MARKER = /^---(?: +#[^\n]*| *)\r?$/m;

/**
 * Whether a text holds characters or structure the fast scanner leaves to
 * the full route (checked once, before scanning).
 */
export function isOutsideSubset(text: string): boolean {
  if (UNSUPPORTED_CHARS.test(text)) return true;
  UNSUPPORTED_STRUCTURE.lastIndex = 0;
  const marker = UNSUPPORTED_STRUCTURE.exec(text);
  if (marker !== null) {
    // Only an opening `---` before any content, on a line of its own.
    const opening = OPENING_MARKER.exec(text);
    if (opening === null || opening.index !== marker.index) return true;
    if (!/^(?:[ \r\n]*(?:#[^\n]*)?\n)*$/.test(text.slice(0, marker.index))) return true;
    UNSUPPORTED_STRUCTURE.lastIndex = marker.index + 3;
    if (UNSUPPORTED_STRUCTURE.test(text)) return true;
  }
  return false;
}

export function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d;
}

export function isBlankOrEnd(c: number): boolean {
  return Number.isNaN(c) || c === 0x20 || c === 0x0a || c === 0x0d;
}

/** `to` moved back over the spaces that end `t[from..to)`. */
export function trimEnd(t: string, from: number, to: number): number {
  let e = to;
  while (e > from && t.charCodeAt(e - 1) === 0x20) e--;
  return e;
}

/**
 * Whether a plain scalar may start with `c` here (block context). Indicators
 * (and `-`, `?`, `:` before a blank) start other tokens; the full route
 * handles those.
 */
export function startsPlain(c: number, next: number): boolean {
  switch (c) {
    case 0x2d: // -
    case 0x3f: // ?
    case 0x3a: // :
      return !isBlankOrEnd(next);
    case 0x2c: // ,
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case 0x23: // #
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case 0x7c: // |
    case 0x3e: // >
    case 0x27: // '
    case 0x22: // "
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
    case 0x20:
    case 0x0a:
    case 0x0d:
      return false;
    default:
      return !Number.isNaN(c);
  }
}

/**
 * End of a plain scalar starting at `from` on its line, or -1 when it is a
 * mapping key (`: ` follows). Trailing spaces are not included.
 */
export function plainEnd(t: string, from: number): number {
  let i = from;
  let last = from;
  for (;;) {
    const c = t.charCodeAt(i);
    if (Number.isNaN(c) || c === 0x0a || c === 0x0d) break;
    if (c === 0x3a && isBlankOrEnd(t.charCodeAt(i + 1))) return -1;
    if (c === 0x23 && t.charCodeAt(i - 1) === 0x20) break;
    i++;
    if (c !== 0x20) last = i;
  }
  return last;
}

/** Offset of the `:` ending a plain key that starts at `from`. */
export function keyColon(t: string, from: number): number {
  for (let i = from; ; i++) {
    const c = t.charCodeAt(i);
    if (Number.isNaN(c) || c === 0x0a || c === 0x0d) throw FALLBACK;
    if (c === 0x3a && isBlankOrEnd(t.charCodeAt(i + 1))) return i;
    if (c === 0x23 && t.charCodeAt(i - 1) === 0x20) throw FALLBACK;
  }
}

/** End of a `!Name` or `!!name` tag at `start`; a blank or the end must follow. */
export function tagEnd(t: string, start: number): number {
  let i = start + 1;
  if (t.charCodeAt(i) === 0x21) i++;
  const nameStart = i;
  for (;;) {
    const c = t.charCodeAt(i);
    if (
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x30 && c <= 0x39) ||
      c === 0x2d ||
      c === 0x5f ||
      c === 0x3a ||
      c === 0x2e
    ) {
      i++;
    } else break;
  }
  if (i === nameStart || !isBlankOrEnd(t.charCodeAt(i))) throw FALLBACK;
  return i;
}
