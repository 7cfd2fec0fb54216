/**
 * Builders for hand-made result trees: real values come from a small YAML
 * document (so paths and 0-based positions are the loader's), records are
 * assembled node by node like the evaluator's recorder would.
 */
import { loadDataDocument } from '../../../src/data/load-data.js';
import type { Value } from '../../../src/data/value.js';
import {
  literalResult,
  type QueryResult,
  resolved,
  unresolved,
} from '../../../src/eval/query-result.js';
import type {
  ClauseCheck,
  Comparison,
  EventRecord,
  FileResult,
  RecordType,
} from '../../../src/eval/result.js';
import type { Status } from '../../../src/eval/status.js';
import { indexByPath } from '../../../src/report/tf.js';

export const TEMPLATE = `Parameters:
  P:
    Type: String
Resources:
  B:
    Type: AWS::S3::Bucket
    Metadata:
      aws:cdk:path: Stack/B/Resource
    Properties:
      BucketName: foo
      Tags:
        - Key: a
          Value: b
  Q:
    Type: AWS::SQS::Queue
    Properties:
      Name: q
`;

export function load(
  text: string,
  name = 'data.yaml',
): { root: Value; at: (path: string) => Value } {
  const root = loadDataDocument(text, name);
  const index = indexByPath(root);
  return {
    root,
    at(path: string): Value {
      const v = index.get(path);
      if (v === undefined) throw new Error(`no value at ${path}`);
      return v;
    },
  };
}

export function lit(value: Value): QueryResult {
  return literalResult(value);
}

export function str(value: string): Value {
  return { kind: 'string', value, path: '', line: 0, col: 0 };
}

export function int(value: number): Value {
  return { kind: 'int', value, path: '', line: 0, col: 0 };
}

export function node(
  context: string,
  record: RecordType,
  children: EventRecord[] = [],
): EventRecord {
  return { context, record, children };
}

export function cmp(op: Comparison['op'], negated = false): Comparison {
  return { op, negated };
}

export function clause(context: string, check: ClauseCheck): EventRecord {
  return node(context, { kind: 'ClauseValueCheck', check });
}

export function failedEq(
  context: string,
  from: Value,
  to: Value,
  customMessage: string | null = null,
): EventRecord {
  return clause(context, {
    kind: 'Comparison',
    comparison: cmp('Eq'),
    from: resolved(from),
    to: lit(to),
    message: null,
    customMessage,
    status: 'FAIL',
  });
}

export function missing(
  context: string,
  op: Comparison['op'],
  traversedTo: Value,
  remaining: string,
  reason: string,
): EventRecord {
  return clause(context, {
    kind: 'Unary',
    comparison: cmp(op),
    value: {
      from: unresolved(traversedTo, remaining, reason),
      message: null,
      customMessage: null,
      status: 'FAIL',
    },
  });
}

export function block(
  status: Status,
  children: EventRecord[],
  context = 'GuardAccessClause#block x',
): EventRecord {
  return node(
    context,
    { kind: 'GuardClauseBlockCheck', block: { status, atLeastOneMatches: false, message: null } },
    children,
  );
}

export function rule(
  name: string,
  status: Status,
  children: EventRecord[] = [],
  message: string | null = null,
): EventRecord {
  return node(name, { kind: 'RuleCheck', name, status, message }, children);
}

export function fileResult(
  dataFileName: string,
  status: Status,
  rules: EventRecord[],
  rulesFileName = 'r.guard',
): FileResult {
  const statuses = rules.map((r) => {
    const rec = r.record;
    if (rec === null || rec.kind !== 'RuleCheck') throw new Error('not a rule');
    return { name: rec.name, status: rec.status };
  });
  return {
    status,
    tree: node(
      `File(rules=${rules.length})`,
      { kind: 'FileCheck', name: dataFileName, status, message: null },
      rules,
    ),
    rules: statuses,
    rulesFileName,
    dataFileName,
  };
}

export { resolved, unresolved };
