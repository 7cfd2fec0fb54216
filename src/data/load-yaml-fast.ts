/**
 * Fast path for block-YAML data (DATA-01, YAML-01..06): a hand-written
 * scanner for the subset of YAML that CloudFormation templates use (block
 * mappings and sequences, compact `- k: v` items, indentless sequences,
 * single-line plain and quoted scalars, `!Tag` short forms, `!!core` tags,
 * empty `[]`/`{}`, comments, CRLF). It builds exactly the Values the
 * `yaml`-CST route in load-yaml.ts builds (same paths, libyaml positions,
 * scalar typing, tag wrappers), without the `yaml` package's CST and
 * Document, whose size is what makes 50 MB templates slow and heavy.
 *
 * It is deliberately conservative: on anything outside the subset (anchors,
 * aliases, block scalars, multi-line scalars, non-empty flow collections,
 * directives, several documents, tabs, unusual characters, anything that
 * might be an error…) it returns undefined and the caller runs the full
 * route, which then produces the reference's value or error text. A test
 * (tests/unit/data/fast-paths.test.ts) compares both routes value by value.
 */
import { addEntry, KeyPositions } from './key-positions.js';
import type { DataLimits } from './limits.js';
import { listValue, mapValue } from './make.js';
import { indexPath, keyPath, ROOT_PATH } from './path.js';
import { resolveValidatePlain } from './scalars.js';
import { FALLBACK, MAX_SIMPLE_KEY, orFallback } from './scan-common.js';
import { isSurelyString, taggedList, taggedScalar } from './tagged-values.js';
import type { Value } from './value.js';
import {
  isBlank,
  isBlankOrEnd,
  isOutsideSubset,
  keyColon,
  plainEnd,
  readQuoted,
  startsPlain,
  tagEnd,
  trimEnd,
} from './yaml-fast-lexemes.js';

/** Scans a block-YAML document; undefined when the full route must decide. */
export function scanYamlDocument(
  text: string,
  _name: string,
  limits: DataLimits,
): Value | undefined {
  if (isOutsideSubset(text)) return undefined;
  try {
    return new YamlScanner(text, limits.maxDepth).document();
  } catch (e) {
    if (e === FALLBACK) return undefined;
    throw e;
  }
}

/** How a node is embedded: as a mapping value, a sequence item, or the root. */
type Ctx = 'map' | 'seq' | 'root';

class YamlScanner {
  private i = 0;
  private line = 0;
  private lineStart = 0;
  /** Indent of the content line `i` points into, -1 at the end of input. */
  private indent = 0;

  constructor(
    private readonly t: string,
    private readonly maxDepth: number,
  ) {}

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

  private col(): number {
    return this.i - this.lineStart;
  }

  /**
   * From anywhere on a line, moves to the first character of the next line
   * holding content (skipping blank and comment-only lines) and sets
   * `indent`; at the end of input `indent` is -1.
   */
  private nextContent(): void {
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

  private skipSpaces(): void {
    while (this.t.charCodeAt(this.i) === 0x20) this.i++;
  }

  /** True when `i` is at the end of the line's content (line break, comment, end). */
  private atLineEnd(): boolean {
    const c = this.t.charCodeAt(this.i);
    return (
      Number.isNaN(c) ||
      c === 0x0a ||
      (c === 0x0d && this.t.charCodeAt(this.i + 1) === 0x0a) ||
      (c === 0x23 && isBlank(this.t.charCodeAt(this.i - 1)))
    );
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
        ? orFallback(taggedScalar('', true, undefined, path, emptyLine, emptyCol))
        : orFallback(taggedScalar('', true, tag, path, tagLine, tagCol));
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
      if (tag !== undefined) throw FALLBACK;
      this.i = tagEnd(t, i);
      const newTag = t.slice(i, this.i);
      return this.blockNode(parent, path, depth, newTag, line, col, ctx, line, this.col());
    }
    if (c === 0x2d && isBlankOrEnd(t.charCodeAt(i + 1))) {
      // A block sequence: on its own line, or compact (`- - a`) in an item.
      if (ctx === 'map' && this.lineStart + this.indent !== i) throw FALLBACK;
      // Props and a block collection on one line: leave it to the full route.
      if ((tag !== undefined && line === tagLine) || depth >= this.maxDepth) throw FALLBACK;
      return taggedList(tag, path, startLine, startCol, (p) =>
        this.blockSeq(col, p, depth, startLine, startCol, ctx === 'map' && col === parent),
      );
    }
    if (c === 0x5b || c === 0x7b)
      return this.emptyFlow(c, parent, path, depth, tag, startLine, startCol);
    if (c === 0x22 || c === 0x27) {
      const { text, end: keyEnd } = readQuoted(t, i);
      this.i = keyEnd;
      this.skipSpaces();
      if (t.charCodeAt(this.i) === 0x3a && isBlankOrEnd(t.charCodeAt(this.i + 1))) {
        this.i = i;
        return this.mapHere(parent, path, depth, tag, startLine, startCol, ctx, col);
      }
      this.i = keyEnd;
      return this.endScalar(parent, text, false, tag, path, startLine, startCol);
    }
    if (!startsPlain(c, t.charCodeAt(i + 1))) throw FALLBACK;
    const end = plainEnd(t, i);
    if (end < 0) {
      // `text:` — a mapping key.
      return this.mapHere(parent, path, depth, tag, startLine, startCol, ctx, col);
    }
    this.i = end;
    return this.endScalar(parent, t.slice(i, end), true, tag, path, startLine, startCol);
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
    const v = orFallback(taggedScalar(text, isPlain, tag, path, line, col));
    this.nextContent();
    // A deeper line would continue a plain scalar or be an error.
    if (this.indent > parent && this.indent >= 0) throw FALLBACK;
    return v;
  }

  /** `[]` or `{}` (anything else in flow style goes to the full route). */
  private emptyFlow(
    open: number,
    parent: number,
    path: string,
    depth: number,
    tag: string | undefined,
    line: number,
    col: number,
  ): Value {
    const t = this.t;
    const close = open === 0x5b ? 0x5d : 0x7d;
    if (t.charCodeAt(this.i + 1) !== close || depth >= this.maxDepth) throw FALLBACK;
    this.i += 2;
    this.skipSpaces();
    if (!this.atLineEnd()) throw FALLBACK;
    const v =
      open === 0x7b
        ? mapValue(new Map(), new Map(), path, line, col)
        : taggedList(tag, path, line, col, (p) => listValue([], p, line, col));
    this.nextContent();
    if (this.indent > parent && this.indent >= 0) throw FALLBACK;
    return v;
  }

  /**
   * Block sequence at column `ind`, `i` at its first `-`. `indentless`: the
   * value of a mapping key written at the key's own indent.
   */
  private blockSeq(
    ind: number,
    path: string,
    depth: number,
    line: number,
    col: number,
    indentless: boolean,
  ): Value {
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
    return listValue(items, path, line, col);
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
        key = q.text;
        this.i = q.end;
        this.skipSpaces();
      } else {
        if (!startsPlain(c, t.charCodeAt(start + 1))) throw FALLBACK;
        const colon = keyColon(t, start);
        key = t.slice(start, trimEnd(t, start, colon));
        // DATA-06: a key that types as non-string is an error; let the full route say so.
        if (!isSurelyString(key) && resolveValidatePlain(key).kind !== 'string') throw FALLBACK;
        this.i = colon;
      }
      // libyaml limits simple keys to 1024 characters.
      if (this.i - start > MAX_SIMPLE_KEY) throw FALLBACK;
      if (t.charCodeAt(this.i) !== 0x3a || !isBlankOrEnd(t.charCodeAt(this.i + 1))) throw FALLBACK;
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
    return mapValue(entries, new KeyPositions(entries, pos), path, line, col);
  }
}
