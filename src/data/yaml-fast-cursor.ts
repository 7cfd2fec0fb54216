/**
 * The position and line bookkeeping of the fast block-YAML scanner
 * (load-yaml-fast.ts): the text, the offset `i`, the current line and its
 * indent, and the moves between lines that skip blanks and comments. The
 * flow and block parts of the scanner build on it.
 */

import { FALLBACK } from './scan-common.js';
import { isBlank } from './yaml-fast-lexemes.js';
import type { QuotedScalar } from './yaml-fast-quoted.js';
import type { ScanTyping } from './yaml-fast-typing.js';

export class ScanCursor {
  protected i = 0;
  protected line = 0;
  protected lineStart = 0;
  /** Indent of the content line `i` points into, -1 at the end of input. */
  protected indent = 0;

  constructor(
    protected readonly t: string,
    protected readonly maxDepth: number,
    protected readonly typing: ScanTyping,
  ) {}

  protected col(): number {
    return this.i - this.lineStart;
  }

  /**
   * From anywhere on a line, moves to the first character of the next line
   * holding content (skipping blank and comment-only lines) and sets
   * `indent`; at the end of input `indent` is -1.
   */
  protected nextContent(): void {
    const t = this.t;
    const n = t.length;
    let i = this.i;
    // Rest of the current line: only blanks or a comment may remain.
    for (;;) {
      if (i >= n) {
        this.i = i;
        this.indent = -1;
        return;
      }
      const c = t.charCodeAt(i);
      if (c === 0x0a) break;
      if (c === 0x23 && (i === 0 || isBlank(t.charCodeAt(i - 1)))) {
        const nl = t.indexOf('\n', i);
        i = nl < 0 ? n : nl;
        continue;
      }
      if (c !== 0x20 && c !== 0x0d) throw FALLBACK;
      i++;
    }
    // Following lines.
    for (;;) {
      if (i >= n) {
        this.i = i;
        this.indent = -1;
        return;
      }
      // t[i] is '\n'
      i++;
      this.line++;
      this.lineStart = i;
      while (t.charCodeAt(i) === 0x20) i++;
      const c = t.charCodeAt(i);
      if (i >= n) continue;
      if (c === 0x0a) continue;
      if (c === 0x0d && t.charCodeAt(i + 1) === 0x0a) {
        i++;
        continue;
      }
      if (c === 0x23) {
        const nl = t.indexOf('\n', i);
        i = nl < 0 ? n : nl;
        continue;
      }
      this.i = i;
      this.indent = i - this.lineStart;
      return;
    }
  }

  /**
   * Moves past a quoted scalar read at `i`. One spanning lines leaves the
   * cursor on the line of its closing quote; that line's indent is its own
   * (libyaml checks none inside the scalar; see yaml-fast-quoted.ts).
   */
  protected takeQuoted(q: QuotedScalar): void {
    this.i = q.end;
    if (q.breaks === 0) return;
    const t = this.t;
    this.line += q.breaks;
    this.lineStart = q.lastLineStart;
    let k = q.lastLineStart;
    while (t.charCodeAt(k) === 0x20) k++;
    this.indent = k - q.lastLineStart;
  }

  protected skipSpaces(): void {
    while (this.t.charCodeAt(this.i) === 0x20) this.i++;
  }

  /** True when `i` is at the end of the line's content (line break, comment, end). */
  protected atLineEnd(): boolean {
    const c = this.t.charCodeAt(this.i);
    return (
      Number.isNaN(c) ||
      c === 0x0a ||
      (c === 0x0d && this.t.charCodeAt(this.i + 1) === 0x0a) ||
      (c === 0x23 && isBlank(this.t.charCodeAt(this.i - 1)))
    );
  }
}
