/**
 * Clauses that may appear in a block or filter (DSL-05..DSL-07): block
 * clauses, nested when blocks, and the choice among all clause kinds. The
 * leaf clauses are in parse-leaf-clause.ts, their composition in
 * parse-cnf.ts, when blocks in parse-when.ts.
 */
import { span } from '../diag/span.js';
import type { BlockClause, GuardClause, WhenBlock } from './ast.js';
import { parseBlock } from './parse-cnf.js';
import { parseAccessClause, parseRuleCall, parseRuleRef } from './parse-leaf-clause.js';
import { parseNot } from './parse-operator.js';
import { parseAccess } from './parse-query.js';
import { parseWhenBlock, whenAhead } from './parse-when.js';
import { afterTrivia, Fail, locate, miss, type State, skipTrivia } from './state.js';

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
