/**
 * Offsets → the 0-based line and column the reference (libyaml) reports
 * (DATA-04, GOT-29). libyaml counts:
 * - lines at `\n`, `\r\n` and a lone `\r`;
 * - columns in Unicode code points, not bytes and not UTF-16 units
 *   (`{"😀é": 1}` puts `1` at column 7);
 * - a leading byte-order mark as one column of line 0 (a JSON file starting
 *   with a BOM has its root at `[L:0,C:1]`).
 */

export interface DataPosition {
  readonly line: number;
  readonly col: number;
}

export class PositionIndex {
  readonly #starts: number[];
  readonly #hasSurrogates: boolean;
  /** Extra columns on line 0 (1 when the source started with a BOM that was stripped). */
  readonly #line0Shift: number;

  /** `text` is the text offsets point into (BOM already stripped, if any). */
  constructor(
    readonly text: string,
    bomStripped: boolean,
  ) {
    const starts = [0];
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.#starts = starts;
    this.#hasSurrogates = /[\uD800-\uDFFF]/.test(text);
    this.#line0Shift = bomStripped ? 1 : 0;
  }

  at(offset: number): DataPosition {
    const starts = this.#starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const start = starts[lo] as number;
    let col = offset - start;
    if (this.#hasSurrogates) col -= countLowSurrogates(this.text, start, offset);
    if (lo === 0) col += this.#line0Shift;
    return { line: lo, col };
  }
}

/** Code points in text[from, to) that took two UTF-16 units. */
export function countLowSurrogates(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) count++;
  }
  return count;
}
