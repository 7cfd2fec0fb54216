/**
 * Clauses (OP-*, DSL-04..DSL-13): access clauses, block clauses, when blocks,
 * rule references and parameterized-rule calls, their CNF composition, `let`
 * assignments and function calls.
 */
import { span } from '../diag/span.js';
import type {
  AccessClause,
  Block,
  BlockClause,
  CmpOperator,
  Comparator,
  Conjunctions,
  FunctionCall,
  GuardClause,
  LetExpr,
  LetValue,
  NamedRuleRef,
  ParameterizedRuleCall,
  WhenBlock,
  WhenCondition,
} from './ast.js';
import { UNARY_OPERATORS } from './ast.js';
import { arityText, functionArity, unknownFunctionText } from './functions.js';
import { parseValue } from './parse-literal.js';
import { parseAccess } from './parse-query.js';
import {
  commit,
  Fail,
  isBlank,
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

type Parser<T> = (st: State) => T | Fail;

/** Runs `p`; a recoverable failure puts the cursor back where it was. */
export function attempt<T>(st: State, p: Parser<T>): T | Fail {
  const start = st.pos;
  const r = p(st);
  if (r instanceof Fail && !r.fatal) st.pos = start;
  return r;
}

/** Tries each parser in turn; the last recoverable failure is the one reported. */
export function firstOf<T>(st: State, parsers: readonly Parser<T>[]): T | Fail {
  const start = st.pos;
  let last: Fail = miss(start);
  for (const p of parsers) {
    const r = p(st);
    if (!(r instanceof Fail) || r.fatal) return r;
    st.pos = start;
    last = r;
  }
  return last;
}

/**
 * `not`/`NOT` followed by a space or tab, or `!` (LEX-06). Consumes and
 * returns true when present.
 */
export function parseNot(st: State): boolean {
  const c = st.code();
  if (c === 0x21) {
    st.pos++;
    return true;
  }
  if (c !== 0x6e && c !== 0x4e) return false; // n N
  const start = st.pos;
  if (st.eat('not') || st.eat('NOT')) {
    const ch = st.peek();
    if (ch === ' ' || ch === '\t') {
      skipSpaces(st);
      return true;
    }
    st.pos = start;
  }
  return st.eat('!');
}

const WORD_OPERATORS: readonly (readonly [string, CmpOperator])[] = [
  ['in', 'In'],
  ['IN', 'In'],
  ['exists', 'Exists'],
  ['EXISTS', 'Exists'],
  ['empty', 'Empty'],
  ['EMPTY', 'Empty'],
  ['is_string', 'IsString'],
  ['IS_STRING', 'IsString'],
  ['is_list', 'IsList'],
  ['IS_LIST', 'IsList'],
  ['is_struct', 'IsMap'],
  ['IS_STRUCT', 'IsMap'],
  ['is_bool', 'IsBool'],
  ['IS_BOOL', 'IsBool'],
  ['is_int', 'IsInt'],
  ['IS_INT', 'IsInt'],
  ['is_null', 'IsNull'],
  ['IS_NULL', 'IsNull'],
  ['is_float', 'IsFloat'],
  ['IS_FLOAT', 'IsFloat'],
];

const SYMBOL_OPERATORS: readonly (readonly [string, Comparator])[] = [
  ['==', { op: 'Eq', negated: false }],
  ['!=', { op: 'Eq', negated: true }],
  ['>=', { op: 'Ge', negated: false }],
  ['<=', { op: 'Le', negated: false }],
  ['>', { op: 'Gt', negated: false }],
  ['<', { op: 'Lt', negated: false }],
];

/** A comparison operator (OP-02). `<<` is a message, never `<` (the reference checks first). */
export function parseComparator(st: State): Comparator | Fail {
  const start = st.pos;
  if (st.startsWith('<<')) return miss(start, 'Custom message tag detected');
  const c = st.code();
  // Symbols start with = ! > <; trying them in order is only worth it then.
  if (c === 0x3d || c === 0x21 || c === 0x3e || c === 0x3c) {
    for (const [text, cmp] of SYMBOL_OPERATORS) {
      if (st.eat(text)) return cmp;
    }
  }
  const negated = parseNot(st);
  const at = st.pos;
  // Every word operator starts with i, I, e or E.
  const w = st.code();
  if (w === 0x69 || w === 0x49 || w === 0x65 || w === 0x45) {
    for (const [word, op] of WORD_OPERATORS) {
      if (st.eat(word)) return { op, negated };
    }
  }
  st.pos = start;
  return miss(at);
}

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

function location(st: State, offset: number): { line: number; column: number } {
  return locate(st, offset);
}

// ---------------------------------------------------------------------------
// Values: let right-hand sides, function calls

/** `name(arg, …)`: the name and its arguments, blanks (not comments) around each argument. */
function parseCall(st: State): { name: string; args: LetValue[]; nameEnd: number } | Fail {
  const name = parseName(st);
  if (name instanceof Fail) return name;
  const nameEnd = st.pos;
  if (!st.eat('(')) return miss(st.pos);
  const args: LetValue[] = [];
  const arg = (): LetValue | Fail => {
    while (isBlank(st.peek())) st.pos++;
    const v = parseLetValue(st);
    if (v instanceof Fail) return v;
    while (isBlank(st.peek())) st.pos++;
    return v;
  };
  const firstStart = st.pos;
  const first = arg();
  if (first instanceof Fail) {
    if (first.fatal) return first;
    st.pos = firstStart;
  } else {
    args.push(first);
    for (;;) {
      const before = st.pos;
      if (!st.eat(',')) break;
      const next = arg();
      if (next instanceof Fail) {
        if (next.fatal) return next;
        st.pos = before;
        break;
      }
      args.push(next);
    }
  }
  if (!st.eat(')')) return miss(st.pos);
  return { name, args, nameEnd };
}

/**
 * A built-in function call (FN-01). Unknown names and wrong argument counts
 * are recoverable failures, as in 3.2.0: the caller then tries to read the
 * name as a query, and the file fails at the `(`.
 */
export function parseFunctionCall(st: State): FunctionCall | Fail {
  const start = st.pos;
  const call = parseCall(st);
  if (call instanceof Fail) return call;
  const arity = functionArity(call.name);
  if (arity === undefined || arity !== call.args.length) {
    const message =
      arity === undefined
        ? unknownFunctionText(call.name)
        : arityText(call.name, arity, call.args.length);
    st.badCall = { at: call.nameEnd, message, unknown: arity === undefined };
    return miss(st.pos, message);
  }
  return {
    kind: 'FunctionCall',
    name: call.name,
    args: call.args,
    location: locate(st, start, true),
    span: span(start, st.pos),
  };
}

/** A literal, else a function call, else a query (VAR-01, FN-01). */
export function parseLetValue(st: State): LetValue | Fail {
  skipTrivia(st);
  const start = st.pos;
  const lit = parseValue(st);
  if (!(lit instanceof Fail)) return { kind: 'LiteralValue', literal: lit, span: lit.span };
  if (lit.fatal) return lit;
  st.pos = start;
  const fn = parseFunctionCall(st);
  if (!(fn instanceof Fail)) return fn;
  if (fn.fatal) return fn;
  st.pos = start;
  const q = parseAccess(st);
  if (q instanceof Fail) return q;
  return { kind: 'QueryValue', query: q, span: q.span };
}

/** `let name = value` / `let name := value` (VAR-01). */
export function parseAssignment(st: State): LetExpr | Fail {
  const start = st.pos;
  if (!st.eat('let')) return miss(start);
  const ws = requireTrivia(st);
  if (ws) return ws;
  const name = parseName(st);
  if (name instanceof Fail) return name;
  skipTrivia(st);
  if (!(st.eat('=') || st.eat(':='))) return commit(miss(st.pos));
  const afterEq = st.pos;
  const lit = parseValue(st);
  let value: LetValue;
  if (!(lit instanceof Fail)) {
    value = { kind: 'LiteralValue', literal: lit, span: lit.span };
  } else {
    if (lit.fatal) return lit;
    st.pos = afterEq;
    skipTrivia(st);
    const fn = parseFunctionCall(st);
    if (!(fn instanceof Fail)) {
      value = fn;
    } else {
      // Any failure of the call form (even a committed one) falls back to a query.
      st.pos = afterEq;
      skipTrivia(st);
      const q = parseAccess(st);
      if (q instanceof Fail) return commit(q);
      value = { kind: 'QueryValue', query: q, span: q.span };
    }
  }
  return { kind: 'Let', name, value, span: span(start, st.pos) };
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
    location: location(st, start),
    span: span(start, st.pos),
  };
}

/** A clause's right-hand side: literal, else function call, else query (OP-01, OP-20). */
function parseRhs(st: State): { value: LetValue; message: string | null } | Fail {
  const start = st.pos;
  const finish = (value: LetValue): { value: LetValue; message: string | null } | Fail => {
    const m = optionalMessageAfterTrivia(st);
    return m instanceof Fail ? m : { value, message: m };
  };
  const lit = parseValue(st);
  if (!(lit instanceof Fail)) return finish({ kind: 'LiteralValue', literal: lit, span: lit.span });
  if (lit.fatal) return lit;
  st.pos = start;
  skipTrivia(st);
  const fn = parseFunctionCall(st);
  if (!(fn instanceof Fail)) return finish(fn);
  if (fn.fatal) return fn;
  st.pos = start;
  skipTrivia(st);
  const q = parseAccess(st);
  if (q instanceof Fail) return q;
  return finish({ kind: 'QueryValue', query: q, span: q.span });
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
    location: location(st, start),
    span: span(start, st.pos),
  };
}

/** `or`/`OR`/`|OR|` between blanks (DSL-04). */
export function parseOrJoin(st: State): Fail | null {
  const start = st.pos;
  skipTrivia(st);
  if (!(st.eat('or') || st.eat('OR') || st.eat('|OR|'))) {
    const at = st.pos;
    st.pos = start;
    return miss(at);
  }
  const ws = requireTrivia(st);
  if (ws) st.pos = start;
  return ws;
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
    location: location(st, start),
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
  const or = parseOrJoin(st);
  st.pos = start;
  return or === null;
}

/** `clause [or clause]*` (DSL-04). */
export function parseDisjunction<T>(st: State, item: Parser<T>): T[] | Fail {
  const one = (): T | Fail => {
    skipTrivia(st);
    return item(st);
  };
  const first = one();
  if (first instanceof Fail) return first;
  const items: T[] = [first];
  for (;;) {
    const before = st.pos;
    const or = parseOrJoin(st);
    if (or) {
      st.pos = before;
      break;
    }
    const next = one();
    if (next instanceof Fail) {
      if (next.fatal) return next;
      st.pos = before;
      break;
    }
    items.push(next);
  }
  return items;
}

/** One or more disjunctions, AND-ed (DSL-04). None at all is fatal. */
export function parseCnf<T>(st: State, item: Parser<T>): Conjunctions<T> | Fail {
  const start = st.pos;
  const conjunctions: (readonly T[])[] = [];
  for (;;) {
    const before = st.pos;
    const d = parseDisjunction(st, item);
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

/** Conditions of a `when`: clauses, rule references, rule calls (DSL-07). */
export function parseWhenCondition(st: State): WhenCondition | Fail {
  return firstOf<WhenCondition>(st, WHEN_CONDITIONS);
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
      const a = parseAssignment(st);
      if (!(a instanceof Fail)) {
        assignments.push(a);
        continue;
      }
      if (a.fatal) return a;
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

/** `when CONDITIONS { clauses }` nested in a block (DSL-07). */
function parseNestedWhen(st: State): WhenBlock | Fail {
  skipTrivia(st);
  const start = st.pos;
  const conditions = parseWhenConditions(st);
  if (conditions instanceof Fail) return conditions;
  const block = parseBlock(st, parseClause);
  if (block instanceof Fail) return block;
  return { kind: 'WhenBlock', conditions, block, span: span(start, st.pos) };
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
  const block = parseBlock(st, parseClause);
  if (block instanceof Fail) return block;
  return {
    kind: 'BlockClause',
    query,
    block,
    notEmpty,
    location: location(st, start),
    span: span(start, st.pos),
  };
}

/** Any clause that may appear in a block or filter (no bare rule references). */
export function parseClause(st: State): GuardClause | Fail {
  return firstOf<GuardClause>(st, CLAUSES);
}

/** A clause or, failing that, a named-rule reference. */
export function parseClauseOrRuleRef(st: State): GuardClause | Fail {
  return firstOf<GuardClause>(st, CLAUSES_OR_RULE_REF);
}

// The alternative lists, built once (functions are hoisted, so they can be
// named here before their definitions run).
const WHEN_CONDITIONS: readonly Parser<WhenCondition>[] = [
  parseAccessClause,
  parseRuleCall,
  parseRuleRef,
];
const CLAUSES: readonly Parser<GuardClause>[] = [
  parseNestedWhen,
  parseBlockClause,
  parseRuleCall,
  parseAccessClause,
];
const CLAUSES_OR_RULE_REF: readonly Parser<GuardClause>[] = [parseClause, parseRuleRef];
