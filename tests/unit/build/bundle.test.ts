/**
 * The built CLI (issue 6): `node bin/tsguard.js` runs dist/tsguard.cjs, one
 * esbuild bundle compiled through node:vm with a V8 code cache. The
 * conformance suite runs the CLI in-process from src/, so this file checks
 * that the bundle behaves byte for byte like src/ on corpus cases, that the
 * code cache is only an accelerator (a missing, stale or corrupt one changes
 * nothing), and that the regex worker still works from the bundle. No timing
 * assertions: docs/performance.md ("Start-up") has the figures.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCliIn } from '../../support/run-cli.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'tsguard.js');
const BUNDLE = join(ROOT, 'dist', 'tsguard.cjs');
const CACHE = `${BUNDLE}.cache`;
const CASES = join(ROOT, 'tests', 'conformance', 'cases');
const VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number;
}

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((n) => newestMtime(join(path, n))));
}

/** Spawn `node <bin> args` the way harnesses do, in `cwd`, with `stdin`. */
function spawnCli(bin: string, cwd: string, args: readonly string[], stdin = ''): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { stdout: r.stdout, stderr: r.stderr, exit: r.status ?? -1 };
}

// CI builds before testing (`npm run build`); a developer who edited src/
// since the last build gets a fresh bundle here rather than a stale comparison.
beforeAll(() => {
  const inputs = ['src', 'bin', join('scripts', 'build')].map((p) => newestMtime(join(ROOT, p)));
  if (!existsSync(BUNDLE) || !existsSync(CACHE) || newestMtime(BUNDLE) < Math.max(...inputs)) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build', 'bundle.mjs')], { cwd: ROOT });
  }
}, 120_000);

/** Corpus cases covering each command, each report format, stdin, usage and hard errors. */
const SAMPLE_CASES = [
  'cli-version',
  'cli-help-subcommand',
  'cli-invalid-output-format',
  'cli-no-args',
  'comp-bash',
  'ct-ec2-structured',
  'dsl-messages-json',
  'dsl-messages-junit',
  'dsl-messages-sarif',
  'dsl-text-list-elem-fail',
  'dsl-verbose-exists-fail',
  'err-data-empty-file',
  'fmt-cdk-path-default',
  'fmt-yaml-pass',
  'in-params-malformed',
  'in-stdin-yaml',
  'repo-validate-structured-payload',
  'pt-ranges-regex',
  'repo-ex-ecs-taskdef-verbose',
  'rg-not-cfn',
  'test-dir-verbose',
];

/** A case's arguments (its cmd is plain words after `cfn-guard`) and stdin. */
function caseInvocation(dir: string): { args: string[]; stdin: string } {
  const words = readFileSync(join(dir, 'cmd'), 'utf8').trim().split(/\s+/);
  expect(words[0]).toBe('cfn-guard');
  const stdinFile = join(dir, 'stdin');
  return {
    args: words.slice(1),
    stdin: existsSync(stdinFile) ? readFileSync(stdinFile, 'utf8') : '',
  };
}

/** A scratch copy of the case's inputs, always at the same path so reports name the same files. */
function freshCopy(dir: string, into: string): string {
  rmSync(into, { recursive: true, force: true });
  cpSync(dir, into, { recursive: true });
  return into;
}

// JUnit reports carry measured durations.
const sanitise = (text: string): string => text.replace(/time="[\d.]+"/g, 'time="0"');

describe('the bundle behaves like src/ (spawned bin/tsguard.js vs in-process runCli)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'tsguard-bundle-'));

  test.each(SAMPLE_CASES)('%s', async (name) => {
    const dir = join(CASES, name);
    expect(existsSync(join(dir, 'cmd'))).toBe(true);
    const { args, stdin } = caseInvocation(dir);
    const work = join(scratch, 'case');
    const spawned = spawnCli(BIN, freshCopy(dir, work), args, stdin);
    const inProcess = await runCliIn(freshCopy(dir, work), args, stdin);
    expect(sanitise(spawned.stdout)).toBe(sanitise(inProcess.stdout));
    expect(spawned.stderr).toBe(inProcess.stderr);
    expect(spawned.exit).toBe(inProcess.exit);
    // And the case's own expected exit status, so both cannot be wrong together.
    const expectedExit = Number(readFileSync(join(dir, 'expected.exit'), 'utf8').trim());
    expect(spawned.exit).toBe(expectedExit);
  });
});

describe('bin/tsguard.js end to end', () => {
  test('--version prints the package version from the bundle', () => {
    const r = spawnCli(BIN, ROOT, ['--version']);
    expect(r).toEqual({ stdout: `cfn-guard ${VERSION}\n`, stderr: '', exit: 0 });
  });

  test('validate on the bundled example: exit 19 and the failing rule named', () => {
    const args = ['validate', '-r', 'examples/no-capabilities-for-tasks.guard', '-d', 'examples'];
    const r = spawnCli(BIN, ROOT, args);
    expect(r.exit).toBe(19);
    expect(r.stdout).toMatch(/template-bad\.yaml Status = FAIL/);
    expect(r.stdout).toMatch(/no_capabilities_for_tasks +FAIL/);
    expect(r.stderr).toBe('');
  });

  test('the code cache this build wrote is accepted by this Node', () => {
    const probe = `const r = require(${JSON.stringify(BIN)}).loadBundle(); process.stdout.write(String(r.cacheRejected));`;
    const out = execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(out).toBe('false');
  });

  test('a catastrophic regex still times out in the worker (exit 255, no hang)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsguard-bundle-regex-'));
    writeFileSync(join(dir, 'r.guard'), 'rule r { s == /(a+)+$/ }\n');
    writeFileSync(join(dir, 'd.yaml'), `s: "${'a'.repeat(40)}!"\n`);
    const r = spawnCli(BIN, dir, ['validate', '-r', 'r.guard', '-d', 'd.yaml']);
    expect(r.exit).toBe(255);
    expect(r.stderr).toMatch(/^Error occurred Regular expression .* did not finish within \d+ ms/);
  });
});

describe('the code cache is only an accelerator', () => {
  /** A copy of bin/ and the bundle in a scratch package, with `cache` as its code cache. */
  function install(cache: Buffer | undefined): string {
    const root = mkdtempSync(join(tmpdir(), 'tsguard-bundle-cache-'));
    mkdirSync(join(root, 'dist'));
    cpSync(join(ROOT, 'bin'), join(root, 'bin'), { recursive: true });
    cpSync(BUNDLE, join(root, 'dist', 'tsguard.cjs'));
    if (cache !== undefined) writeFileSync(join(root, 'dist', 'tsguard.cjs.cache'), cache);
    return join(root, 'bin', 'tsguard.js');
  }

  const idLine = (): string => `${readFileSync(BUNDLE, 'utf8').split('\n', 1)[0]}\n`;
  const args = ['validate', '-r', 'examples/no-capabilities-for-tasks.guard', '-d', 'examples'];

  test.each([
    { name: 'missing', cache: (): Buffer | undefined => undefined },
    {
      name: 'from another build',
      cache: () =>
        Buffer.concat([Buffer.from('// tsguard-build 0000000000000000\n'), readFileSync(CACHE)]),
    },
    {
      name: 'corrupt (right build id, garbage after it)',
      cache: () => Buffer.concat([Buffer.from(idLine()), Buffer.alloc(4096, 0x5a)]),
    },
    { name: 'empty', cache: () => Buffer.alloc(0) },
  ])('$name: same output as with the real cache', ({ cache }) => {
    const bin = install(cache());
    expect(spawnCli(bin, ROOT, args)).toEqual(spawnCli(BIN, ROOT, args));
    expect(spawnCli(bin, ROOT, ['--version']).stdout).toBe(`cfn-guard ${VERSION}\n`);
  });

  test('a missing bundle is one clear line, not a stack trace', () => {
    const root = mkdtempSync(join(tmpdir(), 'tsguard-bundle-none-'));
    cpSync(join(ROOT, 'bin'), join(root, 'bin'), { recursive: true });
    const r = spawnCli(join(root, 'bin', 'tsguard.js'), root, ['--version']);
    expect(r).toEqual({
      stdout: '',
      stderr: 'tsguard: dist/tsguard.cjs is missing: run `npm run build`\n',
      exit: 255,
    });
  });
});

describe('src/cli.ts loads command modules lazily', () => {
  // A static import of a command module would make `--help`, `--version` and
  // usage errors load the evaluator, data loaders and reporters again.
  test('its static imports are the argument parser and small helpers only', () => {
    const text = readFileSync(join(ROOT, 'src', 'cli.ts'), 'utf8');
    const runtime = [...text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gm)].map(
      (m) => m[1],
    );
    expect(runtime.sort()).toEqual([
      './cli/options.js',
      './cli/parse.js',
      './cli/version.js',
      './commands/exit-codes.js',
      './diag/errors.js',
    ]);
    for (const command of ['validate', 'test', 'parse-tree', 'rulegen', 'completions']) {
      expect(text).toContain(`import('./commands/${command}.js')`);
    }
  });
});
