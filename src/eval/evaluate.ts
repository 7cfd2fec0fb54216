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
import type { QueryResult } from './query-result.js';
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
  /** The root record's context, `File(rules=N)`, written once per rules file. */
  readonly fileContext: string;
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
  return {
    file,
    literals: new LiteralCache(),
    rulesByName,
    parameterizedRules,
    fileContext: `File(rules=${file.rules.length})`,
  };
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

/**
 * One rules file against one document: the `EvalEnv` the scopes share. A
 * class rather than an object of closures: a run makes one per (rules file,
 * document) pair, thousands of them, and its methods need no allocation.
 */
class Evaluation implements EvalEnv {
  readonly recorder = new Recorder();
  readonly literals: LiteralCache;
  /** Set right after construction: the root scope needs this env first. */
  rootScope: Scope | null = null;
  private statusCache: Map<string, Status> | null = null;
  private inProgress: Set<string> | null = null;

  constructor(
    private readonly prepared: PreparedRules,
    readonly rulesFileName: string,
  ) {
    this.literals = prepared.literals;
  }

  evalConjunctions(conjunctions: Conjunctions<GuardClause>, scope: Scope): Status {
    return evalConjunctions(conjunctions, scope, evalGuardClause, 'GuardClause');
  }

  callFunction(call: FunctionCall, scope: Scope): QueryResult[] {
    return callFunction(call, scope);
  }

  ruleStatus(name: string): Status {
    const cached = this.statusCache?.get(name);
    if (cached) return cached;
    const rules = this.prepared.rulesByName.get(name);
    if (!rules) {
      const names = [...this.prepared.rulesByName.keys()].map((n) => debugString(n)).join(', ');
      throw missingValueError(
        'EVAL_UNDEFINED_RULE',
        `Rule ${name} by that name does not exist, Rule Names = [${names}]`,
      );
    }
    this.inProgress ??= new Set();
    if (this.inProgress.has(name)) {
      // The reference recurses until the stack overflows; report it cleanly.
      throw new GuardError(
        'EVAL_CYCLIC_RULE',
        `Rule ${name} depends on itself through a cycle of rule references`,
      );
    }
    this.inProgress.add(name);
    let status: Status = 'SKIP';
    try {
      // DSL-14: the first definition whose status is not SKIP decides.
      for (const rule of rules) {
        status = evalRule(rule, this.rootScope as Scope, null);
        if (status !== 'SKIP') break;
      }
    } finally {
      this.inProgress.delete(name);
    }
    this.statusCache ??= new Map();
    this.statusCache.set(name, status);
    return status;
  }

  findParameterizedRule(name: string): ParameterizedRule {
    const pr = this.prepared.parameterizedRules.get(name);
    if (!pr) {
      const names = [...this.prepared.parameterizedRules.keys()]
        .map((n) => debugString(n))
        .join(', ');
      throw missingValueError(
        'EVAL_UNDEFINED_PARAMETERIZED_RULE',
        `Parameterized Rule with name ${name} was not found, candidate [${names}]`,
      );
    }
    return pr;
  }
}

// ---------------------------------------------------------------------------

type ClauseTypeName = 'GuardClause' | 'RuleClause' | 'WhenGuardClause';

const DISJUNCTION_CONTEXTS: Readonly<Record<ClauseTypeName, string>> = {
  GuardClause: 'cfn_guard::rules::exprs::GuardClause#disjunction',
  RuleClause: 'cfn_guard::rules::exprs::RuleClause#disjunction',
  WhenGuardClause: 'cfn_guard::rules::exprs::WhenGuardClause#disjunction',
};

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
  const context = DISJUNCTION_CONTEXTS[typeName];
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

/** Record contexts that depend on the node alone, built once per node. */
function nodeText<N extends object>(
  memo: WeakMap<N, string>,
  node: N,
  build: (node: N) => string,
): string {
  let text = memo.get(node);
  if (text === undefined) {
    text = build(node);
    memo.set(node, text);
  }
  return text;
}

const ruleWhenContexts = new WeakMap<Rule, string>();
const typeBlockContexts = new WeakMap<TypeBlock, string>();
const typeWhenContexts = new WeakMap<TypeBlock, string>();
const ruleWhenContext = (rule: Rule): string => `Rule#${rule.name}/When`;
const typeBlockContext = (block: TypeBlock): string => `TypeBlock#${block.typeName}`;
const typeWhenContext = (block: TypeBlock): string => `TypeBlock#${block.typeName}/When`;

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

function resolveLetValue(value: LetValue, scope: Scope): readonly QueryResult[] {
  switch (value.kind) {
    case 'LiteralValue':
      return scope.env.literals.asResults(value.literal);
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
function evalWhenBlock(
  context: string,
  whenContext: string,
  clause: WhenBlock,
  scope: Scope,
): Status {
  const rec = scope.env.recorder;
  rec.start(context);
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
    const whenContext = nodeText(ruleWhenContexts, rule, ruleWhenContext);
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
