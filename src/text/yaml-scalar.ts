/**
 * How serde_yaml 0.9.34 (cfn-guard 3.2.0's version, DIVERGENCES C11) writes a
 * string scalar through libyaml's emitter. The one implementation behind
 * every YAML text tsguard prints: `parse-tree -y` (syntax/serde-yaml.ts) and
 * the `-o yaml` reports (report/yaml-writer.ts), both through the emitter of
 * ./yaml-emitter.ts.
 *
 * `src/text/` is a leaf layer: it imports nothing from src/, so both
 * `syntax/` and `report/` may use it.
 *
 * Two layers decide how a string looks (this file models the second):
 * - serde_yaml picks a *requested* style (`requestedStringStyle`, yaml-string-style.ts): a string
 *   with `\n` asks for a literal block (`|`); a string that would read back
 *   as something else (null, `~`, bool, int incl. `0x…` within Rust's
 *   128-bit range, finite float, a digit string with a leading zero such as
 *   `007`) asks for single quotes; anything else asks for "any".
 * - libyaml analyses the characters (`analyzeScalar`) and downgrades what is
 *   not allowed (`selectScalarStyle`): plain → single quotes (indicators,
 *   leading/trailing spaces, `: `, ` #`, line breaks), single → double quotes
 *   (non-printable characters, space next to a line break), literal → double
 *   quotes (trailing space, simple keys).
 */

import { type RequestedStyle, requestedStringStyle } from './yaml-string-style.js';

/** The style libyaml ends up writing. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

/** libyaml's best_indent, which serde_yaml leaves at 2. */
export const BEST_INDENT = 2;

/** What libyaml's `yaml_emitter_analyze_scalar` finds out about a text (block context). */
export interface ScalarAnalysis {
  readonly multiline: boolean;
  readonly blockPlainAllowed: boolean;
  readonly singleQuotedAllowed: boolean;
  readonly blockAllowed: boolean;
  /** UTF-8 length: libyaml's simple-key limit (128) counts bytes. */
  readonly byteLength: number;
}

/** libyaml's IS_BREAK: `\n`, `\r`, NEL, LS, PS. */
export function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** libyaml's IS_BLANKZ: space, tab, a line break, or the end of the text. */
function isBlankOrEnd(c: number | undefined): boolean {
  return c === undefined || c === 0x20 || c === 0x09 || isBreak(c);
}

/**
 * libyaml's IS_PRINTABLE (by code point). NEL (U+0085) is not printable;
 * characters beyond the BMP are: cfn-guard writes emoji unescaped (checked
 * with the reference binary).
 */
export function isPrintable(c: number): boolean {
  if (c === 0x0a) return true;
  if (c >= 0x20 && c <= 0x7e) return true;
  if (c >= 0xa0 && c <= 0xd7ff) return true;
  if (c >= 0xe000 && c <= 0xfffd) return c !== 0xfeff;
  return c >= 0x10000;
}

function utf8Length(codePoints: readonly number[]): number {
  let n = 0;
  for (const c of codePoints) n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  return n;
}

const FIRST_CHAR_INDICATORS = new Set('#,[]{}&*!|>\'"%@`');

export function analyzeScalar(text: string): ScalarAnalysis {
  const cps = Array.from(text, (ch) => ch.codePointAt(0) ?? 0);
  const byteLength = utf8Length(cps);
  if (cps.length === 0) {
    return {
      multiline: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
      byteLength,
    };
  }
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  const last = cps.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = cps[i] ?? 0;
    const followedByWhitespace = isBlankOrEnd(cps[i + 1]);
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if (FIRST_CHAR_INDICATORS.has(ch)) blockIndicators = true;
      if ((ch === '?' || ch === ':') && followedByWhitespace) blockIndicators = true;
      if (ch === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWhitespace) blockIndicators = true;
      if (ch === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(c)) specialCharacters = true;
    if (isBreak(c)) lineBreaks = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i === last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(c);
  }
  // Only block context is ever used (flow collections are always empty), so
  // the flow-plain flag libyaml also computes is not needed.
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks || blockIndicators) blockPlainAllowed = false;
  return {
    multiline: lineBreaks,
    blockPlainAllowed,
    singleQuotedAllowed,
    blockAllowed,
    byteLength,
  };
}

/** libyaml writes a mapping key inline (`key:`) only when it is one line of at most 128 bytes. */
export function isSimpleKey(analysis: ScalarAnalysis): boolean {
  return !analysis.multiline && analysis.byteLength <= 128;
}

// ---------------------------------------------------------------------------
// libyaml's choice and writing of the style

/** libyaml's `yaml_emitter_select_scalar_style`, block context, no tags. */
export function selectScalarStyle(
  text: string,
  requested: RequestedStyle,
  simpleKey: boolean,
  analysis: ScalarAnalysis,
): ScalarStyle {
  let style: ScalarStyle = requested === 'any' ? 'plain' : requested;
  if (simpleKey && analysis.multiline) style = 'double';
  if (style === 'plain') {
    if (!analysis.blockPlainAllowed) style = 'single';
    if (text.length === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!analysis.blockAllowed || simpleKey)) style = 'double';
  return style;
}

function doubleQuotedEscape(c: number): string | null {
  switch (c) {
    case 0x00:
      return '\\0';
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x09:
      return '\\t';
    case 0x0a:
      return '\\n';
    case 0x0b:
      return '\\v';
    case 0x0c:
      return '\\f';
    case 0x0d:
      return '\\r';
    case 0x1b:
      return '\\e';
    case 0x22:
      return '\\"';
    case 0x5c:
      return '\\\\';
    case 0x85:
      return '\\N';
    case 0xa0:
      return '\\_';
    case 0x2028:
      return '\\L';
    case 0x2029:
      return '\\P';
    default:
      return null;
  }
}

function hexEscape(c: number): string {
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (c <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

function doubleQuoted(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (!isPrintable(c) || c === 0xfeff || isBreak(c) || c === 0x22 || c === 0x5c) {
      out += doubleQuotedEscape(c) ?? hexEscape(c);
    } else {
      out += ch;
    }
  }
  return `${out}"`;
}

/**
 * Single quotes; only U+2028/U+2029 can be line breaks here (`\n` asks for
 * a literal, the others are not printable). libyaml writes a break raw (a
 * `\n` run gets one extra newline, as folding would eat one), then indents
 * the next line.
 */
function singleQuoted(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  let out = "'";
  let breaks = false;
  for (const ch of text) {
    if (isBreak(ch.codePointAt(0) ?? 0)) {
      if (!breaks && ch === '\n') out += '\n';
      out += ch;
      breaks = true;
    } else {
      if (breaks) out += pad;
      out += ch === "'" ? "''" : ch;
      breaks = false;
    }
  }
  if (breaks) out += pad;
  return `${out}'`;
}

/** `|`, the indentation hint (first line starts with a space or break), the chomping hint, the lines. */
function literal(text: string, indent: number): string {
  const cps = Array.from(text);
  const first = cps[0];
  let out = '|';
  if (first !== undefined && (first === ' ' || isBreak(first.codePointAt(0) ?? 0))) {
    out += String(BEST_INDENT);
  }
  const lastCp = cps.at(-1)?.codePointAt(0);
  const beforeLastCp = cps.at(-2)?.codePointAt(0);
  if (lastCp === undefined || !isBreak(lastCp)) out += '-';
  else if (cps.length === 1 || (beforeLastCp !== undefined && isBreak(beforeLastCp))) out += '+';
  out += '\n';
  const pad = ' '.repeat(indent);
  let breaks = true;
  for (const ch of cps) {
    if (isBreak(ch.codePointAt(0) ?? 0)) {
      out += ch;
      breaks = true;
    } else {
      if (breaks) out += pad;
      out += ch;
      breaks = false;
    }
  }
  return out;
}

/**
 * The scalar's text in `style`, from its first indicator on; `indent` is the
 * column where continuation lines (single-quoted, literal) start. The text
 * does not end with the line break after the scalar.
 */
export function renderScalar(text: string, style: ScalarStyle, indent: number): string {
  switch (style) {
    case 'plain':
      return text;
    case 'single':
      return singleQuoted(text, indent);
    case 'double':
      return doubleQuoted(text);
    case 'literal':
      return literal(text, indent);
  }
}

/** A string as a value (`simpleKey` false) or inline mapping key, continuation lines at `indent`. */
export function stringScalar(text: string, indent: number, simpleKey: boolean): string {
  const style = selectScalarStyle(text, requestedStringStyle(text), simpleKey, analyzeScalar(text));
  return renderScalar(text, style, indent);
}
