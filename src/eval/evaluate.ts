/**
 * Rules, blocks and the file entry point (DSL-*, EVAL-*). A rules file is
 * prepared once (literals and regexes converted, rules indexed) and then
 * evaluated against any number of documents; each evaluation is pure and
 * returns the record tree (result.ts) plus the statuses reporters need.
 */
import type { Value } from '../data/value.js';
import { GuardError } from '../diag/errors.js';
import type {
  Block,
  BlockClause,
  Conjunctions,
  FunctionCall,
  GuardClause,
  LetValue,
  NamedRuleRef,
  ParameterizedRule,
  ParameterizedRuleCall,
  Rule,
  RuleClause,
  RulesFile,
  TypeBlock,
  WhenBlock,
  WhenCondition,
} from '../syntax/ast.js';
import { evalAccessClause } from './clause.js';
import type { EvalEnv } from './context.js';
import { debugString, locationDisplay, queryDisplay } from './display.js';
import { incompatibleError, missingValueError } from './errors.js';
import { callFunction as callBuiltin } from './functions/registry.js';
import { LiteralCache } from './literal.js';
import { literalResult, type QueryResult } from './query-result.js';
import { Recorder } from './recorder.js';
import type { FileResult, RuleStatus } from './result.js';
import { Scope } from './scope.js';
import { allOf, anyOf, countStatus, newTally, type Status } from './status.js';

/** A rules file ready to be evaluated against many documents. */
export interface PreparedRules {
  readonly file: RulesFile;
  readonly literals: LiteralCache;
  /** Rules by name in definition order; several when a name repeats (DSL-14). */
  readonly rulesByName: ReadonlyMap<string, readonly Rule[]>;
  readonly parameterizedRules: ReadonlyMap<string, ParameterizedRule>;
}

export interface EvalContextNames {
  readonly rulesFileName: string;
  readonly dataFileName: string;
}

export function prepareRules(file: RulesFile): PreparedRules {
  const rulesByName = new Map<string, Rule[]>();
  for (const rule of file.rules) {
    const list = rulesByName.get(rule.name);
    if (list) list.push(rule);
    else rulesByName.set(rule.name, [rule]);
  }
  const parameterizedRules = new Map<string, ParameterizedRule>();
  for (const pr of file.parameterizedRules) parameterizedRules.set(pr.rule.name, pr);
  return { file, literals: new LiteralCache(), rulesByName, parameterizedRules };
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
  const recorder = new Recorder();
  const statusCache = new Map<string, Status>();
  const inProgress = new Set<string>();
  let rootScope: Scope | null = null;

  const env: EvalEnv = {
    recorder,
    literals: prepared.literals,
    rulesFileName: ctx.rulesFileName,
    evalConjunctions: (conjunctions, scope) =>
      evalConjunctions(conjunctions, scope, evalGuardClause, 'GuardClause'),
    callFunction: (call, scope) => callFunction(call, scope),
    ruleStatus(name) {
      const cached = statusCache.get(name);
      if (cached) return cached;
      const rules = prepared.rulesByName.get(name);
      if (!rules) {
        const names = [...prepared.rulesByName.keys()].map((n) => debugString(n)).join(', ');
        throw missingValueError(
          'EVAL_UNDEFINED_RULE',
          `Rule ${name} by that name does not exist, Rule Names = [${names}]`,
        );
      }
      if (inProgress.has(name)) {
        // The reference recurses until the stack overflows; report it cleanly.
        throw new GuardError(
          'EVAL_CYCLIC_RULE',
          `Rule ${name} depends on itself through a cycle of rule references`,
        );
      }
      inProgress.add(name);
      let status: Status = 'SKIP';
      try {
        // DSL-14: the first definition whose status is not SKIP decides.
        for (const rule of rules) {
          status = evalRule(rule, rootScope as Scope, null);
          if (status !== 'SKIP') break;
        }
      } finally {
        inProgress.delete(name);
      }
      statusCache.set(name, status);
      return status;
    },
    findParameterizedRule(name) {
      const pr = prepared.parameterizedRules.get(name);
      if (!pr) {
        const names = [...prepared.parameterizedRules.keys()].map((n) => debugString(n)).join(', ');
        throw missingValueError(
          'EVAL_UNDEFINED_PARAMETERIZED_RULE',
          `Parameterized Rule with name ${name} was not found, candidate [${names}]`,
        );
      }
      return pr;
    },
  };
  const scope = Scope.root(env, root, prepared.file.assignments);
  rootScope = scope;

  const context = `File(rules=${prepared.file.rules.length})`;
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

// ---------------------------------------------------------------------------

type ClauseTypeName = 'GuardClause' | 'RuleClause' | 'WhenGuardClause';

/**
 * CNF (DSL-04): each inner list is a disjunction (EVAL-03: first PASS wins,
 * SKIPs ignored), the outer list a conjunction evaluated in full (EVAL-04).
 */
function evalConjunctions<T>(
  conjunctions: Conjunctions<T>,
  scope: Scope,
  evalOne: (clause: T, scope: Scope) => Status,
  typeName: ClauseTypeName,
): Status {
  const rec = scope.env.recorder;
  const context = `cfn_guard::rules::exprs::${typeName}#disjunction`;
  const tally = newTally();
  for (const disjunction of conjunctions) {
    const multiple = disjunction.length > 1;
    if (multiple) rec.start(context);
    let fails = 0;
    let passed = false;
    for (const clause of disjunction) {
      const status = evalOne(clause, scope);
      if (status === 'PASS') {
        passed = true;
        break;
      }
      if (status === 'FAIL') fails++;
    }
    if (passed) {
      tally.passes++;
      if (multiple)
        rec.end(context, {
          kind: 'Disjunction',
          block: { status: 'PASS', atLeastOneMatches: true, message: null },
        });
      continue;
    }
    if (fails > 0) tally.fails++;
    if (multiple) {
      rec.end(context, {
        kind: 'Disjunction',
        block: { status: fails > 0 ? 'FAIL' : 'SKIP', atLeastOneMatches: true, message: null },
      });
    }
  }
  return allOf(tally);
}

function evalBlock<T>(
  block: Block<T>,
  scope: Scope,
  evalOne: (clause: T, scope: Scope) => Status,
  typeName: ClauseTypeName,
): Status {
  return evalConjunctions(block.conjunctions, scope.block(block.assignments), evalOne, typeName);
}

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

function evalGuardClause(clause: GuardClause, scope: Scope): Status {
  switch (clause.kind) {
    case 'AccessClause':
    case 'NamedRuleRef':
    case 'ParameterizedRuleCall':
      return evalWhenCondition(clause, scope);
    case 'BlockClause':
      return evalBlockClause(clause, scope);
    case 'WhenBlock':
      return evalWhenBlock('GuardConditionClause', clause, scope);
  }
}

function evalRuleClause(clause: RuleClause, scope: Scope): Status {
  switch (clause.kind) {
    case 'TypeBlock':
      return evalTypeBlock(clause, scope);
    case 'WhenBlock':
      return evalWhenBlock('RuleClause', clause, scope);
    default:
      return evalGuardClause(clause, scope);
  }
}

// Record contexts that depend only on a rules-file node and the file's name:
// built once per node instead of once per evaluation.
type TextMemo = WeakMap<object, { readonly file: string; readonly text: string }>;

function memoText<N extends object>(
  memo: TextMemo,
  node: N,
  file: string,
  build: (node: N, file: string) => string,
): string {
  const hit = memo.get(node);
  if (hit !== undefined && hit.file === file) return hit.text;
  const text = build(node, file);
  memo.set(node, { file, text });
  return text;
}

const namedRuleContexts: TextMemo = new WeakMap();
const blockClauseContexts: TextMemo = new WeakMap();
const missingBlockContexts: TextMemo = new WeakMap();

const namedRuleContext = (ref: NamedRuleRef, file: string): string =>
  `Rule(${ref.rule}@${locationDisplay(file, ref.location)})`;
const blockClauseContext = (clause: BlockClause, file: string): string =>
  `BlockGuardClause#${locationDisplay(file, clause.location)}`;
const missingBlockContext = (clause: BlockClause, file: string): string =>
  `GuardBlockAccessClause#${locationDisplay(file, clause.location)}`;

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
  call.args.forEach((arg, i) => {
    const name = pr.parameters[i];
    if (name === undefined) return;
    // A literal argument is a plain resolved value here, not a whole literal.
    params.set(
      name,
      arg.kind === 'LiteralValue'
        ? [{ resolved: true, value: scope.env.literals.get(arg.literal) }]
        : resolveLetValue(arg, scope),
    );
  });
  return evalRule(pr.rule, scope.withParams(params), call.customMessage);
}

function resolveLetValue(value: LetValue, scope: Scope): QueryResult[] {
  switch (value.kind) {
    case 'LiteralValue':
      return [literalResult(scope.env.literals.get(value.literal))];
    case 'QueryValue':
      return scope.query(value.query.parts);
    case 'FunctionCall':
      return callFunction(value, scope);
  }
}

function callFunction(call: FunctionCall, scope: Scope): QueryResult[] {
  const args = call.args.map((a) => resolveLetValue(a, scope));
  return callBuiltin(call.name, args).map((value) => ({ resolved: true as const, value }));
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

/** DSL-07, EVAL-05: only a PASSing condition runs the body; otherwise SKIP. */
function evalWhenBlock(context: string, clause: WhenBlock, scope: Scope): Status {
  const rec = scope.env.recorder;
  rec.start(context);
  const whenContext = `${context}/When`;
  rec.start(whenContext);
  const condition = evalConjunctions(
    clause.conditions,
    scope,
    evalWhenCondition,
    'WhenGuardClause',
  );
  rec.end(whenContext, {
    kind: 'WhenCondition',
    status: condition === 'PASS' ? 'PASS' : condition,
  });
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
  const context = `TypeBlock#${block.typeName}`;
  const typeCheck = (status: Status) =>
    ({
      kind: 'TypeCheck',
      typeName: block.typeName,
      block: { status, atLeastOneMatches: false, message: null },
    }) as const;
  rec.start(context);
  if (block.conditions) {
    const whenContext = `${context}/When`;
    rec.start(whenContext);
    const condition = evalConjunctions(
      block.conditions,
      scope,
      evalWhenCondition,
      'WhenGuardClause',
    );
    rec.end(whenContext, { kind: 'TypeCondition', status: condition });
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
function evalRule(rule: Rule, scope: Scope, callMessage: string | null): Status {
  const rec = scope.env.recorder;
  const context = rule.name;
  rec.start(context);
  if (rule.conditions) {
    const whenContext = `Rule#${context}/When`;
    rec.start(whenContext);
    const condition = evalConjunctions(
      rule.conditions,
      scope,
      evalWhenCondition,
      'WhenGuardClause',
    );
    rec.end(whenContext, { kind: 'RuleCondition', status: condition });
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
