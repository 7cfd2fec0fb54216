/**
 * Resolving `let` values and call arguments (literals, queries, built-in
 * calls; FN-01) in a scope: needed both by parameterized-rule calls and by
 * the env that query traversal calls back into, and independent of both.
 */
import type { FunctionCall, LetValue } from '../syntax/ast.js';
import { callFunction as callBuiltin } from './functions/registry.js';
import type { QueryResult } from './query-result.js';
import type { Scope } from './scope.js';

export function resolveLetValue(value: LetValue, scope: Scope): readonly QueryResult[] {
  switch (value.kind) {
    case 'LiteralValue':
      return scope.env.literals.asResults(value.literal);
    case 'QueryValue':
      return scope.query(value.query.parts);
    case 'FunctionCall':
      return callFunction(value, scope);
  }
}

export function callFunction(call: FunctionCall, scope: Scope): QueryResult[] {
  const args = call.args.map((a) => resolveLetValue(a, scope));
  return callBuiltin(call.name, args).map((value) => ({ resolved: true as const, value }));
}
