/**
 * Values that are not plain literals (VAR-01, FN-01, OP-01, OP-20): `let`
 * assignments, built-in function calls and the "literal, else call, else
 * query" operand read on a clause's right-hand side, in `let` and as an
 * argument.
 */
import type { FunctionCall, LetExpr, LetValue } from './ast.js';
import { parseSeparated } from './combinators.js';
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
  nameEnd as scanName,
  skipTrivia,
} from './state.js';

/** `name(arg, …)`: the name and its arguments, blanks (not comments) around each argument. */
export function parseCall(st: State): { name: string; args: LetValue[]; nameEnd: number } | Fail {
  // Scanned before anything is allocated: most names here are not calls.
  const start = st.pos;
  const text = st.text;
  const nameEnd = scanName(text, start);
  if (nameEnd === start) return miss(start);
  st.pos = nameEnd;
  if (text.charCodeAt(nameEnd) !== 0x28) return miss(nameEnd); // (
  const name = text.slice(start, nameEnd);
  st.pos = nameEnd + 1;
  const args: LetValue[] = [];
  const bad = parseSeparated(st, eatComma, parseArgument, (a) => args.push(a));
  if (bad) return bad;
  if (!st.eat(')')) return miss(st.pos);
  return { name, args, nameEnd };
}

function eatComma(st: State): boolean {
  return st.eat(',');
}

function parseArgument(st: State): LetValue | Fail {
  while (isBlank(st.peek())) st.pos++;
  const v = parseLetValue(st);
  if (v instanceof Fail) return v;
  while (isBlank(st.peek())) st.pos++;
  return v;
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
    st.badCall = { at: call.nameEnd, start, message, unknown: arity === undefined };
    return miss(st.pos, message);
  }
  const sp = { start: start, end: st.pos };
  return {
    kind: 'FunctionCall',
    name: call.name,
    args: call.args,
    location: locate(st, start, true),
    span: sp,
  };
}

/**
 * A literal, else a function call, else a query (OP-01, OP-20, VAR-01,
 * FN-01). `keepFatalCall` false makes any failure of the call form, even a
 * fatal one, fall back to a query (what `let` does).
 */
export function parseOperand(st: State, keepFatalCall = true): LetValue | Fail {
  const start = st.pos;
  const lit = parseValue(st);
  if (!(lit instanceof Fail)) return { kind: 'LiteralValue', literal: lit, span: lit.span };
  if (lit.fatal) return lit;
  st.pos = start;
  skipTrivia(st);
  // A call needs `name(`; without one it fails recoverably, untried.
  const at = st.pos;
  const end = scanName(st.text, at);
  if (end > at && st.text.charCodeAt(end) === 0x28) {
    const fn = parseFunctionCall(st);
    if (!(fn instanceof Fail)) return fn;
    if (fn.fatal && keepFatalCall) return fn;
  }
  st.pos = start;
  skipTrivia(st);
  const q = parseAccess(st);
  if (q instanceof Fail) return q;
  return { kind: 'QueryValue', query: q, span: q.span };
}

/** An operand after optional blanks and comments (VAR-01, FN-01). */
export function parseLetValue(st: State): LetValue | Fail {
  skipTrivia(st);
  return parseOperand(st);
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
  const value = parseOperand(st, false);
  if (value instanceof Fail) return commit(value);
  const sp = { start: start, end: st.pos };
  return { kind: 'Let', name, value, span: sp };
}
