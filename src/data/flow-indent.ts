/**
 * Flow collections continued left of their block, for the full YAML route
 * (the repair loop in quoted-indent.ts). libyaml checks no indentation
 * inside a flow collection (YAML-01):
 *
 *   a:
 *     b: [1,
 *   2]
 *
 * is `{a: {b: [1, 2]}}`, `2` at line 2 column 0. The `yaml` package ends
 * the collection at the first line not deeper than the block holding it and
 * reports an error. So the repair gives the package a copy of the text in
 * which the collection's lines left of its opening bracket get leading
 * spaces. That is sound because:
 * - blanks starting a line inside a flow collection separate tokens and
 *   fold away inside scalars, so no value changes (a comment stays one);
 * - no line is added and columns map back through the repair's
 *   `toOriginal`, so positions are the original text's, as libyaml's are;
 * - the collection's end is found as libyaml finds it (brackets counted
 *   outside quoted scalars and comments);
 * - a document marker (`---` or `...` then a blank) at a line start, an
 *   error for libyaml there, is never padded: such documents stay errors.
 */

/**
 * The lines of the flow collection whose bracket is at `open` in `text`
 * that sit left of the column after the bracket, as [line start, spaces];
 * undefined when none does, or when the collection is not closed or holds
 * a document marker.
 */
export function flowPaddedLines(text: string, open: number): [number, number][] | undefined {
  const target = open - (text.lastIndexOf('\n', open - 1) + 1) + 1;
  const out: [number, number][] = [];
  let depth = 0;
  // Whether a node may start here: a quote opens a quoted scalar only there
  // (inside a plain scalar, `it's` holds a plain quote).
  let nodeStart = true;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 0x5b: // [
      case 0x7b: // {
        depth++;
        nodeStart = true;
        break;
      case 0x5d: // ]
      case 0x7d: // }
        depth--;
        if (depth === 0) return out.length === 0 ? undefined : out;
        nodeStart = false;
        break;
      case 0x2c: // ,
        nodeStart = true;
        break;
      case 0x3a: // :
      case 0x3f: // ?
        // An indicator before a blank or a flow indicator; otherwise text.
        nodeStart = isSeparator(text.charCodeAt(i + 1));
        break;
      case 0x22: // "
      case 0x27: {
        // '
        if (!nodeStart) break;
        const end = closingQuote(text, i);
        if (end < 0) return undefined;
        // The scalar's inner lines are the collection's lines too.
        for (let k = text.indexOf('\n', i); k >= 0 && k < end; k = text.indexOf('\n', k + 1)) {
          if (!padLine(text, k + 1, target, out)) return undefined;
        }
        i = end;
        nodeStart = false;
        break;
      }
      case 0x23: // #
        if (i > 0 && !isBlank(text.charCodeAt(i - 1))) {
          nodeStart = false;
          break;
        }
        // A comment runs to the line's end.
        i = text.indexOf('\n', i) - 1;
        if (i < 0) return undefined;
        break;
      case 0x0a:
        if (!padLine(text, i + 1, target, out)) return undefined;
        break;
      case 0x20:
      case 0x09:
      case 0x0d:
        break;
      case 0x21: // !
      case 0x26: // &
        // A tag or an anchor: the node follows it.
        if (nodeStart) {
          while (i + 1 < text.length && !isSeparator(text.charCodeAt(i + 1))) i++;
        }
        break;
      default:
        nodeStart = false;
        break;
    }
  }
  return undefined;
}

/**
 * Records the spaces the line starting at `ls` needs to reach `target`;
 * false when the line is a document marker.
 */
function padLine(text: string, ls: number, target: number, out: [number, number][]): boolean {
  if (isDocumentMarker(text, ls)) return false;
  let k = ls;
  while (text.charCodeAt(k) === 0x20) k++;
  const next = text.charCodeAt(k);
  // An empty line needs no indent.
  if (next === 0x0a || next === 0x0d || Number.isNaN(next)) return true;
  if (k - ls < target) out.push([ls, target - (k - ls)]);
  return true;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** A blank, a line break, a flow indicator, or the end of the text. */
function isSeparator(c: number): boolean {
  return (
    Number.isNaN(c) ||
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x2c ||
    c === 0x5b ||
    c === 0x5d ||
    c === 0x7b ||
    c === 0x7d
  );
}

/**
 * Offset of the quote closing the scalar whose opening quote is at `at`
 * (`''` and `\"` do not close), or -1.
 */
export function closingQuote(t: string, at: number): number {
  const q = t.charCodeAt(at);
  for (let i = at + 1; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (q === 0x22 && c === 0x5c) i++;
    else if (c === q) {
      if (q === 0x27 && t.charCodeAt(i + 1) === 0x27) i++;
      else return i;
    }
  }
  return -1;
}

/** `---` or `...` at `at`, then a blank, a line break or the end. */
export function isDocumentMarker(t: string, at: number): boolean {
  const s = t.slice(at, at + 3);
  if (s !== '---' && s !== '...') return false;
  const c = t.charCodeAt(at + 3);
  return Number.isNaN(c) || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}
