/**
 * What one evaluation (one prepared rules file × one document) shares across
 * scopes: the record tree being built, the per-file literal cache, and the
 * evaluator entry points that query traversal needs (filters evaluate clauses,
 * variables call functions). The entry points are injected by evaluation.ts so
 * query.ts and scope.ts do not import the clause evaluator (no import cycle).
 */
import type { Conjunctions, FunctionCall, GuardClause, ParameterizedRule } from '../syntax/ast.js';
import type { LiteralCache } from './literal.js';
import type { QueryResult } from './query-result.js';
import type { Recorder } from './recorder.js';
import type { Scope } from './scope.js';
import type { Status } from './status.js';

export interface EvalEnv {
  readonly recorder: Recorder;
  readonly literals: LiteralCache;
  readonly rulesFileName: string;
  /** A filter's CNF evaluated with `scope` as the resolver (QRY-08). */
  evalConjunctions(conjunctions: Conjunctions<GuardClause>, scope: Scope): Status;
  /** A built-in call with its arguments resolved in `scope` (FN-01). */
  callFunction(call: FunctionCall, scope: Scope): QueryResult[];
  /** Status of a named rule, cached per document (EVAL-07, EVAL-08). */
  ruleStatus(name: string): Status;
  findParameterizedRule(name: string): ParameterizedRule;
}
