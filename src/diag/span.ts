/**
 * A half-open range [start, end) of UTF-16 offsets into one source text.
 * Line and column are computed on demand through a LineIndex, so spans stay
 * two numbers wide however large the input is.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

export function mergeSpans(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

export function spanContains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}
