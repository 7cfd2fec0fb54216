/**
 * Rules, blocks and the clause dispatch between them (DSL-05..11, EVAL-05..09).
 * These functions recurse into each other (a parameterized call evaluates a
 * rule whose clauses may call again), so they stay in one module; the leaves
 * they use (CNF, record contexts, let values) live in their own files.
 */
import type {
  BlockClause,
  Conjunctions,
  GuardClause,
  NamedRuleRef,
  ParameterizedRuleCall,
  Rule,
  RuleClause,
  TypeBlock,
  WhenBlock,
  WhenCondition,
} from '../syntax/ast.js';
import { evalAccessClause } from './clause.js';
import { evalBlock, evalConjunctions } from './conjunctions.js';
import { queryDisplay } from './display.js';
import { incompatibleError, missingValueError } from './errors.js';
import { resolveLetValue } from './let-values.js';
import type { QueryResult } from './query-result.js';
import {
  blockClauseContext,
  blockClauseContexts,
  memoText,
  missingBlockContext,
  missingBlockContexts,
  namedRuleContext,
  namedRuleContexts,
  nodeText,
  ruleWhenContext,
  ruleWhenContexts,
  typeBlockContext,
  typeBlockContexts,
  typeWhenContext,
  typeWhenContexts,
} from './record-contexts.js';
import type { Scope } from './scope.js';
import { allOf, anyOf, countStatus, newTally, type Status } from './status.js';

function evalWhenCondition(clause: WhenCondition, scope: Scope): Status {
  switch (clause.kind) {
    case 'AccessClause':
      return evalAccessClause(clause, scope);
    case 'NamedRuleRef':
      return evalNamedRuleRef(clause, scope);
    case 'ParameterizedRuleCall':
      return evalParameterizedCall(clause, scope);
  }
}

export function evalGuardClause(clause: GuardClause, scope: Scope): Status {
  switch (clause.kind) {
    case 'AccessClause':
    case 'NamedRuleRef':
    case 'ParameterizedRuleCall':
      return evalWhenCondition(clause, scope);
    case 'BlockClause':
      return evalBlockClause(clause, scope);
    case 'WhenBlock':
      return evalWhenBlock('GuardConditionClause', 'GuardConditionClause/When', clause, scope);
  }
}

function evalRuleClause(clause: RuleClause, scope: Scope): Status {
  switch (clause.kind) {
    case 'TypeBlock':
      return evalTypeBlock(clause, scope);
    case 'WhenBlock':
      return evalWhenBlock('RuleClause', 'RuleClause/When', clause, scope);
    default:
      return evalGuardClause(clause, scope);
  }
}

/** EVAL-07: PASS → PASS, FAIL or SKIP → FAIL; `not` swaps. */
function evalNamedRuleRef(ref: NamedRuleRef, scope: Scope): Status {
  const rec = scope.env.recorder;
  const context = memoText(namedRuleContexts, ref, scope.env.rulesFileName, namedRuleContext);
  rec.start(context);
  const target = scope.env.ruleStatus(ref.rule);
  const status: Status = (target === 'PASS') !== ref.negation ? 'PASS' : 'FAIL';
  rec.end(context, {
    kind: 'ClauseValueCheck',
    check:
      status === 'PASS'
        ? { kind: 'Success' }
        : {
            kind: 'DependentRule',
            rule: ref.rule,
            message: null,
            customMessage: ref.customMessage,
            status: 'FAIL',
          },
  });
  return status;
}

/** DSL-10: arguments resolved in the caller's scope; a leading `not` is ignored (GOT-04). */
function evalParameterizedCall(call: ParameterizedRuleCall, scope: Scope): Status {
  const pr = scope.env.findParameterizedRule(call.rule);
  if (pr.parameters.length !== call.args.length) {
    throw incompatibleError(
      'EVAL_ARITY_MISMATCH',
      `Arity mismatch for called parameter rule ${call.rule}, expected ${pr.parameters.length}, got ${call.args.length}`,
    );
  }
  const params = new Map<string, readonly QueryResult[]>();
  const args = call.args;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const name = pr.parameters[i];
    if (arg === undefined || name === undefined) continue;
    // A literal argument is a plain resolved value here, not a whole literal.
    params.set(
      name,
      arg.kind === 'LiteralValue'
        ? scope.env.literals.asValueResults(arg.literal)
        : resolveLetValue(arg, scope),
    );
  }
  return evalRule(pr.rule, scope.withParams(params), call.customMessage);
}

/** DSL-05/06, EVAL-06. */
function evalBlockClause(clause: BlockClause, scope: Scope): Status {
  const rec = scope.env.recorder;
  const context = memoText(
    blockClauseContexts,
    clause,
    scope.env.rulesFileName,
    blockClauseContext,
  );
  const matchAll = clause.query.matchAll;
  rec.start(context);
  const values = scope.query(clause.query.parts);
  if (values.length === 0) {
    const status: Status = clause.notEmpty ? 'FAIL' : 'SKIP';
    rec.end(context, {
      kind: 'BlockGuardCheck',
      block: { status, atLeastOneMatches: !matchAll, message: null },
    });
    return status;
  }
  const tally = newTally();
  for (const each of values) {
    if (!each.resolved) {
      tally.fails++;
      const missing = memoText(
        missingBlockContexts,
        clause,
        scope.env.rulesFileName,
        missingBlockContext,
      );
      rec.start(missing);
      rec.end(missing, {
        kind: 'ClauseValueCheck',
        check: {
          kind: 'MissingBlockValue',
          value: {
            from: each,
            message: `Query ${queryDisplay(clause.query.parts)} did not resolve to correct value, reason ${each.reason}`,
            customMessage: null,
            status: 'FAIL',
          },
        },
      });
      continue;
    }
    countStatus(
      tally,
      evalBlock(clause.block, scope.value(each.value), evalGuardClause, 'GuardClause'),
    );
  }
  const status = matchAll ? allOf(tally) : anyOf(tally);
  rec.end(context, {
    kind: 'BlockGuardCheck',
    block: { status, atLeastOneMatches: !matchAll, message: null },
  });
  return status;
}

/** DSL-07: a `when` condition list, recorded under its own context as `kind`. */
function evalRecordedConditions(
  conditions: Conjunctions<WhenCondition>,
  scope: Scope,
  whenContext: string,
  kind: 'WhenCondition' | 'TypeCondition' | 'RuleCondition',
): Status {
  const rec = scope.env.recorder;
  rec.start(whenContext);
  const status = evalConjunctions(conditions, scope, evalWhenCondition, 'WhenGuardClause');
  rec.end(whenContext, { kind, status });
  return status;
}

/** DSL-07, EVAL-05: only a PASSing condition runs the body; otherwise SKIP. */
function evalWhenBlock(
  context: string,
  whenContext: string,
  clause: WhenBlock,
  scope: Scope,
): Status {
  const rec = scope.env.recorder;
  rec.start(context);
  const condition = evalRecordedConditions(clause.conditions, scope, whenContext, 'WhenCondition');
  if (condition !== 'PASS') {
    rec.end(context, {
      kind: 'WhenCheck',
      block: { status: 'SKIP', atLeastOneMatches: false, message: null },
    });
    return 'SKIP';
  }
  const status = evalBlock(clause.block, scope, evalGuardClause, 'GuardClause');
  rec.end(context, {
    kind: 'WhenCheck',
    block: { status, atLeastOneMatches: false, message: null },
  });
  return status;
}

/** DSL-11: conditions against the enclosing scope (GOT-21), body per matching resource. */
function evalTypeBlock(block: TypeBlock, scope: Scope): Status {
  const rec = scope.env.recorder;
  const context = nodeText(typeBlockContexts, block, typeBlockContext);
  const typeCheck = (status: Status) =>
    ({
      kind: 'TypeCheck',
      typeName: block.typeName,
      block: { status, atLeastOneMatches: false, message: null },
    }) as const;
  rec.start(context);
  if (block.conditions) {
    const whenContext = nodeText(typeWhenContexts, block, typeWhenContext);
    const condition = evalRecordedConditions(block.conditions, scope, whenContext, 'TypeCondition');
    if (condition !== 'PASS') {
      rec.end(context, typeCheck('SKIP'));
      return 'SKIP';
    }
  }
  const values = scope.query(block.query);
  if (values.length === 0) {
    rec.end(context, typeCheck('SKIP'));
    return 'SKIP';
  }
  if (values.some((v) => !v.resolved)) {
    throw missingValueError(
      'EVAL_TYPE_BLOCK_UNRESOLVED',
      `Unable to resolve type block query: ${block.typeName}`,
    );
  }
  const tally = newTally();
  values.forEach((each, idx) => {
    if (!each.resolved) return;
    const blockContext = `${context}/${idx}`;
    rec.start(blockContext);
    const status = evalBlock(block.block, scope.value(each.value), evalGuardClause, 'GuardClause');
    countStatus(tally, status);
    rec.end(blockContext, { kind: 'TypeBlock', status });
  });
  const status = allOf(tally);
  rec.end(context, typeCheck(status));
  return status;
}

/** EVAL-09. `callMessage` is a parameterized call's custom message, shown on its RuleCheck. */
export function evalRule(rule: Rule, scope: Scope, callMessage: string | null): Status {
  const rec = scope.env.recorder;
  const context = rule.name;
  rec.start(context);
  if (rule.conditions) {
    const whenContext = nodeText(ruleWhenContexts, rule, ruleWhenContext);
    const condition = evalRecordedConditions(rule.conditions, scope, whenContext, 'RuleCondition');
    if (condition !== 'PASS') {
      rec.end(context, {
        kind: 'RuleCheck',
        name: rule.name,
        status: 'SKIP',
        message: callMessage,
      });
      return 'SKIP';
    }
  }
  const status = evalBlock(rule.block, scope, evalRuleClause, 'RuleClause');
  rec.end(context, { kind: 'RuleCheck', name: rule.name, status, message: callMessage });
  return status;
}
