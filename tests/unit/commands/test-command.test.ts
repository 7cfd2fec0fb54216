/** The test command end to end, in-process on temp folders: modes, formats, exit codes, --strict. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { nodeIo } from '../../../src/commands/io.js';
import { run, type TestRunOptions } from '../../../src/commands/test.js';

const root = mkdtempSync(join(tmpdir(), 'tsguard-test-cmd-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(root, 'case-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function runTest(cwd: string, options: Partial<TestRunOptions>) {
  let stdout = '';
  let stderr = '';
  const io = nodeIo({
    cwd,
    stdin: '',
    stdout: {
      write: (t) => {
        stdout += t;
      },
    },
    stderr: {
      write: (t) => {
        stderr += t;
      },
    },
  });
  const full: TestRunOptions = {
    rulesFile: undefined,
    testData: undefined,
    dir: undefined,
    order: 'alphabetical',
    verbose: false,
    outputFormat: 'single-line-summary',
    strict: false,
    ...options,
  };
  let exit = -1;
  let thrown: string | undefined;
  try {
    exit = await run(full, io);
  } catch (e) {
    thrown = (e as { compat?: string }).compat;
  }
  return { stdout, stderr, exit, thrown };
}

const RULES = 'rule r1 { a exists }\nrule r2 { b exists }\n';
const SPEC = '- name: one\n  input: {a: 1}\n  expectations:\n    rules:\n      r1: PASS\n';

describe('test command', () => {
  test('single file: unset rules, PASS section, exit 0', async () => {
    const dir = folder({ 'r.guard': RULES, 't.yaml': SPEC });
    const got = await runTest(dir, { rulesFile: 'r.guard', testData: 't.yaml' });
    expect(got.stdout).toBe(
      'Test Case #1\nName: one\n  No Test expectation was set for Rule r2\n  PASS Rules:\n    r1: Expected = PASS\n\n',
    );
    expect(got.exit).toBe(0);
  });

  test('--strict fails on rules without expectations and unknown rule names', async () => {
    const dir = folder({
      'r.guard': RULES,
      't.yaml': `${SPEC}      nope: FAIL\n`,
    });
    const got = await runTest(dir, { rulesFile: 'r.guard', testData: 't.yaml', strict: true });
    expect(got.stdout).toContain(
      '  Expectation set for Rule nope, which the rules file does not define\n',
    );
    expect(got.exit).toBe(7);
    const lax = await runTest(dir, { rulesFile: 'r.guard', testData: 't.yaml' });
    expect(lax.exit).toBe(0);
  });

  test('a spec error (1) is overwritten by a later mismatch (7), as in the reference', async () => {
    const dir = folder({
      'r.guard': RULES,
      'specs/a.yaml': '[{}]',
      'specs/b.yaml': '- input: {}\n  expectations: {rules: {r1: PASS}}\n',
    });
    const got = await runTest(dir, { rulesFile: 'r.guard', testData: 'specs' });
    expect(got.stdout.split('\n')[0]).toBe(
      'Error processing Parser Error when parsing `Unable to process data in file specs/a.yaml, Error missing field `input` at line 1 column 3,`',
    );
    expect(got.exit).toBe(7);
  });

  test.each([
    {
      options: { outputFormat: 'sarif' },
      thrown: 'Cannot provide an output_type of SARIF, SARIF reporter is unsupported.',
    },
    {
      options: { outputFormat: 'json', verbose: true },
      thrown: 'Cannot provide an output_type of JSON, YAML, or JUnit while the verbose flag is set',
    },
    {
      options: { rulesFile: 'nope.guard', testData: 'x.yaml' },
      thrown: 'The path `nope.guard` does not exist',
    },
  ] as const)('hard error: $thrown', async ({ options, thrown }) => {
    const got = await runTest(root, { rulesFile: 'r.guard', testData: 't.yaml', ...options });
    expect(got.thrown).toBe(thrown);
  });

  test('rules file without test data is a usage error (DIVERGENCES test-rules-only)', async () => {
    const got = await runTest(root, { rulesFile: 'r.guard' });
    expect(got.exit).toBe(2);
    expect(got.stderr.split('\n')[0]).toBe(
      'error: the following required arguments were not provided:',
    );
  });

  test('directory mode orders rules files by folder, then name', async () => {
    const dir = folder({
      'rules/a.guard': RULES,
      'rules/a/x.guard': RULES,
      'rules/tests/a_tests.yaml': SPEC,
    });
    const got = await runTest(dir, { dir: 'rules' });
    expect(got.stdout.match(/^(Testing )?Guard File \S+/gm)).toEqual([
      'Testing Guard File rules/a.guard',
      'Guard File rules/a/x.guard',
    ]);
  });

  test('structured directory mode: parse error report and exit 1', async () => {
    const dir = folder({
      'rules/bad.guard': 'rule x {\n',
      'rules/tests/bad_tests.yaml': SPEC,
    });
    const got = await runTest(dir, { dir: 'rules', outputFormat: 'json' });
    const json = JSON.parse(got.stdout);
    expect(json[0].rule_file).toBe('rules/bad.guard');
    expect(json[0].error).toMatch(
      /^Parser Error when parsing `Parsing Error Error parsing file bad /,
    );
    expect(got.exit).toBe(1);
  });
});
