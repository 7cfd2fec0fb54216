/**
 * Clauses that may appear in a block or filter (DSL-05..DSL-07): block
 * clauses, nested when blocks, and the choice among all clause kinds. The
 * leaf clauses are in parse-leaf-clause.ts, their composition in
 * parse-cnf.ts, when blocks in parse-when.ts.
 */
import type { BlockClause, GuardClause, Query, WhenBlock } from './ast.js';
import { parseBlock } from './parse-cnf.js';
import {
  finishAccessClause,
  parseAccessClause,
  parseRuleCall,
  parseRuleRef,
} from './parse-leaf-clause.js';
import { parseNot } from './parse-operator.js';
import { parseAccess } from './parse-query.js';
import { parseWhenBlock, whenAhead } from './parse-when.js';
import { afterTrivia, Fail, locate, miss, nameEnd, type State, skipTrivia } from './state.js';

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
    return NOT_A_BLOCK;
  }
  // Located before the block is read: `locate` counts lines from its
  // previous lookup, and the clauses in the block come after this one.
  const location = locate(st, start);
  const block = parseBlock(st, parseClause);
  if (block instanceof Fail) return block;
  const sp = { start: start, end: st.pos };
  return {
    kind: 'BlockClause',
    query,
    block,
    notEmpty,
    location,
    span: sp,
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
  return parseClauseKnowingWhen(st, whenAhead(st));
}

/** parseClause for a caller that has asked whenAhead here already (or after the same trivia). */
function parseClauseKnowingWhen(st: State, when: boolean): GuardClause | Fail {
  const start = st.pos;
  if (when) {
    const w = parseNestedWhen(st);
    if (!(w instanceof Fail) || w.fatal) return w;
    st.pos = start;
  }
  const b = parseBlockClause(st);
  if (!(b instanceof Fail) || b.fatal) return b;
  // The query the block clause read here; null when it could not read one.
  const query = b === NOT_A_BLOCK && st.lastQueryAt === start ? (st.lastQuery as Query) : null;
  const queryEnd = st.lastQueryEnd;
  st.pos = start;
  const text = st.text;
  if (callAhead(text, start)) {
    const c = parseRuleCall(st);
    if (!(c instanceof Fail) || c.fatal) return c;
    st.pos = start;
  }
  // With no trivia and no `not`/`!` at the start, the access clause would
  // read the same query at the same place: it starts after it instead.
  const c0 = text.charCodeAt(start);
  let a: GuardClause | Fail;
  if (
    query !== null &&
    c0 !== 0x20 &&
    c0 !== 0x0a &&
    c0 !== 0x09 &&
    c0 !== 0x0d &&
    c0 !== 0x23 &&
    c0 !== 0x21 &&
    c0 !== 0x6e &&
    c0 !== 0x4e
  ) {
    st.pos = queryEnd;
    a = finishAccessClause(st, start, false, query);
  } else {
    a = parseAccessClause(st);
  }
  if (a instanceof Fail && !a.fatal) st.pos = start;
  return a;
}

/**
 * Whether a rule call (`[not|!] name(`) starts at `pos`, read as parseRuleCall
 * reads it: without one it fails recoverably, untried.
 */
function callAhead(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  if (c === 0x21) {
    pos++;
  } else if (
    (c === 0x6e || c === 0x4e) &&
    (text.startsWith('not', pos) || text.startsWith('NOT', pos)) &&
    (text.charCodeAt(pos + 3) === 0x20 || text.charCodeAt(pos + 3) === 0x09)
  ) {
    pos += 3;
    for (let b = text.charCodeAt(pos); b === 0x20 || b === 0x09; b = text.charCodeAt(pos)) pos++;
  }
  const end = nameEnd(text, pos);
  return end > pos && text.charCodeAt(end) === 0x28;
}

/**
 * What parseBlockClause returns when no `{` follows its query. Its only
 * caller, parseClause, then tries other alternatives and reports theirs, so
 * the position is never read: one shared value saves an allocation per
 * access clause.
 */
const NOT_A_BLOCK = miss(0);

/** A clause or, failing that, a named-rule reference. */
export function parseClauseOrRuleRef(st: State): GuardClause | Fail {
  return parseClauseOrRuleRefKnowingWhen(st, whenAhead(st));
}

/**
 * parseClauseOrRuleRef for a caller that has asked whenAhead already, at this
 * position or before the same trivia (whenAhead skips it): a rule body asks
 * it before every clause, and the answer cannot have changed.
 */
export function parseClauseOrRuleRefKnowingWhen(st: State, when: boolean): GuardClause | Fail {
  const start = st.pos;
  const c = parseClauseKnowingWhen(st, when);
  if (!(c instanceof Fail) || c.fatal) return c;
  st.pos = start;
  const r = parseRuleRef(st);
  if (r instanceof Fail && !r.fatal) st.pos = start;
  return r;
}
