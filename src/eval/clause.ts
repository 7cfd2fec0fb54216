/**
 * One access clause (`[not] QUERY OP [RHS]`) evaluated and recorded the way
 * the reference does: a `GuardAccessClause#block<clause>` node holding one
 * `ClauseValueCheck` per compared value, rolled up by all/`some` (OP-07).
 */

import type { Value } from '../data/value.js';
import { isGuardError } from '../diag/errors.js';
import {
  type AccessClause,
  type CmpOperator,
  type QueryPart,
  UNARY_OPERATORS,
} from '../syntax/ast.js';
import { isEmptyValue, typeTest } from './compare.js';
import { clauseDisplay } from './display.js';
import { compareSets } from './operators.js';
import type { QueryResult } from './query-result.js';
import type { Comparison, RecordType } from './result.js';
import type { Scope } from './scope.js';
import type { Status } from './status.js';

/**
 * What the clause's values gave: `Empty` (a status decided without values)
 * or `Values` with how many values PASSed and FAILed. Counts, not a status
 * per value: the roll-up (OP-07) needs nothing else.
 */
interface ClauseOutcome {
  readonly kind: 'Empty' | 'Values';
  /** The status of an `Empty` outcome. */
  status: Status;
  passes: number;
  fails: number;
}

function emptyOutcome(status: Status): ClauseOutcome {
  return { kind: 'Empty', status, passes: 0, fails: 0 };
}

function valuesOutcome(): ClauseOutcome {
  return { kind: 'Values', status: 'SKIP', passes: 0, fails: 0 };
}

function count(outcome: ClauseOutcome, pass: boolean): void {
  if (pass) outcome.passes++;
  else outcome.fails++;
}

/** Success records carry nothing but their kind: one shared, immutable record. */
const SUCCESS_RECORD: RecordType = { kind: 'ClauseValueCheck', check: { kind: 'Success' } };

/** The block record's context per clause node, built once (as `clauseDisplay`). */
const blockContexts = new WeakMap<AccessClause, string>();

export function evalAccessClause(clause: AccessClause, scope: Scope): Status {
  const rec = scope.env.recorder;
  const all = clause.query.matchAll;
  const display = clauseDisplay(clause);
  let blockContext = blockContexts.get(clause);
  if (blockContext === undefined) {
    blockContext = `GuardAccessClause#block${display}`;
    blockContexts.set(clause, blockContext);
  }
  rec.start(blockContext);
  const outcome = UNARY_OPERATORS.has(clause.comparator.op)
    ? unaryClause(clause, scope, display)
    : binaryClause(clause, scope, display);
  if (outcome.kind === 'Empty') {
    // The reference records `at_least_one_matches: match_all` on this path (sic).
    rec.end(blockContext, {
      kind: 'GuardClauseBlockCheck',
      block: { status: outcome.status, atLeastOneMatches: all, message: null },
    });
    return outcome.status;
  }
  const passes = outcome.passes;
  const fails = outcome.fails;
  // OP-07: all values must pass, or with `some` at least one.
  const status: Status = all ? (fails > 0 ? 'FAIL' : 'PASS') : passes > 0 ? 'PASS' : 'FAIL';
  rec.end(blockContext, {
    kind: 'GuardClauseBlockCheck',
    block: { status, atLeastOneMatches: !all, message: null },
  });
  return status;
}

/** OP-05 applies when the query ends in a filter or is exactly `%var`. */
function emptyOnExpression(parts: readonly QueryPart[]): boolean {
  const last = parts[parts.length - 1];
  if (!last) return false;
  if (last.kind === 'Filter' || last.kind === 'MapKeyFilter') return true;
  return last.kind === 'Variable' && parts.length === 1;
}

function unaryTest(op: CmpOperator, entry: QueryResult): boolean {
  if (op === 'Exists') return entry.resolved;
  if (!entry.resolved) return op === 'Empty'; // GOT-05: unresolved is empty, and no type
  const v: Value = entry.value;
  switch (op) {
    case 'Empty':
      return isEmptyValue(v); // OP-04: throws for int/float/null/char
    case 'IsString':
    case 'IsList':
    case 'IsMap':
    case 'IsBool':
    case 'IsInt':
    case 'IsFloat':
    case 'IsNull':
      return typeTest(op, v);
    default:
      throw new Error(`not a unary operator: ${op}`);
  }
}

function unaryClause(clause: AccessClause, scope: Scope, context: string): ClauseOutcome {
  const rec = scope.env.recorder;
  // The comparator node has exactly the record's shape, and both are immutable.
  const cmp: Comparison = clause.comparator;
  const inverse = clause.negation; // OP-03: clause-level `not` works on unary clauses
  const custom = clause.customMessage;
  const lhs = scope.query(clause.query.parts);

  if (cmp.op === 'Empty' && emptyOnExpression(clause.query.parts)) {
    if (lhs.length === 0) {
      const pass = !cmp.negated !== inverse;
      rec.start(context);
      rec.end(context, {
        kind: 'ClauseValueCheck',
        check: pass ? { kind: 'Success' } : { kind: 'NoValueForEmptyCheck', customMessage: custom },
      });
      return emptyOutcome(pass ? 'PASS' : 'FAIL');
    }
    const outcome = valuesOutcome();
    for (const each of lhs) {
      rec.start(context);
      // OP-05: resolved → not empty unless null; unresolved → empty.
      let ok = each.resolved
        ? cmp.negated
          ? each.value.kind !== 'null'
          : each.value.kind === 'null'
        : !cmp.negated;
      if (inverse) ok = !ok;
      recordUnary(scope, context, ok, cmp, each, custom, null);
      count(outcome, ok);
    }
    return outcome;
  }

  if (lhs.length === 0) return emptyOutcome('SKIP');

  const outcome = valuesOutcome();
  for (const each of lhs) {
    rec.start(context);
    let ok: boolean;
    try {
      ok = unaryTest(cmp.op, each);
    } catch (e) {
      recordUnary(
        scope,
        context,
        false,
        cmp,
        each,
        custom,
        isGuardError(e) ? (e.compat ?? e.message) : String(e),
      );
      throw e;
    }
    if (cmp.negated) ok = !ok;
    if (inverse) ok = !ok;
    recordUnary(scope, context, ok, cmp, each, custom, null);
    count(outcome, ok);
  }
  return outcome;
}

function recordUnary(
  scope: Scope,
  context: string,
  ok: boolean,
  comparison: Comparison,
  from: QueryResult,
  customMessage: string | null,
  message: string | null,
): void {
  scope.env.recorder.end(
    context,
    ok
      ? SUCCESS_RECORD
      : {
          kind: 'ClauseValueCheck',
          check: {
            kind: 'Unary',
            comparison,
            value: { from, message, customMessage, status: 'FAIL' },
          },
        },
  );
}

function binaryClause(clause: AccessClause, scope: Scope, context: string): ClauseOutcome {
  const env = scope.env;
  const rec = env.recorder;
  const rhsValue = clause.compareWith;
  let rhs: readonly QueryResult[];
  if (!rhsValue) rhs = [];
  else if (rhsValue.kind === 'LiteralValue') rhs = env.literals.asResults(rhsValue.literal);
  else if (rhsValue.kind === 'QueryValue') rhs = scope.query(rhsValue.query.parts);
  else rhs = env.callFunction(rhsValue, scope);

  // OP-03: a clause-level `not` is ignored for binary operators.
  const comparison: Comparison = clause.comparator;
  const lhs = scope.query(clause.query.parts);
  const compared = compareSets(clause.comparator, lhs, rhs);
  if (compared.kind === 'Skip') return emptyOutcome('SKIP'); // OP-06
  const custom = clause.customMessage;
  const outcome = valuesOutcome();
  const success = (): void => {
    rec.start(context);
    rec.end(context, SUCCESS_RECORD);
    outcome.passes++;
  };
  const failComparison = (
    from: QueryResult,
    to: QueryResult | null,
    message: string | null,
  ): void => {
    rec.start(context);
    rec.end(context, {
      kind: 'ClauseValueCheck',
      check: {
        kind: 'Comparison',
        comparison,
        from,
        to,
        message,
        customMessage: custom,
        status: 'FAIL',
      },
    });
    outcome.fails++;
  };
  const failIn = (from: Value, to: readonly Value[]): void => {
    rec.start(context);
    rec.end(context, {
      kind: 'ClauseValueCheck',
      check: {
        kind: 'InComparison',
        comparison,
        from: { resolved: true, value: from },
        to: to.map((value) => ({ resolved: true, value })),
        message: null,
        customMessage: custom,
        status: 'FAIL',
      },
    });
    outcome.fails++;
  };

  for (const each of compared.results) {
    switch (each.kind) {
      case 'LhsUnresolved':
        failComparison(each.unresolved, null, null);
        break;
      case 'RhsUnresolved':
        failComparison({ resolved: true, value: each.lhs }, each.unresolved, null);
        break;
      case 'NotComparable':
        failComparison(
          { resolved: true, value: each.lhs },
          { resolved: true, value: each.rhs },
          each.reason,
        );
        break;
      case 'Success':
        if (each.cmp.kind === 'QueryIn') for (const _ of each.cmp.lhs) success();
        else success();
        break;
      case 'Fail': {
        const c = each.cmp;
        switch (c.kind) {
          case 'Value':
            failComparison(
              { resolved: true, value: c.lhs },
              { resolved: true, value: c.rhs },
              null,
            );
            break;
          case 'ValueIn':
          case 'ListIn':
            failIn(c.lhs, [c.rhs]);
            break;
          case 'QueryIn':
            for (const d of c.diff) failIn(d, c.rhs);
            break;
        }
        break;
      }
    }
  }
  return outcome;
}
