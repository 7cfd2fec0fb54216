/**
 * `validate -v/--verbose` (CLI-VAL-11, OUT-VERB-01): the evaluation record
 * tree (EVAL-13) as an ASCII tree, one line per node:
 *
 *     `- File(/x/t.yaml, Status=FAIL)[Context=File(rules=1)]
 *        |- Rule(a, Status=PASS)[Context=a]
 *        `- Rule(b, Status=FAIL)[Context=b]
 *
 * `` `- `` marks a last child and `|- ` the others; children of a last
 * child are indented with three spaces, the others with `|  `. The labels
 * are the reference's `Display` of each record type, irregular spacing
 * included (`Status = ` for block records, `Status=` for the rest, the
 * unbalanced `TypeBlock/When Status=PASS)`, the leading space of
 * `Comparison= EQUALS`).
 */
import { formatPathValue } from '../data/display.js';
import { GuardError } from '../diag/errors.js';
import { cmpOperatorName } from '../eval/display.js';
import type { QueryResult } from '../eval/query-result.js';
import type { ClauseCheck, Comparison, EventRecord, RecordType } from '../eval/result.js';
import type { TextChunks, TextSink } from './json-writer.js';

/** `display_comparison`: `" EQUALS"`, or `"not EQUALS"` when negated. */
export function comparisonDisplay(c: Comparison): string {
  return `${c.negated ? 'not' : ''} ${cmpOperatorName(c.op)}`;
}

/**
 * `(resolved, Path=/a[L:1,C:2] Value="x")` or `(unresolved, …)` with the
 * value the query reached. Literals print as resolved, like in the
 * reference's records (see print-json.ts).
 */
export function queryResultDisplay(r: QueryResult): string {
  return r.resolved
    ? `(resolved, ${formatPathValue(r.value)})`
    : `(unresolved, ${formatPathValue(r.traversedTo)})`;
}

/**
 * The reference's `SliceDisplay` over the `in` comparison's right-hand
 * results: joined with `.`, and every `.[` in the whole text (values
 * included) collapsed to `[`, a quirk reproduced on purpose.
 */
function resultsDisplay(results: readonly QueryResult[]): string {
  return results.map(queryResultDisplay).join('.').replaceAll('.[', '[');
}

export function clauseCheckDisplay(check: ClauseCheck): string {
  switch (check.kind) {
    case 'Success':
      return 'GuardClauseValueCheck(Status=PASS)';
    case 'NoValueForEmptyCheck':
      return `GuardClause(Status=FAIL, Empty, ${check.customMessage ?? ''})`;
    case 'MissingBlockValue': {
      const from = check.value.from;
      const path = from.resolved ? '' : from.traversedTo.path;
      return `GuardBlockValueMissing(Status=${check.value.status}, Reason=${check.value.message ?? ''}, ${path})`;
    }
    case 'DependentRule':
      return `GuardClauseDependentRule(Rule=${check.rule}, Status=${check.status})`;
    case 'Unary':
      return `GuardClauseUnaryCheck(Status=${check.value.status}, Comparison=${comparisonDisplay(check.comparison)}, Value-At=${queryResultDisplay(check.value.from)})`;
    case 'Comparison':
      return `GuardClauseBinaryCheck(Status=${check.status}, Comparison=${comparisonDisplay(check.comparison)}, from=${queryResultDisplay(check.from)}, to=${check.to === null ? '' : queryResultDisplay(check.to)})`;
    case 'InComparison':
      return `GuardClauseInBinaryCheck(Status=${check.status}, Comparison=${comparisonDisplay(check.comparison)}, from=${queryResultDisplay(check.from)}, to=${resultsDisplay(check.to)})`;
    default:
      return assertNever(check);
  }
}

export function recordTypeDisplay(record: RecordType): string {
  switch (record.kind) {
    case 'FileCheck':
      return `File(${record.name}, Status=${record.status})`;
    case 'RuleCheck':
      return `Rule(${record.name}, Status=${record.status})`;
    case 'RuleCondition':
      return `Rule/When(Status=${record.status})`;
    case 'TypeCheck':
      return `Type(${record.typeName}, Status=${record.block.status})`;
    case 'TypeCondition':
      return `TypeBlock/When Status=${record.status})`;
    case 'TypeBlock':
      return `TypeBlock/Block Status=${record.status})`;
    case 'Filter':
      return `Filter/ConjunctionsBlock(Status=${record.status})`;
    case 'WhenCheck':
      return `WhenConditionalBlock(Status = ${record.block.status})`;
    case 'WhenCondition':
      return `WhenCondition(Status = ${record.status})`;
    case 'Disjunction':
      return `Disjunction(Status = ${record.block.status})`;
    case 'BlockGuardCheck':
      return `GuardValueBlockCheck(Status = ${record.block.status})`;
    case 'GuardClauseBlockCheck':
      return `GuardClauseBlock(Status = ${record.block.status})`;
    case 'ClauseValueCheck':
      return clauseCheckDisplay(record.check);
    default:
      return assertNever(record);
  }
}

/** One node's label: `<record>[Context=<context>]`. */
export function eventRecordDisplay(node: EventRecord): string {
  if (node.record === null) {
    // The reference unwraps here; a node is only open while evaluation runs.
    throw new GuardError(
      'INTERNAL_ERROR',
      `record "${node.context}" was never closed by the evaluator`,
    );
  }
  return `${recordTypeDisplay(node.record)}[Context=${node.context}]`;
}

/** Appends the tree, one `\n`-terminated line per node, root first. */
export function writeVerboseTree(root: EventRecord, out: TextSink): void {
  // An explicit stack instead of recursion: trees from rules that reference
  // rules (EVAL-08) can nest deeply, and the output must not depend on the
  // JS stack size.
  const stack: { node: EventRecord; prefix: string; isLast: boolean }[] = [
    { node: root, prefix: '', isLast: true },
  ];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, prefix, isLast } = item;
    out.push(prefix, isLast ? '`- ' : '|- ', eventRecordDisplay(node), '\n');
    const childPrefix = prefix + (isLast ? '   ' : '|  ');
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== undefined) {
        stack.push({ node: child, prefix: childPrefix, isLast: i === children.length - 1 });
      }
    }
  }
}

export function formatVerboseTree(root: EventRecord): string {
  const out: TextChunks = [];
  writeVerboseTree(root, out);
  return out.join('');
}

function assertNever(x: never): never {
  throw new GuardError('INTERNAL_ERROR', `unexpected record ${JSON.stringify(x)}`);
}
