/**
 * The one result tree every reporter reads (EVAL-13). It mirrors the
 * reference's event records node for node: each node has the context string
 * the reference prints (`GuardAccessClause#block …`, `Filter/Map#1`, rule
 * names, …), the record that closed it, and its children in evaluation order.
 * Print-json (OUT-PJ) is a direct serialisation of this tree; the verbose
 * tree, the structured JSON/YAML report, the CloudFormation console report,
 * JUnit and SARIF are all derived from it.
 *
 * Lazy evaluation shows in the tree exactly as in the reference: a variable
 * or a referenced rule is recorded where it is first evaluated (EVAL-08).
 */
import type { CmpOperator } from '../syntax/ast.js';
import type { QueryResult } from './query-result.js';
import type { Status } from './status.js';

/** `(operator, negated)`; print-json writes it as `["Eq", false]`. */
export interface Comparison {
  readonly op: CmpOperator;
  readonly negated: boolean;
}

/** The reference's `BlockCheck`. */
export interface BlockCheck {
  readonly status: Status;
  readonly atLeastOneMatches: boolean;
  readonly message: string | null;
}

/** One file × one document (`FileCheck`), one rule (`RuleCheck`). */
export interface NamedStatus {
  readonly name: string;
  readonly status: Status;
  readonly message: string | null;
}

/** Binary comparison that failed (`ClauseCheck::Comparison`). `to` is null when the LHS did not resolve. */
export interface ComparisonCheck {
  readonly kind: 'Comparison';
  readonly comparison: Comparison;
  readonly from: QueryResult;
  readonly to: QueryResult | null;
  readonly message: string | null;
  readonly customMessage: string | null;
  readonly status: Status;
}

/** Failed `in` (`ClauseCheck::InComparison`): every RHS value the LHS was compared with. */
export interface InComparisonCheck {
  readonly kind: 'InComparison';
  readonly comparison: Comparison;
  readonly from: QueryResult;
  readonly to: readonly QueryResult[];
  readonly message: string | null;
  readonly customMessage: string | null;
  readonly status: Status;
}

/** The reference's `ValueCheck`. */
export interface ValueCheck {
  readonly from: QueryResult;
  readonly message: string | null;
  readonly customMessage: string | null;
  readonly status: Status;
}

/** Failed unary check (`ClauseCheck::Unary`). */
export interface UnaryCheck {
  readonly kind: 'Unary';
  readonly comparison: Comparison;
  readonly value: ValueCheck;
}

export type ClauseCheck =
  | { readonly kind: 'Success' }
  | ComparisonCheck
  | InComparisonCheck
  | UnaryCheck
  /** `%v !empty` (or a filter) that selected nothing (OP-05). */
  | { readonly kind: 'NoValueForEmptyCheck'; readonly customMessage: string | null }
  /** A named-rule reference that did not hold (EVAL-07). */
  | {
      readonly kind: 'DependentRule';
      readonly rule: string;
      readonly message: string | null;
      readonly customMessage: string | null;
      readonly status: Status;
    }
  /** An unresolved value selected by a query block (EVAL-06). */
  | { readonly kind: 'MissingBlockValue'; readonly value: ValueCheck };

export type RecordType =
  | ({ readonly kind: 'FileCheck' } & NamedStatus)
  | ({ readonly kind: 'RuleCheck' } & NamedStatus)
  | { readonly kind: 'RuleCondition'; readonly status: Status }
  | { readonly kind: 'TypeCheck'; readonly typeName: string; readonly block: BlockCheck }
  | { readonly kind: 'TypeCondition'; readonly status: Status }
  | { readonly kind: 'TypeBlock'; readonly status: Status }
  | { readonly kind: 'Filter'; readonly status: Status }
  | { readonly kind: 'WhenCheck'; readonly block: BlockCheck }
  | { readonly kind: 'WhenCondition'; readonly status: Status }
  | { readonly kind: 'Disjunction'; readonly block: BlockCheck }
  | { readonly kind: 'BlockGuardCheck'; readonly block: BlockCheck }
  | { readonly kind: 'GuardClauseBlockCheck'; readonly block: BlockCheck }
  | { readonly kind: 'ClauseValueCheck'; readonly check: ClauseCheck };

export type RecordKind = RecordType['kind'];

/** One node of the tree. `record` is only null while a node is still open. */
export interface EventRecord {
  readonly context: string;
  readonly record: RecordType | null;
  readonly children: readonly EventRecord[];
}

/** The result of one rules file against one data document (EVAL-10). */
export interface FileResult {
  readonly status: Status;
  /** The `FileCheck` root node; its children are the top-level rules in order. */
  readonly tree: EventRecord;
  /** Status per evaluated (non-parameterized) rule, in evaluation order; duplicates kept (DSL-14). */
  readonly rules: readonly RuleStatus[];
  readonly rulesFileName: string;
  readonly dataFileName: string;
}

export interface RuleStatus {
  readonly name: string;
  readonly status: Status;
}

/** Status of any closed record, where it has one (ClauseValueCheck: Success → PASS, the rest carry it). */
export function recordStatus(record: RecordType): Status {
  switch (record.kind) {
    case 'FileCheck':
    case 'RuleCheck':
    case 'RuleCondition':
    case 'TypeCondition':
    case 'TypeBlock':
    case 'Filter':
    case 'WhenCondition':
      return record.status;
    case 'TypeCheck':
    case 'WhenCheck':
    case 'Disjunction':
    case 'BlockGuardCheck':
    case 'GuardClauseBlockCheck':
      return record.block.status;
    case 'ClauseValueCheck':
      switch (record.check.kind) {
        case 'Success':
          return 'PASS';
        case 'NoValueForEmptyCheck':
          return 'FAIL';
        case 'MissingBlockValue':
          return record.check.value.status;
        case 'Unary':
          return record.check.value.status;
        case 'Comparison':
        case 'InComparison':
        case 'DependentRule':
          return record.check.status;
      }
  }
}
