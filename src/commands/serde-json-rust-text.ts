/**
 * Rust's own text for values that serde_json quotes in "invalid type"
 * messages: an f64's Display and a str's Debug. Separate from the reader
 * because it is pure formatting, with no cursor or position involved.
 */
import { formatFloatRust } from '../data/display.js';

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
