/**
 * `when` conditions and `when` blocks (DSL-07). The block's item parser is a
 * parameter: nested blocks take clauses, rule bodies also rule references.
 */
import type { Conjunctions, GuardClause, WhenBlock, WhenCondition } from './ast.js';
import type { Parser } from './combinators.js';
import { parseBlock, parseCnf } from './parse-cnf.js';
import { parseAccessClause, parseRuleCall, parseRuleRef } from './parse-leaf-clause.js';
import { afterTrivia, commit, Fail, miss, requireTrivia, type State, skipTrivia } from './state.js';

/** Whether `when`/`WHEN` starts after trivia (else a when block fails recoverably, untried). */
export function whenAhead(st: State): boolean {
  const text = st.text;
  const at = afterTrivia(text, st.pos);
  const c = text.charCodeAt(at);
  // w W: asked before every clause, so the letter is tested before the words.
  return (c === 0x77 || c === 0x57) && (text.startsWith('when', at) || text.startsWith('WHEN', at));
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

/** `when CONDITIONS { items }` (DSL-07). */
export function parseWhenBlock(st: State, item: Parser<GuardClause>): WhenBlock | Fail {
  skipTrivia(st);
  const start = st.pos;
  const conditions = parseWhenConditions(st);
  if (conditions instanceof Fail) return conditions;
  const block = parseBlock(st, item);
  if (block instanceof Fail) return block;
  const sp = { start: start, end: st.pos };
  return { kind: 'WhenBlock', conditions, block, span: sp };
}
