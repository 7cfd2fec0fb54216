/**
 * Queries (QRY-*): `[some] START PART*`, including filters and map-key
 * filters, which hold clauses (parse-clause.ts) and so recurse.
 */
import { span } from '../diag/span.js';
import type { Comparator, LetValue, MapKeyFilterPart, Query, QueryPart } from './ast.js';
import { parseClause } from './parse-clause.js';
import { parseCnf } from './parse-cnf.js';
import { parseInt64, parseString, parseValue } from './parse-literal.js';
import { parseNot } from './parse-operator.js';
import {
  afterTrivia,
  commit,
  Fail,
  locate,
  miss,
  nameEnd,
  parseName,
  type State,
  skipSpaces,
  skipTrivia,
} from './state.js';

/** `%name` (QRY-10, QRY-11): the name, or null with the cursor unmoved. */
function parseVariableName(st: State): string | null {
  const start = st.pos;
  if (st.text.charCodeAt(start) !== 0x25) return null; // %
  const end = nameEnd(st.text, start + 1);
  if (end === start + 1) return null;
  st.pos = end;
  return st.text.slice(start + 1, end);
}

/** A bare name or a quoted key (QRY-01, LEX-04). */
function parsePropertyName(st: State): string | Fail {
  const start = st.pos;
  const end = nameEnd(st.text, start);
  if (end > start) {
    st.pos = end;
    return st.text.slice(start, end);
  }
  const s = parseString(st);
  return s instanceof Fail ? s : s.value;
}

/**
 * The first part of a query: `this` (after optional trivia, QRY-12; a prefix
 * match on purpose, LEX-07), `%var` or a key, each tried at the unskipped
 * start as the reference does.
 */
function parseFirstPart(st: State): QueryPart | Fail {
  const start = st.pos;
  const text = st.text;
  const at = afterTrivia(text, start);
  if (text.startsWith('this', at) || text.startsWith('THIS', at)) {
    st.pos = at + 4;
    return { kind: 'This', span: span(at, st.pos) };
  }
  const v = parseVariableName(st);
  if (v !== null) return { kind: 'Variable', name: v, span: span(start, st.pos) };
  const k = parsePropertyName(st);
  if (k instanceof Fail) return k;
  return { kind: 'Key', name: k, span: span(start, st.pos) };
}

/**
 * `.key`, `."key"`, `.N`, `.%var`, `.*`, with the cursor on the `.`; blanks
 * may precede the dot, not follow it (LEX-08). The character after the dot
 * decides which form it can be; a recoverable failure is reported just after
 * the dot, whatever was tried.
 */
function parseDotted(st: State): QueryPart | Fail {
  const dot = st.pos;
  const at = dot + 1;
  st.pos = at;
  const c = st.text.charCodeAt(at);
  if ((c >= 0x30 && c <= 0x39) || c === 0x2d) {
    // 0-9 - : only an index can start so (a key or variable cannot).
    const idx = parseInt64(st);
    if (!(idx instanceof Fail)) return { kind: 'Index', index: idx.value, span: span(dot, st.pos) };
    return miss(at);
  }
  if (c === 0x25) {
    const v = parseVariableName(st);
    if (v !== null) return { kind: 'Variable', name: v, span: span(dot, st.pos) };
    return miss(at);
  }
  if (c === 0x2a) {
    st.pos = at + 1;
    return { kind: 'AllValues', capture: null, span: span(dot, st.pos) };
  }
  const key = parsePropertyName(st);
  if (!(key instanceof Fail)) return { kind: 'Key', name: key, span: span(dot, st.pos) };
  if (key.fatal) return key;
  return miss(at);
}

function openBracket(st: State): Fail | null {
  skipTrivia(st);
  return st.eat('[') ? null : miss(st.pos);
}

function closeBracket(st: State): Fail | null {
  skipTrivia(st);
  return st.eat(']') ? null : miss(st.pos);
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
  return { kind: 'AllIndices', implicit: false, capture, span: span(start, st.pos) };
}

/** `[N]`; once the number is read the `]` is required. */
function parseArrayIndex(st: State, start: number): QueryPart | Fail {
  const open = openBracket(st);
  if (open) return open;
  const idx = parseInt64(st);
  if (idx instanceof Fail) return idx;
  const close = closeBracket(st);
  if (close) return commit(close);
  return { kind: 'Index', index: idx.value, span: span(start, st.pos) };
}

/** `['key']` (a key lookup) or `[ name ]` (a key capture over all values, VAR-08). */
function parseMapKeyLookup(st: State, start: number): QueryPart | Fail {
  const open = openBracket(st);
  if (open) return open;
  const at = st.pos;
  let part: QueryPart;
  const s = parseString(st);
  if (!(s instanceof Fail)) {
    part = { kind: 'Key', name: s.value, span: span(start, st.pos) };
  } else {
    if (s.fatal) return s;
    st.pos = at;
    skipTrivia(st);
    const name = parseName(st);
    if (name instanceof Fail) return name;
    skipTrivia(st);
    part = { kind: 'AllValues', capture: name, span: span(start, st.pos) };
  }
  const close = closeBracket(st);
  if (close) return close;
  return { ...part, span: span(start, st.pos) } as QueryPart;
}

/** `name |` at the start of a filter (VAR-08). */
function parseCapture(st: State): string | null {
  const start = st.pos;
  skipTrivia(st);
  const name = parseName(st);
  if (!(name instanceof Fail)) {
    skipSpaces(st);
    if (st.eat('|')) return name;
  }
  st.pos = start;
  return null;
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
  const part: MapKeyFilterPart = {
    kind: 'MapKeyFilter',
    capture,
    comparator,
    compareWith,
    span: span(start, st.pos),
  };
  return part;
}

/** `[ clauses ]` or `[ name | clauses ]` (QRY-08). */
function parseFilter(st: State, start: number): QueryPart | Fail {
  const open = openBracket(st);
  if (open) return open;
  const deep = st.enter();
  if (deep) return deep;
  try {
    const capture = parseCapture(st);
    const conjunctions = parseCnf(st, parseClause);
    if (conjunctions instanceof Fail) return conjunctions;
    const close = closeBracket(st);
    if (close) return commit(close);
    return { kind: 'Filter', capture, conjunctions, span: span(start, st.pos) };
  } finally {
    st.leave();
  }
}

/**
 * A `[` part: all indices, an index, a key lookup, a map-key filter, else a
 * filter, the first that parses; the filter's failure is the one reported.
 */
function parseBracketed(st: State): QueryPart | Fail {
  const start = st.pos;
  // The part's span starts at its `[`, after any leading trivia.
  const at = afterTrivia(st.text, start);
  // Every production opens with trivia and `[`; without one they would all
  // fail recoverably right there (the common case: the query has ended).
  if (st.text.charCodeAt(at) !== 0x5b) return miss(at);
  let r = parseAllIndices(st, at);
  if (!(r instanceof Fail) || r.fatal) return r;
  st.pos = start;
  r = parseArrayIndex(st, at);
  if (!(r instanceof Fail) || r.fatal) return r;
  st.pos = start;
  r = parseMapKeyLookup(st, at);
  if (!(r instanceof Fail) || r.fatal) return r;
  st.pos = start;
  r = parseMapKeysMatch(st, at);
  if (!(r instanceof Fail) || r.fatal) return r;
  st.pos = start;
  r = parseFilter(st, at);
  if (r instanceof Fail && !r.fatal) st.pos = start;
  return r;
}

/**
 * A whole query (QRY-01). A leading `%var` followed by more parts gets an
 * implicit `[*]` unless the next part already is one (QRY-10).
 */
export function parseAccess(st: State): Query | Fail {
  const start = st.pos;
  // The alternatives that start with a query (block clause, then access
  // clause) usually ask for the same one twice in a row: the last result is
  // checked before the table. Both hold the same results.
  if (st.lastQueryAt === start) {
    st.pos = st.lastQueryEnd;
    return st.lastQuery as Query | Fail;
  }
  const memo = st.queryMemo.get(start);
  if (memo) {
    st.pos = memo.end;
    return memo.result as Query | Fail;
  }
  const result = parseAccessUncached(st);
  st.queryMemo.set(start, { result, end: st.pos });
  st.lastQueryAt = start;
  st.lastQueryEnd = st.pos;
  st.lastQuery = result;
  return result;
}

function parseAccessUncached(st: State): Query | Fail {
  const start = st.pos;
  const text = st.text;
  let matchAll = true;
  const word = afterTrivia(text, start);
  if (text.startsWith('some', word) || text.startsWith('SOME', word)) {
    const after = afterTrivia(text, word + 4);
    if (after > word + 4) {
      st.pos = after;
      matchAll = false;
    }
  }
  const first = parseFirstPart(st);
  if (first instanceof Fail) {
    if (!first.fatal) st.pos = start;
    return first;
  }
  const parts: QueryPart[] = [first];
  for (;;) {
    // A part is a `.` form or a `[` form, after optional trivia; anything
    // else (or a recoverable failure) ends the query before that trivia.
    const before = st.pos;
    const at = afterTrivia(text, before);
    const c = text.charCodeAt(at);
    let part: QueryPart | Fail;
    if (c === 0x2e) {
      st.pos = at;
      part = parseDotted(st);
    } else if (c === 0x5b) {
      part = parseBracketed(st);
    } else {
      break;
    }
    if (part instanceof Fail) {
      if (part.fatal) return part;
      st.pos = before;
      break;
    }
    parts.push(part);
  }
  if (first.kind === 'Variable' && parts.length > 1 && parts[1]?.kind !== 'AllIndices') {
    parts.splice(1, 0, {
      kind: 'AllIndices',
      implicit: true,
      capture: null,
      span: span(first.span.end, first.span.end),
    });
  }
  const begin = first.span.start;
  return { parts, matchAll, span: span(matchAll ? begin : afterTrivia(text, start), st.pos) };
}

/** Line and column of an offset (clause locations). */
export function locationOf(st: State, offset: number): { line: number; column: number } {
  return locate(st, offset);
}
