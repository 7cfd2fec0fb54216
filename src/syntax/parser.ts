/**
 * The rules-file grammar's top level (DSL-01, DSL-02): the items a file holds
 * and the entry point that turns a failure into a GuardError (parse-error.ts).
 */
import type { GuardError } from '../diag/errors.js';
import type { LetExpr, ParameterizedRule, Rule, RuleClause, RulesFile } from './ast.js';
import { parseClause } from './parse-clause.js';
import { parseDisjunction } from './parse-cnf.js';
import { toGuardError } from './parse-error.js';
import { parseAssignment } from './parse-let.js';
import { parseNamedRule, parseParameterizedRule, parseRuleWhen } from './parse-rule.js';
import { parseTypeBlock, typeNameAhead } from './parse-type-block.js';
import { whenAhead } from './parse-when.js';
import { Fail, miss, State, skipTrivia } from './state.js';

export type ParseOutcome =
  | { readonly ok: true; readonly file: RulesFile | null }
  | { readonly ok: false; readonly error: GuardError };

type TopItem =
  | { readonly kind: 'let'; readonly value: LetExpr }
  | { readonly kind: 'rule'; readonly value: Rule }
  | { readonly kind: 'param'; readonly value: ParameterizedRule }
  | { readonly kind: 'default'; readonly value: readonly RuleClause[] };

/**
 * One top-level item, the first of these that parses: `let`, parameterized
 * rule, named rule, type blocks, a when block, clauses (DSL-01). The last
 * alternative's failure is the one reported, so those before it are only
 * tried when their opening token is there.
 */
function parseTopItem(st: State): TopItem | Fail {
  skipTrivia(st);
  const start = st.pos;
  const text = st.text;
  if (text.startsWith('let', start)) {
    const r = parseAssignment(st);
    if (!(r instanceof Fail)) return topItem(st, { kind: 'let', value: r });
    if (r.fatal) return r;
    st.pos = start;
  }
  if (text.startsWith('rule', start)) {
    const p = parseParameterizedRule(st);
    if (!(p instanceof Fail)) return topItem(st, { kind: 'param', value: p });
    if (p.fatal) return p;
    st.pos = start;
    const r = parseNamedRule(st);
    if (!(r instanceof Fail)) return topItem(st, { kind: 'rule', value: r });
    if (r.fatal) return r;
    st.pos = start;
  }
  if (typeNameAhead(st)) {
    const t = parseDisjunction(st, parseTypeBlock);
    if (!(t instanceof Fail)) return topItem(st, { kind: 'default', value: t });
    if (t.fatal) return t;
    st.pos = start;
  }
  if (whenAhead(st)) {
    const w = parseRuleWhen(st);
    if (!(w instanceof Fail)) return topItem(st, { kind: 'default', value: [w] });
    if (w.fatal) return w;
    st.pos = start;
  }
  const c = parseDisjunction(st, parseClause);
  if (!(c instanceof Fail)) return topItem(st, { kind: 'default', value: c });
  if (!c.fatal) st.pos = start;
  return c;
}

/** A parsed item, with the trivia after it consumed. */
function topItem(st: State, item: TopItem): TopItem {
  skipTrivia(st);
  return item;
}

function parseFile(st: State): RulesFile | null | Fail {
  skipTrivia(st);
  if (st.atEnd) return null;
  const fileStart = st.pos;
  const assignments: LetExpr[] = [];
  const rules: Rule[] = [];
  const parameterizedRules: ParameterizedRule[] = [];
  const defaults: (readonly RuleClause[])[] = [];
  let count = 0;
  for (;;) {
    const before = st.pos;
    const item = parseTopItem(st);
    if (item instanceof Fail) {
      if (item.fatal) return item;
      st.pos = before;
      // The first item's own failure is reported as a failure at the start.
      if (count === 0) return miss(fileStart);
      break;
    }
    count++;
    switch (item.kind) {
      case 'let':
        assignments.push(item.value);
        break;
      case 'rule':
        rules.push(item.value);
        break;
      case 'param':
        parameterizedRules.push(item.value);
        break;
      case 'default':
        defaults.push(item.value);
        break;
    }
    if (st.atEnd) break;
  }
  if (!st.atEnd) return miss(st.pos);
  if (defaults.length > 0) {
    // DSL-02: top-level clauses form an implicit rule, evaluated first.
    const sp = { start: fileStart, end: st.text.length };
    rules.unshift({
      kind: 'Rule',
      name: 'default',
      implicit: true,
      conditions: null,
      block: { assignments: [], conjunctions: defaults },
      span: sp,
    });
  }
  const sp = { start: 0, end: st.text.length };
  return {
    kind: 'RulesFile',
    assignments,
    rules,
    parameterizedRules,
    span: sp,
  };
}

/**
 * Parses a Guard rules file. Returns `file: null` for a file with no rules
 * (empty, or only blanks and comments, LEX-02). Never throws.
 */
export function parseRulesFile(text: string, fileName: string): ParseOutcome {
  const st = new State(text, fileName);
  let result: RulesFile | null | Fail;
  try {
    result = parseFile(st);
  } catch (e) {
    // A stack overflow from some input the depth guard does not cover.
    if (e instanceof RangeError) result = new Fail(true, st.pos, '', true);
    else throw e;
  }
  if (!(result instanceof Fail)) return { ok: true, file: result };
  return { ok: false, error: toGuardError(st, result) };
}
