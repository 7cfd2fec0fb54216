/**
 * The file entry point (EVAL-10): evaluates a prepared rules file
 * (prepared-rules.ts) against one document; each evaluation is pure and
 * returns the record tree (result.ts) plus the statuses reporters need. The
 * clause evaluator itself lives in blocks.ts, the env in evaluation.ts.
 */
import type { Value } from '../data/value.js';
import type { RulesFile } from '../syntax/ast.js';
import { evalRule } from './blocks.js';
import { Evaluation } from './evaluation.js';
import { type PreparedRules, prepareRules } from './prepared-rules.js';
import type { FileResult, RuleStatus } from './result.js';
import { Scope } from './scope.js';
import { allOf, countStatus, newTally } from './status.js';

export interface EvalContextNames {
  readonly rulesFileName: string;
  readonly dataFileName: string;
}

/** Evaluates one rules file against one document (EVAL-10). Throws GuardError on hard errors (EVAL-12). */
export function evaluateRulesFile(file: RulesFile, root: Value, ctx: EvalContextNames): FileResult {
  return evaluatePrepared(prepareRules(file), root, ctx);
}

export function evaluatePrepared(
  prepared: PreparedRules,
  root: Value,
  ctx: EvalContextNames,
): FileResult {
  const env = new Evaluation(prepared, ctx.rulesFileName);
  const recorder = env.recorder;
  const scope = Scope.root(env, root, prepared.file.assignments);
  env.rootScope = scope;

  const context = prepared.fileContext;
  recorder.start(context);
  const tally = newTally();
  const rules: RuleStatus[] = [];
  for (const rule of prepared.file.rules) {
    const status = evalRule(rule, scope, null);
    countStatus(tally, status);
    rules.push({ name: rule.name, status });
  }
  const status = allOf(tally);
  recorder.end(context, { kind: 'FileCheck', name: ctx.dataFileName, status, message: null });
  return {
    status,
    tree: recorder.result(),
    rules,
    rulesFileName: ctx.rulesFileName,
    dataFileName: ctx.dataFileName,
  };
}
