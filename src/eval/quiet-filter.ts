/**
 * Filters evaluated for their status only (QRY-08). Almost every rule
 * selects resources with a filter such as `Resources.*[ Type == 'AWS::S3::Bucket' ]`,
 * so each filter runs once per resource and rule, and the records it makes
 * (a `Filter/Map#N` node with the clause's comparison under it) are read by
 * the print-json (`-p`) and verbose (`-v`) outputs only; the structured,
 * JSON/YAML, SARIF, JUnit and text reports skip filter subtrees.
 *
 * A filter whose evaluation cannot have side effects is therefore evaluated
 * with the recorder muted, and its node is attached with its children
 * deferred: they are recorded by running the same clauses again on the same
 * value and scope the first time someone reads them, which gives the same
 * records (evaluation is deterministic and the values are immutable).
 *
 * Side-effect free ("quiet") means: only access clauses, whose queries walk
 * keys, indexes, `*`/`[*]` without captures and nested quiet filters, whose
 * right-hand sides are literals or such queries, and whose variables (as the
 * first query part only) are already settled in the scope — literal `let`s,
 * parameters, or query `let`s evaluated before (a first evaluation records
 * the variable's own tree where it happens, EVAL-08, and must not be muted
 * or repeated). No rule references (their status is cached where first
 * evaluated), no function calls, no blocks, no captures.
 */
import type { Value } from '../data/value.js';
import type { Conjunctions, GuardClause, LetValue, Literal, QueryPart } from '../syntax/ast.js';
import type { EventRecord, RecordType } from './result.js';
import type { Scope } from './scope.js';
import type { Status } from './status.js';

/** Off only in tests that compare the quiet path with the full one. */
let quietEnabled = true;

/** Whether quiet filters (and the prechecks built on them) are on. */
export function quietFiltersEnabled(): boolean {
  return quietEnabled;
}

/** Turns the quiet path on or off (tests and diagnosis); returns the previous setting. */
export function setQuietFilters(enabled: boolean): boolean {
  const previous = quietEnabled;
  quietEnabled = enabled;
  return previous;
}

const FILTER_RECORDS: Readonly<Record<Status, RecordType>> = {
  PASS: { kind: 'Filter', status: 'PASS' },
  FAIL: { kind: 'Filter', status: 'FAIL' },
  SKIP: { kind: 'Filter', status: 'SKIP' },
};

/** The (immutable, shared) `Filter` record for a status. */
export function filterRecord(status: Status): RecordType {
  return FILTER_RECORDS[status];
}

/**
 * A closed filter node whose children are recorded on first read, by
 * evaluating the filter's clauses again on the same candidate scope.
 */
class DeferredFilterNode implements EventRecord {
  private built: readonly EventRecord[] | null = null;

  /**
   * `candidate` null: `scope` is the candidate's own scope; else `scope` is
   * its parent and the candidate scope is made only if the children are
   * read (filter-precheck.ts decides most candidates without one).
   */
  constructor(
    readonly context: string,
    readonly record: RecordType,
    private readonly conjunctions: Conjunctions<GuardClause>,
    private readonly scope: Scope,
    private readonly candidate: Value | null,
  ) {}

  get children(): readonly EventRecord[] {
    if (this.built === null) {
      const scope = this.candidate === null ? this.scope : this.scope.value(this.candidate);
      const env = scope.env;
      this.built = env.recorder.replay(() => {
        env.evalConjunctions(this.conjunctions, scope);
      });
    }
    return this.built;
  }
}

/**
 * Records the node of a filter whose status was decided without evaluating
 * it (filter-precheck.ts), as runFilter would have recorded it.
 */
export function attachDecidedFilter(
  context: string,
  status: Status,
  conjunctions: Conjunctions<GuardClause>,
  parent: Scope,
  candidate: Value,
): void {
  const rec = parent.env.recorder;
  if (rec.recording) {
    rec.attach(
      new DeferredFilterNode(context, filterRecord(status), conjunctions, parent, candidate),
    );
  }
}

/**
 * What a quiet filter needs, computed once per filter node: the variables
 * that must be settled, each conjunct as its own one-disjunction CNF, and
 * whether any conjunct from a position on could throw (OP-04's `empty` on a
 * scalar, a regex over its time budget): a FAIL may end the evaluation early
 * only when nothing after it could have thrown.
 */
export interface QuietPlan {
  readonly vars: readonly string[];
  readonly conjuncts: readonly Conjunctions<GuardClause>[];
  /** `mayThrowFrom[i]`: some conjunct at index >= i may throw. */
  readonly mayThrowFrom: readonly boolean[];
}

const plans = new WeakMap<Conjunctions<GuardClause>, QuietPlan | null>();

export function quietPlan(conjunctions: Conjunctions<GuardClause>): QuietPlan | null {
  let plan = plans.get(conjunctions);
  if (plan === undefined) {
    const vars: string[] = [];
    plan = conjunctionsAreQuiet(conjunctions, vars)
      ? {
          vars,
          conjuncts: conjunctions.map((d) => [d]),
          mayThrowFrom: suffixFlags(conjunctions.map((d) => !d.every(cannotThrow))),
        }
      : null;
    plans.set(conjunctions, plan);
  }
  return plan;
}

function suffixFlags(flags: readonly boolean[]): boolean[] {
  const out = new Array<boolean>(flags.length + 1).fill(false);
  for (let i = flags.length - 1; i >= 0; i--) out[i] = (flags[i] ?? false) || (out[i + 1] ?? false);
  return out;
}

/**
 * A quiet clause that cannot throw: not `empty` (OP-04 throws on scalars),
 * no regex anywhere (a regex runs under a time budget and may throw), so no
 * variable on either side (it may hold a regex literal), and nested filters
 * likewise.
 */
function cannotThrow(clause: GuardClause): boolean {
  if (clause.kind !== 'AccessClause') return false;
  if (clause.comparator.op === 'Empty') return false;
  if (!partsCannotThrow(clause.query.parts)) return false;
  const rhs = clause.compareWith;
  if (rhs === null) return true;
  switch (rhs.kind) {
    case 'LiteralValue':
      return !hasRegex(rhs.literal);
    case 'QueryValue':
      return partsCannotThrow(rhs.query.parts);
    case 'FunctionCall':
      return false;
  }
}

function partsCannotThrow(parts: readonly QueryPart[]): boolean {
  return parts.every((part) => {
    if (part.kind === 'Variable') return false;
    if (part.kind === 'Filter') return part.conjunctions.every((d) => d.every(cannotThrow));
    return part.kind !== 'MapKeyFilter';
  });
}

function hasRegex(lit: Literal): boolean {
  switch (lit.kind) {
    case 'Regex':
      return true;
    case 'List':
      return lit.items.some(hasRegex);
    case 'Map':
      return lit.entries.some((e) => hasRegex(e.value));
    default:
      return false;
  }
}

function conjunctionsAreQuiet(conjunctions: Conjunctions<GuardClause>, vars: string[]): boolean {
  for (const disjunction of conjunctions) {
    for (const clause of disjunction) {
      if (clause.kind !== 'AccessClause') return false;
      if (!queryIsQuiet(clause.query.parts, vars)) return false;
      if (clause.compareWith !== null && !rhsIsQuiet(clause.compareWith, vars)) return false;
    }
  }
  return true;
}

function rhsIsQuiet(value: LetValue, vars: string[]): boolean {
  switch (value.kind) {
    case 'LiteralValue':
      return true;
    case 'QueryValue':
      return queryIsQuiet(value.query.parts, vars);
    case 'FunctionCall':
      return false;
  }
}

function queryIsQuiet(parts: readonly QueryPart[], vars: string[]): boolean {
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === undefined) return false;
    switch (part.kind) {
      case 'This':
      case 'Key':
      case 'Index':
        break;
      case 'AllIndices':
      case 'AllValues':
        if (part.capture !== null) return false;
        break;
      case 'Variable':
        // Only `%v…` at the start; `.%v` interpolation is left to the full path.
        if (i !== 0) return false;
        vars.push(part.name);
        break;
      case 'Filter':
        if (part.capture !== null || !conjunctionsAreQuiet(part.conjunctions, vars)) return false;
        break;
      case 'MapKeyFilter':
        return false;
    }
  }
  return true;
}

/**
 * The status of a quiet filter, the CNF evaluated conjunct by conjunct with
 * the recorder muted (EVAL-03/04: a conjunction FAILs when any conjunct
 * FAILs, else PASSes when any PASSes), stopping at the first FAIL when no
 * later conjunct could throw; the usual `Type == 'X'` first conjunct then
 * decides most candidates by itself.
 */
function quietStatus(plan: QuietPlan, scope: Scope): Status {
  const env = scope.env;
  const rec = env.recorder;
  let passes = 0;
  let fails = 0;
  for (let i = 0; i < plan.conjuncts.length; i++) {
    const single = plan.conjuncts[i] ?? [];
    let status = quickDisjunction(single[0] ?? [], scope);
    if (status === null) {
      rec.mute();
      try {
        status = env.evalConjunctions(single, scope);
      } finally {
        rec.unmute();
      }
    }
    if (status === 'FAIL') {
      fails++;
      if (!plan.mayThrowFrom[i + 1]) return 'FAIL';
    } else if (status === 'PASS') passes++;
  }
  return fails > 0 ? 'FAIL' : passes > 0 ? 'PASS' : 'SKIP';
}

/** EVAL-03 over quick clauses: first PASS wins; null as soon as one clause is not quick. */
function quickDisjunction(disjunction: readonly GuardClause[], scope: Scope): Status | null {
  let fails = 0;
  for (const clause of disjunction) {
    const status = quickClause(clause, scope);
    if (status === null) return null;
    if (status === 'PASS') return 'PASS';
    if (status === 'FAIL') fails++;
  }
  return fails > 0 ? 'FAIL' : 'SKIP';
}

/**
 * The status of the commonest filter clause, `Key == 'text'` or
 * `Key == %v` with a string literal (243 of the bench rules' filters are
 * `Type == %TYPE`), when the candidate has that key holding a string: then
 * the full evaluation (OP-09 string equality, OP-12 negation, one value so
 * `some` makes no difference, clause-level `not` ignored for binary
 * operators, OP-03) comes down to comparing two strings. Null otherwise.
 */
function quickClause(clause: GuardClause, scope: Scope): Status | null {
  if (clause.kind !== 'AccessClause') return null;
  if (clause.comparator.op !== 'Eq' || clause.query.parts.length !== 1) return null;
  const part = clause.query.parts[0];
  if (part === undefined || part.kind !== 'Key') return null;
  const expected = literalString(clause.compareWith, scope);
  if (expected === null) return null;
  const candidate = scope.root();
  if (candidate.kind !== 'map') return null;
  // A missing key goes through the case-convention fallbacks: full path.
  const actual = candidate.entries.get(part.name);
  if (actual === undefined || actual.kind !== 'string') return null;
  return (actual.value === expected) !== clause.comparator.negated ? 'PASS' : 'FAIL';
}

/** The string of a literal right-hand side (`'x'` or a `%v` holding one string literal). */
export function literalString(rhs: LetValue | null, scope: Scope): string | null {
  if (rhs === null) return null;
  if (rhs.kind === 'LiteralValue') {
    return rhs.literal.kind === 'String' ? rhs.literal.value : null;
  }
  if (rhs.kind !== 'QueryValue' || rhs.query.parts.length !== 1) return null;
  const only = rhs.query.parts[0];
  if (only === undefined || only.kind !== 'Variable') return null;
  // Settled (checked by the caller), so reading it has no side effect.
  const values = scope.resolveVariable(only.name);
  const first = values.length === 1 ? values[0] : undefined;
  if (first === undefined || !first.resolved || first.literal !== true) return null;
  return first.value.kind === 'string' ? first.value.value : null;
}

export function allSettled(vars: readonly string[], scope: Scope): boolean {
  for (let i = 0; i < vars.length; i++) {
    if (!scope.isSettled(vars[i] as string)) return false;
  }
  return true;
}

/**
 * Runs a filter's CNF on one candidate (`scope` is rooted at it) and records
 * the `context` node (`Filter/Map#N`, `Filter/List#N`); returns its status.
 */
export function runFilter(
  conjunctions: Conjunctions<GuardClause>,
  scope: Scope,
  context: string,
): Status {
  const env = scope.env;
  const rec = env.recorder;
  const plan = quietEnabled ? quietPlan(conjunctions) : null;
  if (plan !== null && allSettled(plan.vars, scope)) {
    const status = quietStatus(plan, scope);
    if (rec.recording) {
      rec.attach(new DeferredFilterNode(context, filterRecord(status), conjunctions, scope, null));
    }
    return status;
  }
  rec.start(context);
  const status = env.evalConjunctions(conjunctions, scope);
  rec.end(context, filterRecord(status));
  return status;
}
