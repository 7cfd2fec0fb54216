/**
 * Quoted scalars whose continuation lines sit left of their block, for the
 * full YAML route (load-yaml.ts, load-standard.ts). libyaml, the
 * reference's loader, applies no indentation rule inside a quoted scalar:
 *
 *   Value: 'Log in to the web console, …, select
 *   your instance from the list, …'
 *
 * is one string. The `yaml` package ends the scalar at the first line
 * indented no deeper than the block requires and reports an error: usually
 * "Missing closing 'quote", but for `"x\"` cut right after an escaped quote
 * whatever the rest of the text then looks like. So the callers try a repair
 * whenever the package reports an error; it finds the cut scalar in the CST
 * and gives the package a copy of the text where only that scalar's
 * continuation lines get leading spaces. That is sound because:
 * - the value does not change: blanks starting a continuation line are
 *   dropped by folding (quoted scalars, both styles; after an escaped line
 *   break too), and blank-only lines stay blank;
 * - no line is added, so line numbers stay; columns on a padded line, which
 *   only the closing quote's line can carry tokens after the scalar on, are
 *   mapped back through `toOriginal` (every position goes through it);
 * - the scalar's end is found as the `yaml` lexer finds it (the first quote
 *   not doubled or escaped), which is where libyaml ends it too;
 * - lines libyaml itself rejects inside a quoted scalar (a document marker,
 *   `---` or `...` then a blank, at a line start) are never padded, so
 *   those documents stay errors.
 * The same loop pads flow collections continued left of their block
 * (flow-indent.ts). Only the first scalar or collection to repair in a CST
 * is trusted (what follows it was lexed wrongly), so each repair parses again.
 */
import type { CST } from 'yaml';
import { closingQuote, flowPaddedLines, isDocumentMarker } from './flow-indent.js';

/** The text to give the `yaml` package, and how its offsets map back. */
export interface IndentRepair {
  readonly text: string;
  /** The offset in the original text of `offset` in `text`. */
  toOriginal(offset: number): number;
}

/**
 * How many scalars one document may have repaired (each costs a parse);
 * past that, the document keeps the `yaml` package's error.
 */
export const MAX_QUOTE_REPAIRS = 200;

/**
 * Repairs `src` until no quoted scalar in its first document is cut short
 * by an under-indented line. `parse` gives the first document's CST of a
 * text. Undefined when nothing could be repaired.
 */
export function repairQuotedIndent(
  src: string,
  first: CST.Document,
  parse: (text: string) => CST.Document | undefined,
): IndentRepair | undefined {
  // Insertions, in original offsets, sorted: `count` spaces before `at`.
  const pads: { at: number; count: number }[] = [];
  let text = src;
  let doc: CST.Document | undefined = first;
  for (let n = 0; n < MAX_QUOTE_REPAIRS && doc !== undefined; n++) {
    const lines = firstRepair(doc, text);
    if (lines === undefined) break;
    const map = offsetMap(pads);
    for (const [at, count] of lines) pads.push({ at: map(at), count });
    pads.sort((a, b) => a.at - b.at);
    text = applyPads(src, pads);
    doc = parse(text);
  }
  return pads.length === 0 ? undefined : { text, toOriginal: offsetMap(pads) };
}

/**
 * The lines to pad for the first repair in document order: an outermost
 * flow collection with lines left of its bracket (flow-indent.ts), or a
 * quoted scalar whose source lacks its closing quote. Undefined when there
 * is none, or when the first cut scalar cannot be repaired.
 */
function firstRepair(doc: CST.Document, text: string): [number, number][] | undefined {
  // [token, inside a flow collection]
  const stack: [CST.Token | undefined, boolean][] = [[doc.value, false]];
  while (stack.length > 0) {
    const [token, inFlow] = stack.pop() as [CST.Token | undefined, boolean];
    if (token === undefined) continue;
    switch (token.type) {
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        if (closingQuote(token.source, 0) !== token.source.length - 1) {
          return paddedLines(text, token);
        }
        break;
      case 'flow-collection':
        if (!inFlow) {
          const lines = flowPaddedLines(text, token.start.offset);
          if (lines !== undefined) return lines;
        }
        pushItems(stack, token, true);
        break;
      case 'block-map':
      case 'block-seq':
        pushItems(stack, token, inFlow);
        break;
      default:
        break;
    }
  }
  return undefined;
}

function pushItems(
  stack: [CST.Token | undefined, boolean][],
  token: CST.BlockMap | CST.BlockSequence | CST.FlowCollection,
  inFlow: boolean,
): void {
  for (let i = token.items.length - 1; i >= 0; i--) {
    const item = token.items[i] as CST.CollectionItem;
    stack.push([item.value, inFlow], [item.key ?? undefined, inFlow]);
  }
}

/**
 * The continuation lines of the scalar `cut` that need spaces, as
 * [line start, spaces] in `text`; undefined when the scalar is not closed
 * or holds a line libyaml rejects.
 */
function paddedLines(text: string, cut: CST.FlowScalar): [number, number][] | undefined {
  const start = cut.offset;
  const end = closingQuote(text, start);
  if (end < 0) return undefined;
  // Any indent past the quote's column is deep enough for the `yaml`
  // lexer, whose required indent never exceeds that column plus one.
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const target = start - lineStart + 1;
  const out: [number, number][] = [];
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // Lone CRs are line breaks for libyaml, but the callers have made them LFs.
    if (c !== 0x0a) continue;
    const ls = i + 1;
    if (isDocumentMarker(text, ls)) return undefined;
    let k = ls;
    while (text.charCodeAt(k) === 0x20) k++;
    const next = text.charCodeAt(k);
    // An empty line needs no indent; a blank one holding a tab does.
    if (next === 0x0a || next === 0x0d) continue;
    if (k - ls < target) out.push([ls, target - (k - ls)]);
  }
  return out.length === 0 ? undefined : out;
}

function applyPads(src: string, pads: readonly { at: number; count: number }[]): string {
  let out = '';
  let from = 0;
  for (const p of pads) {
    out += src.slice(from, p.at) + ' '.repeat(p.count);
    from = p.at;
  }
  return out + src.slice(from);
}

/** Offsets in the padded text → original offsets (inside a pad: the padded line's start). */
function offsetMap(pads: readonly { at: number; count: number }[]): (offset: number) => number {
  const starts: number[] = [];
  const before: number[] = [];
  let shift = 0;
  for (const p of pads) {
    starts.push(p.at + shift);
    before.push(shift);
    shift += p.count;
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) <= offset) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0) return offset;
    const padStart = starts[k] as number;
    const pad = pads[k] as { at: number; count: number };
    if (offset < padStart + pad.count) return pad.at;
    return offset - (before[k] as number) - pad.count;
  };
}
