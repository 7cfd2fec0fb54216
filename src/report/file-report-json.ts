/**
 * The serde shape of a file report (OUT-JSON-01) as a `JsonValue` tree, so
 * the JSON writer (`stringifyJsonPretty`) and a YAML writer print the same
 * document. Externally tagged enums (`{"Rule": {…}}`, `{"Clause": {"Binary":
 * {…}}}`) and field order follow the reference byte for byte: Binary is
 * `context, messages, check` while Unary is `check, context, messages`.
 * `Messages.location` is never serialized.
 */
import { type JsonValue, valueToJson } from '../data/display.js';
import type { Value } from '../data/value.js';
import type { Unresolved } from '../eval/query-result.js';
import type { Comparison } from '../eval/result.js';
import { combineStatus } from '../eval/status.js';
import {
  type BinaryReportCheck,
  type ClauseReport,
  type FileReport,
  type Messages,
  sortedNameSet,
  type UnaryReportCheck,
} from './file-report.js';
import { JsonLazyArray } from './json-writer.js';

/** A path-aware value as the reference serializes it: `{path, value}`. */
export function pathValueToJson(v: Value): JsonValue {
  return { path: v.path, value: valueToJson(v) };
}

export function unresolvedToJson(u: Unresolved): JsonValue {
  return {
    traversed_to: pathValueToJson(u.traversedTo),
    remaining_query: u.remainingQuery,
    reason: u.reason,
  };
}

/** `["Eq", false]`. */
export function comparisonToJson(c: Comparison): JsonValue {
  return [c.op, c.negated];
}

function messagesToJson(m: Messages): JsonValue {
  return { custom_message: m.customMessage, error_message: m.errorMessage };
}

function metadataToJson(metadata: ReadonlyMap<string, string>): JsonValue {
  return new Map(metadata);
}

function unaryCheckToJson(check: UnaryReportCheck): JsonValue {
  switch (check.kind) {
    case 'Resolved':
      return {
        Resolved: {
          value: pathValueToJson(check.value),
          comparison: comparisonToJson(check.comparison),
        },
      };
    case 'UnResolved':
      return {
        UnResolved: {
          value: unresolvedToJson(check.value),
          comparison: comparisonToJson(check.comparison),
        },
      };
    case 'UnResolvedContext':
      return { UnResolvedContext: check.context };
  }
}

function binaryCheckToJson(check: BinaryReportCheck): JsonValue {
  switch (check.kind) {
    case 'Resolved':
      return {
        Resolved: {
          from: pathValueToJson(check.from),
          to: pathValueToJson(check.to),
          comparison: comparisonToJson(check.comparison),
        },
      };
    case 'InResolved':
      return {
        InResolved: {
          from: pathValueToJson(check.from),
          to: check.to.map(pathValueToJson),
          comparison: comparisonToJson(check.comparison),
        },
      };
    case 'UnResolved':
      return {
        UnResolved: {
          value: unresolvedToJson(check.value),
          comparison: comparisonToJson(check.comparison),
        },
      };
  }
}

export function clauseReportToJson(report: ClauseReport): JsonValue {
  switch (report.kind) {
    case 'Rule':
      return {
        Rule: {
          name: report.name,
          metadata: metadataToJson(report.metadata),
          messages: messagesToJson(report.messages),
          checks: report.checks.map(clauseReportToJson),
        },
      };
    case 'Disjunctions':
      return { Disjunctions: { checks: report.checks.map(clauseReportToJson) } };
    case 'Block':
      return {
        Block: {
          context: report.context,
          messages: messagesToJson(report.messages),
          unresolved: report.unresolved === null ? null : unresolvedToJson(report.unresolved),
        },
      };
    case 'UnaryClause':
      return {
        Clause: {
          Unary: {
            check: unaryCheckToJson(report.check),
            context: report.context,
            messages: messagesToJson(report.messages),
          },
        },
      };
    case 'BinaryClause':
      return {
        Clause: {
          Binary: {
            context: report.context,
            messages: messagesToJson(report.messages),
            check: binaryCheckToJson(report.check),
          },
        },
      };
  }
}

/** The whole report object (OUT-JSON-01); write it with `stringifyJsonPretty` (no trailing newline). */
export function fileReportToJson(report: FileReport): JsonValue {
  return {
    name: report.name,
    metadata: metadataToJson(report.metadata),
    status: report.status,
    not_compliant: report.notCompliant.map(clauseReportToJson),
    not_applicable: [...report.notApplicable],
    compliant: [...report.compliant],
  };
}

/**
 * `fileReportToJson` for the JSON writer only: the failures are converted
 * one at a time while they are printed (`JsonLazyArray`), so the JSON tree
 * of a report of a gigabyte never exists whole. Same members, same order.
 */
export function fileReportToStreamingJson(report: FileReport): JsonValue {
  const failures = report.notCompliant;
  const lazy = new JsonLazyArray(failures.length, (i) => {
    const each = failures[i];
    return each === undefined ? null : clauseReportToJson(each);
  });
  return {
    name: report.name,
    metadata: metadataToJson(report.metadata),
    status: report.status,
    not_compliant: lazy as unknown as JsonValue,
    not_applicable: [...report.notApplicable],
    compliant: [...report.compliant],
  };
}

/**
 * Merge the reports of several rules files on the same data file
 * (structured mode, EVAL-11): FAIL dominates, failures are concatenated in
 * order, name sets united. Both reports must name the same data file.
 */
export function combineFileReports(a: FileReport, b: FileReport): FileReport {
  const metadata = new Map(a.metadata);
  for (const [key, value] of b.metadata) metadata.set(key, value);
  return {
    name: a.name,
    metadata,
    status: combineStatus(a.status, b.status),
    notCompliant: [...a.notCompliant, ...b.notCompliant],
    notApplicable: sortedNameSet([...a.notApplicable, ...b.notApplicable]),
    compliant: sortedNameSet([...a.compliant, ...b.compliant]),
  };
}
