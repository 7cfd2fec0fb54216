/**
 * The `test` command's JUnit report (TEST-07), laid out like quick_xml's
 * indenting writer (4 spaces): `<testsuites name="cfn-guard test report">`,
 * one `<testsuite>` per rules file, one `<testcase id="<case>" name="<rule>">`
 * per decided expectation (passes first, then failures, per case), and a
 * suite with a single errored test case for a rules file that failed.
 */
import { formatStatusList } from './test-console.js';
import type { TestFileReport } from './test-types.js';

/** quick_xml's escape set, for attribute values and text alike. */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll("'", '&apos;')
    .replaceAll('"', '&quot;');
}

interface Suite {
  readonly name: string;
  readonly lines: readonly string[];
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly time: number;
}

const I2 = '        ';
const I3 = '            ';

function buildSuite(report: TestFileReport): Suite {
  const name = escapeXml(report.ruleFile);
  if (report.kind === 'error') {
    const time = Math.floor(report.timeMs);
    return {
      name: report.ruleFile,
      lines: [
        `${I2}<testcase name="${name}" time="${time}" status="error">\n`,
        `${I3}<error>${escapeXml(report.error)}</error>\n`,
        `${I2}</testcase>\n`,
      ],
      tests: 1,
      failures: 0,
      errors: 1,
      time,
    };
  }
  const lines: string[] = [];
  let failures = 0;
  let time = 0;
  for (const c of report.cases) {
    const caseTime = Math.floor(c.timeMs);
    time += caseTime;
    const id = escapeXml(c.name ?? '');
    for (const v of c.verdicts) {
      if (v.kind !== 'passed') continue;
      lines.push(
        `${I2}<testcase id="${id}" name="${escapeXml(v.rule)}" time="${caseTime}" status="pass"/>\n`,
      );
    }
    for (const v of c.verdicts) {
      if (v.kind !== 'failed') continue;
      failures++;
      const message = `Expected = ${v.expected}, Evaluated = ${formatStatusList(v.evaluated)}`;
      lines.push(
        `${I2}<testcase id="${id}" name="${escapeXml(v.rule)}" time="${caseTime}">\n`,
        `${I3}<failure>${escapeXml(message)}</failure>\n`,
        `${I2}</testcase>\n`,
      );
    }
  }
  const tests = lines.filter((l) => l.startsWith(`${I2}<testcase`)).length;
  return { name: report.ruleFile, lines, tests, failures, errors: 0, time };
}

export function formatTestJunit(reports: readonly TestFileReport[]): string {
  const suites = reports.map(buildSuite);
  const sum = (f: (s: Suite) => number): number => suites.reduce((n, s) => n + f(s), 0);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<testsuites name="cfn-guard test report" tests="${sum((s) => s.tests)}" failures="${sum((s) => s.failures)}" errors="${sum((s) => s.errors)}" time="${sum((s) => s.time)}">\n`,
  ];
  for (const s of suites) {
    out.push(
      `    <testsuite name="${escapeXml(s.name)}" errors="${s.errors}" failures="${s.failures}" time="${s.time}">\n`,
      ...s.lines,
      '    </testsuite>\n',
    );
  }
  out.push('</testsuites>\n');
  return out.join('');
}
