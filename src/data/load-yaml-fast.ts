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
import { coreTagName, scalarWrapperKey, sequenceWrapperKey, shortFormName } from './cfn-tags.js';
import { addEntry, KeyPositions } from './key-positions.js';
import type { DataLimits } from './limits.js';
import { listValue, mapValue, scalarValue, stringValue } from './make.js';
import { indexPath, keyPath, ROOT_PATH } from './path.js';
import { resolveValidateCoreTag, resolveValidatePlain } from './scalars.js';
import { FALLBACK, MAX_SIMPLE_KEY, readEscape } from './scan-common.js';
import type { Value } from './value.js';

/**
 * Characters that send a file to the full route: tabs (indentation errors),
 * control and C1 characters, NEL/LS/PS line breaks, surrogates (columns count
 * code points), BOM and non-characters, and a lone CR (a libyaml line break).
 */
const UNSUPPORTED_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]|\r(?!\n)/;

/**
 * Directives and document markers (several documents, DATA-01); one `---`
 * opening the first document is taken (see YamlScanner.document).
 */
const UNSUPPORTED_STRUCTURE = /^(?:%|---|\.\.\.)/gm;

/** An opening `---` alone on its line (a comment may follow). */
const OPENING_MARKER = /^---(?: +#[^\n]*| *)\r?$/m;

/** Scans a block-YAML document; undefined when the full route must decide. */
export function scanYamlDocument(
  text: string,
  _name: string,
  limits: DataLimits,
): Value | undefined {
  if (UNSUPPORTED_CHARS.test(text)) return undefined;
  UNSUPPORTED_STRUCTURE.lastIndex = 0;
  const marker = UNSUPPORTED_STRUCTURE.exec(text);
  if (marker !== null) {
    // Only an opening `---` before any content, on a line of its own.
    const opening = OPENING_MARKER.exec(text);
    if (opening === null || opening.index !== marker.index) return undefined;
    if (!/^(?:[ \r\n]*(?:#[^\n]*)?\n)*$/.test(text.slice(0, marker.index))) return undefined;
    UNSUPPORTED_STRUCTURE.lastIndex = marker.index + 3;
    if (UNSUPPORTED_STRUCTURE.test(text)) return undefined;
  }
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
        ? this.scalar('', true, undefined, path, emptyLine, emptyCol)
        : this.scalar('', true, tag, path, tagLine, tagCol);
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
      const newTag = this.readTag();
      return this.blockNode(parent, path, depth, newTag, line, col, ctx, line, this.col());
    }
    if (c === 0x2d && isBlankOrEnd(t.charCodeAt(i + 1))) {
      // A block sequence: on its own line, or compact (`- - a`) in an item.
      if (ctx === 'map' && this.lineStart + this.indent !== i) throw FALLBACK;
      // Props and a block collection on one line: leave it to the full route.
      if ((tag !== undefined && line === tagLine) || depth >= this.maxDepth) throw FALLBACK;
      return this.taggedList(tag, path, startLine, startCol, (p) =>
        this.blockSeq(col, p, depth, startLine, startCol, ctx === 'map' && col === parent),
      );
    }
    if (c === 0x5b || c === 0x7b)
      return this.emptyFlow(c, parent, path, depth, tag, startLine, startCol);
    if (c === 0x22 || c === 0x27) {
      const text = c === 0x22 ? this.doubleQuoted() : this.singleQuoted();
      const keyEnd = this.i;
      this.skipSpaces();
      if (t.charCodeAt(this.i) === 0x3a && isBlankOrEnd(t.charCodeAt(this.i + 1))) {
        this.i = i;
        return this.mapHere(parent, path, depth, tag, startLine, startCol, ctx, col);
      }
      this.i = keyEnd;
      return this.endScalar(parent, text, false, tag, path, startLine, startCol);
    }
    if (!startsPlain(c, t.charCodeAt(i + 1))) throw FALLBACK;
    const end = this.plainEnd(i);
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
    const v = this.scalar(text, isPlain, tag, path, line, col);
    this.nextContent();
    // A deeper line would continue a plain scalar or be an error.
    if (this.indent > parent && this.indent >= 0) throw FALLBACK;
    return v;
  }

  /**
   * End of a plain scalar starting at `from` on this line, or -1 when it is
   * a mapping key (`: ` follows). Trailing spaces are not included.
   */
  private plainEnd(from: number): number {
    const t = this.t;
    let i = from;
    let last = from;
    for (;;) {
      const c = t.charCodeAt(i);
      if (Number.isNaN(c) || c === 0x0a || c === 0x0d) break;
      if (c === 0x3a && isBlankOrEnd(t.charCodeAt(i + 1))) return -1;
      if (c === 0x23 && t.charCodeAt(i - 1) === 0x20) break;
      i++;
      if (c !== 0x20) last = i;
    }
    return last;
  }

  private readTag(): string {
    const t = this.t;
    const start = this.i;
    let i = start + 1;
    if (t.charCodeAt(i) === 0x21) i++;
    const nameStart = i;
    for (;;) {
      const c = t.charCodeAt(i);
      if (
        (c >= 0x41 && c <= 0x5a) ||
        (c >= 0x61 && c <= 0x7a) ||
        (c >= 0x30 && c <= 0x39) ||
        c === 0x2d ||
        c === 0x5f ||
        c === 0x3a ||
        c === 0x2e
      ) {
        i++;
      } else break;
    }
    if (i === nameStart || !isBlankOrEnd(t.charCodeAt(i))) throw FALLBACK;
    this.i = i;
    return t.slice(start, i);
  }

  /** YAML-01/03/04/06: a scalar and its tag (as load-yaml.ts buildScalar). */
  private scalar(
    text: string,
    isPlain: boolean,
    tag: string | undefined,
    path: string,
    line: number,
    col: number,
  ): Value {
    if (tag === undefined) {
      if (!isPlain || isSurelyString(text)) return stringValue(text, path, line, col);
      return scalarValue(resolveValidatePlain(text), path, line, col);
    }
    const short = shortFormName(tag);
    if (short !== undefined) {
      const key = scalarWrapperKey(short);
      if (key === undefined) return stringValue(text, path, line, col);
      return wrapper(key, stringValue(text, keyPath(path, key), line, col), path, line, col);
    }
    const core = coreTagName(tag);
    if (core === undefined) return stringValue(text, path, line, col);
    const r = resolveValidateCoreTag(core, text);
    if (r === undefined) throw FALLBACK; // the full route reports the bad value
    return scalarValue(r, path, line, col);
  }

  /** YAML-05: a sequence, wrapped under its function's long name when tagged so. */
  private taggedList(
    tag: string | undefined,
    path: string,
    line: number,
    col: number,
    build: (listPath: string) => Value,
  ): Value {
    const short = tag === undefined ? undefined : shortFormName(tag);
    const key = short === undefined ? undefined : sequenceWrapperKey(short);
    if (key === undefined) return build(path);
    return wrapper(key, build(keyPath(path, key)), path, line, col);
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
        : this.taggedList(tag, path, line, col, (p) => listValue([], p, line, col));
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
        key = c === 0x22 ? this.doubleQuoted() : this.singleQuoted();
        this.skipSpaces();
      } else {
        if (!startsPlain(c, t.charCodeAt(start + 1))) throw FALLBACK;
        const colon = this.keyColon(start);
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

  /** Offset of the `:` ending a plain key that starts at `from`. */
  private keyColon(from: number): number {
    const t = this.t;
    for (let i = from; ; i++) {
      const c = t.charCodeAt(i);
      if (Number.isNaN(c) || c === 0x0a || c === 0x0d) throw FALLBACK;
      if (c === 0x3a && isBlankOrEnd(t.charCodeAt(i + 1))) return i;
      if (c === 0x23 && t.charCodeAt(i - 1) === 0x20) throw FALLBACK;
    }
  }

  /** A single-line double-quoted scalar at `i`; leaves `i` after the closing quote. */
  private doubleQuoted(): string {
    const t = this.t;
    const start = this.i + 1;
    let i = start;
    let chunk = start;
    let out = '';
    let escaped = false;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 0x22) break;
      if (Number.isNaN(c) || c === 0x0a || c === 0x0d) throw FALLBACK;
      if (c === 0x5c) {
        escaped = true;
        out += t.slice(chunk, i) + readEscape(t, i);
        i += t.charCodeAt(i + 1) === 0x75 ? 6 : 2;
        chunk = i;
        continue;
      }
      i++;
    }
    this.i = i + 1;
    return escaped ? out + t.slice(chunk, i) : t.slice(start, i);
  }

  /** A single-line single-quoted scalar at `i` (`''` is one quote). */
  private singleQuoted(): string {
    const t = this.t;
    const start = this.i + 1;
    let out = '';
    let chunk = start;
    let i = start;
    for (;;) {
      const c = t.charCodeAt(i);
      if (Number.isNaN(c) || c === 0x0a || c === 0x0d) throw FALLBACK;
      if (c === 0x27) {
        if (t.charCodeAt(i + 1) !== 0x27) break;
        out += t.slice(chunk, i + 1);
        i += 2;
        chunk = i;
        continue;
      }
      i++;
    }
    this.i = i + 1;
    return out + t.slice(chunk, i);
  }
}

function wrapper(key: string, inner: Value, path: string, line: number, col: number): Value {
  const entries = new Map<string, Value>([[key, inner]]);
  return mapValue(entries, new KeyPositions(entries, [line, col]), path, line, col);
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d;
}

function isBlankOrEnd(c: number): boolean {
  return Number.isNaN(c) || c === 0x20 || c === 0x0a || c === 0x0d;
}

function trimEnd(t: string, from: number, to: number): number {
  let e = to;
  while (e > from && t.charCodeAt(e - 1) === 0x20) e--;
  return e;
}

/**
 * Whether a plain scalar may start with `c` here (block context). Indicators
 * (and `-`, `?`, `:` before a blank) start other tokens; the full route
 * handles those.
 */
function startsPlain(c: number, next: number): boolean {
  switch (c) {
    case 0x2d: // -
    case 0x3f: // ?
    case 0x3a: // :
      return !isBlankOrEnd(next);
    case 0x2c: // ,
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case 0x23: // #
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case 0x7c: // |
    case 0x3e: // >
    case 0x27: // '
    case 0x22: // "
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
    case 0x20:
    case 0x0a:
    case 0x0d:
      return false;
    default:
      return !Number.isNaN(c);
  }
}

/**
 * A plain text that YAML-01/02 typing leaves a string: only digits, signs,
 * dots, `~` and the first letters of the number, bool and null words can
 * start anything else. Saves the typing regexes on most scalars.
 */
function isSurelyString(text: string): boolean {
  const c = text.charCodeAt(0) | 0x20; // ASCII lower case
  if (c >= 0x61 && c <= 0x7a) {
    return !(c === 0x69 || c === 0x6e || c === 0x74 || c === 0x66 || c === 0x79 || c === 0x6f);
  }
  const raw = text.charCodeAt(0);
  return !(
    (raw >= 0x30 && raw <= 0x39) ||
    raw === 0x2b ||
    raw === 0x2d ||
    raw === 0x2e ||
    raw === 0x7e ||
    Number.isNaN(raw)
  );
}
