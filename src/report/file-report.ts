/**
 * The reference's `FileReport` (OUT-JSON-01): the failures of one rules file
 * against one data document, simplified from the record tree (EVAL-13) into
 * rules, disjunctions, blocks and clauses, each failing clause carrying the
 * exact `error_message` text of OUT-JSON-04. Every machine-readable report
 * (`-o json|yaml`, structured, JUnit, SARIF) and the CloudFormation /
 * Terraform console reports are derived from it.
 *
 * Derivation (behaviour of the reference's `simplified_json_from_root`):
 * only FAIL records contribute; a failing rule becomes a `Rule` report whose
 * checks are collected from its subtree; `or` groups become `Disjunctions`;
 * type blocks, `when` blocks and clause blocks are transparent; conditions
 * and filters contribute nothing.
 */
import { formatPathValue, formatValuePath } from '../data/display.js';
import type { Value } from '../data/value.js';
import { compareCodePoints as compareStrings } from '../eval/compare.js';
import type { QueryResult, Unresolved } from '../eval/query-result.js';
import type { ClauseCheck, Comparison, EventRecord, FileResult } from '../eval/result.js';
import type { Status } from '../eval/status.js';

/** Where the reference recorded the offending data (0-based, GOT-29); used by SARIF regions. */
export interface ReportLocation {
  readonly line: number;
  readonly col: number;
}

/**
 * `custom_message` / `error_message`. `location` is never serialized; the
 * reference keeps it for SARIF (OUT-SARIF-04), `null` where it records none.
 */
export interface Messages {
  readonly customMessage: string | null;
  readonly errorMessage: string | null;
  readonly location: ReportLocation | null;
}

export type UnaryReportCheck =
  | { readonly kind: 'Resolved'; readonly value: Value; readonly comparison: Comparison }
  | { readonly kind: 'UnResolved'; readonly value: Unresolved; readonly comparison: Comparison }
  /** A rule reference or an empty variable: only a context text, no value. */
  | { readonly kind: 'UnResolvedContext'; readonly context: string };

export type BinaryReportCheck =
  | {
      readonly kind: 'Resolved';
      readonly from: Value;
      readonly to: Value;
      readonly comparison: Comparison;
    }
  | {
      readonly kind: 'InResolved';
      readonly from: Value;
      readonly to: readonly Value[];
      readonly comparison: Comparison;
    }
  | { readonly kind: 'UnResolved'; readonly value: Unresolved; readonly comparison: Comparison };

export interface RuleReport {
  readonly kind: 'Rule';
  readonly name: string;
  /** Always empty in the reference output (`"metadata": {}`). */
  readonly metadata: ReadonlyMap<string, string>;
  readonly messages: Messages;
  readonly checks: readonly ClauseReport[];
}

export interface DisjunctionsReport {
  readonly kind: 'Disjunctions';
  readonly checks: readonly ClauseReport[];
}

export interface BlockReport {
  readonly kind: 'Block';
  readonly context: string;
  readonly messages: Messages;
  readonly unresolved: Unresolved | null;
}

/** `{"Clause": {"Unary": …}}` in the reference's JSON. */
export interface UnaryClauseReport {
  readonly kind: 'UnaryClause';
  readonly context: string;
  readonly messages: Messages;
  readonly check: UnaryReportCheck;
}

/** `{"Clause": {"Binary": …}}` in the reference's JSON. */
export interface BinaryClauseReport {
  readonly kind: 'BinaryClause';
  readonly context: string;
  readonly messages: Messages;
  readonly check: BinaryReportCheck;
}

export type ClauseReport =
  | RuleReport
  | DisjunctionsReport
  | BlockReport
  | UnaryClauseReport
  | BinaryClauseReport;

export interface FileReport {
  /** The data file name (the `FileCheck` record's name). */
  readonly name: string;
  readonly metadata: ReadonlyMap<string, string>;
  readonly status: Status;
  readonly notCompliant: readonly ClauseReport[];
  /** SKIP rule names, sorted by code point and de-duplicated (a BTreeSet in the reference). */
  readonly notApplicable: readonly string[];
  /** PASS rule names, sorted and de-duplicated. */
  readonly compliant: readonly string[];
}

const NO_METADATA: ReadonlyMap<string, string> = new Map();

/**
 * Code-point order, as Rust's `String` ordering (UTF-8 byte order) sorts:
 * the evaluator's unit-by-unit comparison (no per-call arrays; it was 10 %
 * of a 446-rule run when it spread both strings into characters).
 */
export const compareCodePoints: (a: string, b: string) => number = compareStrings;

/** Sorted, de-duplicated names (BTreeSet semantics). */
export function sortedNameSet(names: Iterable<string>): string[] {
  // Most pairs have zero or one name in a list: no set, no sort.
  if (Array.isArray(names)) {
    const list = names as readonly string[];
    if (list.length === 0) return [];
    if (list.length === 1) return [list[0] as string];
  }
  return [...new Set(names)].sort(compareCodePoints);
}

// ---------------------------------------------------------------------------
// Message texts (OUT-JSON-04)

/** The wording after `property value [...]` for a failed binary comparison. */
function binaryOpMessage(c: Comparison): string {
  switch (c.op) {
    case 'Eq':
      return c.negated ? 'equal to' : 'not equal to';
    case 'Le':
      return c.negated ? 'less than equal to' : 'not less than equal to';
    case 'Lt':
      return c.negated ? 'less than' : 'not less than';
    // The reference drops the trailing "to" here (sic).
    case 'Ge':
      return c.negated ? 'greater than equal to' : 'not greater than equal';
    case 'Gt':
      return c.negated ? 'greater than' : 'not greater than';
    case 'In':
      return c.negated ? 'in' : 'not in';
    default:
      // A unary operator never reaches a binary comparison record.
      return c.negated ? 'did match' : 'did not match';
  }
}

/** The wording of a failed unary check in the file report (differs from OUT-SLS's on purpose). */
function unaryReportOpMessage(c: Comparison): string {
  const n = c.negated;
  switch (c.op) {
    case 'Exists':
      return n ? 'existed' : 'did not exist';
    case 'Empty':
      return n ? 'was empty' : 'was not empty';
    case 'IsList':
      return n ? 'was a list ' : 'was not list';
    case 'IsMap':
      return n ? 'was a struct' : 'was not struct';
    case 'IsString':
      return n ? 'was a string ' : 'was not string';
    case 'IsInt':
      return n ? 'was int' : 'was not int';
    case 'IsBool':
      return n ? 'was bool' : 'was not bool';
    case 'IsNull':
      return n ? 'was null' : 'was not null';
    default:
      // IsFloat, and the reference's catch-all for anything else.
      return n ? 'was float' : 'was not float';
  }
}

/** `(resolved, Path=… Value=…)`, the reference's display of one query result. */
export function queryResultDisplay(r: QueryResult): string {
  return r.resolved
    ? `(resolved, ${formatPathValue(r.value)})`
    : `(unresolved, ${formatPathValue(r.traversedTo)})`;
}

function locationOf(v: Value): ReportLocation {
  return { line: v.line, col: v.col };
}

const ORIGIN: ReportLocation = { line: 0, col: 0 };

// ---------------------------------------------------------------------------
// Derivation

function messages(
  customMessage: string | null,
  errorMessage: string | null,
  location: ReportLocation | null = null,
): Messages {
  return { customMessage, errorMessage, location };
}

/**
 * Messages whose error text is written each time it is read. These texts
 * embed displays of whole values (a resource map, a list of every logical
 * id); the structured report of a large template holds millions of them
 * until it is printed, so they are not kept as strings.
 */
class DeferredMessages implements Messages {
  constructor(
    readonly customMessage: string | null,
    private readonly text: () => string,
    readonly location: ReportLocation | null,
  ) {}

  get errorMessage(): string {
    return this.text();
  }
}

function lazyMessages(
  customMessage: string | null,
  errorMessage: () => string,
  location: ReportLocation | null = null,
): Messages {
  return new DeferredMessages(customMessage, errorMessage, location);
}

function clauseReports(check: ClauseCheck, context: string): ClauseReport[] {
  switch (check.kind) {
    case 'Success':
      return [];
    case 'NoValueForEmptyCheck':
      return [
        {
          kind: 'UnaryClause',
          context,
          check: { kind: 'UnResolvedContext', context },
          messages: messages(
            (check.customMessage ?? '').replaceAll('\n', ';'),
            `Check was not compliant as variable in context [${context}] was not empty`,
          ),
        },
      ];
    case 'DependentRule':
      return [
        {
          kind: 'UnaryClause',
          context,
          check: { kind: 'UnResolvedContext', context: check.rule },
          messages: messages(
            check.customMessage ?? '',
            `Check was not compliant as dependent rule [${check.rule}] did not PASS. Context [${context}]`,
          ),
        },
      ];
    case 'MissingBlockValue': {
      const from = check.value.from;
      // The evaluator records this only for an unresolved block query.
      if (from.resolved) return [];
      return [
        {
          kind: 'Block',
          context,
          unresolved: from,
          messages: lazyMessages(
            check.value.customMessage ?? '',
            () =>
              `Check was not compliant as property [${from.remainingQuery}] is missing. Value traversed to [${formatPathValue(from.traversedTo)}]`,
          ),
        },
      ];
    }
    case 'Unary': {
      const value = check.value;
      if (value.status !== 'FAIL') return [];
      const err = value.message === null ? '' : `Error = [${value.message}]`;
      const custom = value.customMessage ?? '';
      const from = value.from;
      if (from.resolved) {
        return [
          {
            kind: 'UnaryClause',
            context,
            check: { kind: 'Resolved', value: from.value, comparison: check.comparison },
            // The reference records no data location for a resolved unary value.
            messages: lazyMessages(
              custom,
              () =>
                `Check was not compliant as property [${formatValuePath(from.value)}] ${unaryReportOpMessage(check.comparison)}.${err}`,
              ORIGIN,
            ),
          },
        ];
      }
      return [
        {
          kind: 'UnaryClause',
          context,
          check: { kind: 'UnResolved', value: from, comparison: check.comparison },
          messages: lazyMessages(
            custom,
            () =>
              `Check was not compliant as property [${from.remainingQuery}] is missing. Value traversed to [${formatPathValue(from.traversedTo)}].${err}`,
            locationOf(from.traversedTo),
          ),
        },
      ];
    }
    case 'Comparison': {
      if (check.status !== 'FAIL') return [];
      const custom = check.customMessage ?? '';
      const err = check.message === null ? '' : ` Error = [${check.message}]`;
      const from = check.from;
      if (!from.resolved) {
        return [
          {
            kind: 'BinaryClause',
            context,
            check: { kind: 'UnResolved', value: from, comparison: check.comparison },
            messages: lazyMessages(
              custom,
              () =>
                `Check was not compliant as property [${from.remainingQuery}] to compare from is missing. Value traversed to [${formatPathValue(from.traversedTo)}].${err}`,
              locationOf(from.traversedTo),
            ),
          },
        ];
      }
      const to = check.to;
      // A resolved LHS without an RHS record contributes nothing (as in the reference).
      if (to === null) return [];
      if (!to.resolved) {
        return [
          {
            kind: 'BinaryClause',
            context,
            check: { kind: 'UnResolved', value: to, comparison: check.comparison },
            messages: lazyMessages(
              custom,
              () =>
                `Check was not compliant as property [${to.remainingQuery}] to compare to is missing. Value traversed to [${formatPathValue(to.traversedTo)}].${err}`,
              locationOf(to.traversedTo),
            ),
          },
        ];
      }
      return [
        {
          kind: 'BinaryClause',
          context,
          check: { kind: 'Resolved', from: from.value, to: to.value, comparison: check.comparison },
          // The reference records the RHS location here, not the LHS one.
          messages: lazyMessages(
            custom,
            () =>
              `Check was not compliant as property value [${formatPathValue(from.value)}] ${binaryOpMessage(check.comparison)} value [${formatPathValue(to.value)}].${err}`,
            locationOf(to.value),
          ),
        },
      ];
    }
    case 'InComparison': {
      if (check.status !== 'FAIL') return [];
      const fromValue = check.from.resolved ? check.from.value : check.from.traversedTo;
      const targets: Value[] = [];
      for (const each of check.to) if (each.resolved) targets.push(each.value);
      return [
        {
          kind: 'BinaryClause',
          context,
          check: { kind: 'InResolved', from: fromValue, to: targets, comparison: check.comparison },
          // `null`, not `""`, when there is no custom message (OUT-JSON-04).
          messages: lazyMessages(
            check.customMessage,
            () =>
              `Check was not compliant as property [${formatValuePath(fromValue)}] was not present in [${check.to.map(queryResultDisplay).join('.')}]`,
            locationOf(fromValue),
          ),
        },
      ];
    }
    default:
      return assertNever(check);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected clause check ${JSON.stringify(x)}`);
}

/** Failing checks under a list of sibling records, in evaluation order. */
export function reportFailedClauses(records: readonly EventRecord[]): ClauseReport[] {
  const out: ClauseReport[] = [];
  for (const node of records) {
    const record = node.record;
    if (record === null) continue;
    switch (record.kind) {
      case 'RuleCheck':
        if (record.status === 'FAIL') {
          out.push({
            kind: 'Rule',
            name: record.name,
            metadata: NO_METADATA,
            messages: messages(record.message, null),
            checks: reportFailedClauses(node.children),
          });
        }
        break;
      case 'BlockGuardCheck':
        if (record.block.status === 'FAIL') {
          if (node.children.length === 0) {
            out.push({
              kind: 'Block',
              context: node.context,
              unresolved: null,
              messages: messages(null, 'query for block clause did not retrieve any value'),
            });
          } else {
            out.push(...reportFailedClauses(node.children));
          }
        }
        break;
      case 'Disjunction':
        if (record.block.status === 'FAIL') {
          out.push({ kind: 'Disjunctions', checks: reportFailedClauses(node.children) });
        }
        break;
      case 'GuardClauseBlockCheck':
      case 'WhenCheck':
      case 'TypeCheck':
        if (record.block.status === 'FAIL') out.push(...reportFailedClauses(node.children));
        break;
      case 'TypeBlock':
        if (record.status === 'FAIL') out.push(...reportFailedClauses(node.children));
        break;
      case 'ClauseValueCheck':
        out.push(...clauseReports(record.check, node.context));
        break;
      // Conditions and filters decide applicability; they are never reported.
      case 'FileCheck':
      case 'RuleCondition':
      case 'TypeCondition':
      case 'Filter':
      case 'WhenCondition':
        break;
      default:
        assertNever(record);
    }
  }
  return out;
}

/** The file report of one evaluation (OUT-JSON-01). */
export function buildFileReport(result: FileResult): FileReport {
  const root = result.tree;
  const name =
    root.record !== null && root.record.kind === 'FileCheck'
      ? root.record.name
      : result.dataFileName;
  const status =
    root.record !== null && root.record.kind === 'FileCheck' ? root.record.status : result.status;
  const pass: string[] = [];
  const skip: string[] = [];
  for (const child of root.children) {
    const record = child.record;
    if (record === null || record.kind !== 'RuleCheck') continue;
    if (record.status === 'PASS') pass.push(record.name);
    else if (record.status === 'SKIP') skip.push(record.name);
  }
  return {
    name,
    metadata: NO_METADATA,
    status,
    notCompliant: reportFailedClauses(root.children),
    notApplicable: sortedNameSet(skip),
    compliant: sortedNameSet(pass),
  };
}
