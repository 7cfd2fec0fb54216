/**
 * Frozen agreement with the reference on real rules × real templates
 * (tests/fixtures/diff-corpus, made by scripts/diff/freeze.mjs from pairs that
 * `npm run diff -- --batch` found identical). Each folder holds the rules file
 * and the template under their own names, the `cmd` (a `validate … -o json`
 * line), and the reference's recorded answer with the data folder written
 * CASE_DIR. Pairs whose `source.json` names a `byDesign` divergence were
 * recorded as 3.2.0 answers (see docs/differential-testing.md).
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCliIn } from '../../support/run-cli.js';

const CORPUS = new URL('../../fixtures/diff-corpus/', import.meta.url).pathname;

const CASES = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((name) => existsSync(join(CORPUS, name, 'cmd')))
      .sort()
  : [];

function read(dir: string, file: string): string {
  const path = join(dir, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

async function runFixture(dir: string): Promise<{ stdout: string; stderr: string; exit: number }> {
  const cwd = realpathSync(dir);
  // The cmd lines are plain words: no frozen rules or template file name holds a space.
  const words = read(dir, 'cmd').trim().split(/\s+/);
  const { stdout, stderr, exit } = await runCliIn(cwd, words);
  const fix = (t: string): string => t.replaceAll(cwd.slice(1), 'CASE_DIR');
  return { stdout: fix(stdout), stderr: fix(stderr), exit };
}

describe('agreement with cfn-guard on real rules × real templates', () => {
  test('the frozen corpus is there', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  test.each(CASES)('%s', async (name) => {
    const dir = join(CORPUS, name);
    const got = await runFixture(dir);
    expect(got).toEqual({
      stdout: read(dir, 'expected.stdout'),
      stderr: read(dir, 'expected.stderr'),
      exit: Number(read(dir, 'expected.exit').trim()),
    });
  });
});
