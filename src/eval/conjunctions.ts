/**
 * CNF evaluation shared by every clause kind (DSL-04, EVAL-03/04): a leaf of
 * the clause evaluator, generic over the clause type, so the mutually
 * recursive dispatch in blocks.ts and the env in evaluation.ts both use it.
 */
import type { Block, Conjunctions } from '../syntax/ast.js';
import type { Scope } from './scope.js';
import { allOf, newTally, type Status } from './status.js';

export type ClauseTypeName = 'GuardClause' | 'RuleClause' | 'WhenGuardClause';

const DISJUNCTION_CONTEXTS: Readonly<Record<ClauseTypeName, string>> = {
  GuardClause: 'cfn_guard::rules::exprs::GuardClause#disjunction',
  RuleClause: 'cfn_guard::rules::exprs::RuleClause#disjunction',
  WhenGuardClause: 'cfn_guard::rules::exprs::WhenGuardClause#disjunction',
};

/**
 * CNF (DSL-04): each inner list is a disjunction (EVAL-03: first PASS wins,
 * SKIPs ignored), the outer list a conjunction evaluated in full (EVAL-04).
 */
export function evalConjunctions<T>(
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

export function evalBlock<T>(
  block: Block<T>,
  scope: Scope,
  evalOne: (clause: T, scope: Scope) => Status,
  typeName: ClauseTypeName,
): Status {
  return evalConjunctions(block.conjunctions, scope.block(block.assignments), evalOne, typeName);
}
