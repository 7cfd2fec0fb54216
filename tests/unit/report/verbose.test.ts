/**
 * The verbose tree (OUT-VERB-01) from hand-built record trees. Expected
 * labels come from the corpus (`fmt-verbose-fail`, `test-verbose`) and from
 * runs of the reference binary.
 */
import { describe, expect, test } from 'vitest';
import type { Value } from '../../../src/data/value.js';
import { GuardError } from '../../../src/diag/errors.js';
import { resolved, unresolved } from '../../../src/eval/query-result.js';
import type { ClauseCheck, EventRecord, RecordType } from '../../../src/eval/result.js';
import {
  eventRecordDisplay,
  formatVerboseTree,
  recordTypeDisplay,
  writeVerboseTree,
} from '../../../src/report/verbose.js';

const str = (value: string, path = '', line = 0, col = 0): Value => ({
  kind: 'string',
  value,
  path,
  line,
  col,
});
const int = (value: number, path = '', line = 0, col = 0): Value => ({
  kind: 'int',
  value,
  path,
  line,
  col,
});
const emptyMap: Value = {
  kind: 'map',
  entries: new Map(),
  keyLocations: new Map(),
  path: '',
  line: 0,
  col: 0,
};

const node = (context: string, record: RecordType, ...children: EventRecord[]): EventRecord => ({
  context,
  record,
  children,
});
const block = (status: 'PASS' | 'FAIL' | 'SKIP') => ({
  status,
  atLeastOneMatches: false,
  message: null,
});
const check = (c: ClauseCheck): RecordType => ({ kind: 'ClauseValueCheck', check: c });

describe('record labels', () => {
  test.each<{ name: string; record: RecordType; expected: string }>([
    {
      name: 'FileCheck',
      record: { kind: 'FileCheck', name: '/x/t.yaml', status: 'FAIL', message: null },
      expected: 'File(/x/t.yaml, Status=FAIL)',
    },
    {
      name: 'RuleCheck',
      record: { kind: 'RuleCheck', name: 'r', status: 'SKIP', message: null },
      expected: 'Rule(r, Status=SKIP)',
    },
    {
      name: 'RuleCondition',
      record: { kind: 'RuleCondition', status: 'PASS' },
      expected: 'Rule/When(Status=PASS)',
    },
    {
      name: 'TypeCheck',
      record: { kind: 'TypeCheck', typeName: 'AWS::S3::Bucket', block: block('PASS') },
      expected: 'Type(AWS::S3::Bucket, Status=PASS)',
    },
    {
      name: 'TypeCondition (unbalanced parenthesis, as in the reference)',
      record: { kind: 'TypeCondition', status: 'FAIL' },
      expected: 'TypeBlock/When Status=FAIL)',
    },
    {
      name: 'TypeBlock',
      record: { kind: 'TypeBlock', status: 'PASS' },
      expected: 'TypeBlock/Block Status=PASS)',
    },
    {
      name: 'Filter',
      record: { kind: 'Filter', status: 'FAIL' },
      expected: 'Filter/ConjunctionsBlock(Status=FAIL)',
    },
    {
      name: 'WhenCheck',
      record: { kind: 'WhenCheck', block: block('FAIL') },
      expected: 'WhenConditionalBlock(Status = FAIL)',
    },
    {
      name: 'WhenCondition',
      record: { kind: 'WhenCondition', status: 'PASS' },
      expected: 'WhenCondition(Status = PASS)',
    },
    {
      name: 'Disjunction',
      record: { kind: 'Disjunction', block: block('PASS') },
      expected: 'Disjunction(Status = PASS)',
    },
    {
      name: 'BlockGuardCheck',
      record: { kind: 'BlockGuardCheck', block: block('SKIP') },
      expected: 'GuardValueBlockCheck(Status = SKIP)',
    },
    {
      name: 'GuardClauseBlockCheck',
      record: { kind: 'GuardClauseBlockCheck', block: block('FAIL') },
      expected: 'GuardClauseBlock(Status = FAIL)',
    },
    {
      name: 'Success',
      record: check({ kind: 'Success' }),
      expected: 'GuardClauseValueCheck(Status=PASS)',
    },
    {
      name: 'NoValueForEmptyCheck without message',
      record: check({ kind: 'NoValueForEmptyCheck', customMessage: null }),
      expected: 'GuardClause(Status=FAIL, Empty, )',
    },
    {
      name: 'NoValueForEmptyCheck with message',
      record: check({ kind: 'NoValueForEmptyCheck', customMessage: 'none' }),
      expected: 'GuardClause(Status=FAIL, Empty, none)',
    },
    {
      name: 'DependentRule',
      record: check({
        kind: 'DependentRule',
        rule: 's3_encrypted',
        message: null,
        customMessage: null,
        status: 'FAIL',
      }),
      expected: 'GuardClauseDependentRule(Rule=s3_encrypted, Status=FAIL)',
    },
    {
      name: 'MissingBlockValue prints the bare path reached',
      record: check({
        kind: 'MissingBlockValue',
        value: {
          from: unresolved(str('x', '/Resources/B', 3, 4), 'Properties', 'no key'),
          message: 'missing',
          customMessage: null,
          status: 'FAIL',
        },
      }),
      expected: 'GuardBlockValueMissing(Status=FAIL, Reason=missing, /Resources/B)',
    },
    {
      name: 'Unary, negated, unresolved (test-verbose)',
      record: check({
        kind: 'Unary',
        comparison: { op: 'Empty', negated: true },
        value: {
          from: unresolved(emptyMap, 'Resources', 'r'),
          message: null,
          customMessage: null,
          status: 'FAIL',
        },
      }),
      expected:
        'GuardClauseUnaryCheck(Status=FAIL, Comparison=not EMPTY, Value-At=(unresolved, Path=[L:0,C:0] Value={}))',
    },
    {
      name: 'Binary, resolved (fmt-verbose-fail)',
      record: check({
        kind: 'Comparison',
        comparison: { op: 'Eq', negated: false },
        from: resolved(str('AWS::S3::Bucket', '/Resources/LogsBucket/Type', 4, 10)),
        to: resolved(str('AWS::DynamoDB::Table')),
        message: null,
        customMessage: null,
        status: 'FAIL',
      }),
      expected:
        'GuardClauseBinaryCheck(Status=FAIL, Comparison= EQUALS, from=(resolved, Path=/Resources/LogsBucket/Type[L:4,C:10] Value="AWS::S3::Bucket"), to=(resolved, Path=[L:0,C:0] Value="AWS::DynamoDB::Table"))',
    },
    {
      name: 'Binary with an unresolved left-hand side has an empty `to`',
      record: check({
        kind: 'Comparison',
        comparison: { op: 'Le', negated: false },
        from: unresolved(emptyMap, 'missing', 'r'),
        to: null,
        message: null,
        customMessage: null,
        status: 'FAIL',
      }),
      expected:
        'GuardClauseBinaryCheck(Status=FAIL, Comparison= LESS THAN EQUALS, from=(unresolved, Path=[L:0,C:0] Value={}), to=)',
    },
    {
      name: 'In: results joined with "." and every ".[" collapsed (reference quirk)',
      record: check({
        kind: 'InComparison',
        comparison: { op: 'In', negated: true },
        from: resolved(str('logs.[x]', '/a', 1, 2)),
        to: [
          resolved({ kind: 'list', items: [str('a.[b'), int(7)], path: '', line: 0, col: 0 }),
          resolved(str('x')),
        ],
        message: null,
        customMessage: null,
        status: 'FAIL',
      }),
      expected:
        'GuardClauseInBinaryCheck(Status=FAIL, Comparison=not IN, from=(resolved, Path=/a[L:1,C:2] Value="logs.[x]"), to=(resolved, Path=[L:0,C:0] Value=["a[b",7]).(resolved, Path=[L:0,C:0] Value="x"))',
    },
  ])('$name', ({ record, expected }) => {
    expect(recordTypeDisplay(record)).toBe(expected);
    expect(eventRecordDisplay(node('ctx', record))).toBe(`${expected}[Context=ctx]`);
  });
});

describe('tree layout', () => {
  // The `dynamodb_pitr` rule of fmt-verbose-fail, under a one-rule file.
  const typeCheck = (from: Value): EventRecord =>
    node(
      'Filter/Map#1',
      { kind: 'Filter', status: 'FAIL' },
      node(
        'GuardAccessClause#block Type EQUALS  "AWS::DynamoDB::Table"',
        { kind: 'GuardClauseBlockCheck', block: block('FAIL') },
        node(
          ' Type EQUALS  "AWS::DynamoDB::Table"',
          check({
            kind: 'Comparison',
            comparison: { op: 'Eq', negated: false },
            from: resolved(from),
            to: resolved(str('AWS::DynamoDB::Table')),
            message: null,
            customMessage: null,
            status: 'FAIL',
          }),
        ),
      ),
    );
  const tree = node(
    'File(rules=1)',
    { kind: 'FileCheck', name: '/CASE_DIR/template.yaml', status: 'SKIP', message: null },
    node(
      'dynamodb_pitr',
      { kind: 'RuleCheck', name: 'dynamodb_pitr', status: 'SKIP', message: null },
      node(
        'Rule#dynamodb_pitr/When',
        { kind: 'RuleCondition', status: 'FAIL' },
        node(
          'GuardAccessClause#block %tables not EMPTY  ',
          { kind: 'GuardClauseBlockCheck', block: { ...block('FAIL'), atLeastOneMatches: true } },
          typeCheck(str('AWS::S3::Bucket', '/Resources/LogsBucket/Type', 4, 10)),
          typeCheck(str('AWS::EC2::Volume', '/Resources/DataVolume/Type', 10, 10)),
          node(
            ' %tables not EMPTY  ',
            check({ kind: 'NoValueForEmptyCheck', customMessage: null }),
          ),
        ),
      ),
    ),
  );
  const expected = [
    '`- File(/CASE_DIR/template.yaml, Status=SKIP)[Context=File(rules=1)]',
    '   `- Rule(dynamodb_pitr, Status=SKIP)[Context=dynamodb_pitr]',
    '      `- Rule/When(Status=FAIL)[Context=Rule#dynamodb_pitr/When]',
    '         `- GuardClauseBlock(Status = FAIL)[Context=GuardAccessClause#block %tables not EMPTY  ]',
    '            |- Filter/ConjunctionsBlock(Status=FAIL)[Context=Filter/Map#1]',
    '            |  `- GuardClauseBlock(Status = FAIL)[Context=GuardAccessClause#block Type EQUALS  "AWS::DynamoDB::Table"]',
    '            |     `- GuardClauseBinaryCheck(Status=FAIL, Comparison= EQUALS, from=(resolved, Path=/Resources/LogsBucket/Type[L:4,C:10] Value="AWS::S3::Bucket"), to=(resolved, Path=[L:0,C:0] Value="AWS::DynamoDB::Table"))[Context= Type EQUALS  "AWS::DynamoDB::Table"]',
    '            |- Filter/ConjunctionsBlock(Status=FAIL)[Context=Filter/Map#1]',
    '            |  `- GuardClauseBlock(Status = FAIL)[Context=GuardAccessClause#block Type EQUALS  "AWS::DynamoDB::Table"]',
    '            |     `- GuardClauseBinaryCheck(Status=FAIL, Comparison= EQUALS, from=(resolved, Path=/Resources/DataVolume/Type[L:10,C:10] Value="AWS::EC2::Volume"), to=(resolved, Path=[L:0,C:0] Value="AWS::DynamoDB::Table"))[Context= Type EQUALS  "AWS::DynamoDB::Table"]',
    '            `- GuardClause(Status=FAIL, Empty, )[Context= %tables not EMPTY  ]',
    '',
  ].join('\n');

  test('prefixes for last and non-last children (fmt-verbose-fail)', () => {
    expect(formatVerboseTree(tree)).toBe(expected);
  });

  test('writeVerboseTree appends to existing chunks', () => {
    const out = ['summary\n'];
    writeVerboseTree(tree, out);
    expect(out.join('')).toBe(`summary\n${expected}`);
  });

  test('a node without children is one line', () => {
    const leaf = node('r', { kind: 'RuleCheck', name: 'r', status: 'PASS', message: null });
    expect(formatVerboseTree(leaf)).toBe('`- Rule(r, Status=PASS)[Context=r]\n');
  });

  test('very deep trees print without recursion limits', () => {
    let deep = node('leaf', check({ kind: 'Success' }));
    for (let i = 0; i < 5_000; i++) deep = node('w', { kind: 'Filter', status: 'PASS' }, deep);
    const text = formatVerboseTree(deep);
    const lines = text.split('\n');
    expect(lines).toHaveLength(5_002);
    expect(lines[5_000]).toBe(
      `${'   '.repeat(5_000)}\`- GuardClauseValueCheck(Status=PASS)[Context=leaf]`,
    );
  });

  test('a node the evaluator left open is an internal error, not a crash', () => {
    const open: EventRecord = { context: 'half', record: null, children: [] };
    expect(() => formatVerboseTree(open)).toThrow(GuardError);
    try {
      formatVerboseTree(open);
    } catch (e) {
      expect((e as GuardError).code).toBe('INTERNAL_ERROR');
    }
  });
});
