/**
 * Fast path for block-YAML data (DATA-01, YAML-01..06): a hand-written
 * scanner for the subset of YAML that CloudFormation templates use (block
 * mappings and sequences, compact `- k: v` items, indentless sequences,
 * plain and quoted scalars (over several lines too: continuePlain below,
 * yaml-fast-quoted.ts), literal and folded block scalars as mapping values
 * and sequence items (libyaml-block-scalar.ts), `!Tag` short forms, `!!core` tags,
 * flow collections (yaml-fast-flow.ts), comments, CRLF). It builds exactly the Values the
 * full route builds, without the `yaml` package's CST and Document, whose
 * size is what makes 50 MB templates slow and heavy.
 *
 * One scanner serves both loaders; what differs between them is a
 * `ScanTyping` (scalar typing, how tags wrap, positions, duplicate keys):
 * - validate's loader (load-data.ts; VALIDATE_TYPING in tagged-values.ts):
 *   libyaml positions, YAML-01..06 typing, DATA-05 duplicates;
 * - the standard loader (load-standard.ts; STANDARD_TYPING in
 *   standard-values.ts, YAML-08): core-schema typing, every value at 0/0
 *   with real paths, duplicate keys left to the full route (an error there).
 *
 * It is deliberately conservative: on anything outside the subset (anchors,
 * aliases, block scalars at the root or running into the end of input, the
 * flow forms listed in yaml-fast-flow.ts, directives, several documents, tabs, unusual characters, anything that
 * might be an error…) it returns undefined and the caller runs the full
 * route, which then produces the reference's value or error text. Tests
 * (tests/unit/data/fast-paths.test.ts, standard-fast-path.test.ts) compare
 * both routes value by value for each typing.
 */
import { listPathOf } from './cfn-tags.js';
import { addEntry } from './key-positions.js';
import { readLibyamlBlockScalar } from './libyaml-block-scalar.js';
import type { DataLimits } from './limits.js';
import { indexPath, keyPath, ROOT_PATH } from './path.js';
import { FALLBACK, MAX_SIMPLE_KEY, orFallback } from './scan-common.js';
import type { Value } from './value.js';
import { FlowScanner } from './yaml-fast-flow.js';
import {
  isBlankOrEnd,
  isOutsideSubset,
  keyColon,
  plainEnd,
  startsPlain,
  trimEnd,
} from './yaml-fast-lexemes.js';
import { readQuoted } from './yaml-fast-quoted.js';
import type { ScanTyping } from './yaml-fast-typing.js';

// The typing hooks live in their own file; loaders import them from here.
export type { ScanTyping } from './yaml-fast-typing.js';

/** Scans a block-YAML document; undefined when the full route must decide. */
export function scanYamlDocument(
  text: string,
  limits: DataLimits,
  typing: ScanTyping,
): Value | undefined {
  if (isOutsideSubset(text)) return undefined;
  try {
    return new YamlScanner(text, limits.maxDepth, typing).document();
  } catch (e) {
    if (e === FALLBACK) return undefined;
    throw e;
  }
}

/** How a node is embedded: as a mapping value, a sequence item, or the root. */
type Ctx = 'map' | 'seq' | 'root';

/** The block structure; flow collections are FlowScanner's (yaml-fast-flow.ts). */
class YamlScanner extends FlowScanner {
  document(): Value {
    this.skipSpaces();
    const c = this.t.charCodeAt(this.i);
    if (c === 0x23 || this.atLineEnd()) this.nextContent();
    else this.indent = this.i;
    if (this.t.startsWith('---', this.i) && this.indent === 0) {
      // The opening marker (checked by scanYamlDocument): the root follows.
      this.i += 3;
      this.nextContent();
    }
    if (this.indent < 0) throw FALLBACK; // empty: the full route reports it
    const root = this.inlineNode(-1, ROOT_PATH, 0, undefined, -1, -1, 'root');
    if (this.indent >= 0) throw FALLBACK;
    return root;
  }

  /**
   * The node after `key:` or `-` (or the root). `parent` is the indent of
   * the collection holding it; `emptyLine/emptyCol` where an empty value
   * sits (right after the indicator).
   */
  private blockNode(
    parent: number,
    path: string,
    depth: number,
    tag: string | undefined,
    tagLine: number,
    tagCol: number,
    ctx: Ctx,
    emptyLine = -1,
    emptyCol = -1,
  ): Value {
    const t = this.t;
    this.skipSpaces();
    if (this.atLineEnd()) {
      this.nextContent();
      const ind = this.indent;
      const c = t.charCodeAt(this.i);
      const dash = c === 0x2d && isBlankOrEnd(t.charCodeAt(this.i + 1));
      if (ind > parent || (ind === parent && ctx === 'map' && dash)) {
        return this.inlineNode(parent, path, depth, tag, tagLine, tagCol, ctx);
      }
      // Nothing below: an empty scalar where the indicator (or the tag) was.
      return tag === undefined
        ? orFallback(this.typing.scalar('', true, undefined, path, emptyLine, emptyCol))
        : orFallback(this.typing.scalar('', true, tag, path, tagLine, tagCol));
    }
    return this.inlineNode(parent, path, depth, tag, tagLine, tagCol, ctx);
  }

  /** A node starting at `i` (mid-line or at a line's first content). */
  private inlineNode(
    parent: number,
    path: string,
    depth: number,
    tag: string | undefined,
    tagLine: number,
    tagCol: number,
    ctx: Ctx,
  ): Value {
    const t = this.t;
    const i = this.i;
    const c = t.charCodeAt(i);
    const line = this.line;
    const col = this.col();
    const startLine = tag === undefined ? line : tagLine;
    const startCol = tag === undefined ? col : tagCol;
    if (c === 0x21) {
      // A tag: the node it tags follows on this line or below.
      const newTag = this.takeTag(tag);
      return this.blockNode(parent, path, depth, newTag, line, col, ctx, line, this.col());
    }
    if (c === 0x2d && isBlankOrEnd(t.charCodeAt(i + 1))) {
      // A block sequence: on its own line, or compact (`- - a`) in an item.
      if (ctx === 'map' && this.lineStart + this.indent !== i) throw FALLBACK;
      // Props and a block collection on one line: leave it to the full route.
      if ((tag !== undefined && line === tagLine) || depth >= this.maxDepth) throw FALLBACK;
      const listPath = tag === undefined ? path : listPathOf(tag, path);
      const items = this.blockSeq(col, listPath, depth, ctx === 'map' && col === parent);
      return this.typing.list(tag, path, startLine, startCol, items, listPath);
    }
    if (c === 0x5b || c === 0x7b) {
      const v = this.flowCollection(c, path, depth, tag, startLine, startCol);
      // The collection must end its line; a deeper line would be an error.
      this.skipSpaces();
      if (!this.atLineEnd()) throw FALLBACK;
      this.nextContent();
      if (this.indent > parent && this.indent >= 0) throw FALLBACK;
      return v;
    }
    if (c === 0x22 || c === 0x27) {
      const q = readQuoted(t, i);
      this.i = q.end;
      this.skipSpaces();
      if (t.charCodeAt(this.i) === 0x3a && isBlankOrEnd(t.charCodeAt(this.i + 1))) {
        // A key; over several lines it is an error (blockMap falls back).
        this.i = i;
        return this.mapHere(parent, path, depth, tag, startLine, startCol, ctx, col);
      }
      this.takeQuoted(q);
      return this.endScalar(parent, q.text, false, tag, path, startLine, startCol);
    }
    if (c === 0x7c || c === 0x3e) return this.blockScalar(parent, path, tag, startLine, startCol);
    if (!startsPlain(c, t.charCodeAt(i + 1))) throw FALLBACK;
    const end = plainEnd(t, i);
    if (end < 0) {
      // `text:` — a mapping key.
      return this.mapHere(parent, path, depth, tag, startLine, startCol, ctx, col);
    }
    this.i = end;
    const text = this.continuePlain(parent, t.slice(i, end));
    return this.endScalar(parent, text, true, tag, path, startLine, startCol);
  }

  /** A block mapping whose first key starts at `i` (column `col`). */
  private mapHere(
    parent: number,
    path: string,
    depth: number,
    tag: string | undefined,
    line: number,
    col: number,
    ctx: Ctx,
    keyCol: number,
  ): Value {
    // `a: b: c` is an error; a compact mapping only follows `- `.
    if (ctx === 'map' && this.lineStart + this.indent !== this.i) throw FALLBACK;
    if (keyCol <= parent || depth >= this.maxDepth) throw FALLBACK;
    // `!T k: v` tags the key, not the mapping: leave it to the full route.
    // Otherwise YAML-06: a tag on a mapping is dropped.
    if (tag !== undefined && line === this.line) throw FALLBACK;
    return this.blockMap(keyCol, path, depth, line, col);
  }

  /**
   * A plain scalar's continuation lines (`i` just past its text on the line
   * so far): each must be deeper than `parent`, the collection holding the
   * scalar (libyaml and the `yaml` package agree). A line break folds to a
   * space, or to a `\n` per empty line; a comment ends the scalar. A line
   * holding `: ` (an error) falls back. Leaves `i` after the last line's text.
   */
  private continuePlain(parent: number, first: string): string {
    const t = this.t;
    let text = first;
    for (;;) {
      this.skipSpaces();
      const c0 = t.charCodeAt(this.i);
      // A comment or the end of input ends the scalar.
      if (c0 !== 0x0a && c0 !== 0x0d) return text;
      let j = this.i;
      let line = this.line;
      let lineStart = this.lineStart;
      let empty = -1;
      for (;;) {
        const c = t.charCodeAt(j);
        if (c === 0x0d) j++;
        else if (c !== 0x0a) break;
        j++;
        line++;
        empty++;
        lineStart = j;
        while (t.charCodeAt(j) === 0x20) j++;
      }
      const c = t.charCodeAt(j);
      // Not deeper, a comment line, or the end: the scalar has ended.
      if (j - lineStart <= parent || c === 0x23 || Number.isNaN(c)) return text;
      // Indicators (`- `, `'`, `!`, `{`…) start nothing inside a plain
      // scalar: they are text, as for libyaml.
      const end = plainEnd(t, j);
      if (end < 0) throw FALLBACK; // `: ` in a continuation line: an error
      text += (empty === 0 ? ' ' : '\n'.repeat(empty)) + t.slice(j, end);
      this.i = end;
      this.line = line;
      this.lineStart = lineStart;
      this.indent = j - lineStart;
    }
  }

  /**
   * A block scalar (`|`, `>`) at `i`, held by the collection at indent
   * `parent`; a root one is left to the full route. libyaml puts it at its
   * indicator, or at its tag (`line`/`col`).
   */
  private blockScalar(
    parent: number,
    path: string,
    tag: string | undefined,
    line: number,
    col: number,
  ): Value {
    if (parent < 0) throw FALLBACK;
    const t = this.t;
    const b = readLibyamlBlockScalar(t, this.i, parent);
    // An error is the full route's to report.
    if (b.kind === 'error') throw FALLBACK;
    // Resume at the break ending its last line, on that line: libyaml's
    // scanner stopped past the empty lines and indentation that follow.
    // A scalar running into the end of input is left to the full route,
    // which knows how to end the document there.
    const lastBreak = t.lastIndexOf('\n', b.end - 1);
    if (lastBreak < this.i || (b.end >= t.length && t.charCodeAt(t.length - 1) !== 0x0a)) {
      throw FALLBACK;
    }
    const v = orFallback(this.typing.scalar(b.text, false, tag, path, line, col));
    for (let k = t.indexOf('\n', this.i); k >= 0 && k < lastBreak; k = t.indexOf('\n', k + 1)) {
      this.line++;
    }
    this.i = lastBreak;
    this.nextContent();
    // Content deeper than the collection but left of the scalar: an error.
    if (this.indent > parent) throw FALLBACK;
    return v;
  }

  /** A scalar that ends its line: checks nothing continues it below. */
  private endScalar(
    parent: number,
    text: string,
    isPlain: boolean,
    tag: string | undefined,
    path: string,
    line: number,
    col: number,
  ): Value {
    this.skipSpaces();
    if (!this.atLineEnd()) throw FALLBACK;
    const v = orFallback(this.typing.scalar(text, isPlain, tag, path, line, col));
    this.nextContent();
    // A deeper line would continue a plain scalar or be an error.
    if (this.indent > parent && this.indent >= 0) throw FALLBACK;
    return v;
  }

  /**
   * Block sequence at column `ind`, `i` at its first `-`. `indentless`: the
   * value of a mapping key written at the key's own indent.
   */
  private blockSeq(ind: number, path: string, depth: number, indentless: boolean): Value[] {
    const t = this.t;
    const items: Value[] = [];
    for (;;) {
      this.i++; // past '-'
      const emptyLine = this.line;
      const emptyCol = this.col();
      items.push(
        this.blockNode(
          ind,
          indexPath(path, items.length),
          depth + 1,
          undefined,
          -1,
          -1,
          'seq',
          emptyLine,
          emptyCol,
        ),
      );
      if (this.indent < ind) break;
      if (this.indent > ind) throw FALLBACK;
      if (t.charCodeAt(this.i) === 0x2d && isBlankOrEnd(t.charCodeAt(this.i + 1))) continue;
      if (indentless) break;
      throw FALLBACK;
    }
    return items;
  }

  /** Block mapping whose keys sit at column `ind`, `i` at its first key. */
  private blockMap(ind: number, path: string, depth: number, line: number, col: number): Value {
    const t = this.t;
    const entries = new Map<string, Value>();
    const pos: number[] = [];
    for (;;) {
      const keyLine = this.line;
      const keyCol = this.col();
      const start = this.i;
      const c = t.charCodeAt(start);
      let key: string;
      if (c === 0x22 || c === 0x27) {
        const q = readQuoted(t, start);
        // A key over several lines: libyaml and the `yaml` package refuse it.
        if (q.breaks > 0) throw FALLBACK;
        key = q.text;
        this.i = q.end;
        this.skipSpaces();
      } else {
        if (!startsPlain(c, t.charCodeAt(start + 1))) throw FALLBACK;
        const colon = keyColon(t, start);
        key = t.slice(start, trimEnd(t, start, colon));
        // DATA-06: a key that types as non-string is an error; let the full route say so.
        if (!this.typing.isStringKey(key)) throw FALLBACK;
        this.i = colon;
      }
      // libyaml limits simple keys to 1024 characters.
      if (this.i - start > MAX_SIMPLE_KEY) throw FALLBACK;
      if (t.charCodeAt(this.i) !== 0x3a || !isBlankOrEnd(t.charCodeAt(this.i + 1))) throw FALLBACK;
      // YAML-08: the standard loader rejects repeated keys; the full route says so.
      if (this.typing.duplicateKeys === 'fallback' && entries.has(key)) throw FALLBACK;
      this.i++;
      const value = this.blockNode(
        ind,
        keyPath(path, key),
        depth + 1,
        undefined,
        -1,
        -1,
        'map',
        this.line,
        this.col(),
      );
      addEntry(entries, pos, key, value, keyLine, keyCol);
      if (this.indent < ind) break;
      if (this.indent > ind) throw FALLBACK;
      const n = t.charCodeAt(this.i);
      if (n === 0x2d && isBlankOrEnd(t.charCodeAt(this.i + 1))) throw FALLBACK;
    }
    return this.typing.map(entries, pos, path, line, col);
  }
}
