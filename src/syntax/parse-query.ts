/**
 * Queries (QRY-*): `[some] START PART*`, including filters and map-key
 * filters, which hold clauses (parse-clause.ts) and so recurse.
 */
import { span } from '../diag/span.js';
import type { Comparator, LetValue, MapKeyFilterPart, Query, QueryPart } from './ast.js';
import { parseClause, parseCnf } from './parse-clause.js';
import { parseInt64, parseString, parseValue } from './parse-literal.js';
import { parseNot } from './parse-operator.js';
import {
  commit,
  Fail,
  locate,
  miss,
  parseName,
  requireTrivia,
  type State,
  skipSpaces,
  skipTrivia,
} from './state.js';

/** `this`/`THIS`, after optional trivia (QRY-12); a prefix match on purpose (LEX-07). */
function parseThis(st: State): QueryPart | Fail {
  const start = st.pos;
  skipTrivia(st);
  const at = st.pos;
  if (st.eat('this') || st.eat('THIS')) return { kind: 'This', span: span(at, st.pos) };
  st.pos = start;
  return miss(at);
}

/** `%name` (QRY-10, QRY-11). */
function parseVariableName(st: State): string | Fail {
  const start = st.pos;
  if (st.peek() !== '%') return miss(start);
  st.pos++;
  const name = parseName(st);
  if (name instanceof Fail) st.pos = start;
  return name;
}

/** A bare name or a quoted key (QRY-01, LEX-04). */
function parsePropertyName(st: State): string | Fail {
  const name = parseName(st);
  if (!(name instanceof Fail)) return name;
  const s = parseString(st);
  return s instanceof Fail ? s : s.value;
}

/** The first part of a query: `this`, `%var` or a key. */
function parseFirstPart(st: State): QueryPart | Fail {
  const start = st.pos;
  const t = parseThis(st);
  if (!(t instanceof Fail)) return t;
  const v = parseVariableName(st);
  if (!(v instanceof Fail)) return { kind: 'Variable', name: v, span: span(start, st.pos) };
  const k = parsePropertyName(st);
  if (k instanceof Fail) return k;
  return { kind: 'Key', name: k, span: span(start, st.pos) };
}

/** `.key`, `."key"`, `.N`, `.%var`, `.*`; blanks may precede the dot, not follow it (LEX-08). */
function parseDotted(st: State): QueryPart | Fail {
  skipTrivia(st);
  const dot = st.pos;
  if (!st.eat('.')) return miss(dot);
  const at = st.pos;
  const idx = parseInt64(st);
  if (!(idx instanceof Fail)) return { kind: 'Index', index: idx.value, span: span(dot, st.pos) };
  const key = parsePropertyName(st);
  if (!(key instanceof Fail)) return { kind: 'Key', name: key, span: span(dot, st.pos) };
  if (key.fatal) return key;
  st.pos = at;
  const v = parseVariableName(st);
  if (!(v instanceof Fail)) return { kind: 'Variable', name: v, span: span(dot, st.pos) };
  if (st.eat('*')) return { kind: 'AllValues', capture: null, span: span(dot, st.pos) };
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

const BRACKET_PRODUCTIONS = [
  parseAllIndices,
  parseArrayIndex,
  parseMapKeyLookup,
  parseMapKeysMatch,
  parseFilter,
] as const;

function parseBracketed(st: State): QueryPart | Fail {
  const start = st.pos;
  // The part's span starts at its `[`, after any leading trivia.
  skipTrivia(st);
  const at = st.pos;
  st.pos = start;
  // Every production opens with trivia and `[`; without one they would all
  // fail recoverably right there (the common case: the query has ended).
  if (st.text.charCodeAt(at) !== 0x5b) return miss(at);
  let last: Fail = miss(start);
  for (const p of BRACKET_PRODUCTIONS) {
    const r = p(st, at);
    if (!(r instanceof Fail)) return r;
    if (r.fatal) return r;
    st.pos = start;
    last = r;
  }
  return last;
}

function parsePart(st: State): QueryPart | Fail {
  const start = st.pos;
  const d = parseDotted(st);
  if (!(d instanceof Fail) || d.fatal) return d;
  st.pos = start;
  return parseBracketed(st);
}

/**
 * A whole query (QRY-01). A leading `%var` followed by more parts gets an
 * implicit `[*]` unless the next part already is one (QRY-10).
 */
export function parseAccess(st: State): Query | Fail {
  const start = st.pos;
  const memo = st.queryMemo.get(start);
  if (memo) {
    st.pos = memo.end;
    return memo.result as Query | Fail;
  }
  const result = parseAccessUncached(st);
  st.queryMemo.set(start, { result, end: st.pos });
  return result;
}

function parseAccessUncached(st: State): Query | Fail {
  const start = st.pos;
  let matchAll = true;
  skipTrivia(st);
  if ((st.eat('some') || st.eat('SOME')) && requireTrivia(st) === null) {
    matchAll = false;
  } else {
    st.pos = start;
  }
  const first = parseFirstPart(st);
  if (first instanceof Fail) {
    if (!first.fatal) st.pos = start;
    return first;
  }
  const parts: QueryPart[] = [first];
  for (;;) {
    const before = st.pos;
    const part = parsePart(st);
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
  return { parts, matchAll, span: span(matchAll ? begin : skipStart(st, start), st.pos) };
}

function skipStart(st: State, start: number): number {
  const save = st.pos;
  st.pos = start;
  skipTrivia(st);
  const at = st.pos;
  st.pos = save;
  return at;
}

/** Line and column of an offset (clause locations). */
export function locationOf(st: State, offset: number): { line: number; column: number } {
  return locate(st, offset);
}
