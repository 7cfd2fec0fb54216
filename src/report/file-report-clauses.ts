/**
 * One failed clause check → its `ClauseReport`s, with the exact
 * `error_message` texts of OUT-JSON-04 (written lazily: they embed whole
 * value displays). Used by ./file-report.ts's derivation.
 */
import { formatPathValue, formatValuePath } from '../data/display.js';
import type { Value } from '../data/value.js';
import type { QueryResult, Unresolved } from '../eval/query-result.js';
import type { ClauseCheck, Comparison } from '../eval/result.js';
import type { ClauseReport, Messages, ReportLocation } from './file-report-types.js';

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

export function messages(
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

export function clauseReports(check: ClauseCheck, context: string): ClauseReport[] {
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
        unresolvedReport('UnaryClause', context, from, check.comparison, custom, 'is missing', err),
      ];
    }
    case 'Comparison': {
      if (check.status !== 'FAIL') return [];
      const custom = check.customMessage ?? '';
      const err = check.message === null ? '' : ` Error = [${check.message}]`;
      const from = check.from;
      if (!from.resolved) {
        const missing = 'to compare from is missing';
        return [
          unresolvedReport('BinaryClause', context, from, check.comparison, custom, missing, err),
        ];
      }
      const to = check.to;
      // A resolved LHS without an RHS record contributes nothing (as in the reference).
      if (to === null) return [];
      if (!to.resolved) {
        const missing = 'to compare to is missing';
        return [
          unresolvedReport('BinaryClause', context, to, check.comparison, custom, missing, err),
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

/**
 * A clause one of whose sides did not resolve; `missing` is the reference's
 * phrase for which side (`is missing`, `to compare from is missing`, …) and
 * `err` its error suffix, whose spacing differs between unary and binary
 * clauses.
 */
function unresolvedReport(
  kind: 'UnaryClause' | 'BinaryClause',
  context: string,
  value: Unresolved,
  comparison: Comparison,
  custom: string,
  missing: string,
  err: string,
): ClauseReport {
  const check = { kind: 'UnResolved', value, comparison } as const;
  const messages = lazyMessages(
    custom,
    () =>
      `Check was not compliant as property [${value.remainingQuery}] ${missing}. Value traversed to [${formatPathValue(value.traversedTo)}].${err}`,
    locationOf(value.traversedTo),
  );
  return kind === 'UnaryClause'
    ? { kind, context, check, messages }
    : { kind, context, check, messages };
}
