/**
 * The shape of the reference's `FileReport` (OUT-JSON-01): rules,
 * disjunctions, blocks and clauses with their messages. Built by
 * ./file-report.ts, printed by every machine-readable reporter.
 */
import type { Value } from '../data/value.js';
import type { Unresolved } from '../eval/query-result.js';
import type { Comparison } from '../eval/result.js';
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
