/**
 * Quoted scalars for the fast block-YAML scanner (load-yaml-fast.ts,
 * yaml-fast-flow.ts), on one line or over several, read the way libyaml
 * reads them (checked with cfn-guard 3.1.1, which loads data through
 * libyaml):
 * - a line break inside the scalar folds to one space; each empty (or
 *   blank-only) line after it to a `\n` instead, and then no space;
 * - blanks before a line break and at the start of a continuation line
 *   are dropped, including before the closing quote;
 * - continuation lines may sit at ANY column, even 0 or left of the key
 *   holding the scalar: libyaml applies no indentation rule inside quoted
 *   scalars (the `yaml` package does; see quoted-indent.ts for the full route);
 * - double quotes: `\` before a line break joins the lines with nothing
 *   between them (blanks before the `\` stay, empty lines after it still
 *   give `\n`), other escapes as in scan-common.ts;
 * - single quotes: `''` is one quote.
 * Tabs and document markers (`---`, `...` at a line start; libyaml rejects
 * them inside a quoted scalar) never reach the fast scanner: isOutsideSubset
 * (yaml-fast-lexemes.ts) sends such texts to the full route. The full
 * routes (load-yaml.ts, load-standard.ts) read one kind of double-quoted
 * scalar here too (libyamlDoubleQuoted), so blanks include tabs.
 */
import { FALLBACK, readEscape } from './scan-common.js';

/** A quoted scalar's text and where it ends. */
export interface QuotedScalar {
  readonly text: string;
  /** Offset just past the closing quote. */
  readonly end: number;
  /** Line breaks inside the scalar: 0 when it is on one line. */
  readonly breaks: number;
  /** Offset where the line holding the closing quote starts (when `breaks > 0`). */
  readonly lastLineStart: number;
}

/** The quoted scalar (`"` or `'`) whose opening quote is at `at`. */
export function readQuoted(t: string, at: number): QuotedScalar {
  return t.charCodeAt(at) === 0x22 ? doubleQuoted(t, at) : singleQuoted(t, at);
}

/** The line breaks from `at` (a `\n` or `\r\n`) to the next line with content. */
interface Breaks {
  /** Lines with nothing but blanks on them. */
  readonly empty: number;
  readonly breaks: number;
  /** Start of the line with content. */
  readonly lineStart: number;
  /** Its first non-blank character. */
  readonly next: number;
}

function skipBreaks(t: string, at: number): Breaks {
  let i = at;
  let breaks = 0;
  let lineStart = at;
  for (;;) {
    // Blanks are spaces and tabs (tabs only reach here from load-yaml.ts).
    const c = t.charCodeAt(i);
    if (c === 0x0d) {
      // A lone CR (kept by the standard route only): not read here.
      if (t.charCodeAt(i + 1) !== 0x0a) throw FALLBACK;
      i++;
    } else if (c !== 0x0a) {
      // End of input inside the scalar: an error, the full route reports it.
      if (Number.isNaN(c)) throw FALLBACK;
      return { empty: breaks - 1, breaks, lineStart, next: i };
    }
    i++;
    breaks++;
    lineStart = i;
    while (isBlankChar(t.charCodeAt(i))) i++;
  }
}

function isBlankChar(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** `to` moved back over the blanks that end `t[from..to)`. */
function trimEnd(t: string, from: number, to: number): number {
  let e = to;
  while (e > from && isBlankChar(t.charCodeAt(e - 1))) e--;
  return e;
}

/** The folded text of `b` after a raw line break (one space, or a `\n` per empty line). */
function fold(b: Breaks): string {
  return b.empty === 0 ? ' ' : '\n'.repeat(b.empty);
}

function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

function doubleQuoted(t: string, at: number): QuotedScalar {
  let i = at + 1;
  let chunk = i;
  let out = '';
  let breaks = 0;
  let lastLineStart = -1;
  for (;;) {
    const c = t.charCodeAt(i);
    if (c === 0x22) break;
    if (Number.isNaN(c)) throw FALLBACK;
    let b: Breaks;
    if (c === 0x5c) {
      if (!isBreak(t.charCodeAt(i + 1))) {
        out += t.slice(chunk, i) + readEscape(t, i);
        i += t.charCodeAt(i + 1) === 0x75 ? 6 : 2;
        chunk = i;
        continue;
      }
      // An escaped line break joins the lines; blanks before the `\` stay.
      out += t.slice(chunk, i);
      b = skipBreaks(t, i + 1);
      out += '\n'.repeat(b.empty);
    } else if (isBreak(c)) {
      out += t.slice(chunk, trimEnd(t, chunk, i));
      b = skipBreaks(t, i);
      out += fold(b);
    } else {
      i++;
      continue;
    }
    breaks += b.breaks;
    lastLineStart = b.lineStart;
    i = chunk = b.next;
  }
  return { text: out + t.slice(chunk, i), end: i + 1, breaks, lastLineStart };
}

/** `''` inside is one quote. */
function singleQuoted(t: string, at: number): QuotedScalar {
  let i = at + 1;
  let chunk = i;
  let out = '';
  let breaks = 0;
  let lastLineStart = -1;
  for (;;) {
    const c = t.charCodeAt(i);
    if (Number.isNaN(c)) throw FALLBACK;
    if (c === 0x27) {
      if (t.charCodeAt(i + 1) !== 0x27) break;
      out += t.slice(chunk, i + 1);
      i += 2;
      chunk = i;
      continue;
    }
    if (!isBreak(c)) {
      i++;
      continue;
    }
    out += t.slice(chunk, trimEnd(t, chunk, i));
    const b = skipBreaks(t, i);
    out += fold(b);
    breaks += b.breaks;
    lastLineStart = b.lineStart;
    i = chunk = b.next;
  }
  return { text: out + t.slice(chunk, i), end: i + 1, breaks, lastLineStart };
}

/**
 * A double-quoted scalar's source where the `yaml` package folds differently
 * from libyaml: an escaped line break followed by empty lines, which libyaml
 * turns into one `\n` each (`"x\\` + LF + LF + `y"` is `x\ny`; the package
 * gives `x y`). Undefined for other sources, or when an escape is outside
 * what readEscape knows (the package's value is then kept).
 */
export function libyamlDoubleQuoted(source: string): string | undefined {
  if (!ESCAPED_BREAK_THEN_EMPTY.test(source)) return undefined;
  try {
    const q = doubleQuoted(source, 0);
    return q.end === source.length ? q.text : undefined;
  } catch (e) {
    if (e === FALLBACK) return undefined;
    throw e;
  }
}

const ESCAPED_BREAK_THEN_EMPTY = /\\\r?\n[ \t]*\r?\n/;
