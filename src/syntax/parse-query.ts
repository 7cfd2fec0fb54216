/**
 * Queries (QRY-*): `[some] START PART*`. The `[…]` parts, including
 * filters and map-key filters, which hold clauses and so recurse, are in
 * parse-query-bracket.ts.
 */
import type { Query, QueryPart } from './ast.js';
import { parseInt64, parseString } from './parse-literal.js';
import { parseBracketed } from './parse-query-bracket.js';
import { afterTrivia, Fail, locate, miss, nameEnd, type State } from './state.js';

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
  // The first letter is tested before the words: most queries start otherwise.
  const t = text.charCodeAt(at);
  if ((t === 0x74 || t === 0x54) && (text.startsWith('this', at) || text.startsWith('THIS', at))) {
    st.pos = at + 4;
    const sp = { start: at, end: st.pos };
    return { kind: 'This', span: sp };
  }
  const v = parseVariableName(st);
  if (v !== null) {
    const sp = { start: start, end: st.pos };
    return { kind: 'Variable', name: v, span: sp };
  }
  const k = parsePropertyName(st);
  // typeof rather than instanceof: a key part is read for every name in a
  // query, and instanceof is a chain of builtin calls in unoptimised code.
  if (typeof k !== 'string') return k;
  const sp = { start: start, end: st.pos };
  return { kind: 'Key', name: k, span: sp };
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
    if (!(idx instanceof Fail)) {
      const sp = { start: dot, end: st.pos };
      return { kind: 'Index', index: idx.value, span: sp };
    }
    return miss(at);
  }
  if (c === 0x25) {
    const v = parseVariableName(st);
    if (v !== null) {
      const sp = { start: dot, end: st.pos };
      return { kind: 'Variable', name: v, span: sp };
    }
    return miss(at);
  }
  if (c === 0x2a) {
    st.pos = at + 1;
    const sp = { start: dot, end: st.pos };
    return { kind: 'AllValues', capture: null, span: sp };
  }
  const key = parsePropertyName(st);
  if (typeof key === 'string') {
    const sp = { start: dot, end: st.pos };
    return { kind: 'Key', name: key, span: sp };
  }
  if (key.fatal) return key;
  return miss(at);
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
  const memo = st.queryMemo;
  if (memo !== null) {
    const hit = memo.get(start);
    if (hit !== undefined) {
      st.pos = hit.end;
      return hit.result as Query | Fail;
    }
  }
  // Only queries that entered a filter or map-key filter go in the table: a
  // query without one is a pure function of its text, cheap to read again,
  // and leaves no trace in the state (no regex, no call, no nesting), so
  // reading it twice gives the same result and the same state. The table
  // entries were most of the parser's allocations.
  const nested = st.nestedQueries;
  const result = parseAccessUncached(st);
  if (st.nestedQueries !== nested) {
    if (st.queryMemo === null) st.queryMemo = new Map();
    st.queryMemo.set(start, { result, end: st.pos });
  }
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
  const s = text.charCodeAt(word);
  if (
    (s === 0x73 || s === 0x53) &&
    (text.startsWith('some', word) || text.startsWith('SOME', word))
  ) {
    const after = afterTrivia(text, word + 4);
    if (after > word + 4) {
      st.pos = after;
      matchAll = false;
    }
  }
  // A plain key, the usual first part, is read here: a name that does not
  // start with t/T (which could be `this`) is a key for parseFirstPart too.
  const q = st.pos;
  const c0 = text.charCodeAt(q);
  const keyEnd = c0 === 0x74 || c0 === 0x54 ? q : nameEnd(text, q);
  let first: QueryPart | Fail;
  if (keyEnd > q) {
    st.pos = keyEnd;
    const sp = { start: q, end: keyEnd };
    first = { kind: 'Key', name: text.slice(q, keyEnd), span: sp };
  } else {
    first = parseFirstPart(st);
    if (first instanceof Fail) {
      if (!first.fatal) st.pos = start;
      return first;
    }
  }
  const parts: QueryPart[] = [first];
  for (;;) {
    // A part is a `.` form or a `[` form, after optional trivia; anything
    // else (or a recoverable failure) ends the query before that trivia.
    const before = st.pos;
    let at = before;
    let c = text.charCodeAt(at);
    // Parts mostly follow each other directly: trivia is skipped by a call
    // only when there is some.
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x23) {
      at = afterTrivia(text, at);
      c = text.charCodeAt(at);
    }
    let part: QueryPart | Fail;
    if (c === 0x2e) {
      // `.name`, the usual part, is read here; parseDotted reads it the same
      // way (a name right after the dot is a key) and the other forms.
      const key = at + 1;
      const end = nameEnd(text, key);
      if (end > key) {
        st.pos = end;
        const sp = { start: at, end };
        parts.push({ kind: 'Key', name: text.slice(key, end), span: sp });
        continue;
      }
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
    const sp = { start: first.span.end, end: first.span.end };
    parts.splice(1, 0, {
      kind: 'AllIndices',
      implicit: true,
      capture: null,
      span: sp,
    });
  }
  const begin = first.span.start;
  const sp = { start: matchAll ? begin : afterTrivia(text, start), end: st.pos };
  return { parts, matchAll, span: sp };
}

/** Line and column of an offset (clause locations). */
export function locationOf(st: State, offset: number): { line: number; column: number } {
  return locate(st, offset);
}
