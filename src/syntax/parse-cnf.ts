/**
 * How clauses compose (DSL-04, DSL-13): `or`-joined runs, AND-ed runs (CNF)
 * and `{ … }` blocks. Generic over the item parser, so it knows no clause kind.
 */
import type { Block, Conjunctions, LetExpr } from './ast.js';
import type { Parser } from './combinators.js';
import { parseAssignment } from './parse-let.js';
import { afterTrivia, commit, Fail, locate, miss, type State, skipTrivia } from './state.js';

/**
 * `or`/`OR`/`|OR|` between blanks (DSL-04): consumes it and returns true, or
 * leaves the cursor where it was. Asked after every clause, so it allocates
 * nothing when there is no `or`.
 */
export function eatOrJoin(st: State): boolean {
  const start = st.pos;
  const text = st.text;
  const at = afterTrivia(text, start);
  const c = text.charCodeAt(at);
  // o O |
  if (c !== 0x6f && c !== 0x4f && c !== 0x7c) return false;
  st.pos = at;
  if (!(st.eat('or') || st.eat('OR') || st.eat('|OR|'))) {
    st.pos = start;
    return false;
  }
  const afterWord = st.pos;
  skipTrivia(st);
  if (st.pos === afterWord) {
    st.pos = start;
    return false;
  }
  return true;
}

/**
 * `clause [or clause]*` (DSL-04). An `or` followed by something that is not
 * a clause (recoverably) ends the run before that `or`.
 */
export function parseDisjunction<T>(st: State, item: Parser<T>): T[] | Fail {
  skipTrivia(st);
  const first = item(st);
  if (first instanceof Fail) return first;
  const items: T[] = [first];
  for (;;) {
    const before = st.pos;
    if (!eatOrJoin(st)) return items;
    skipTrivia(st);
    const next = item(st);
    if (next instanceof Fail) {
      if (next.fatal) return next;
      st.pos = before;
      return items;
    }
    items.push(next);
  }
}

/**
 * Whether the next token (after trivia) closes an enclosing construct: no
 * clause, rule reference or `let` can start there, so every alternative
 * would fail recoverably and callers may skip straight to their ending.
 */
function atCloser(st: State): boolean {
  const text = st.text;
  const at = afterTrivia(text, st.pos);
  const c = text.charCodeAt(at);
  // } ] { or the end
  return c === 0x7d || c === 0x5d || c === 0x7b || at >= text.length;
}

/** One or more disjunctions, AND-ed (DSL-04). None at all is fatal. */
export function parseCnf<T>(st: State, item: Parser<T>): Conjunctions<T> | Fail {
  const start = st.pos;
  const conjunctions: (readonly T[])[] = [];
  for (;;) {
    const before = st.pos;
    const d = atCloser(st) ? NO_CLAUSE : parseDisjunction(st, item);
    if (d instanceof Fail) {
      if (d.fatal) return d;
      st.pos = before;
      if (conjunctions.length === 0) {
        const at = locate(st, start);
        return commit(
          miss(start, `There were no clauses present ${st.fileName}#${at.line}@${at.column}`),
        );
      }
      return conjunctions;
    }
    conjunctions.push(d);
  }
}

/**
 * `{ [let …] clauses }` (DSL-13). An empty body is an error at the position
 * just after `{`; a missing `}` is fatal.
 */
export function parseBlock<T>(st: State, item: Parser<T>): Block<T> | Fail {
  skipTrivia(st);
  if (st.text.charCodeAt(st.pos) !== 0x7b) return miss(st.pos);
  st.pos++;
  const deep = st.enter();
  if (deep) return deep;
  try {
    const afterOpen = st.pos;
    const assignments: LetExpr[] = [];
    const conjunctions: (readonly T[])[] = [];
    const text = st.text;
    for (;;) {
      const before = st.pos;
      skipTrivia(st);
      // atCloser, read off the character skipTrivia stopped at.
      const at = st.pos;
      const c = text.charCodeAt(at);
      if (c === 0x7d || c === 0x5d || c === 0x7b || at >= text.length) {
        st.pos = before;
        if (assignments.length === 0 && conjunctions.length === 0) return miss(afterOpen);
        break;
      }
      if (c === 0x6c) {
        // l: only `let` can start an assignment.
        const a = parseAssignment(st);
        if (!(a instanceof Fail)) {
          assignments.push(a);
          continue;
        }
        if (a.fatal) return a;
      }
      st.pos = before;
      const d = parseDisjunction(st, item);
      if (!(d instanceof Fail)) {
        conjunctions.push(d);
        continue;
      }
      if (d.fatal) return d;
      st.pos = before;
      if (assignments.length === 0 && conjunctions.length === 0) return miss(afterOpen);
      break;
    }
    skipTrivia(st);
    if (text.charCodeAt(st.pos) !== 0x7d) return commit(miss(st.pos));
    st.pos++;
    return { assignments, conjunctions };
  } finally {
    st.leave();
  }
}

/** What parseCnf's loop sees at a closer: the recoverable failure it would have met. */
const NO_CLAUSE = miss(0);
