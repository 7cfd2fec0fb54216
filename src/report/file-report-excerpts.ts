/**
 * The CFN report's `Code:` excerpts (GOT-29/30): Rust's line splitting and
 * the reference's forward-only source cursor with its numbering quirks.
 */
import type { ReportStyle } from './types.js';

/** Rust's `str::lines()`: split on `\n`, drop one trailing `\r` per line, no empty last line. */
export function rustLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/**
 * The reference's forward-only line cursor over the data text, reproduced
 * with its numbering quirks: seeking back re-reads remembered lines, seeking
 * past them numbers new lines from the current position. One cursor serves a
 * whole report, so excerpts depend on print order (GOT-29/30).
 */
export class ReadCursor {
  private lineNum = 0;
  private consumed = 0;
  private readonly previous: (readonly [number, string])[] = [];
  private readonly lines: readonly string[];

  constructor(text: string) {
    this.lines = rustLines(text);
  }

  private pull(): string | undefined {
    const line = this.lines[this.consumed];
    if (line !== undefined) this.consumed++;
    return line;
  }

  next(): readonly [number, string] | undefined {
    if (this.lineNum < this.previous.length) {
      this.lineNum++;
      return this.previous[this.lineNum - 1];
    }
    const line = this.pull();
    if (line === undefined) return undefined;
    this.lineNum++;
    this.previous.push([this.lineNum, line]);
    return this.previous[this.lineNum - 1];
  }

  seekLine(line: number): readonly [number, string] | undefined {
    if (this.previous.length > line) {
      this.lineNum = line;
      return this.previous[line - 1];
    }
    for (;;) {
      const next = this.pull();
      if (next === undefined) return undefined;
      this.lineNum++;
      this.previous.push([this.lineNum, next]);
      if (this.lineNum === line) return this.previous[this.lineNum - 1];
    }
  }
}

/**
 * First excerpt line for a 0-based data line: two above it, at least 1. The
 * reference computes `max(1, line - 2)` on unsigned integers, so lines 0
 * and 1 wrap around and seek past the end: their excerpt is empty.
 */
export function excerptStart(line: number): number {
  return line >= 2 ? Math.max(1, line - 2) : Number.MAX_SAFE_INTEGER;
}

/** `Code:` and up to six numbered lines (`{n:>5}.{text}`). */
export function emitCode(
  cursor: ReadCursor,
  line: number,
  prefix: string,
  style: ReportStyle,
): string {
  let out = `${prefix}Code:\n`;
  const inner = `${prefix}  `;
  const show = ([num, text]: readonly [number, string]): string =>
    `${inner}${style.codeLine(`${String(num).padStart(5)}.${text}`)}\n`;
  const first = cursor.seekLine(excerptStart(line));
  if (first !== undefined) out += show(first);
  let context = 5;
  for (let next = cursor.next(); next !== undefined; next = cursor.next()) {
    out += show(next);
    context--;
    if (context <= 0) break;
  }
  return out;
}
