/**
 * Literal values (LIT-*): strings, numbers, booleans, null, regexes, ranges,
 * lists and maps, as they may appear on a clause's right-hand side, in `let`,
 * and as function or rule arguments.
 */
import type {
  FloatLiteral,
  IntLiteral,
  ListLiteral,
  Literal,
  MapLiteral,
  MapLiteralEntry,
  RangeLiteral,
  RegexLiteral,
  StringLiteral,
} from './ast.js';
import { parseSeparated } from './combinators.js';
import { translateRegex } from './regex.js';
import {
  codePointAt,
  commit,
  Fail,
  isAlnum,
  isDigit,
  miss,
  type State,
  skipTrivia,
} from './state.js';

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/**
 * `'…'` or `"…"` (LIT-02). The only escape is a backslash right before the
 * delimiter; every other backslash is kept. An unterminated string is fatal.
 */
export function parseString(st: State): StringLiteral | Fail {
  const start = st.pos;
  const quote = st.peek();
  if (quote !== "'" && quote !== '"') return miss(start);
  const text = st.text;
  let value = '';
  let pos = start + 1;
  for (;;) {
    const close = text.indexOf(quote, pos);
    const chunk = close === -1 ? text.slice(pos) : text.slice(pos, close);
    // The character before the quote (or the end), read without a call.
    const last = close === -1 ? text.length - 1 : close - 1;
    if (last >= pos && text.charCodeAt(last) === 0x5c) {
      // `\'` stands for the quote itself and the string goes on.
      value += `${chunk.slice(0, -1)}${quote}`;
      if (close === -1) return miss(start + 1, 'Could not parse string');
      pos = close + 1;
      continue;
    }
    value += chunk;
    if (close === -1) return commit(miss(text.length));
    st.pos = close + 1;
    const sp = { start: start, end: st.pos };
    return { kind: 'String', value, span: sp };
  }
}

function scanDigits(text: string, pos: number): number {
  while (isDigit(text.charAt(pos))) pos++;
  return pos;
}

/** An optionally negative decimal integer that fits i64 (LIT-03). */
export function parseInt64(st: State): IntLiteral | Fail {
  const start = st.pos;
  const digitsStart = st.peek() === '-' ? start + 1 : start;
  const end = scanDigits(st.text, digitsStart);
  if (end === digitsStart) return miss(start);
  const digits = st.text.slice(start, end);
  let value: number;
  if (end - digitsStart <= 15) {
    // Fits a double exactly and i64 trivially; `|| 0` turns `-0` into 0 as BigInt does.
    value = Number(digits) || 0;
  } else {
    const big = BigInt(digits);
    if (big < I64_MIN || big > I64_MAX) return miss(start);
    value = Number(big);
  }
  st.pos = end;
  const sp = { start: start, end: end };
  return { kind: 'Int', value, span: sp };
}

/**
 * A float (LIT-04): digits, then a `.digits` fraction and/or an exponent with
 * an explicit sign. `1e5`, `5.`, `.5` and `-1.5` are not floats in 3.x.
 */
export function parseFloatLit(st: State): FloatLiteral | Fail {
  const text = st.text;
  const start = st.pos;
  let pos = scanDigits(text, start);
  if (pos === start) return miss(start);
  let shaped = false;
  if (text.charAt(pos) === '.' && isDigit(text.charAt(pos + 1))) {
    pos = scanDigits(text, pos + 1);
    shaped = true;
  }
  const e = text.charAt(pos);
  const sign = text.charAt(pos + 1);
  if ((e === 'e' || e === 'E') && (sign === '+' || sign === '-') && isDigit(text.charAt(pos + 2))) {
    shaped = true;
  }
  if (!shaped) return miss(start, 'Could not parse floating number');
  // The number itself is read the permissive way: digits, optional fraction,
  // optional exponent whose sign is optional and whose digits are required.
  pos = scanDigits(text, start);
  if (text.charAt(pos) === '.') pos = scanDigits(text, pos + 1);
  const ex = text.charAt(pos);
  if (ex === 'e' || ex === 'E') {
    let p = pos + 1;
    if (text.charAt(p) === '+' || text.charAt(p) === '-') p++;
    const digitsEnd = scanDigits(text, p);
    if (digitsEnd === p) return commit(miss(start));
    pos = digitsEnd;
  }
  st.pos = pos;
  const sp = { start: start, end: pos };
  return { kind: 'Float', value: Number(text.slice(start, pos)), span: sp };
}

/**
 * `/pattern/` (LIT-06). `\/` stands for `/`. The pattern must be non-empty
 * between escapes (the reference's scanner needs at least one character per
 * run, so `/a\//` is rejected) and must compile.
 */
export function parseRegex(st: State): RegexLiteral | Fail {
  const start = st.pos;
  const text = st.text;
  if (text.charAt(start) !== '/') return miss(start);
  const inner = start + 1;
  let pattern = '';
  let pos = inner;
  for (;;) {
    const close = text.indexOf('/', pos);
    const end = close === -1 ? text.length : close;
    if (end === pos) return miss(pos);
    const chunk = text.slice(pos, end);
    if (chunk.endsWith('\\')) {
      pattern += `${chunk.slice(0, -1)}/`;
      if (close === -1) return miss(inner, 'Could not parse regular expression');
      pos = close + 1;
      continue;
    }
    pattern += chunk;
    const translated = translateRegex(pattern);
    if (!translated.ok) {
      st.badRegex = { at: start, message: translated.message };
      return miss(inner, `Could not parse regular expression: ${translated.message}`);
    }
    if (close === -1) return miss(end);
    st.pos = close + 1;
    const sp = { start: start, end: st.pos };
    return {
      kind: 'Regex',
      pattern,
      source: translated.source,
      flags: translated.flags,
      span: sp,
    };
  }
}

function parseBool(st: State): Literal | Fail {
  const start = st.pos;
  const text = st.text;
  // Prefix matches on purpose (LEX-07): `trueish` reads as `true` + `ish`.
  let value: boolean;
  if (text.startsWith('true', start) || text.startsWith('True', start)) value = true;
  else if (text.startsWith('false', start) || text.startsWith('False', start)) value = false;
  else return miss(start);
  st.pos = start + (value ? 4 : 5);
  const sp = { start: start, end: st.pos };
  return { kind: 'Bool', value, span: sp };
}

function parseNull(st: State): Literal | Fail {
  const start = st.pos;
  if (st.eat('null') || st.eat('NULL')) {
    const sp = { start: start, end: st.pos };
    return { kind: 'Null', span: sp };
  }
  return miss(start);
}

type RangeBound =
  | { readonly kind: 'Int'; readonly value: number }
  | { readonly kind: 'Float'; readonly value: number }
  | { readonly kind: 'Char'; readonly value: string };

function skipSpaceTab(st: State): void {
  while (st.peek() === ' ' || st.peek() === '\t') st.pos++;
}

function parseRangeBound(st: State): RangeBound | Fail {
  skipSpaceTab(st);
  const start = st.pos;
  const f = parseFloatLit(st);
  let bound: RangeBound | Fail;
  if (!(f instanceof Fail)) bound = { kind: 'Float', value: f.value };
  else if (f.fatal) return f;
  else {
    const i = parseInt64(st);
    if (!(i instanceof Fail)) bound = { kind: 'Int', value: i.value };
    else {
      const ch = codePointAt(st.text, start);
      if (ch === '') return miss(start);
      st.pos = start + ch.length;
      bound = { kind: 'Char', value: ch };
    }
  }
  skipSpaceTab(st);
  return bound;
}

/**
 * `r[a,b]`, `r(a,b)`, `r[a,b)`, `r(a,b]` (LIT-07). Bounds of different kinds
 * are fatal (`Could not parse range`).
 */
export function parseRange(st: State): RangeLiteral | Fail {
  const start = st.pos;
  const open = st.peek(1);
  if (st.peek() !== 'r' || (open !== '[' && open !== '(')) return miss(start);
  st.pos += 2;
  const lower = parseRangeBound(st);
  if (lower instanceof Fail) return lower;
  if (!st.eat(',')) return miss(st.pos);
  const upper = parseRangeBound(st);
  if (upper instanceof Fail) return upper;
  const close = st.peek();
  if (close !== ')' && close !== ']') return miss(st.pos);
  st.pos++;
  const sp = { start: start, end: st.pos };
  const base = {
    lowerInclusive: open === '[',
    upperInclusive: close === ']',
    span: sp,
  };
  if (lower.kind === 'Int' && upper.kind === 'Int') {
    return { kind: 'IntRange', lower: lower.value, upper: upper.value, ...base };
  }
  if (lower.kind === 'Float' && upper.kind === 'Float') {
    return { kind: 'FloatRange', lower: lower.value, upper: upper.value, ...base };
  }
  if (lower.kind === 'Char' && upper.kind === 'Char') {
    return { kind: 'CharRange', lower: lower.value, upper: upper.value, ...base };
  }
  return commit(miss(st.pos, 'Could not parse range'));
}

/** A `,` after optional blanks and comments: the separator in lists and maps. */
function eatCommaAfterTrivia(st: State): boolean {
  skipTrivia(st);
  return st.eat(',');
}

/** `[v, …]` (LIT-09); comments and newlines allowed between items. */
function parseList(st: State): ListLiteral | Fail {
  const start = st.pos;
  if (st.peek() !== '[') return miss(start);
  const deep = st.enter();
  if (deep) return deep;
  try {
    st.pos++;
    const items: Literal[] = [];
    const bad = parseSeparated(st, eatCommaAfterTrivia, parseValue, (v) => items.push(v));
    if (bad) return bad;
    skipTrivia(st);
    if (!st.eat(']')) return miss(st.pos);
    const sp = { start: start, end: st.pos };
    return { kind: 'List', items, span: sp };
  } finally {
    st.leave();
  }
}

/** A map key: a run of letters, digits, `-`, `_`, or a quoted string (LIT-10). */
function parseMapKey(st: State): string | Fail {
  const start = st.pos;
  const text = st.text;
  let pos = start;
  for (;;) {
    const ch = codePointAt(text, pos);
    if (ch === '-' || ch === '_' || isAlnum(ch)) pos += ch.length;
    else break;
  }
  if (pos > start) {
    st.pos = pos;
    return text.slice(start, pos);
  }
  const s = parseString(st);
  return s instanceof Fail ? s : s.value;
}

function parseMapEntry(st: State): MapLiteralEntry | Fail {
  skipTrivia(st);
  const start = st.pos;
  const key = parseMapKey(st);
  if (key instanceof Fail) return key;
  skipTrivia(st);
  if (!st.eat(':')) return miss(st.pos);
  const value = parseValue(st);
  if (value instanceof Fail) return value;
  const sp = { start: start, end: st.pos };
  return { key, value, span: sp };
}

/** `{ key: value, … }` (LIT-10); a repeated key keeps its first place and its last value. */
function parseMap(st: State): MapLiteral | Fail {
  const start = st.pos;
  if (st.peek() !== '{') return miss(start);
  const deep = st.enter();
  if (deep) return deep;
  try {
    st.pos++;
    const entries: MapLiteralEntry[] = [];
    const put = (e: MapLiteralEntry): void => {
      const at = entries.findIndex((x) => x.key === e.key);
      if (at === -1) entries.push(e);
      else
        entries[at] = { key: e.key, value: e.value, span: (entries[at] as MapLiteralEntry).span };
    };
    const bad = parseSeparated(st, eatCommaAfterTrivia, parseMapEntry, put);
    if (bad) return bad;
    skipTrivia(st);
    if (!st.eat('}')) return miss(st.pos);
    const sp = { start: start, end: st.pos };
    return { kind: 'Map', entries, span: sp };
  } finally {
    st.leave();
  }
}

/**
 * Any literal, after optional blanks/comments.
 *
 * The grammar is an ordered choice (null, string, float, int, bool, regex,
 * range, list, map: floats before ints) whose recoverable failure is the last
 * alternative's, the map's: `miss` at the start unless the text opens a map.
 * Each alternative can only succeed, or fail fatally, on its own first
 * character, so the first character picks the one or two worth trying; the
 * others would all fail recoverably at the start and leave no trace (the only
 * side effect, `st.badRegex`, belongs to the regex alternative).
 */
export function parseValue(st: State): Literal | Fail {
  skipTrivia(st);
  const start = st.pos;
  let r: Literal | Fail;
  switch (st.text.charCodeAt(start)) {
    case 0x6e: // n
    case 0x4e: // N
      r = parseNull(st);
      break;
    case 0x27: // '
    case 0x22: // "
      r = parseString(st);
      break;
    case 0x30:
    case 0x31:
    case 0x32:
    case 0x33:
    case 0x34:
    case 0x35:
    case 0x36:
    case 0x37:
    case 0x38:
    case 0x39:
      r = parseFloatLit(st);
      if (r instanceof Fail && !r.fatal) {
        st.pos = start;
        r = parseInt64(st);
      }
      break;
    case 0x2d: // -
      r = parseInt64(st);
      break;
    case 0x74: // t
    case 0x54: // T
    case 0x66: // f
    case 0x46: // F
      r = parseBool(st);
      break;
    case 0x2f: // /
      r = parseRegex(st);
      break;
    case 0x72: // r
      r = parseRange(st);
      break;
    case 0x5b: // [
      r = parseList(st);
      break;
    case 0x7b: // {
      r = parseMap(st);
      if (r instanceof Fail && !r.fatal) st.pos = start;
      return r;
    default:
      return miss(start);
  }
  if (!(r instanceof Fail) || r.fatal) return r;
  st.pos = start;
  return miss(start);
}
