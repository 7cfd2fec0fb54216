/**
 * Parallel validate (issue 6, src/commands/parallel-validate.ts): for every
 * output mode and the error paths, a run whose data files are shared between
 * the main thread and workers prints exactly what the sequential run prints.
 *
 * Workers here are stand-ins that run the real shard code in this thread:
 * they claim files from the same shared counter before the main thread's
 * turn and hand their outcomes back through `structuredClone` (which is what
 * `postMessage` does, so anything that could not cross a thread fails here).
 * One more test runs real worker threads from an esbuild bundle of the worker
 * entry. The thread-count choice is table-tested on its own.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toInvocation } from '../../../src/cli/options.js';
import { parseArgs } from '../../../src/cli/parse.js';
import { nodeIo } from '../../../src/commands/io.js';
import {
  type BatchSize,
  chooseThreads,
  fileSpawner,
  type ParallelSettings,
  type ParallelStats,
  type SpawnWorker,
} from '../../../src/commands/parallel-validate.js';
import { readThreadsSetting } from '../../../src/commands/threads-setting.js';
import { run } from '../../../src/commands/validate.js';
import { evaluateDataFile, prepareShard } from '../../../src/commands/validate-shard.js';
import { claimNext, type WorkerMessage } from '../../../src/commands/validate-worker.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number;
}

let dir = '';

function write(path: string, text: string | Uint8Array): void {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
}

function bucketTemplate(i: number): string {
  return `Resources:
  Bucket${i}:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: b${i}
      Versioning: ${i % 3 === 0 ? 'false' : 'true'}
  Queue${i}:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: ${i}
`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tsguard-parallel-'));
  for (let i = 1; i <= 7; i++) write(`data/d0${i}.yaml`, bucketTemplate(i));
  write(
    'data/d08.json',
    '{"Resources": {"T": {"Type": "AWS::SNS::Topic", "Properties": {"Name": "t"}}}}\n',
  );
  write(
    'rules/r1.guard',
    `let buckets = Resources.*[ Type == 'AWS::S3::Bucket' ]
rule versioned when %buckets !empty {
  %buckets.Properties.Versioning == true <<Versioning must be on>>
}
rule small_delay {
  Resources.*[ Type == 'AWS::SQS::Queue' ].Properties.DelaySeconds < 5
}
`,
  );
  write('rules/r2.guard', 'rule broken {\n  Resources.* == \n');
  write('rules/r3.guard', '# only a comment\n');
  write('rules/r4.guard', "Resources.*[ Type == 'AWS::SNS::Topic' ].Properties.Name exists\n");
  // A data file in the middle that does not parse.
  for (let i = 1; i <= 6; i++) write(`bad-data/d0${i}.yaml`, bucketTemplate(i));
  write('bad-data/d04.yaml', 'Resources:\n  X: [unclosed\n');
  // EVAL-12: the console report of the middle file fails after its summary table.
  for (let i = 1; i <= 5; i++) write(`inf/d0${i}.yaml`, `v_inf: ${i === 3 ? 'inf' : String(i)}\n`);
  write('inf.guard', 'rule inf_is_string {\n  v_inf is_string\n}\n');
  // A rules file that is not UTF-8: unreadable (non-structured goes on, structured stops).
  write('bad-utf8/a.guard', new Uint8Array([0x72, 0x75, 0xff, 0xfe, 0x0a]));
  write('bad-utf8/b.guard', "Resources.*.Type == 'AWS::S3::Bucket'\n");
  write('params.yaml', 'Extra: {Name: shared}\n');
  write('params-conflict.yaml', 'Resources: {}\n');
});

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

async function runValidate(args: readonly string[], settings: ParallelSettings): Promise<Run> {
  const parsed = parseArgs(['validate', ...args], '0.0.0');
  if (parsed.kind !== 'matched') throw new Error(`arguments rejected: ${args.join(' ')}`);
  const invocation = toInvocation(parsed.command.name, parsed.matches);
  if (invocation?.command !== 'validate') throw new Error('not a validate invocation');
  let stdout = '';
  let stderr = '';
  const io = nodeIo({
    cwd: dir,
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
  const exit = await run(invocation.options, io, settings);
  return { stdout, stderr, exit };
}

/** JUnit times differ run to run; everything else must be byte-identical. */
function maskTimes(r: Run): Run {
  return { ...r, stdout: r.stdout.replace(/ time="\d+"/g, ' time="T"') };
}

/**
 * A stand-in worker: claims `take` files at once (before the main thread's
 * turn), evaluates them with the real shard code after a tick, and reports
 * them through structuredClone. `lose` claims one file and never reports it,
 * like a worker that died.
 */
function inThreadSpawner(take: number, mode: 'ok' | 'lose' = 'ok'): SpawnWorker {
  return async (data, onMessage) => {
    const counter = new Int32Array(data.counter);
    const job = structuredClone(data.job);
    const claimed: number[] = [];
    for (let k = 0; k < (mode === 'lose' ? 1 : take); k++) {
      const index = claimNext(counter, job.data.length);
      if (index === undefined) break;
      claimed.push(index);
    }
    await new Promise((resolve) => setImmediate(resolve));
    if (mode === 'lose') return;
    const state = prepareShard(job);
    for (const index of claimed) {
      const message: WorkerMessage = {
        kind: 'file',
        index,
        outcome: evaluateDataFile(state, index),
      };
      onMessage(structuredClone(message));
    }
    onMessage({ kind: 'done' });
  };
}

const CASES: { name: string; args: string[]; parallel: boolean }[] = [
  { name: 'console (default)', args: ['-r', 'rules', '-d', 'data'], parallel: true },
  {
    name: 'console, every summary',
    args: ['-r', 'rules', '-d', 'data', '-S', 'all'],
    parallel: true,
  },
  { name: '-o json', args: ['-r', 'rules', '-d', 'data', '-o', 'json'], parallel: true },
  { name: '-o yaml', args: ['-r', 'rules', '-d', 'data', '-o', 'yaml'], parallel: true },
  { name: '-v -p', args: ['-r', 'rules/r1.guard', '-d', 'data', '-v', '-p'], parallel: true },
  {
    name: '-z -o json',
    args: ['-r', 'rules', '-d', 'data', '-z', '-o', 'json', '-S', 'none'],
    parallel: true,
  },
  {
    name: '-z -o yaml',
    args: ['-r', 'rules', '-d', 'data', '-z', '-o', 'yaml', '-S', 'none'],
    parallel: true,
  },
  {
    name: '-z -o junit',
    args: ['-r', 'rules', '-d', 'data', '-z', '-o', 'junit', '-S', 'none'],
    parallel: true,
  },
  {
    name: '-z -o sarif',
    args: ['-r', 'rules', '-d', 'data', '-z', '-o', 'sarif', '-S', 'none'],
    parallel: true,
  },
  {
    name: 'repeated data path',
    args: ['-r', 'rules', '-d', 'data', '-d', 'data/d03.yaml', '-z', '-o', 'sarif', '-S', 'none'],
    parallel: true,
  },
  {
    name: 'parameters',
    args: ['-r', 'rules', '-d', 'data', '-i', 'params.yaml', '-z', '-o', 'json', '-S', 'none'],
    parallel: true,
  },
  {
    name: 'rules parse error first',
    args: ['-r', 'rules/r2.guard', '-r', 'rules/r1.guard', '-d', 'data'],
    parallel: true,
  },
  {
    name: 'rules parse error, structured',
    args: [
      '-r',
      'rules/r2.guard',
      '-r',
      'rules/r1.guard',
      '-d',
      'data',
      '-z',
      '-o',
      'json',
      '-S',
      'none',
    ],
    parallel: true,
  },
  {
    name: 'data parse error in the middle',
    args: ['-r', 'rules', '-d', 'bad-data'],
    parallel: true,
  },
  {
    name: 'data parse error, structured',
    args: ['-r', 'rules', '-d', 'bad-data', '-z', '-o', 'junit', '-S', 'none'],
    parallel: true,
  },
  {
    name: 'EVAL-12 hard error midway',
    args: ['-r', 'inf.guard', '-d', 'inf', '-S', 'all'],
    parallel: true,
  },
  {
    name: 'EVAL-12 hard error, structured',
    args: ['-r', 'inf.guard', '-d', 'inf', '-z', '-o', 'json', '-S', 'none'],
    parallel: true,
  },
  {
    name: 'parameters that conflict',
    args: ['-r', 'rules', '-d', 'data', '-i', 'params-conflict.yaml', '-o', 'json'],
    parallel: true,
  },
  { name: 'unreadable rules file', args: ['-r', 'bad-utf8', '-d', 'data'], parallel: true },
  // Structured validate stops at an unreadable rules file: that run stays sequential.
  {
    name: 'unreadable rules file, structured',
    args: ['-r', 'bad-utf8', '-d', 'data', '-z', '-o', 'json', '-S', 'none'],
    parallel: false,
  },
  { name: 'missing rules path', args: ['-r', 'nope.guard', '-d', 'data'], parallel: false },
  { name: 'missing data path', args: ['-r', 'rules', '-d', 'data', '-d', 'nope'], parallel: false },
];

describe('parallel validate prints what the sequential run prints', () => {
  test.each(CASES)('$name', async ({ args, parallel }) => {
    const sequential = maskTimes(await runValidate(args, { threads: 1 }));
    const stats: ParallelStats[] = [];
    const onStats = (s: ParallelStats) => void stats.push(s);
    const shared = maskTimes(
      await runValidate(args, { threads: 3, spawn: inThreadSpawner(2), onStats }),
    );
    expect(shared).toEqual(sequential);
    // Workers that die leave their files to the main thread: same output again.
    const lossy = maskTimes(
      await runValidate(args, { threads: 3, spawn: inThreadSpawner(2, 'lose'), onStats }),
    );
    expect(lossy).toEqual(sequential);
    if (parallel) {
      expect(stats.map((s) => s.threads)).toEqual([3, 3]);
      expect(stats[0]?.byWorkers).toBe(4);
      expect(stats[1]?.byWorkers).toBe(0);
    } else {
      expect(stats).toEqual([]);
    }
    expect(sequential.stdout + sequential.stderr).not.toBe('');
  });

  test('the fixtures exercise failures, parse errors and hard errors', async () => {
    const console = await runValidate(['-r', 'rules', '-d', 'data'], { threads: 1 });
    expect(console.exit).toBe(5);
    expect(console.stderr).toContain('Parsing error handling rule file = r2.guard');
    const bad = await runValidate(['-r', 'rules', '-d', 'bad-data'], { threads: 1 });
    expect(bad).toMatchObject({ exit: 255, stdout: '' });
    expect(bad.stderr).toContain('d04.yaml');
    const inf = await runValidate(['-r', 'inf.guard', '-d', 'inf', '-S', 'all'], { threads: 1 });
    expect(inf.exit).toBe(255);
    expect(inf.stdout).toContain('d03.yaml Status = FAIL');
  });
});

describe('real worker threads', () => {
  let script = '';
  beforeAll(async () => {
    // The worker entry as one ES module file, as tsc's dist/ or the bundle would provide it.
    script = join(dir, 'validate-worker.mjs');
    await build({
      entryPoints: [join(ROOT, 'src/commands/validate-worker-entry.ts')],
      outfile: script,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'error',
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
  }, 60_000);

  test.each([
    ['console', ['-r', 'rules', '-d', 'data', '-S', 'all']],
    ['-z -o json', ['-r', 'rules', '-d', 'data', '-z', '-o', 'json', '-S', 'none']],
    ['-z -o junit', ['-r', 'rules', '-d', 'data', '-z', '-o', 'junit', '-S', 'none']],
    ['data parse error', ['-r', 'rules', '-d', 'bad-data']],
  ])(
    '%s: workers do every file, output unchanged',
    async (_name, args) => {
      const sequential = maskTimes(await runValidate(args, { threads: 1 }));
      const stats: ParallelStats[] = [];
      const threaded = maskTimes(
        await runValidate(args, {
          threads: 3,
          spawn: fileSpawner(script),
          mainTakesTurn: false,
          onStats: (s) => void stats.push(s),
        }),
      );
      expect(threaded).toEqual(sequential);
      expect(stats).toEqual([{ threads: 3, byWorkers: args.includes('bad-data') ? 6 : 8 }]);
    },
    30_000,
  );

  test('a worker script that fails to load costs nothing but time', async () => {
    const args = ['-r', 'rules', '-d', 'data', '-z', '-o', 'sarif', '-S', 'none'];
    const sequential = await runValidate(args, { threads: 1 });
    const stats: ParallelStats[] = [];
    const broken = await runValidate(args, {
      threads: 2,
      spawn: fileSpawner(join(dir, 'no-such-worker.mjs')),
      mainTakesTurn: false,
      onStats: (s) => void stats.push(s),
    });
    expect(broken).toEqual(sequential);
    expect(stats).toEqual([{ threads: 2, byWorkers: 0 }]);
  }, 30_000);
});

describe('how many threads', () => {
  const W3_10: BatchSize = { dataFiles: 62, dataChars: 386_538, rulesChars: 1_129_393 };
  const W3: BatchSize = { dataFiles: 615, dataChars: 4_402_167, rulesChars: 1_129_393 };
  test.each<{ name: string; batch: BatchSize; cores: number; override?: number; expected: number }>(
    [
      { name: 'W3-10 on 2 cores', batch: W3_10, cores: 2, expected: 2 },
      { name: 'W3 on 2 cores', batch: W3, cores: 2, expected: 2 },
      {
        name: 'W3 on 16 cores: until the CPU spent outgrows the time saved',
        batch: W3,
        cores: 16,
        expected: 16,
      },
      { name: 'W3-10 on 16 cores', batch: W3_10, cores: 16, expected: 4 },
      { name: 'one core', batch: W3, cores: 1, expected: 1 },
      {
        name: 'one data file (W2)',
        batch: { dataFiles: 1, dataChars: 13_555, rulesChars: 1_494_619 },
        cores: 2,
        expected: 1,
      },
      {
        name: 'ten small templates, all rules',
        batch: { dataFiles: 10, dataChars: 60_000, rulesChars: 1_129_393 },
        cores: 2,
        expected: 1,
      },
      {
        name: 'many templates, one small rule',
        batch: { dataFiles: 200, dataChars: 1_577_178, rulesChars: 4_239 },
        cores: 2,
        expected: 2,
      },
      {
        name: 'a conformance-sized run',
        batch: { dataFiles: 3, dataChars: 900, rulesChars: 400 },
        cores: 2,
        expected: 1,
      },
      {
        name: 'override wins',
        batch: { dataFiles: 3, dataChars: 900, rulesChars: 400 },
        cores: 2,
        override: 3,
        expected: 3,
      },
      {
        name: 'override capped by data files',
        batch: { dataFiles: 3, dataChars: 900, rulesChars: 400 },
        cores: 2,
        override: 8,
        expected: 3,
      },
      { name: 'override 1 disables', batch: W3, cores: 16, override: 1, expected: 1 },
    ],
  )('$name → $expected', ({ batch, cores, override, expected }) => {
    expect(chooseThreads(batch, cores, override)).toBe(expected);
  });

  test.each<[string | undefined, number | undefined | 'error']>([
    [undefined, undefined],
    ['', undefined],
    [' ', undefined],
    ['1', 1],
    ['4', 4],
    [' 2 ', 2],
    ['0', 'error'],
    ['-2', 'error'],
    ['2.5', 'error'],
    ['auto', 'error'],
    ['99999999999999999999', 'error'],
  ])('TSGUARD_THREADS=%j → %j', (value, expected) => {
    const setting = readThreadsSetting(value);
    if (expected === 'error') {
      expect(setting).toEqual({
        ok: false,
        message: `TSGUARD_THREADS must be a whole number of threads of at least 1 (1 turns threads off), not \`${value}\``,
      });
    } else {
      expect(setting).toEqual({ ok: true, threads: expected });
    }
  });
});
