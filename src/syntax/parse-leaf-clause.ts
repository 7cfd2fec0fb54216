/**
 * Clauses that hold no block (OP-01, DSL-08, DSL-10): access clauses,
 * parameterized-rule calls and named-rule references. Split from
 * parse-clause.ts so when conditions can use them without a cycle.
 */
import type { AccessClause, LetValue, NamedRuleRef, ParameterizedRuleCall, Query } from './ast.js';
import { UNARY_OPERATORS } from './ast.js';
import { eatOrJoin } from './parse-cnf.js';
import { parseCall, parseOperand } from './parse-let.js';
import { optionalMessageAfterTrivia, parseMessage } from './parse-message.js';
import { parseComparator, parseNot } from './parse-operator.js';
import { parseAccess } from './parse-query.js';
import {
  commit,
  Fail,
  locate,
  parseName,
  type State,
  skipSpaces,
  skipTrivia,
  withContext,
} from './state.js';

export const CTX_OPERATOR =
  'expecting comparison binary operators like >, <= or unary operators KEYS, EXISTS, EMPTY or NOT';
export const CTX_RHS =
  'expecting either a property access "engine.core" or value like "string" or ["this", "that"]';

/** `[not] QUERY OP [RHS] [<<msg>>]` (OP-01). The location is where it starts. */
export function parseAccessClause(st: State): AccessClause | Fail {
  const start = st.pos;
  skipTrivia(st);
  const negation = parseNot(st);
  const query = parseAccess(st);
  if (query instanceof Fail) return query;
  return finishAccessClause(st, start, negation, query);
}

/**
 * The rest of an access clause once its query is read (the cursor just
 * after it): parseClause enters here with the query its block-clause
 * attempt has just read at the same place.
 */
export function finishAccessClause(
  st: State,
  start: number,
  negation: boolean,
  query: Query,
): AccessClause | Fail {
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
  const sp = { start: start, end: st.pos };
  return {
    kind: 'AccessClause',
    query,
    comparator,
    compareWith,
    customMessage,
    negation,
    location: locate(st, start),
    span: sp,
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
  const sp = { start: start, end: st.pos };
  return {
    kind: 'ParameterizedRuleCall',
    rule: call.name,
    args: call.args,
    negation,
    customMessage,
    location: locate(st, start),
    span: sp,
  };
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
  const sp = { start: start, end: st.pos };
  return {
    kind: 'NamedRuleRef',
    rule: name,
    negation,
    customMessage,
    location: locate(st, start),
    span: sp,
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
