/** The test command's reporters (TEST-05, TEST-07): console sections, JSON/YAML shapes, JUnit layout. */
import { describe, expect, test } from 'vitest';
import { formatCaseHeader, formatCaseSections } from '../../../src/report/test-console.js';
import { escapeXml, formatTestJunit } from '../../../src/report/test-junit.js';
import { formatTestJson, formatTestYaml } from '../../../src/report/test-structured.js';
import type { TestFileReport } from '../../../src/report/test-types.js';

const report: TestFileReport = {
  kind: 'ok',
  ruleFile: 'rules.guard',
  cases: [
    {
      name: 'a <case>',
      timeMs: 0.4,
      verdicts: [
        { kind: 'unset', rule: 'other' },
        { kind: 'passed', rule: 'r1', evaluated: 'SKIP' },
        { kind: 'failed', rule: 'r2', expected: 'PASS', evaluated: ['FAIL', 'SKIP'] },
      ],
    },
    { name: undefined, timeMs: 0, verdicts: [] },
  ],
};

describe('console', () => {
  test.each([
    { counter: 3, name: 'x', want: 'Test Case #3\nName: x\n' },
    { counter: 1, name: undefined, want: 'Test Case #1\n' },
  ])('header $counter', ({ counter, name, want }) => {
    expect(formatCaseHeader(counter, name)).toBe(want);
  });

  test('FAIL section before PASS, then a blank line', () => {
    const first = report.kind === 'ok' ? report.cases[0] : undefined;
    expect(formatCaseSections(first?.verdicts ?? [])).toBe(
      '  FAIL Rules:\n    r2: Expected = PASS, Evaluated = [FAIL, SKIP]\n  PASS Rules:\n    r1: Expected = SKIP\n\n',
    );
    expect(formatCaseSections([])).toBe('\n');
  });
});

describe('structured', () => {
  test('JSON', () => {
    const json = JSON.parse(formatTestJson(report));
    expect(json).toEqual({
      rule_file: 'rules.guard',
      test_cases: [
        {
          name: 'a <case>',
          passed_rules: [{ name: 'r1', evaluated: 'SKIP' }],
          failed_rules: [{ name: 'r2', expected: 'PASS', evaluated: ['FAIL', 'SKIP'] }],
          skipped_rules: [{ name: 'other' }],
        },
        { name: '', passed_rules: [], failed_rules: [], skipped_rules: [] },
      ],
    });
    expect(formatTestJson([report]).startsWith('[\n  {\n    "rule_file"')).toBe(true);
  });

  test('YAML error report', () => {
    expect(formatTestYaml({ kind: 'error', ruleFile: 'r.guard', error: 'boom', timeMs: 0 })).toBe(
      'rule_file: r.guard\nerror: boom\n',
    );
  });
});

describe('junit', () => {
  test('escapes the quick_xml set', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
  });

  test('suites, pass and failure cases, error suite', () => {
    const out = formatTestJunit([
      report,
      { kind: 'error', ruleFile: 'bad.guard', error: 'Parse "x"', timeMs: 0 },
    ]);
    expect(out).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="cfn-guard test report" tests="3" failures="1" errors="1" time="0">',
        '    <testsuite name="rules.guard" errors="0" failures="1" time="0">',
        '        <testcase id="a &lt;case&gt;" name="r1" time="0" status="pass"/>',
        '        <testcase id="a &lt;case&gt;" name="r2" time="0">',
        '            <failure>Expected = PASS, Evaluated = [FAIL, SKIP]</failure>',
        '        </testcase>',
        '    </testsuite>',
        '    <testsuite name="bad.guard" errors="1" failures="0" time="0">',
        '        <testcase name="bad.guard" time="0" status="error">',
        '            <error>Parse &quot;x&quot;</error>',
        '        </testcase>',
        '    </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });
});
