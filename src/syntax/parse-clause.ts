/**
 * Clauses (OP-*, DSL-04..DSL-13): access clauses, block clauses, when blocks,
 * rule references and parameterized-rule calls, and their CNF composition.
 * `let` and function calls are in parse-let.ts.
 */
import { span } from '../diag/span.js';
import type {
  AccessClause,
  Block,
  BlockClause,
  Conjunctions,
  GuardClause,
  LetExpr,
  LetValue,
  NamedRuleRef,
  ParameterizedRuleCall,
  WhenBlock,
  WhenCondition,
} from './ast.js';
import { UNARY_OPERATORS } from './ast.js';
import type { Parser } from './combinators.js';
import { parseAssignment, parseCall, parseOperand } from './parse-let.js';
import { parseComparator, parseNot } from './parse-operator.js';
import { parseAccess } from './parse-query.js';
import {
  afterTrivia,
  commit,
  Fail,
  locate,
  miss,
  parseName,
  requireTrivia,
  type State,
  skipSpaces,
  skipTrivia,
  withContext,
} from './state.js';

export const CTX_OPERATOR =
  'expecting comparison binary operators like >, <= or unary operators KEYS, EXISTS, EMPTY or NOT';
export const CTX_RHS =
  'expecting either a property access "engine.core" or value like "string" or ["this", "that"]';
export const CTX_MESSAGE = 'Unable to find a closing >> tag for message';

/**
 * `<< text >>` (DSL-12): everything up to the first `>>`, newlines included. A
 * missing `>>` is fatal.
 */
export function parseMessage(st: State): string | Fail {
  if (!st.startsWith('<<')) return miss(st.pos);
  const from = st.pos + 2;
  const close = st.text.indexOf('>>', from);
  if (close === -1) return commit(miss(from, CTX_MESSAGE));
  st.pos = close + 2;
  return st.text.slice(from, close);
}

/** `[trivia] [<<message>>]`: trivia is consumed either way; null when there is no message. */
function optionalMessageAfterTrivia(st: State): string | null | Fail {
  skipTrivia(st);
  const at = st.pos;
  const m = parseMessage(st);
  if (m instanceof Fail) {
    if (m.fatal) return m;
    st.pos = at;
    return null;
  }
  return m;
}

// ---------------------------------------------------------------------------
// Clauses

/** `[not] QUERY OP [RHS] [<<msg>>]` (OP-01). The location is where it starts. */
export function parseAccessClause(st: State): AccessClause | Fail {
  const start = st.pos;
  skipTrivia(st);
  const negation = parseNot(st);
  const query = parseAccess(st);
  if (query instanceof Fail) return query;
  skipTrivia(st);
  const opStart = st.pos;
  const comparator = parseComparator(st);
  if (comparator instanceof Fail) return withContext(comparator, opStart, CTX_OPERATOR);
  let compareWith: LetValue | null = null;
  let customMessage: string | null;
  if (UNARY_OPERATORS.has(comparator.op)) {
    const m = optionalMessageAfterTrivia(st);
    if (m instanceof Fail) return m;
    customMessage = m;
  } else {
    const rhsStart = st.pos;
    const rhs = parseRhs(st);
    if (rhs instanceof Fail) return withContext(commit(rhs), rhsStart, CTX_RHS);
    compareWith = rhs.value;
    customMessage = rhs.message;
  }
  return {
    kind: 'AccessClause',
    query,
    comparator,
    compareWith,
    customMessage,
    negation,
    location: locate(st, start),
    span: span(start, st.pos),
  };
}

/** A clause's right-hand side and its message: literal, else function call, else query (OP-01, OP-20). */
function parseRhs(st: State): { value: LetValue; message: string | null } | Fail {
  const value = parseOperand(st);
  if (value instanceof Fail) return value;
  const m = optionalMessageAfterTrivia(st);
  return m instanceof Fail ? m : { value, message: m };
}

/** `[not|!] name(args) [<<msg>>]` (DSL-10). */
export function parseRuleCall(st: State): ParameterizedRuleCall | Fail {
  const start = st.pos;
  const negation = parseNot(st);
  const call = parseCall(st);
  if (call instanceof Fail) return call;
  const before = st.pos;
  skipTrivia(st);
  let customMessage: string | null = null;
  const m = parseMessage(st);
  if (m instanceof Fail) {
    if (m.fatal) return m;
    st.pos = before;
  } else {
    customMessage = m;
  }
  return {
    kind: 'ParameterizedRuleCall',
    rule: call.name,
    args: call.args,
    negation,
    customMessage,
    location: locate(st, start),
    span: span(start, st.pos),
  };
}

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
 * `[not|!] rule_name [<<msg>>]` (DSL-08). Without a message the name must be
 * followed by a line end, a comment, `{`, `or`, or the end of the text; else a
 * message is required, which is why `rule x { other }` does not parse.
 */
export function parseRuleRef(st: State): NamedRuleRef | Fail {
  const start = st.pos;
  const negation = parseNot(st);
  const name = parseName(st);
  if (name instanceof Fail) return name;
  const afterName = st.pos;
  let customMessage: string | null = null;
  if (!endsRuleRef(st)) {
    skipSpaces(st);
    const m = parseMessage(st);
    if (m instanceof Fail) return commit(m);
    customMessage = m;
  }
  if (customMessage === null) st.pos = afterName;
  return {
    kind: 'NamedRuleRef',
    rule: name,
    negation,
    customMessage,
    location: locate(st, start),
    span: span(start, st.pos),
  };
}

function endsRuleRef(st: State): boolean {
  if (st.atEnd) return true;
  const start = st.pos;
  skipSpaces(st);
  const ch = st.peek();
  const ends = ch === '\n' || st.startsWith('\r\n') || ch === '#' || ch === '{';
  st.pos = start;
  if (ends) return true;
  const or = eatOrJoin(st);
  st.pos = start;
  return or;
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

/** `when CONDITIONS` (DSL-07); committed once the keyword is read. */
export function parseWhenConditions(st: State): Conjunctions<WhenCondition> | Fail {
  skipTrivia(st);
  if (!(st.eat('when') || st.eat('WHEN'))) return miss(st.pos);
  const ws = requireTrivia(st);
  if (ws) return commit(ws);
  const c = parseCnf(st, parseWhenCondition);
  return c instanceof Fail ? commit(c) : c;
}

/** An optional `when CONDITIONS`: null (cursor unmoved) when there is none. */
export function parseOptionalWhen(st: State): Conjunctions<WhenCondition> | null | Fail {
  const before = st.pos;
  const c = parseWhenConditions(st);
  if (!(c instanceof Fail)) return c;
  if (c.fatal) return c;
  st.pos = before;
  return null;
}

/**
 * `{ [let …] clauses }` (DSL-13). An empty body is an error at the position
 * just after `{`; a missing `}` is fatal.
 */
export function parseBlock<T>(st: State, item: Parser<T>): Block<T> | Fail {
  skipTrivia(st);
  if (!st.eat('{')) return miss(st.pos);
  const deep = st.enter();
  if (deep) return deep;
  try {
    const afterOpen = st.pos;
    const assignments: LetExpr[] = [];
    const conjunctions: (readonly T[])[] = [];
    for (;;) {
      const before = st.pos;
      skipTrivia(st);
      if (atCloser(st)) {
        st.pos = before;
        if (assignments.length === 0 && conjunctions.length === 0) return miss(afterOpen);
        break;
      }
      if (st.code() === 0x6c) {
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
    if (!st.eat('}')) return commit(miss(st.pos));
    return { assignments, conjunctions };
  } finally {
    st.leave();
  }
}

/** `when CONDITIONS { items }` (DSL-07). */
export function parseWhenBlock(st: State, item: Parser<GuardClause>): WhenBlock | Fail {
  skipTrivia(st);
  const start = st.pos;
  const conditions = parseWhenConditions(st);
  if (conditions instanceof Fail) return conditions;
  const block = parseBlock(st, item);
  if (block instanceof Fail) return block;
  return { kind: 'WhenBlock', conditions, block, span: span(start, st.pos) };
}

/** A `when` block nested in a block. */
function parseNestedWhen(st: State): WhenBlock | Fail {
  return parseWhenBlock(st, parseClause);
}

/** `[some] QUERY [!empty] { body }` (DSL-05, DSL-06). */
export function parseBlockClause(st: State): BlockClause | Fail {
  const start = st.pos;
  const query = parseAccess(st);
  if (query instanceof Fail) return query;
  const before = st.pos;
  skipTrivia(st);
  let notEmpty = false;
  if (parseNot(st) && (st.eat('empty') || st.eat('EMPTY'))) notEmpty = true;
  else st.pos = before;
  // Without a `{` the block fails recoverably after the trivia; that is
  // settled here, without a call (most queries here start access clauses).
  const text = st.text;
  const open = afterTrivia(text, st.pos);
  if (text.charCodeAt(open) !== 0x7b) {
    st.pos = open;
    return miss(open);
  }
  // Located before the block is read: `locate` counts lines from its
  // previous lookup, and the clauses in the block come after this one.
  const location = locate(st, start);
  const block = parseBlock(st, parseClause);
  if (block instanceof Fail) return block;
  return {
    kind: 'BlockClause',
    query,
    block,
    notEmpty,
    location,
    span: span(start, st.pos),
  };
}

/** Whether `when`/`WHEN` starts after trivia (else a when block fails recoverably, untried). */
function whenAhead(st: State): boolean {
  const text = st.text;
  const at = afterTrivia(text, st.pos);
  return text.startsWith('when', at) || text.startsWith('WHEN', at);
}

/**
 * Any clause that may appear in a block or filter (no bare rule references):
 * a when block, a block clause, a rule call, else an access clause, the first
 * that succeeds; the access clause's failure is the one reported. Alternatives
 * that cannot get past their first token are not tried: they would fail
 * recoverably with no side effect, and only the last failure is reported.
 */
export function parseClause(st: State): GuardClause | Fail {
  const start = st.pos;
  if (whenAhead(st)) {
    const w = parseNestedWhen(st);
    if (!(w instanceof Fail) || w.fatal) return w;
    st.pos = start;
  }
  const b = parseBlockClause(st);
  if (!(b instanceof Fail) || b.fatal) return b;
  st.pos = start;
  const c = parseRuleCall(st);
  if (!(c instanceof Fail) || c.fatal) return c;
  st.pos = start;
  const a = parseAccessClause(st);
  if (a instanceof Fail && !a.fatal) st.pos = start;
  return a;
}

/** A clause or, failing that, a named-rule reference. */
export function parseClauseOrRuleRef(st: State): GuardClause | Fail {
  const start = st.pos;
  const c = parseClause(st);
  if (!(c instanceof Fail) || c.fatal) return c;
  st.pos = start;
  const r = parseRuleRef(st);
  if (r instanceof Fail && !r.fatal) st.pos = start;
  return r;
}

/** Conditions of a `when`: clauses, rule references, rule calls (DSL-07). */
export function parseWhenCondition(st: State): WhenCondition | Fail {
  const start = st.pos;
  const a = parseAccessClause(st);
  if (!(a instanceof Fail) || a.fatal) return a;
  st.pos = start;
  const c = parseRuleCall(st);
  if (!(c instanceof Fail) || c.fatal) return c;
  st.pos = start;
  const r = parseRuleRef(st);
  if (r instanceof Fail && !r.fatal) st.pos = start;
  return r;
}

/** What parseCnf's loop sees at a closer: the recoverable failure it would have met. */
const NO_CLAUSE = miss(0);
