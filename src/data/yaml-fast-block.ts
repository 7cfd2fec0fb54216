/**
 * Block scalars (`|`, `>`) for the fast block-YAML scanner
 * (load-yaml-fast.ts), read the way libyaml reads them (checked with
 * cfn-guard 3.1.1, which loads data through libyaml):
 * - the header is the indicator, then a chomping indicator (`-`, `+`) and
 *   an indentation digit (1-9) in either order, then blanks and a comment;
 * - the content indent is the digit plus the indent of the collection
 *   holding the scalar (`parent`), or else the column of the first line
 *   with content, but at least `parent + 1`;
 * - a line whose content starts left of that indent ends the scalar; a
 *   line of blanks only, up to the indent, is an empty line; blanks past
 *   the indent are content (so a blank-only line that deep is a line of text);
 * - folding (`>`) joins two lines with a space unless an empty line is
 *   between them (then one `\n` per empty line) or either starts with a
 *   blank ("more indented" lines keep their line breaks);
 * - chomping: `-` drops the last line break and the empty lines after it,
 *   clip keeps the line break, `+` keeps both.
 * The full route (the `yaml` package's block scalar, yaml-cst-values.ts)
 * gives the same text for all of that. Where they differ, or where libyaml
 * has quirks, this throws FALLBACK and the full route decides:
 * - a scalar reaching the end of a text that does not end in a line break
 *   (libyaml then keeps no final `\n` under clip and keep; the package adds one);
 * - leading empty lines deeper than the first content line (libyaml takes
 *   their indent and then fails; `a: |\n    \n  x`);
 * - `#` right after the indicator (a comment for libyaml, an error for the
 *   package), a header running into the end of input, a multi-digit indent.
 * Tabs, lone CRs and document markers never reach here (isOutsideSubset in
 * yaml-fast-lexemes.ts).
 */
import { FALLBACK } from './scan-common.js';

/** A block scalar's text and where its last line ends. */
export interface BlockScalar {
  readonly text: string;
  /**
   * Offset of the `\n` ending the scalar's last line (the header's line
   * when the scalar is empty): the scanner resumes there.
   */
  readonly lastBreak: number;
  /** Line breaks from the header's line to `lastBreak`'s line. */
  readonly lines: number;
}

/** How a block scalar's final line breaks are kept. */
type Chomping = 'strip' | 'clip' | 'keep';

/**
 * The block scalar whose indicator (`|` or `>`) is at `at`, held by a block
 * collection whose indent is `parent` (>= 0; a root scalar is not read here).
 */
export function readBlockScalar(t: string, at: number, parent: number): BlockScalar {
  const literal = t.charCodeAt(at) === 0x7c;
  let i = at + 1;
  let chomping: Chomping = 'clip';
  let digit = 0;
  for (let k = 0; k < 2; k++) {
    const c = t.charCodeAt(i);
    if ((c === 0x2d || c === 0x2b) && chomping === 'clip') {
      chomping = c === 0x2d ? 'strip' : 'keep';
      i++;
    } else if (c >= 0x31 && c <= 0x39 && digit === 0) {
      digit = c - 0x30;
      i++;
    }
  }
  i = headerEnd(t, i);
  // `i` is at the header's `\n`.
  const n = t.length;
  let out = '';
  // libyaml's state between lines: the break ending the previous content
  // line (pending), the empty lines since, and whether that line began
  // with a blank.
  let pendingBreak = false;
  let empty = 0;
  let leadingBlank = false;
  let lastBreak = i;
  let lines = 0;
  let pos = i + 1; // start of the line being looked at
  let indent = digit === 0 ? -1 : parent + digit;
  if (indent < 0) {
    // Auto-detection: leading empty lines (all their blanks eaten), then
    // the first line with content sets the indent.
    let deepestEmpty = 0;
    for (;;) {
      let k = pos;
      while (t.charCodeAt(k) === 0x20) k++;
      const brk = breakLength(t, k);
      if (brk === 0) {
        // Deeper empty lines first: libyaml's quirk (see above).
        if (deepestEmpty > k - pos || (k >= n && k > pos)) throw FALLBACK;
        indent = Math.max(k - pos, parent + 1);
        break;
      }
      deepestEmpty = Math.max(deepestEmpty, k - pos);
      empty++;
      lines++;
      pos = k + brk;
      lastBreak = pos - 1;
    }
  }
  for (;;) {
    // Eat up to `indent` spaces.
    let k = pos;
    const limit = pos + indent;
    while (k < limit && t.charCodeAt(k) === 0x20) k++;
    const brk = breakLength(t, k);
    if (brk > 0) {
      // An empty line (blanks up to the indent at most).
      empty++;
      lines++;
      pos = k + brk;
      lastBreak = pos - 1;
      continue;
    }
    if (k >= n) {
      // The end of input inside the scalar: only after a final line break.
      if (k > pos) throw FALLBACK;
      break;
    }
    // Content left of the indent ends the scalar.
    if (k < limit) break;
    let end = k;
    while (end < n && t.charCodeAt(end) !== 0x0a) end++;
    const textEnd = end > k && t.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    const trailingBlank = t.charCodeAt(k) === 0x20;
    if (!literal && pendingBreak && !leadingBlank && !trailingBlank) {
      // Folding: the line break becomes a space, or vanishes before empty lines.
      if (empty === 0) out += ' ';
    } else if (pendingBreak) {
      out += '\n';
    }
    if (empty > 0) out += '\n'.repeat(empty);
    empty = 0;
    leadingBlank = trailingBlank;
    out += t.slice(k, textEnd);
    if (end >= n) throw FALLBACK; // last line without a line break
    pendingBreak = true;
    lines++;
    pos = end + 1;
    lastBreak = end;
  }
  if (chomping !== 'strip' && pendingBreak) out += '\n';
  if (chomping === 'keep' && empty > 0) out += '\n'.repeat(empty);
  return { text: out, lastBreak, lines };
}

/**
 * Checks the rest of the header line from `i` (blanks, then a comment after
 * a blank) and returns the offset of its `\n`.
 */
function headerEnd(t: string, from: number): number {
  let i = from;
  while (t.charCodeAt(i) === 0x20) i++;
  if (t.charCodeAt(i) === 0x23 && i > from) {
    const nl = t.indexOf('\n', i);
    if (nl < 0) throw FALLBACK;
    return nl;
  }
  if (t.charCodeAt(i) === 0x0d) i++;
  if (t.charCodeAt(i) !== 0x0a) throw FALLBACK;
  return i;
}

/** Length of the line break at `k` (`\n` or `\r\n`), 0 when there is none. */
function breakLength(t: string, k: number): number {
  const c = t.charCodeAt(k);
  if (c === 0x0a) return 1;
  if (c === 0x0d && t.charCodeAt(k + 1) === 0x0a) return 2;
  return 0;
}
