import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { stringifyJsonPretty } from '../../../src/data/display.js';
import type { EventRecord } from '../../../src/eval/result.js';
import {
  buildFileReport,
  compareCodePoints,
  sortedNameSet,
} from '../../../src/report/file-report.js';
import { combineFileReports, fileReportToJson } from '../../../src/report/file-report-json.js';
import {
  block,
  clause,
  cmp,
  failedEq,
  fileResult,
  int,
  lit,
  load,
  missing,
  node,
  resolved,
  rule,
  str,
  unresolved,
} from './helpers.js';

const DATA = `a:
  size: 5
  list: [1, 2]
  name: x
b: [3, 4]
`;

const { at } = load(DATA);
const A_REASON = 'Could not find key missing inside struct at path /a[L:1,C:2]';
const intReason = (p: string, l: number, c: number, v: number): string =>
  `Attempting to retrieve from key x but type is not an struct type at path ${p}[L:${l},C:${c}], Type = int, Value = Int((Path("${p}", Location { line: ${l}, col: ${c} }), ${v}))`;

const blockGuard = (
  status: 'PASS' | 'FAIL',
  children: EventRecord[],
  context: string,
): EventRecord =>
  node(
    context,
    { kind: 'BlockGuardCheck', block: { status, atLeastOneMatches: false, message: null } },
    children,
  );

/** The record tree of tests/unit/report/goldens/mixed-failures.json's rules (recorded with cfn-guard 3.1.1). */
function mixedFailures() {
  const inCheck = (customMessage: string | null, rhs: string): EventRecord =>
    clause(` a.name IN  ${rhs}`, {
      kind: 'InComparison',
      comparison: cmp('In'),
      from: resolved(at('/a/name')),
      to: [resolved(at('/b/0')), resolved(at('/b/1'))],
      message: null,
      customMessage,
      status: 'FAIL',
    });
  const blk2Clause = (path: string, line: number, col: number, v: number): EventRecord =>
    blockGuard(
      'FAIL',
      [
        block('FAIL', [
          clause(' _.x EQUALS  1', {
            kind: 'Comparison',
            comparison: cmp('Eq'),
            from: unresolved(at(path), 'x', intReason(path, line, col, v)),
            to: null,
            message: null,
            customMessage: null,
            status: 'FAIL',
          }),
        ]),
      ],
      'BlockGuardClause#1',
    );
  const rules = [
    rule('u1', 'FAIL', [
      block('FAIL', [
        clause(' a.list EMPTY  ', {
          kind: 'Unary',
          comparison: cmp('Empty'),
          value: {
            from: resolved(at('/a/list')),
            message: null,
            customMessage: null,
            status: 'FAIL',
          },
        }),
      ]),
    ]),
    rule('u2', 'FAIL', [
      block('FAIL', [
        clause(' a.missing not EMPTY  ', {
          kind: 'Unary',
          comparison: cmp('Empty', true),
          value: {
            from: unresolved(at('/a'), 'missing', A_REASON),
            message: null,
            customMessage: 'msg here',
            status: 'FAIL',
          },
        }),
      ]),
    ]),
    rule('in1', 'FAIL', [block('FAIL', [inCheck(null, 'b[*]')])]),
    rule('in2', 'FAIL', [block('FAIL', [inCheck('cm', '%q')])]),
    rule('dep', 'FAIL', [
      clause('Rule(u1@Location[file:r.guard, line:6, column:12])', {
        kind: 'DependentRule',
        rule: 'u1',
        message: null,
        customMessage: 'dep msg',
        status: 'FAIL',
      }),
    ]),
    rule('noval', 'FAIL', [
      block('FAIL', [
        clause(' %z not EMPTY  ', { kind: 'NoValueForEmptyCheck', customMessage: null }),
      ]),
    ]),
    rule('blk', 'FAIL', [
      blockGuard(
        'FAIL',
        [
          clause('GuardBlockAccessClause#Location[file:r.guard, line:9, column:12]', {
            kind: 'MissingBlockValue',
            value: {
              from: unresolved(at('/a'), 'missing', A_REASON),
              message: `Query a.missing did not resolve to correct value, reason ${A_REASON}`,
              customMessage: null,
              status: 'FAIL',
            },
          }),
        ],
        'GuardBlockAccessClause#Location[file:r.guard, line:9, column:12]',
      ),
    ]),
    rule('blk2', 'FAIL', [
      node(
        'BlockGuardClause#outer',
        {
          kind: 'BlockGuardCheck',
          block: { status: 'FAIL', atLeastOneMatches: false, message: null },
        },
        [blk2Clause('/b/0', 4, 4, 3), blk2Clause('/b/1', 4, 7, 4)],
      ),
    ]),
  ];
  return fileResult('DATA', 'FAIL', rules);
}

describe('buildFileReport', () => {
  test('serializes byte for byte like cfn-guard -o json (OUT-JSON-01, OUT-JSON-04)', () => {
    const golden = readFileSync(
      new URL('../../golden/report/mixed-failures.json', import.meta.url),
      'utf8',
    );
    expect(stringifyJsonPretty(fileReportToJson(buildFileReport(mixedFailures())))).toBe(golden);
  });

  test.each([
    {
      name: 'binary equality',
      record: failedEq(' a.size EQUALS  6', at('/a/size'), int(6)),
      error:
        'Check was not compliant as property value [Path=/a/size[L:1,C:8] Value=5] not equal to value [Path=[L:0,C:0] Value=6].',
    },
    {
      name: 'negated less-or-equal with an evaluator reason',
      record: clause(' a.size not LESS THAN EQUALS  "z"', {
        kind: 'Comparison',
        comparison: cmp('Le', true),
        from: resolved(at('/a/size')),
        to: lit(str('z')),
        message: 'PathAwareValues are not comparable int, String',
        customMessage: null,
        status: 'FAIL',
      }),
      error:
        'Check was not compliant as property value [Path=/a/size[L:1,C:8] Value=5] less than equal to value [Path=[L:0,C:0] Value="z"]. Error = [PathAwareValues are not comparable int, String]',
    },
    {
      name: 'greater-or-equal keeps the reference wording',
      record: clause(' a.size GREATER THAN EQUALS  9', {
        kind: 'Comparison',
        comparison: cmp('Ge'),
        from: resolved(at('/a/size')),
        to: lit(int(9)),
        message: null,
        customMessage: null,
        status: 'FAIL',
      }),
      error:
        'Check was not compliant as property value [Path=/a/size[L:1,C:8] Value=5] not greater than equal value [Path=[L:0,C:0] Value=9].',
    },
    {
      name: 'missing right-hand side',
      record: clause(' a.size EQUALS  a.other', {
        kind: 'Comparison',
        comparison: cmp('Eq'),
        from: resolved(at('/a/size')),
        to: unresolved(at('/a'), 'other', 'r'),
        message: null,
        customMessage: null,
        status: 'FAIL',
      }),
      error:
        'Check was not compliant as property [other] to compare to is missing. Value traversed to [Path=/a[L:1,C:2] Value={"size":5,"list":[1,2],"name":"x"}].',
    },
    {
      name: 'unary exists on a missing key',
      record: missing(' a.k EXISTS  ', 'Exists', at('/a'), 'k', 'r'),
      error:
        'Check was not compliant as property [k] is missing. Value traversed to [Path=/a[L:1,C:2] Value={"size":5,"list":[1,2],"name":"x"}].',
    },
    {
      name: 'negated is_string on a resolved value',
      record: clause(' a.name not IS STRING  ', {
        kind: 'Unary',
        comparison: cmp('IsString', true),
        value: {
          from: resolved(at('/a/name')),
          message: null,
          customMessage: null,
          status: 'FAIL',
        },
      }),
      error: 'Check was not compliant as property [/a/name[L:3,C:8]] was a string .',
    },
  ])('error message: $name', ({ record, error }) => {
    const report = buildFileReport(
      fileResult('DATA', 'FAIL', [rule('r', 'FAIL', [block('FAIL', [record])])]),
    );
    const first = report.notCompliant[0];
    expect(first?.kind).toBe('Rule');
    const check = first?.kind === 'Rule' ? first.checks[0] : undefined;
    expect(check && 'messages' in check ? check.messages.errorMessage : undefined).toBe(error);
  });

  test('passing checks, conditions and filters contribute nothing', () => {
    const condition = node('Rule#r/When', { kind: 'RuleCondition', status: 'FAIL' }, [
      block('FAIL', [missing(' a.k EXISTS  ', 'Exists', at('/a'), 'k', 'r')]),
    ]);
    const passing = clause(' a.size EQUALS  5', { kind: 'Success' });
    const report = buildFileReport(
      fileResult('DATA', 'FAIL', [
        rule('r', 'FAIL', [
          condition,
          block('PASS', [passing]),
          failedEq(' x', at('/a/size'), int(1)),
        ]),
      ]),
    );
    const r = report.notCompliant[0];
    expect(r?.kind === 'Rule' ? r.checks.map((c) => c.kind) : []).toEqual(['BinaryClause']);
  });

  test('an empty block query and disjunctions', () => {
    const or = node(
      'Disjunction',
      { kind: 'Disjunction', block: { status: 'FAIL', atLeastOneMatches: false, message: null } },
      [
        block('FAIL', [failedEq(' a.size EQUALS  1', at('/a/size'), int(1))]),
        block('FAIL', [failedEq(' a.size EQUALS  2', at('/a/size'), int(2))]),
      ],
    );
    const report = buildFileReport(
      fileResult('DATA', 'FAIL', [
        rule('r', 'FAIL', [blockGuard('FAIL', [], 'BlockGuardClause#empty'), or]),
      ]),
    );
    const json = fileReportToJson(report) as { not_compliant: unknown[] };
    expect(json.not_compliant).toEqual([
      {
        Rule: expect.objectContaining({
          checks: [
            {
              Block: {
                context: 'BlockGuardClause#empty',
                messages: {
                  custom_message: null,
                  error_message: 'query for block clause did not retrieve any value',
                },
                unresolved: null,
              },
            },
            { Disjunctions: { checks: [expect.anything(), expect.anything()] } },
          ],
        }),
      },
    ]);
  });

  test('compliant and not_applicable are sorted sets; status comes from the file record', () => {
    const report = buildFileReport(
      fileResult('DATA', 'PASS', [
        rule('zeta', 'PASS'),
        rule('alpha', 'SKIP'),
        rule('Beta', 'PASS'),
        rule('zeta', 'PASS'),
      ]),
    );
    expect(report).toMatchObject({
      status: 'PASS',
      compliant: ['Beta', 'zeta'],
      notApplicable: ['alpha'],
      notCompliant: [],
    });
  });
});

describe('helpers of the model', () => {
  test.each([
    { a: 'a', b: 'b', sign: -1 },
    { a: 'B', b: 'a', sign: -1 },
    { a: 'ab', b: 'a', sign: 1 },
    // U+FF21 sorts before U+1F600 by code point, unlike UTF-16 code units.
    { a: '\u{ff21}', b: '\u{1f600}', sign: -1 },
  ])('compareCodePoints($a, $b)', ({ a, b, sign }) => {
    expect(Math.sign(compareCodePoints(a, b))).toBe(sign);
  });

  test('sortedNameSet de-duplicates', () => {
    expect(sortedNameSet(['b', 'a', 'b'])).toEqual(['a', 'b']);
  });

  test('combineFileReports: FAIL dominates, lists concatenate, sets merge (EVAL-11)', () => {
    const one = buildFileReport(fileResult('DATA', 'PASS', [rule('a', 'PASS'), rule('s', 'SKIP')]));
    const two = buildFileReport(
      fileResult('DATA', 'FAIL', [
        rule('b', 'FAIL', [block('FAIL', [failedEq(' x', at('/a/size'), int(1))])]),
        rule('a', 'PASS'),
      ]),
    );
    const merged = combineFileReports(one, two);
    expect(merged.status).toBe('FAIL');
    expect(merged.compliant).toEqual(['a']);
    expect(merged.notApplicable).toEqual(['s']);
    expect(merged.notCompliant.map((r) => (r.kind === 'Rule' ? r.name : r.kind))).toEqual(['b']);
  });
});
