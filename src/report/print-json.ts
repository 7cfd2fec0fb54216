/**
 * `validate -p/--print-json` (CLI-VAL-12, OUT-PJ-01): the evaluation record
 * tree (EVAL-13) as serde would serialize the reference's `EventRecord`:
 * `{context, container, children}` at every node, `container` an externally
 * tagged `RecordType` (`{"RuleCheck": {...}}`, `{"Filter": "PASS"}`,
 * `{"ClauseValueCheck": "Success"}`, `{"NoValueForEmptyCheck": null}`),
 * struct fields in the reference's declaration order, `Option` as `null`,
 * `(CmpOperator, bool)` as `["Eq", false]`, values as `{path, value}`.
 */
import { type JsonValue, valueToJson } from '../data/display.js';
import type { Value } from '../data/value.js';
import { GuardError } from '../diag/errors.js';
import type { QueryResult } from '../eval/query-result.js';
import type {
  BlockCheck,
  ClauseCheck,
  Comparison,
  EventRecord,
  NamedStatus,
  RecordType,
  ValueCheck,
} from '../eval/result.js';
import { type TextChunks, type TextSink, writeJson } from './json-writer.js';

/** A path-aware value as its `Serialize` impl writes it: the bare path (no `[L:,C:]`) and the plain value. */
function pathValueJson(v: Value): JsonValue {
  return { path: v.path, value: valueToJson(v) };
}

/**
 * `QueryResult`. A rule literal is recorded as `Resolved` too: the
 * reference's records never carry its `Literal` variant (checked with the
 * reference binary on inline and `let` literals).
 */
export function queryResultJson(r: QueryResult): JsonValue {
  if (r.resolved) return { Resolved: pathValueJson(r.value) };
  return {
    UnResolved: {
      traversed_to: pathValueJson(r.traversedTo),
      remaining_query: r.remainingQuery,
      reason: r.reason,
    },
  };
}

function comparisonJson(c: Comparison): JsonValue {
  return [c.op, c.negated];
}

function namedStatusJson(s: NamedStatus): JsonValue {
  return { name: s.name, status: s.status, message: s.message };
}

function blockJson(b: BlockCheck): JsonValue {
  return { at_least_one_matches: b.atLeastOneMatches, status: b.status, message: b.message };
}

function valueCheckJson(v: ValueCheck): JsonValue {
  return {
    from: queryResultJson(v.from),
    message: v.message,
    custom_message: v.customMessage,
    status: v.status,
  };
}

export function clauseCheckJson(check: ClauseCheck): JsonValue {
  switch (check.kind) {
    case 'Success':
      return 'Success';
    case 'Comparison':
      return {
        Comparison: {
          comparison: comparisonJson(check.comparison),
          from: queryResultJson(check.from),
          to: check.to === null ? null : queryResultJson(check.to),
          message: check.message,
          custom_message: check.customMessage,
          status: check.status,
        },
      };
    case 'InComparison':
      return {
        InComparison: {
          comparison: comparisonJson(check.comparison),
          from: queryResultJson(check.from),
          to: check.to.map(queryResultJson),
          message: check.message,
          custom_message: check.customMessage,
          status: check.status,
        },
      };
    case 'Unary':
      return {
        Unary: {
          value: valueCheckJson(check.value),
          comparison: comparisonJson(check.comparison),
        },
      };
    case 'NoValueForEmptyCheck':
      return { NoValueForEmptyCheck: check.customMessage };
    case 'DependentRule':
      return {
        DependentRule: {
          rule: check.rule,
          message: check.message,
          custom_message: check.customMessage,
          status: check.status,
        },
      };
    case 'MissingBlockValue':
      return { MissingBlockValue: valueCheckJson(check.value) };
    default:
      return assertNever(check);
  }
}

export function recordTypeJson(record: RecordType): JsonValue {
  switch (record.kind) {
    case 'FileCheck':
      return { FileCheck: namedStatusJson(record) };
    case 'RuleCheck':
      return { RuleCheck: namedStatusJson(record) };
    case 'RuleCondition':
      return { RuleCondition: record.status };
    case 'TypeCheck':
      return { TypeCheck: { type_name: record.typeName, block: blockJson(record.block) } };
    case 'TypeCondition':
      return { TypeCondition: record.status };
    case 'TypeBlock':
      return { TypeBlock: record.status };
    case 'Filter':
      return { Filter: record.status };
    case 'WhenCheck':
      return { WhenCheck: blockJson(record.block) };
    case 'WhenCondition':
      return { WhenCondition: record.status };
    case 'Disjunction':
      return { Disjunction: blockJson(record.block) };
    case 'BlockGuardCheck':
      return { BlockGuardCheck: blockJson(record.block) };
    case 'GuardClauseBlockCheck':
      return { GuardClauseBlockCheck: blockJson(record.block) };
    case 'ClauseValueCheck':
      return { ClauseValueCheck: clauseCheckJson(record.check) };
    default:
      return assertNever(record);
  }
}

/** The whole tree as a JSON value (`container` is `null` for a node left open). */
export function eventRecordJson(node: EventRecord): JsonValue {
  return {
    context: node.context,
    container: node.record === null ? null : recordTypeJson(node.record),
    children: node.children.map(eventRecordJson),
  };
}

/**
 * Appends what `-p` prints for one (rules file, data file) pair: the pretty
 * JSON of the tree followed by one newline (the reference's `writeln!`).
 * Throws the `valueToJson` error for values JSON cannot hold (inf/NaN).
 */
export function writePrintJson(root: EventRecord, out: TextSink): void {
  writeJson(eventRecordJson(root), out);
  out.push('\n');
}

export function formatPrintJson(root: EventRecord): string {
  const out: TextChunks = [];
  writePrintJson(root, out);
  return out.join('');
}

function assertNever(x: never): never {
  throw new GuardError('INTERNAL_ERROR', `unexpected record ${JSON.stringify(x)}`);
}
