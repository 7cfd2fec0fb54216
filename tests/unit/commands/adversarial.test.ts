/**
 * Bad input end to end: every kind of broken or hostile input gets one clear
 * message naming the file (and line/column where there is one), a documented
 * exit code, and never a stack trace. Runs the real CLI in-process on temp
 * folders.
 */
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../../../src/cli.js';
import { type DirEntry, nodeIo } from '../../../src/commands/io.js';
import { setRegexTimeBudget } from '../../../src/eval/regex-run.js';
import { runCliIn } from '../../support/run-cli.js';

interface Run {
  readonly exit: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(files: Record<string, string>, args: string[]): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'tsguard-adv-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return runCliIn(dir, args);
}

/** `validate -r <rules> -d <data>` over `files` in a fresh temp folder. */
function validate(files: Record<string, string>, rules: string, data: string): Promise<Run> {
  return run(files, ['validate', '-r', rules, '-d', data]);
}

const RULE = 'rule r { Resources exists }\n';
const noStackTrace = (r: Run) => expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);

afterAll(() => setRegexTimeBudget(2000));

describe('bad input gets a clear error, a documented exit code and no stack trace', () => {
  test('malformed rules: exit 5, the file, line and column', async () => {
    const r = await validate(
      { 'r.guard': 'rule r {\n  x ==\n}\n', 'd.yaml': 'x: 1\n' },
      'r.guard',
      'd.yaml',
    );
    expect(r.exit).toBe(5);
    expect(r.stderr).toMatch(/rule file = r\.guard.*at line 2 at column 7/);
    noStackTrace(r);
  });

  test('malformed YAML data: exit 255, names the file', async () => {
    const r = await validate({ 'r.guard': RULE, 'd.yaml': 'a: [1, 2\n' }, 'r.guard', 'd.yaml');
    expect(r.exit).toBe(255);
    expect(r.stderr).toMatch(/^Error occurred .*parsing data file: \/.*d\.yaml/);
    noStackTrace(r);
  });

  test('malformed JSON data: exit 255, names the file', async () => {
    const r = await validate({ 'r.guard': RULE, 'd.json': '{"a": [1, }' }, 'r.guard', 'd.json');
    expect(r.exit).toBe(255);
    expect(r.stderr).toMatch(/d\.json/);
    noStackTrace(r);
  });

  test('missing rules and data files: exit 255, names the path', async () => {
    const a = await validate({ 'r.guard': RULE }, 'r.guard', 'nope.yaml');
    expect(a.exit).toBe(255);
    expect(a.stderr).toBe('Error occurred The path `nope.yaml` does not exist\n');
    const b = await validate({ 'x.yaml': 'x: 1\n' }, 'nope.guard', 'x.yaml');
    expect(b.exit).toBe(255);
    expect(b.stderr).toContain('`nope.guard` does not exist');
  });

  test('empty data file: exit 255, "is empty"; empty rules file: nothing to do, exit 0', async () => {
    const a = await validate({ 'r.guard': RULE, 'd.yaml': '  \n' }, 'r.guard', 'd.yaml');
    expect(a.exit).toBe(255);
    expect(a.stderr).toMatch(/d\.yaml is empty/);
    const b = await validate({ 'r.guard': '', 'd.yaml': 'x: 1\n' }, 'r.guard', 'd.yaml');
    expect(b).toEqual({ exit: 0, stdout: '', stderr: '' });
  });

  test('deeply nested JSON data: a depth error with the position, no stack overflow', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const r = await validate({ 'r.guard': RULE, 'd.json': deep }, 'r.guard', 'd.json');
    expect(r.exit).toBe(255);
    expect(r.stderr).toMatch(/d\.json: data nests deeper than \d+ levels at line 1, column \d+/);
    noStackTrace(r);
  });

  test('deeply nested YAML data: a depth error, no stack overflow', async () => {
    const deep = `${Array.from({ length: 5000 }, (_, i) => `${'  '.repeat(i)}k:`).join('\n')} 1\n`;
    const r = await validate({ 'r.guard': RULE, 'd.yaml': deep }, 'r.guard', 'd.yaml');
    expect(r.exit).toBe(255);
    expect(r.stderr).toMatch(/deeper than \d+ levels/);
    noStackTrace(r);
  });

  test('deeply nested rules: a located parse error (exit 5), no stack overflow', async () => {
    const depth = 3000;
    const rules = `rule r {\n${'x {\n'.repeat(depth)}y exists\n${'}\n'.repeat(depth)}}\n`;
    const r = await validate({ 'r.guard': rules, 'd.yaml': 'x: 1\n' }, 'r.guard', 'd.yaml');
    expect(r.exit).toBe(5);
    expect(r.stderr).toMatch(/r\.guard at line \d+ at column \d+/);
    noStackTrace(r);
  });

  test('YAML alias bomb in a test spec (the loader that expands aliases): a clear limit error', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 8; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const spec = `- input:\n${levels.map((l) => `    ${l}`).join('\n')}\n  expectations:\n    rules:\n      r: PASS\n`;
    const r = await run({ 'r.guard': RULE, 'bomb.yaml': spec }, [
      'test',
      '-r',
      'r.guard',
      '-t',
      'bomb.yaml',
    ]);
    expect(r.exit).toBe(255);
    expect(r.stderr).toMatch(/bomb\.yaml: YAML aliases expand to more than \d+ values/);
    noStackTrace(r);
  });

  test('YAML aliases in validate data are rejected like the reference (DATA-07)', async () => {
    const r = await validate(
      { 'r.guard': RULE, 'd.yaml': 'a: &x 1\nb: *x\n' },
      'r.guard',
      'd.yaml',
    );
    expect(r.exit).toBe(255);
    expect(r.stderr).toMatch(/Error encountered while parsing data file/);
  });

  test('a regex that would backtrack forever ends with a timeout error, not a hang', async () => {
    setRegexTimeBudget(200);
    const r = await validate(
      { 'r.guard': 'rule r { s == /(a+)+$/ }\n', 'd.yaml': `s: "${'a'.repeat(40)}!"\n` },
      'r.guard',
      'd.yaml',
    );
    expect(r.exit).toBe(255);
    expect(r.stderr).toMatch(/did not finish within 200 ms .*catastrophic backtracking/);
    noStackTrace(r);
  });

  test('rules that are not UTF-8 are reported (the reference skips them and exits 0)', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'tsguard-adv-'));
    writeFileSync(join(dir2, 'r.guard'), Buffer.from([0xff, 0xfe, 0x00]));
    writeFileSync(join(dir2, 'd.yaml'), 'x: 1\n');
    const { exit, stderr } = await runCliIn(dir2, ['validate', '-r', 'r.guard', '-d', 'd.yaml']);
    expect(exit).toBe(0);
    expect(stderr).toContain('stream did not contain valid UTF-8');
  });
});

describe('an unreadable directory', () => {
  test('is one clear I/O error naming it, exit 255', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsguard-adv-'));
    writeFileSync(join(dir, 'r.guard'), RULE);
    const failing = nodeIo({ cwd: dir, stdin: '' });
    let stderr = '';
    const io = {
      ...failing,
      listDir: (path: string): readonly DirEntry[] => {
        const e = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        if (path.endsWith('data')) throw e;
        return failing.listDir(path);
      },
      stat: (path: string) =>
        path.endsWith('data')
          ? { isFile: false, isDirectory: true, mtimeMs: 0 }
          : failing.stat(path),
      stdout: { write: () => {} },
      stderr: {
        write: (t: string) => {
          stderr += t;
        },
      },
    };
    const exit = await runCli(['validate', '-r', 'r.guard', '-d', 'data'], io);
    expect(exit).toBe(255);
    expect(stderr).toBe(
      'Error occurred I/O error when reading data: Permission denied (os error 13)\n',
    );
  });
});

describe('an invalid TSGUARD_THREADS', () => {
  test.each(['0', 'two', '-1'])(
    '%j is one clear error, exit 255, even for one data file',
    async (value) => {
      const dir = mkdtempSync(join(tmpdir(), 'tsguard-adv-'));
      writeFileSync(join(dir, 'r.guard'), RULE);
      writeFileSync(join(dir, 'd.yaml'), 'Resources: {}\n');
      const { exit, stdout, stderr } = await runCliIn(
        dir,
        ['validate', '-r', 'r.guard', '-d', 'd.yaml'],
        '',
        { TSGUARD_THREADS: value },
      );
      expect(exit).toBe(255);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `Error occurred TSGUARD_THREADS must be a whole number of threads of at least 1 (1 turns threads off), not \`${value}\`\n`,
      );
    },
  );
});

describe('paths are resolved by the kernel, as the reference resolves them', () => {
  test.each([
    [['validate', '-r', '', '-d', 'd.yaml'], 'Error occurred The path `` does not exist\n'],
    [['validate', '-r', 'r.guard', '-d', ''], 'Error occurred The path `` does not exist\n'],
    [
      ['validate', '-r', 'r.guard', '-d', 'nowhere/../d.yaml'],
      'Error occurred The path `nowhere/../d.yaml` does not exist\n',
    ],
  ])('%j', async (args, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'tsguard-adv-'));
    writeFileSync(join(dir, 'r.guard'), RULE);
    writeFileSync(join(dir, 'd.yaml'), 'Resources: {}\n');
    const { exit, stdout, stderr } = await runCliIn(dir, args);
    expect(exit).toBe(255);
    expect(stdout).toBe('');
    expect(stderr).toBe(message);
  });

  test('`..` after a symbolic link climbs from where the link points', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsguard-adv-'));
    mkdirSync(join(dir, 'real', 'inner'), { recursive: true });
    writeFileSync(join(dir, 'real', 'd.yaml'), 'Resources: {}\n');
    symlinkSync(join(dir, 'real', 'inner'), join(dir, 'link'));
    writeFileSync(join(dir, 'r.guard'), RULE);
    const { exit, stdout } = await runCliIn(dir, [
      'validate',
      '-r',
      'r.guard',
      '-d',
      'link/../d.yaml',
      '-S',
      'all',
    ]);
    expect(exit).toBe(0);
    expect(stdout).toContain(`${realpathSync(join(dir, 'real', 'd.yaml'))} Status = PASS`);
  });
});
