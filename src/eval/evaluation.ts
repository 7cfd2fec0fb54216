/**
 * The per-(rules file, document) evaluation env: rule status caching and cycle
 * detection (EVAL-07/08, DSL-14) and the entry points scopes call back into.
 * Its own module so blocks.ts reaches it only through the EvalEnv interface.
 */
import { GuardError } from '../diag/errors.js';
import type { Conjunctions, FunctionCall, GuardClause, ParameterizedRule } from '../syntax/ast.js';
import { evalGuardClause, evalRule } from './blocks.js';
import { evalConjunctions } from './conjunctions.js';
import type { EvalEnv } from './context.js';
import { debugString } from './display.js';
import { missingValueError } from './errors.js';
import { callFunction } from './let-values.js';
import type { LiteralCache } from './literal.js';
import type { PreparedRules } from './prepared-rules.js';
import type { QueryResult } from './query-result.js';
import { Recorder } from './recorder.js';
import type { Scope } from './scope.js';
import type { Status } from './status.js';

/**
 * One rules file against one document: the `EvalEnv` the scopes share. A
 * class rather than an object of closures: a run makes one per (rules file,
 * document) pair, thousands of them, and its methods need no allocation.
 */
export class Evaluation implements EvalEnv {
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
