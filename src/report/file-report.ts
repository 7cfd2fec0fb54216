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

import { compareCodePoints as compareStrings } from '../eval/compare.js';
import type { EventRecord, FileResult } from '../eval/result.js';
import { clauseReports, messages } from './file-report-clauses.js';
import type { ClauseReport, FileReport } from './file-report-types.js';

export { queryResultDisplay } from './file-report-clauses.js';
export type {
  BinaryClauseReport,
  BinaryReportCheck,
  BlockReport,
  ClauseReport,
  DisjunctionsReport,
  FileReport,
  Messages,
  ReportLocation,
  RuleReport,
  UnaryClauseReport,
  UnaryReportCheck,
} from './file-report-types.js';

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

function assertNever(x: never): never {
  throw new Error(`unexpected event record ${JSON.stringify(x)}`);
}
