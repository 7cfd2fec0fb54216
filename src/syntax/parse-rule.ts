/**
 * Named and parameterized rules (DSL-03, DSL-09) and what their bodies may
 * hold: type blocks, when blocks, clauses and rule references.
 */
import type { ParameterizedRule, Rule, RuleClause, WhenBlock } from './ast.js';
import { parseClauseOrRuleRef, parseClauseOrRuleRefKnowingWhen } from './parse-clause.js';
import { parseBlock } from './parse-cnf.js';
import { parseTypeBlock, typeNameAhead } from './parse-type-block.js';
import { parseOptionalWhen, parseWhenBlock, whenAhead } from './parse-when.js';
import {
  commit,
  Fail,
  isBlank,
  miss,
  parseName,
  requireTrivia,
  type State,
  skipTrivia,
} from './state.js';

/** A `when` block directly in a rule body (its body may hold rule references). */
export function parseRuleWhen(st: State): WhenBlock | Fail {
  return parseWhenBlock(st, parseClauseOrRuleRef);
}

/**
 * Anything a rule body may hold (DSL-03): a type block, a when block, else a
 * clause or rule reference, whose failure is the one reported. The first two
 * are only tried when their opening token is there (they would otherwise fail
 * recoverably, with no side effect).
 */
function parseRuleBodyClause(st: State): RuleClause | Fail {
  const start = st.pos;
  if (typeNameAhead(st)) {
    skipTrivia(st);
    const t = parseTypeBlock(st);
    if (!(t instanceof Fail) || t.fatal) return t;
    st.pos = start;
  }
  const when = whenAhead(st);
  if (when) {
    const w = parseRuleWhen(st);
    if (!(w instanceof Fail) || w.fatal) return w;
    st.pos = start;
  }
  skipTrivia(st);
  const c = parseClauseOrRuleRefKnowingWhen(st, when);
  if (c instanceof Fail && !c.fatal) st.pos = start;
  return c;
}

/** `rule` followed by at least one blank; recoverable when absent. */
function parseRuleKeyword(st: State): Fail | null {
  skipTrivia(st);
  if (!st.eat('rule')) return miss(st.pos);
  return requireTrivia(st);
}

/**
 * `(a, b, …)`: names separated by commas, blanks allowed; repeats are dropped.
 * Once `(` is read, each name and the `)` are required (fatal otherwise).
 */
function parseParameterNames(st: State): string[] | Fail {
  if (!st.eat('(')) return miss(st.pos);
  const names: string[] = [];
  for (;;) {
    while (isBlank(st.peek())) st.pos++;
    const name = parseName(st);
    if (name instanceof Fail) return commit(name);
    while (isBlank(st.peek())) st.pos++;
    if (!names.includes(name)) names.push(name);
    if (!st.eat(',')) break;
  }
  if (!st.eat(')')) return commit(miss(st.pos));
  return names;
}

/** `rule name(params) { body }` (DSL-09). */
export function parseParameterizedRule(st: State): ParameterizedRule | Fail {
  const kw = parseRuleKeyword(st);
  if (kw) return kw;
  const start = st.pos;
  const name = parseName(st);
  if (name instanceof Fail) return commit(name);
  const parameters = parseParameterNames(st);
  if (parameters instanceof Fail) return parameters;
  const block = parseBlock(st, parseRuleBodyClause);
  if (block instanceof Fail) return commit(block);
  const sp = { start: start, end: st.pos };
  const rule: Rule = {
    kind: 'Rule',
    name,
    implicit: false,
    conditions: null,
    block,
    span: sp,
  };
  // Its own span object, as the rule's: nodes share no mutable parts.
  const sp2 = { start: start, end: st.pos };
  return { kind: 'ParameterizedRule', parameters, rule, span: sp2 };
}

/** `rule name [when …] { body }` (DSL-03). */
export function parseNamedRule(st: State): Rule | Fail {
  const kw = parseRuleKeyword(st);
  if (kw) return kw;
  const start = st.pos;
  const name = parseName(st);
  if (name instanceof Fail) return commit(name);
  const conditions = parseOptionalWhen(st);
  if (conditions instanceof Fail) return conditions;
  const block = parseBlock(st, parseRuleBodyClause);
  if (block instanceof Fail) return commit(block);
  const sp = { start: start, end: st.pos };
  return { kind: 'Rule', name, implicit: false, conditions, block, span: sp };
}
