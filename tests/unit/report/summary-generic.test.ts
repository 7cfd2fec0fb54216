import { describe, expect, test } from 'vitest';
import { type FailureInfo, failureLine, formatGenericReport } from '../../../src/report/generic.js';
import { displayRuleName, formatSummaryTable, padRight } from '../../../src/report/summary.js';
import type { SummaryKind } from '../../../src/report/types.js';
import {
  block,
  clause,
  cmp,
  failedEq,
  fileResult,
  int,
  load,
  missing,
  resolved,
  rule,
} from './helpers.js';

const { root, at } = load('service:\n  ports: [80, 443]\n  replicas: 3\n');
const show = (...kinds: SummaryKind[]): ReadonlySet<SummaryKind> => new Set(kinds);

const mixed = () =>
  fileResult('DATA', 'FAIL', [
    rule('replicas_min', 'PASS'),
    rule('ports_privileged', 'FAIL', [
      block('FAIL', [
        failedEq(
          ' service.ports[*] GREATER THAN  1024',
          at('/service/ports/1'),
          int(1024),
          'ports below 1024 are not allowed',
        ),
      ]),
    ]),
    rule('owner_set', 'SKIP'),
  ]);

describe('formatSummaryTable (OUT-SUM)', () => {
  test.each([
    {
      kinds: show('pass', 'fail', 'skip'),
      text: `DATA Status = FAIL
SKIP rules
r.guard/owner_set           SKIP
PASS rules
r.guard/replicas_min        PASS
FAILED rules
r.guard/ports_privileged    FAIL
---
`,
    },
    {
      kinds: show('fail'),
      text: 'DATA Status = FAIL\nFAILED rules\nr.guard/ports_privileged    FAIL\n---\n',
    },
    {
      kinds: show('skip'),
      text: 'DATA Status = FAIL\nSKIP rules\nr.guard/owner_set           SKIP\n---\n',
    },
    { kinds: show(), text: '' },
  ])('-S $kinds', ({ kinds, text }) => {
    expect(
      formatSummaryTable(mixed(), {
        rulesFileName: 'r.guard',
        dataFileName: 'DATA',
        showSummary: kinds,
      }),
    ).toBe(text);
  });

  test('nothing selected has a rule → no table', () => {
    const passOnly = fileResult('DATA', 'PASS', [rule('a', 'PASS')]);
    expect(
      formatSummaryTable(passOnly, {
        rulesFileName: 'r.guard',
        dataFileName: 'DATA',
        showSummary: show('fail'),
      }),
    ).toBe('');
  });

  test('default rules drop their file prefix; duplicates keep first position; SKIP loses to PASS', () => {
    const result = fileResult(
      'DATA',
      'FAIL',
      [
        rule('x.guard/default', 'FAIL'),
        rule('dup', 'SKIP'),
        rule('named', 'PASS'),
        rule('dup', 'PASS'),
        rule('named', 'PASS'),
      ],
      'x.guard',
    );
    const text = formatSummaryTable(result, {
      rulesFileName: 'x.guard',
      dataFileName: 'D',
      showSummary: show('pass', 'fail', 'skip'),
    });
    expect(text).toBe(
      'D Status = FAIL\nPASS rules\nx.guard/named      PASS\nx.guard/dup        PASS\nFAILED rules\nx.guard/default    FAIL\n---\n',
    );
  });

  test.each([
    { file: 'r.guard', name: 'r.guard/default', shown: 'default' },
    { file: 'r.guard', name: 'other', shown: 'other' },
    { file: 'RULES_STDIN[1]', name: 'RULES_STDIN[1]/default', shown: 'default' },
  ])('displayRuleName($file, $name)', ({ file, name, shown }) => {
    expect(displayRuleName(file, name)).toBe(shown);
  });

  test('padRight counts characters', () => {
    expect(padRight('é', 3)).toBe('é  ');
    expect(padRight('long', 2)).toBe('long');
  });
});

const base: FailureInfo = {
  rule: 'r',
  path: '/p',
  provided: null,
  expected: null,
  comparison: null,
  message: '',
  error: null,
};

describe('failureLine (OUT-SLS-03)', () => {
  test.each([
    {
      name: 'binary',
      info: { ...base, provided: '443', expected: '1024', comparison: cmp('Gt'), message: 'a\nb' },
      line: 'Property [/p] in data [D] is not compliant with [r] because provided value [443] did not match expected value [1024]. Error Message [a;b]',
    },
    {
      name: 'negated in',
      info: { ...base, provided: '"x"', expected: '[3,4]', comparison: cmp('In', true) },
      line: 'Property [/p] in data [D] is not compliant with [r] because provided value ["x"] did match expected value in [[3,4]]. Error Message []',
    },
    {
      name: 'unary',
      info: { ...base, provided: '[1,2]', comparison: cmp('IsString') },
      line: 'Property [/p] in data [D] is not compliant with [r] because needed value at [[1,2]] was not a string . Error Message []',
    },
    {
      name: 'unary without a value',
      info: { ...base, path: '', comparison: cmp('Empty') },
      line: 'Property [] in data [D] is not compliant with [r] because needed value at [null] was not empty. Error Message []',
    },
    {
      name: 'retrieval error',
      info: { ...base, comparison: cmp('Exists'), error: 'Could not find key k' },
      line: 'Property traversed until [/p] in data [D] is not compliant with [r] due to retrieval error. Error Message [Could not find key k]',
    },
    {
      name: 'failed rule reference',
      info: { ...base, message: 'dep\nmsg' },
      line: 'Parameterized Rule r failed for D. Reason dep;msg',
    },
  ])('$name', ({ info, line }) => {
    expect(failureLine(info, 'D')).toBe(line);
  });
});

describe('formatGenericReport (OUT-SLS)', () => {
  const ctx = (...kinds: SummaryKind[]) => ({
    rulesFileName: 'r.guard',
    dataFileName: 'DATA',
    showSummary: show(...kinds),
    data: root,
  });

  test('all sections, evaluation order (fmt-generic-show-all)', () => {
    expect(
      formatGenericReport(mixed(), ctx('pass', 'fail', 'skip')),
    ).toBe(`Evaluation of rules r.guard against data DATA
--
Property [/service/ports/1] in data [DATA] is not compliant with [ports_privileged] because provided value [443] did not match expected value [1024]. Error Message [ports below 1024 are not allowed]
--
Rule [replicas_min] is compliant for template [DATA]
--
Rule [owner_set] is not applicable for template [DATA]
--
`);
  });

  test.each([
    { kinds: [] as SummaryKind[], printed: false },
    { kinds: ['fail'] as SummaryKind[], printed: true },
    { kinds: ['pass'] as SummaryKind[], printed: true },
    { kinds: ['skip'] as SummaryKind[], printed: true },
  ])('gate for -S $kinds with a failing rule', ({ kinds, printed }) => {
    expect(formatGenericReport(mixed(), ctx(...kinds)) !== '').toBe(printed);
  });

  test('FAIL selected but nothing failed: no report even if rules passed (OUT-SLS-01)', () => {
    const passing = fileResult('DATA', 'PASS', [rule('a', 'PASS')]);
    expect(formatGenericReport(passing, ctx('fail', 'pass'))).toBe('');
    expect(formatGenericReport(passing, ctx('pass'))).toBe(
      'Evaluation of rules r.guard against data DATA\n--\nRule [a] is compliant for template [DATA]\n--\n',
    );
  });

  test('failing conditions inside a failing rule are reported too; filters and successes are not', () => {
    const result = fileResult('DATA', 'FAIL', [
      rule('r', 'FAIL', [
        {
          context: 'When',
          record: { kind: 'WhenCondition', status: 'FAIL' },
          children: [missing(' k EXISTS  ', 'Exists', at('/service'), 'k', 'no k')],
        },
        {
          context: 'Filter',
          record: { kind: 'Filter', status: 'FAIL' },
          children: [missing(' f EXISTS  ', 'Exists', at('/service'), 'f', 'no f')],
        },
        clause(' ok', { kind: 'Success' }),
        clause(' x', {
          kind: 'InComparison',
          comparison: cmp('In'),
          from: resolved(at('/service/replicas')),
          to: [resolved(at('/service/ports'))],
          message: null,
          customMessage: 'ignored by the reference',
          status: 'FAIL',
        }),
      ]),
    ]);
    expect(
      formatGenericReport(result, ctx('fail')),
    ).toBe(`Evaluation of rules r.guard against data DATA
--
Property traversed until [/service] in data [DATA] is not compliant with [r] due to retrieval error. Error Message [no k]
Property [] in data [DATA] is not compliant with [r] because provided value [3] did not match expected value in [[[80,443]]]. Error Message []
--
`);
  });
});
