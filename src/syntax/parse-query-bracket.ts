/**
 * The `[…]` parts of a query (QRY-04..QRY-09): all indices, an index, a key
 * lookup, a map-key filter and a filter. Split from parse-query.ts, which
 * reads the rest of a query; filters hold clauses and so recurse through it.
 */
import type { Comparator, LetValue, MapKeyFilterPart, QueryPart } from './ast.js';
import { parseClause } from './parse-clause.js';
import { parseCnf } from './parse-cnf.js';
import { parseInt64, parseString, parseValue } from './parse-literal.js';
import { parseNot } from './parse-operator.js';
import { parseAccess } from './parse-query.js';
import {
  afterTrivia,
  commit,
  Fail,
  miss,
  nameEnd,
  parseName,
  type State,
  skipTrivia,
} from './state.js';

function openBracket(st: State): Fail | null {
  skipTrivia(st);
  if (st.text.charCodeAt(st.pos) !== 0x5b) return miss(st.pos);
  st.pos++;
  return null;
}

function closeBracket(st: State): Fail | null {
  skipTrivia(st);
  if (st.text.charCodeAt(st.pos) !== 0x5d) return miss(st.pos);
  st.pos++;
  return null;
}

/** `[*]`, or `[name]` with no blank after `[` (a key capture, VAR-08). */
function parseAllIndices(st: State, start: number): QueryPart | Fail {
  const open = openBracket(st);
  if (open) return open;
  const at = st.pos;
  skipTrivia(st);
  let capture: string | null = null;
  if (!st.eat('*')) {
    st.pos = at;
    const name = parseName(st);
    if (name instanceof Fail) return name;
    capture = name;
  }
  const close = closeBracket(st);
  if (close) return close;
  const sp = { start: start, end: st.pos };
  return { kind: 'AllIndices', implicit: false, capture, span: sp };
}

/** `[N]`; once the number is read the `]` is required. */
function parseArrayIndex(st: State, start: number): QueryPart | Fail {
  const open = openBracket(st);
  if (open) return open;
  const idx = parseInt64(st);
  if (idx instanceof Fail) return idx;
  const close = closeBracket(st);
  if (close) return commit(close);
  const sp = { start: start, end: st.pos };
  return { kind: 'Index', index: idx.value, span: sp };
}

/** `['key']` (a key lookup) or `[ name ]` (a key capture over all values, VAR-08). */
function parseMapKeyLookup(st: State, start: number): QueryPart | Fail {
  const open = openBracket(st);
  if (open) return open;
  const at = st.pos;
  // The part is built once the `]` is read (its span ends there).
  let key: string | null = null;
  let capture: string | null = null;
  const s = parseString(st);
  if (!(s instanceof Fail)) {
    key = s.value;
  } else {
    if (s.fatal) return s;
    st.pos = at;
    skipTrivia(st);
    const name = parseName(st);
    if (name instanceof Fail) return name;
    skipTrivia(st);
    capture = name;
  }
  const close = closeBracket(st);
  if (close) return close;
  const sp = { start, end: st.pos };
  return key !== null
    ? { kind: 'Key', name: key, span: sp }
    : { kind: 'AllValues', capture, span: sp };
}

/** `name |` at the start of a filter (VAR-08). */
function parseCapture(st: State): string | null {
  // Every filter asks; few have a capture, so the name is only cut out of
  // the text once the `|` is seen (a slice per filter was pure garbage).
  const text = st.text;
  const at = afterTrivia(text, st.pos);
  const end = nameEnd(text, at);
  if (end === at) return null;
  let bar = end;
  for (let c = text.charCodeAt(bar); c === 0x20 || c === 0x09; c = text.charCodeAt(bar)) bar++;
  if (text.charCodeAt(bar) !== 0x7c) return null;
  st.pos = bar + 1;
  return text.slice(at, end);
}

/** `in`/`IN` (prefix match, as in the reference). */
function eatIn(st: State): boolean {
  return st.eat('in') || st.eat('IN');
}

function parseKeyComparator(st: State): Comparator | Fail {
  skipTrivia(st);
  const start = st.pos;
  if (st.eat('==')) return { op: 'Eq', negated: false };
  if (st.eat('!=')) return { op: 'Eq', negated: true };
  if (eatIn(st)) return { op: 'In', negated: false };
  if (parseNot(st) && eatIn(st)) return { op: 'In', negated: true };
  st.pos = start;
  return miss(start);
}

/** `[ keys OP value ]` (QRY-09): committed once `keys` has been read. */
function parseMapKeysMatch(st: State, start: number): QueryPart | Fail {
  const open = openBracket(st);
  if (open) return open;
  const capture = parseCapture(st);
  skipTrivia(st);
  if (!(st.eat('keys') || st.eat('KEYS'))) return miss(st.pos);
  st.nestedQueries++;
  const comparator = parseKeyComparator(st);
  if (comparator instanceof Fail) return commit(comparator);
  skipTrivia(st);
  const valueStart = st.pos;
  let compareWith: LetValue;
  const lit = parseValue(st);
  if (!(lit instanceof Fail)) {
    compareWith = { kind: 'LiteralValue', literal: lit, span: lit.span };
  } else {
    if (lit.fatal) return lit;
    st.pos = valueStart;
    skipTrivia(st);
    const q = parseAccess(st);
    if (q instanceof Fail) return commit(q);
    compareWith = { kind: 'QueryValue', query: q, span: q.span };
  }
  const close = closeBracket(st);
  if (close) return close;
  const sp = { start: start, end: st.pos };
  const part: MapKeyFilterPart = {
    kind: 'MapKeyFilter',
    capture,
    comparator,
    compareWith,
    span: sp,
  };
  return part;
}

/** `[ clauses ]` or `[ name | clauses ]` (QRY-08). */
function parseFilter(st: State, start: number): QueryPart | Fail {
  const open = openBracket(st);
  if (open) return open;
  st.nestedQueries++;
  const deep = st.enter();
  if (deep) return deep;
  try {
    const capture = parseCapture(st);
    const conjunctions = parseCnf(st, parseClause);
    if (conjunctions instanceof Fail) return conjunctions;
    const close = closeBracket(st);
    if (close) return commit(close);
    const sp = { start: start, end: st.pos };
    return { kind: 'Filter', capture, conjunctions, span: sp };
  } finally {
    st.leave();
  }
}

/**
 * A `[` part: all indices, an index, a key lookup, a map-key filter, else a
 * filter, the first that parses; the filter's failure is the one reported.
 */
export function parseBracketed(st: State): QueryPart | Fail {
  const start = st.pos;
  // The part's span starts at its `[`, after any leading trivia.
  const at = afterTrivia(st.text, start);
  // Every production opens with trivia and `[`; without one they would all
  // fail recoverably right there (the common case: the query has ended).
  if (st.text.charCodeAt(at) !== 0x5b) return miss(at);
  // Only the filter's failure is ever reported, and the other forms fail
  // recoverably, with no side effect, unless the text after the `[` can
  // start them: that is looked up once here, so a filter (the usual `[`)
  // goes straight to its own parser.
  const text = st.text;
  const inner = at + 1;
  const first = afterTrivia(text, inner);
  const c = text.charCodeAt(first);
  const firstNameEnd = nameEnd(text, first);
  const nameThenClose =
    firstNameEnd > first && text.charCodeAt(afterTrivia(text, firstNameEnd)) === 0x5d;
  let r: QueryPart | Fail;
  // `[*]`, or `[name]` with the name right after the `[`.
  if (c === 0x2a || (first === inner && nameThenClose)) {
    r = parseAllIndices(st, at);
    if (!(r instanceof Fail) || r.fatal) return r;
    st.pos = start;
  }
  // `[N]`: the number right after the `[`.
  const ci = text.charCodeAt(inner);
  if ((ci >= 0x30 && ci <= 0x39) || ci === 0x2d) {
    r = parseArrayIndex(st, at);
    if (!(r instanceof Fail) || r.fatal) return r;
    st.pos = start;
  }
  // `['key']` (the quote right after the `[`) or `[ name ]`.
  if (ci === 0x27 || ci === 0x22 || nameThenClose) {
    r = parseMapKeyLookup(st, at);
    if (!(r instanceof Fail) || r.fatal) return r;
    st.pos = start;
  }
  // `[ keys …`, or a capture `name |` before it.
  if (
    text.startsWith('keys', first) ||
    text.startsWith('KEYS', first) ||
    (firstNameEnd > first && captureBar(text, firstNameEnd))
  ) {
    r = parseMapKeysMatch(st, at);
    if (!(r instanceof Fail) || r.fatal) return r;
    st.pos = start;
  }
  r = parseFilter(st, at);
  if (r instanceof Fail && !r.fatal) st.pos = start;
  return r;
}

/** Whether spaces or tabs, then `|`, follow `pos` (a capture's bar, as parseCapture reads it). */
function captureBar(text: string, pos: number): boolean {
  let c = text.charCodeAt(pos);
  while (c === 0x20 || c === 0x09) c = text.charCodeAt(++pos);
  return c === 0x7c;
}
