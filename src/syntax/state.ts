/**
 * Scanner state and the failure value shared by every parse-*.ts file.
 *
 * Why scannerless: Guard's grammar is context sensitive all the way down.
 * Whether `not` is a keyword depends on the blank after it (LEX-06), keywords
 * are matched as bare prefixes (`nullable` reads as `null` + `able`, LEX-07),
 * `<<` is a message opener only where an operator could not start, `/` opens a
 * regex only where a value is expected, and whitespace before `.`/`[` may span
 * lines while whitespace after `.` may not (LEX-08). The reference resolves all
 * of this by backtracking over characters, and its error positions (which the
 * conformance corpus pins byte for byte, ERR-01) are a function of exactly where
 * each alternative gave up. A token stream would have to re-derive those
 * positions, so the parser reads characters directly and each production
 * returns either a value or a `Fail` saying where and how it gave up.
 *
 * Two strengths of failure, as in the reference: a recoverable one (`fatal`
 * false) lets the caller try another alternative; a fatal one (the grammar has
 * committed, e.g. after `==` a right-hand side must follow) ends the parse.
 */

/** Why a production gave up, and where. */
export class Fail {
  // Declared, then assigned in the constructor: with ES2022 class fields a
  // field list compiles to one define-property step per field before the
  // constructor body, which a cold parse (thousands of misses, interpreted)
  // pays on every failure.
  /** Fatal failures stop all backtracking. */
  declare readonly fatal: boolean;
  /** UTF-16 offset the reference reports (its error "fragment" starts here). */
  declare readonly pos: number;
  /** The reference's `when handling` text; '' when it has none. */
  declare readonly context: string;
  /** Set only for the nesting-depth guard, which tsguard adds. */
  declare readonly tooDeep: boolean;

  constructor(fatal: boolean, pos: number, context: string, tooDeep: boolean) {
    this.fatal = fatal;
    this.pos = pos;
    this.context = context;
    this.tooDeep = tooDeep;
  }
}

// `x instanceof Fail` follows every production. It first looks up
// Symbol.hasInstance on Fail, which a class inherits from Function.prototype:
// one step further up than an own property. The same built-in function,
// installed on Fail itself, keeps V8's fast path and shortens the lookup.
Object.defineProperty(Fail, Symbol.hasInstance, {
  value: Function.prototype[Symbol.hasInstance],
});

export function isFail(value: unknown): value is Fail {
  return value instanceof Fail;
}

/** A recoverable failure at `pos`. */
export function miss(pos: number, context = ''): Fail {
  return new Fail(false, pos, context, false);
}

/** Turns a recoverable failure into a fatal one (the grammar has committed). */
export function commit(f: Fail): Fail {
  return f.fatal ? f : new Fail(true, f.pos, f.context, f.tooDeep);
}

/**
 * Adds a context label the way the reference does: the label is prefixed to any
 * inner label and the reported position moves back to where the labelled
 * production started.
 */
export function withContext(f: Fail, start: number, label: string): Fail {
  if (f.tooDeep) return f;
  const context = f.context === '' ? label : `${label}/${f.context}`;
  return new Fail(f.fatal, start, context, false);
}

/** Nesting deeper than this is refused rather than risking the JS stack. */
export const MAX_DEPTH = 256;

/** Mutable cursor over one rules-file text. */
export class State {
  // Fields declared and assigned in the constructor, for the reason given at
  // `Fail` (one State per file, but the same shape either way).
  declare readonly text: string;
  declare readonly fileName: string;
  declare pos: number;
  declare depth: number;
  /** Offset just after a well-formed `name(` whose name/arity 3.2.0 rejects, for a clearer message. */
  declare badCall: {
    readonly at: number;
    readonly start: number;
    readonly message: string;
    readonly unknown: boolean;
  } | null;
  /**
   * Results of parsing a query at a given offset, for the queries that hold
   * clauses (filters, map-key filters): alternatives that start with a query
   * (block clause, then access clause) re-read the same text, and without
   * this, nested filters cost time exponential in their depth. Created on
   * first use (most files need the one-entry cache below only).
   */
  declare queryMemo: Map<number, { readonly result: unknown; readonly end: number }> | null;
  /** How many filters and map-key filters have been entered (tells parseAccess what to memoize). */
  declare nestedQueries: number;
  /** The most recent query parsed, checked first (parse-query.ts). */
  declare lastQueryAt: number;
  declare lastQueryEnd: number;
  declare lastQuery: unknown;
  /** The last regex literal that did not compile, for a clearer message. */
  declare badRegex: { readonly at: number; readonly message: string } | null;
  /** Offset of the last `locate`, its line (0-based) and the offset that line starts at. */
  declare lastOffset: number;
  declare lastLine: number;
  declare lastLineStart: number;
  /** Whether the text is all ASCII (columns are then offset differences); null until asked. */
  declare asciiText: boolean | null;

  constructor(text: string, fileName: string) {
    this.text = text;
    this.fileName = fileName;
    this.pos = 0;
    this.depth = 0;
    this.badCall = null;
    this.queryMemo = null;
    this.nestedQueries = 0;
    this.lastQueryAt = -1;
    this.lastQueryEnd = 0;
    this.lastQuery = null;
    this.badRegex = null;
    this.lastOffset = 0;
    this.lastLine = 0;
    this.lastLineStart = 0;
    this.asciiText = null;
  }

  get atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  peek(offset = 0): string {
    return this.text.charAt(this.pos + offset);
  }

  /** The UTF-16 code unit at the cursor (NaN at the end): cheaper than `peek` on hot paths. */
  code(offset = 0): number {
    return this.text.charCodeAt(this.pos + offset);
  }

  startsWith(word: string): boolean {
    return this.text.startsWith(word, this.pos);
  }

  /** Consumes `word` if the text continues with it. */
  eat(word: string): boolean {
    if (!this.text.startsWith(word, this.pos)) return false;
    this.pos += word.length;
    return true;
  }

  /** Enters one level of nesting; a Fail when the cap is reached. */
  enter(): Fail | null {
    if (this.depth >= MAX_DEPTH) return new Fail(true, this.pos, '', true);
    this.depth++;
    return null;
  }

  leave(): void {
    this.depth--;
  }
}

// ---------------------------------------------------------------------------
// Character classes (LEX-01, LEX-03)

/** Space, tab, CR, LF: the only separators (LEX-01). */
export function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

export function isAsciiAlpha(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

export function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

// Made on first use: instantiating a regex of Unicode property classes costs
// about 1 ms, at start-up on every run, for names that are almost always ASCII.
let alnum: RegExp | null = null;

/** Unicode letter or number (names may continue with these after an ASCII letter, LEX-03). */
export function isAlnum(ch: string): boolean {
  if (ch.length === 0) return false;
  if (ch < '\x80') return isAsciiAlpha(ch) || isDigit(ch);
  alnum ??= /^[\p{Alphabetic}\p{N}]$/u;
  return alnum.test(ch);
}

/** The code point at `pos` as a string (one or two UTF-16 units). */
export function codePointAt(text: string, pos: number): string {
  const cp = text.codePointAt(pos);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

// ---------------------------------------------------------------------------
// Whitespace and comments (LEX-01, LEX-02)

/** Skips blanks and `#` comments; never fails. */
export function skipTrivia(st: State): void {
  const text = st.text;
  let pos = st.pos;
  // Char codes rather than one-character strings: this runs before almost
  // every token, so it is the parser's innermost loop. (A sticky regex for
  // the runs was tried: about as many instructions, once its call is paid.)
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) {
      pos++;
    } else if (c === 0x23) {
      const nl = text.indexOf('\n', pos);
      pos = nl === -1 ? text.length : nl;
    } else {
      break;
    }
  }
  st.pos = pos;
}

/** Skips at least one blank or comment; a recoverable Fail when there is none. */
export function requireTrivia(st: State): Fail | null {
  const start = st.pos;
  skipTrivia(st);
  return st.pos === start ? miss(start) : null;
}

/** Skips spaces and tabs only (no newlines, no comments). */
export function skipSpaces(st: State): void {
  const text = st.text;
  let pos = st.pos;
  for (let c = text.charCodeAt(pos); c === 0x20 || c === 0x09; c = text.charCodeAt(pos)) pos++;
  st.pos = pos;
}

/**
 * A name: an ASCII letter, then letters, digits (Unicode) or `_` (LEX-03).
 * Recoverable failure at the current position when there is none.
 */
export function parseName(st: State): string | Fail {
  const start = st.pos;
  const end = nameEnd(st.text, start);
  if (end === start) return miss(start);
  st.pos = end;
  return st.text.slice(start, end);
}

/**
 * Where a name starting at `pos` ends (LEX-03); `pos` itself when there is
 * none. Lets hot paths look before they commit to a slice or a Fail.
 */
export function nameEnd(text: string, start: number): number {
  // One table load per character instead of a call and a chain of range
  // tests: names are most of a rules file's text, and this loop runs
  // interpreted in a cold parse.
  const c0 = text.charCodeAt(start);
  if (!(c0 < 0x80) || NAME_CHAR[c0] !== NAME_START) return start;
  let pos = start + 1;
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c < 0x80) {
      // ASCII letters, digits and `_`.
      if (NAME_CHAR[c] !== 0) pos++;
      else break;
    } else if (pos < text.length) {
      const ch = codePointAt(text, pos);
      if (isAlnum(ch)) pos += ch.length;
      else break;
    } else {
      // NaN: the end of the text.
      break;
    }
  }
  return pos;
}

/** NAME_START for ASCII letters, 1 for digits and `_`, 0 for the other ASCII characters (LEX-03). */
const NAME_START = 2;
const NAME_CHAR = (() => {
  const table = new Uint8Array(128);
  for (let c = 0x30; c <= 0x39; c++) table[c] = 1;
  table[0x5f] = 1;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = NAME_START;
  for (let c = 0x61; c <= 0x7a; c++) table[c] = NAME_START;
  return table;
})();

/** Offset of the first character after blanks and comments from `pos` (skipTrivia without moving). */
export function afterTrivia(text: string, pos: number): number {
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) {
      pos++;
    } else if (c === 0x23) {
      const nl = text.indexOf('\n', pos);
      pos = nl === -1 ? text.length : nl;
    } else {
      return pos;
    }
  }
}

export function isAsciiAlphaCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

// ---------------------------------------------------------------------------
// Locations

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Code points (or UTF-8 bytes) in `text[from, to)`. A surrogate pair cut by
 * `to` counts its high half alone, as iterating the slice would; a lone
 * surrogate is one code point of 3 bytes (what `for…of` and the UTF-8 width
 * of its code point give).
 */
function measure(text: string, from: number, to: number, bytes: boolean): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n++;
    else if (!bytes) {
      if (isHighSurrogate(c) && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1))) i++;
      n++;
    } else if (c < 0x800) n += 2;
    else if (isHighSurrogate(c) && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++;
      n += 4;
    } else n += 3;
  }
  return n;
}

/**
 * 1-based line and column of an offset, the column counted in code points the
 * way the reference counts it for clauses (`get_utf8_column`), or in UTF-8
 * bytes (`get_column`, which it uses for function calls) when `bytes` is set.
 */
export function locate(st: State, offset: number, bytes = false): { line: number; column: number } {
  const text = st.text;
  // The line is found by counting the line ends between the previous lookup
  // and this one (one native indexOf each). Lookups come mostly in text
  // order, a few lines apart (block clauses are located before their
  // bodies), so this touches far fewer lines than a table of every line
  // start, whose JS step per line cost ~8 % of a cold parse.
  const prev = st.lastOffset;
  let line = st.lastLine;
  let lineStart = st.lastLineStart;
  if (offset > prev) {
    // Going forward, the last line end passed is where the line starts (a
    // backward lastIndexOf is a call into the runtime, not a builtin).
    for (let i = text.indexOf('\n', prev); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
  } else if (offset < prev) {
    line -= newlinesIn(text, offset, prev);
    lineStart = offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  }
  st.lastOffset = offset;
  st.lastLine = line;
  st.lastLineStart = lineStart;
  // In an ASCII text (one native regex test per file) columns and bytes are
  // plain differences: `measure` would count one per character.
  let ascii = st.asciiText;
  if (ascii === null) {
    ascii = !NON_ASCII.test(text);
    st.asciiText = ascii;
  }
  const column =
    ascii && offset <= text.length ? offset - lineStart : measure(text, lineStart, offset, bytes);
  return { line: line + 1, column: column + 1 };
}

/** How many `\n` lie in `text[from, to)`. */
function newlinesIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Any character outside ASCII. */
const NON_ASCII = /[^\0-\x7f]/;
