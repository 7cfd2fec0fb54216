/**
 * The generic single-line summary (OUT-SLS-01..03): the default console
 * report for data without `Resources` / `resource_changes`, and the fallback
 * of the CFN and Terraform reports (OUT-CFN-06).
 *
 * It reads the record tree directly (not the file report): every failing
 * clause record under a failing rule becomes one line. The reference walks
 * hash maps here, so its rule order is random (GOT-30); tsguard prints
 * evaluation order.
 */
import { stringifyJsonCompact, valueToJson } from '../data/display.js';
import type { Value } from '../data/value.js';
import type { Comparison, EventRecord, FileResult } from '../eval/result.js';
import type { ReportContext } from './types.js';

/** One failing check as the single-line report sees it (the reference's `NameInfo`). */
export interface FailureInfo {
  readonly rule: string;
  readonly path: string;
  /** Compact JSON of the offending value, or null. */
  readonly provided: string | null;
  readonly expected: string | null;
  readonly comparison: Comparison | null;
  readonly message: string;
  /** Set for retrieval errors (unresolved queries, failed rule references with a reason). */
  readonly error: string | null;
}

function json(v: Value): string {
  return stringifyJsonCompact(valueToJson(v));
}

/** Records under a failing rule that yield a line: clause checks and failing rules with a message. */
export function findFailingClauses(node: EventRecord): EventRecord[] {
  const record = node.record;
  if (record !== null) {
    switch (record.kind) {
      case 'Filter':
        return [];
      case 'ClauseValueCheck':
        return record.check.kind === 'Success' ? [] : [node];
      case 'RuleCheck':
        if (record.message !== null && record.status === 'FAIL') return [node];
        break;
      default:
        break;
    }
  }
  return node.children.flatMap(findFailingClauses);
}

const EMPTY: FailureInfo = {
  rule: '',
  path: '',
  provided: null,
  expected: null,
  comparison: null,
  message: '',
  error: null,
};

/** The reference's `extract_name_info_from_record`. */
export function failureInfo(ruleName: string, node: EventRecord): FailureInfo | null {
  const record = node.record;
  if (record === null) return null;
  if (record.kind === 'RuleCheck') {
    return { ...EMPTY, rule: record.name, message: record.message ?? '' };
  }
  if (record.kind !== 'ClauseValueCheck') return null;
  const check = record.check;
  switch (check.kind) {
    case 'Success':
      return null;
    case 'DependentRule':
      return { ...EMPTY, rule: ruleName, error: check.message, message: check.customMessage ?? '' };
    case 'MissingBlockValue': {
      const from = check.value.from;
      return {
        ...EMPTY,
        rule: ruleName,
        error: check.value.message,
        message: check.value.customMessage ?? '',
        path: from.resolved ? '' : from.traversedTo.path,
      };
    }
    case 'Unary': {
      const from = check.value.from;
      const at = from.resolved ? from.value : from.traversedTo;
      return {
        ...EMPTY,
        rule: ruleName,
        comparison: check.comparison,
        // An unresolved value without an evaluator message reports the query's reason.
        error: from.resolved ? check.value.message : (check.value.message ?? from.reason),
        message: check.value.customMessage ?? '',
        provided: json(at),
        path: at.path,
      };
    }
    case 'Comparison': {
      const from = check.from;
      if (!from.resolved) {
        return {
          ...EMPTY,
          rule: ruleName,
          comparison: check.comparison,
          error: check.message ?? from.reason,
          message: check.customMessage ?? '',
          provided: json(from.traversedTo),
          path: from.traversedTo.path,
        };
      }
      const to = check.to;
      return {
        ...EMPTY,
        rule: ruleName,
        comparison: check.comparison,
        error: check.message,
        message: check.customMessage ?? '',
        provided: json(from.value),
        expected: to === null ? null : json(to.resolved ? to.value : to.traversedTo),
        path: from.value.path,
      };
    }
    case 'NoValueForEmptyCheck':
      return {
        ...EMPTY,
        rule: ruleName,
        comparison: { op: 'Empty', negated: false },
        message: check.customMessage ?? '',
      };
    case 'InComparison': {
      const expected = check.to.map((each) =>
        valueToJson(each.resolved ? each.value : each.traversedTo),
      );
      return {
        ...EMPTY,
        rule: ruleName,
        comparison: check.comparison,
        provided: check.from.resolved ? json(check.from.value) : null,
        expected: stringifyJsonCompact(expected),
        // The reference reads the evaluator's message here, not the custom one, and leaves the path empty.
        message: check.message ?? '',
      };
    }
  }
}

type CmpOperator = Comparison['op'];

/** Binary operators; every other operator is unary (the report layer does not import syntax/). */
const BINARY_OPERATORS: ReadonlySet<CmpOperator> = new Set<CmpOperator>([
  'Eq',
  'In',
  'Gt',
  'Lt',
  'Le',
  'Ge',
]);

export function isUnaryOperator(op: CmpOperator): boolean {
  return !BINARY_OPERATORS.has(op);
}

function unaryLineMessage(op: CmpOperator, negated: boolean): string {
  switch (op) {
    case 'Exists':
      return negated ? 'existed' : 'did not exist';
    case 'Empty':
      return negated ? 'was empty' : 'was not empty';
    case 'IsList':
      return negated ? 'was list' : 'was not a list ';
    case 'IsMap':
      return negated ? 'was struct' : 'was not a struct';
    case 'IsString':
      return negated ? 'was string' : 'was not a string ';
    case 'IsBool':
      return negated ? 'was bool' : 'was not a bool';
    case 'IsInt':
      return negated ? 'was int' : 'was not an int';
    case 'IsNull':
      return negated ? 'was null' : 'was not null';
    case 'IsFloat':
      return negated ? 'was float' : 'was not a float';
    default:
      return '';
  }
}

/** One OUT-SLS-03 line. */
export function failureLine(info: FailureInfo, dataFileName: string): string {
  if (info.error !== null) {
    return `Property traversed until [${info.path}] in data [${dataFileName}] is not compliant with [${info.rule}] due to retrieval error. Error Message [${info.error}]`;
  }
  const cmp = info.comparison;
  const msg = info.message.replaceAll('\n', ';');
  if (cmp === null) {
    return `Parameterized Rule ${info.rule} failed for ${dataFileName}. Reason ${msg}`;
  }
  const provided = info.provided ?? 'null';
  if (isUnaryOperator(cmp.op)) {
    return `Property [${info.path}] in data [${dataFileName}] is not compliant with [${info.rule}] because needed value at [${provided}] ${unaryLineMessage(cmp.op, cmp.negated)}. Error Message [${msg}]`;
  }
  const did = cmp.negated ? 'did' : 'did not';
  const match = cmp.op === 'In' ? 'match expected value in' : 'match expected value';
  return `Property [${info.path}] in data [${dataFileName}] is not compliant with [${info.rule}] because provided value [${provided}] ${did} ${match} [${info.expected ?? 'null'}]. Error Message [${msg}]`;
}

/**
 * The generic report text, or `""` when the `-S` gate closes it (OUT-SLS-01):
 * with FAIL selected it prints only if a rule failed; otherwise with PASS
 * selected only if one passed; otherwise with SKIP only if one was skipped.
 */
export function formatGenericReport(result: FileResult, ctx: ReportContext): string {
  const failed = new Map<string, FailureInfo[]>();
  const passed = new Set<string>();
  const skipped = new Set<string>();
  for (const node of result.tree.children) {
    const record = node.record;
    if (record === null || record.kind !== 'RuleCheck') continue;
    if (record.status === 'FAIL') {
      const infos: FailureInfo[] = [];
      for (const clause of findFailingClauses(node)) {
        const info = failureInfo(record.name, clause);
        if (info !== null) infos.push(info);
      }
      // A later rule of the same name replaces the earlier one's lines (a map insert in the reference).
      failed.set(record.name, infos);
    } else if (record.status === 'PASS') {
      passed.add(record.name);
    } else {
      skipped.add(record.name);
    }
  }

  const show = ctx.showSummary;
  const reportable = show.has('fail')
    ? failed.size > 0
    : show.has('pass')
      ? passed.size > 0
      : show.has('skip') && skipped.size > 0;
  if (!reportable) return '';

  const data = ctx.dataFileName;
  const lines = [`Evaluation of rules ${ctx.rulesFileName} against data ${data}`];
  if (show.has('fail')) {
    if (failed.size > 0) lines.push('--');
    for (const infos of failed.values())
      for (const info of infos) lines.push(failureLine(info, data));
  }
  if (show.has('pass')) {
    if (passed.size > 0) lines.push('--');
    for (const name of passed) lines.push(`Rule [${name}] is compliant for template [${data}]`);
  }
  if (show.has('skip')) {
    if (skipped.size > 0) lines.push('--');
    for (const name of skipped)
      lines.push(`Rule [${name}] is not applicable for template [${data}]`);
  }
  lines.push('--');
  return `${lines.join('\n')}\n`;
}
