/**
 * Flow collections for the fast block-YAML scanner (load-yaml-fast.ts):
 * `[a, !Ref b, "c"]` and `{k: v, "q": [1]}`, on one line or over several,
 * nested, with plain, quoted and tagged items. The subset is kept small and
 * everything outside it falls back to the full route: implicit pairs in a
 * sequence (`[a: b]`), empty or tagged-empty entries, trailing commas,
 * explicit keys, multi-line plain scalars, quoted keys over several lines
 * (an error for libyaml) and document markers. Continuation lines may sit
 * at any column, as libyaml reads them (flowSpace). A quoted scalar may
 * span lines (yaml-fast-quoted.ts): its inner lines are not continuation lines.
 */
import { listPathOf } from './cfn-tags.js';
import { addEntry } from './key-positions.js';
import { indexPath, keyPath } from './path.js';
import { FALLBACK, MAX_SIMPLE_KEY, orFallback } from './scan-common.js';
import type { Value } from './value.js';
import { ScanCursor } from './yaml-fast-cursor.js';
import { isBlankOrEnd, startsPlain, tagEnd } from './yaml-fast-lexemes.js';
import { readQuoted } from './yaml-fast-quoted.js';

export class FlowScanner extends ScanCursor {
  /**
   * The tag at the cursor (block or flow node), read past; a second tag on
   * one node (`tag` already set) or one the typing does not take falls back.
   */
  protected takeTag(tag: string | undefined): string {
    if (tag !== undefined) throw FALLBACK;
    const start = this.i;
    this.i = tagEnd(this.t, start);
    const newTag = this.t.slice(start, this.i);
    if (!this.typing.acceptsTag(newTag)) throw FALLBACK;
    return newTag;
  }

  /**
   * The flow collection whose `[` or `{` is at `i` (its node starts at
   * `line`/`col`, its tag's position when tagged); leaves `i` just past the
   * closing bracket.
   */
  protected flowCollection(
    open: number,
    path: string,
    depth: number,
    tag: string | undefined,
    line: number,
    col: number,
  ): Value {
    if (depth >= this.maxDepth) throw FALLBACK;
    this.i++;
    let v: Value;
    if (open === 0x5b) {
      const listPath = tag === undefined ? path : listPathOf(tag, path);
      const items = this.flowItems(listPath, depth);
      v = this.typing.list(tag, path, line, col, items, listPath);
    } else {
      // YAML-06: a tag on a mapping is dropped.
      v = this.flowPairs(path, depth, line, col);
    }
    return v;
  }

  /**
   * Blanks, line breaks and comments inside a flow collection. libyaml
   * checks no indentation inside one: a continuation line may sit at any
   * column, even 0 or left of the block holding the collection (YAML-01;
   * `a:\n  b: [1,\n2]` loads). Only a document marker at a line start
   * (`---` or `...` then a blank) is an error there: the full route reports it.
   */
  private flowSpace(): void {
    this.skipSpaces();
    if (!this.atLineEnd()) return;
    this.nextContent();
    if (this.indent === 0 && isDocumentMarker(this.t, this.i)) throw FALLBACK;
  }

  private flowItems(path: string, depth: number): Value[] {
    const t = this.t;
    const items: Value[] = [];
    this.flowSpace();
    if (t.charCodeAt(this.i) === 0x5d) {
      this.i++;
      return items;
    }
    for (;;) {
      items.push(this.flowNode(indexPath(path, items.length), depth + 1, undefined, -1, -1));
      this.flowSpace();
      const c = t.charCodeAt(this.i);
      this.i++;
      if (c === 0x5d) return items;
      // Anything but `,` (a `:` making an implicit pair, a second word…) falls back.
      if (c !== 0x2c) throw FALLBACK;
      this.flowSpace();
    }
  }

  private flowPairs(path: string, depth: number, line: number, col: number): Value {
    const t = this.t;
    const entries = new Map<string, Value>();
    const pos: number[] = [];
    this.flowSpace();
    if (t.charCodeAt(this.i) === 0x7d) {
      this.i++;
      return this.typing.map(entries, pos, path, line, col);
    }
    for (;;) {
      const keyLine = this.line;
      const keyCol = this.col();
      const start = this.i;
      const c = t.charCodeAt(start);
      let key: string;
      if (c === 0x22 || c === 0x27) {
        const q = readQuoted(t, start);
        // libyaml refuses a key over several lines (the `yaml` package takes it).
        if (q.breaks > 0) throw FALLBACK;
        key = q.text;
        this.i = q.end;
      } else {
        if (!startsPlain(c, t.charCodeAt(start + 1))) throw FALLBACK;
        this.i = flowPlainEnd(t, start);
        key = t.slice(start, this.i);
        // DATA-06 / YAML-08: a non-string key is an error; the full route says so.
        if (!this.typing.isStringKey(key)) throw FALLBACK;
      }
      if (this.i - start > MAX_SIMPLE_KEY) throw FALLBACK;
      this.skipSpaces();
      if (this.typing.duplicateKeys === 'fallback' && entries.has(key)) throw FALLBACK;
      let value: Value;
      const sep = t.charCodeAt(this.i);
      if (sep === 0x2c || sep === 0x7d) {
        // `{k}` / `{k, …}`: an empty value, placed (libyaml) at the `,` or `}`.
        value = orFallback(
          this.typing.scalar('', true, undefined, keyPath(path, key), this.line, this.col()),
        );
      } else {
        if (sep !== 0x3a || !isBlankOrEnd(t.charCodeAt(this.i + 1))) throw FALLBACK;
        this.i++;
        this.flowSpace();
        value = this.flowNode(keyPath(path, key), depth + 1, undefined, -1, -1);
      }
      addEntry(entries, pos, key, value, keyLine, keyCol);
      this.flowSpace();
      const n = t.charCodeAt(this.i);
      this.i++;
      if (n === 0x7d) return this.typing.map(entries, pos, path, line, col);
      if (n !== 0x2c) throw FALLBACK;
      this.flowSpace();
    }
  }

  /** One flow item or value at `i`; `tag` (at tagLine/tagCol) when a tag came before it. */
  private flowNode(
    path: string,
    depth: number,
    tag: string | undefined,
    tagLine: number,
    tagCol: number,
  ): Value {
    const t = this.t;
    const i = this.i;
    const c = t.charCodeAt(i);
    const line = this.line;
    const col = this.col();
    const startLine = tag === undefined ? line : tagLine;
    const startCol = tag === undefined ? col : tagCol;
    if (c === 0x21) {
      const newTag = this.takeTag(tag);
      this.flowSpace();
      const n = t.charCodeAt(this.i);
      // A tag on an empty node: left to the full route.
      if (n === 0x2c || n === 0x5d || n === 0x7d) throw FALLBACK;
      return this.flowNode(path, depth, newTag, line, col);
    }
    if (c === 0x5b || c === 0x7b) {
      return this.flowCollection(c, path, depth, tag, startLine, startCol);
    }
    if (c === 0x22 || c === 0x27) {
      const q = readQuoted(t, i);
      this.takeQuoted(q);
      return orFallback(this.typing.scalar(q.text, false, tag, path, startLine, startCol));
    }
    if (!startsPlain(c, t.charCodeAt(i + 1))) throw FALLBACK;
    this.i = flowPlainEnd(t, i);
    return orFallback(this.typing.scalar(t.slice(i, this.i), true, tag, path, startLine, startCol));
  }
}

/**
 * End (trailing spaces excluded) of a plain scalar in flow context starting
 * at `from`: it stops at `,` `]` `}`, at a `:` before a blank or a flow
 * indicator, at a comment and at the end of the line. `[` or `{` inside one
 * falls back.
 */
function isDocumentMarker(t: string, at: number): boolean {
  const c = t.charCodeAt(at);
  if ((c !== 0x2d && c !== 0x2e) || t.charCodeAt(at + 1) !== c || t.charCodeAt(at + 2) !== c) {
    return false;
  }
  return isBlankOrEnd(t.charCodeAt(at + 3));
}

function flowPlainEnd(t: string, from: number): number {
  let last = from;
  for (let i = from; ; i++) {
    const c = t.charCodeAt(i);
    if (Number.isNaN(c) || c === 0x0a || c === 0x0d || c === 0x2c || c === 0x5d || c === 0x7d) {
      return last;
    }
    if (c === 0x5b || c === 0x7b) throw FALLBACK;
    if (c === 0x3a) {
      const n = t.charCodeAt(i + 1);
      if (isBlankOrEnd(n) || n === 0x2c || n === 0x5b || n === 0x5d || n === 0x7b || n === 0x7d) {
        return last;
      }
    }
    if (c === 0x23 && t.charCodeAt(i - 1) === 0x20) return last;
    if (c !== 0x20) last = i + 1;
  }
}
