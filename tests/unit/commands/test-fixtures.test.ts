/**
 * `test -d` over the Guard Rules Registry fixtures (tests/fixtures/test-specs),
 * in-process, against the output recorded with cfn-guard 3.1.1 (see the
 * folder's README for the sorting normalisation).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runCliIn } from '../../support/run-cli.js';

const FIXTURES = new URL('../../fixtures/test-specs/', import.meta.url).pathname;

/** Sort every run of consecutive expectation lines (the corpus's normalisation 3). */
function sortExpectationRuns(text: string): string {
  const isExpectation = (l: string): boolean =>
    /^ {4}\S.*: Expected = /.test(l) || l.startsWith('  No Test expectation was set for Rule ');
  const out: string[] = [];
  let run: string[] = [];
  for (const line of text.split('\n')) {
    if (isExpectation(line)) {
      run.push(line);
      continue;
    }
    out.push(...run.sort(), line);
    run = [];
  }
  out.push(...run.sort());
  return out.join('\n');
}

const runIn = runCliIn;

describe('test -d over registry rules', () => {
  test('matches the reference recording', async () => {
    const got = await runIn(FIXTURES, ['test', '-d', '.']);
    const want = readFileSync(`${FIXTURES}expected.stdout`, 'utf8');
    expect(got.stderr).toBe('');
    expect(sortExpectationRuns(got.stdout)).toBe(want);
    expect(got.exit).toBe(Number(readFileSync(`${FIXTURES}expected.exit`, 'utf8').trim()));
  });

  test('the fixtures exercise PASS, FAIL and SKIP expectations over at least 20 specs', () => {
    const want = readFileSync(`${FIXTURES}expected.stdout`, 'utf8');
    for (const status of ['PASS', 'FAIL', 'SKIP']) {
      expect(want).toContain(`: Expected = ${status}\n`);
    }
    expect(want.match(/^Testing Guard File /gm)?.length ?? 0).toBeGreaterThanOrEqual(20);
  });
});
