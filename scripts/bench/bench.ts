/**
 * `npm run bench`: tsguard against the reference cfn-guard binary on the
 * bench folder's named workloads, in one session, runs interleaved (tsguard,
 * reference, tsguard, reference, …) so that both see the same machine load.
 * Prints a markdown table of medians and ratios and whether both gave the
 * same answer. See docs/performance.md.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type BenchOptions, parseBenchArgs, USAGE } from './args.js';
import { addLineToDigest, compareDigests, compareOutputs, type Verdict } from './compare.js';
import { makeInputs } from './inputs.js';
import { findTimeBin, runOnce } from './measure.js';
import { type CpuProfile, renderProfile, summariseProfile } from './profile.js';
import { type Sample, type Summary, summarise } from './stats.js';
import { renderReport, type WorkloadResult } from './table.js';
import {
  renderTextVsJson,
  type TextVsJsonResult,
  textArgs,
  textVsJsonProblems,
} from './text-vs-json.js';
import { benchTextVsJson } from './text-vs-json-run.js';
import {
  commandArgs,
  expandWorkloads,
  type OutputMode,
  type WorkloadId,
  type WorkloadSpec,
  workloadSpec,
} from './workloads.js';

const REFERENCE_BIN = 'node_modules/@cdklabs/cdk-validator-cfnguard/bin/ubuntu/x86_64/cfn-guard';
/** Outputs above this are compared by streamed hashes instead of parsed JSON. */
const HUGE_OUTPUT_BYTES = 256 * 1024 * 1024;

const log = (s: string): void => {
  process.stderr.write(`${s}\n`);
};

/** The repository root: the nearest folder upwards whose package.json is tsguard's. */
function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'tsguard') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the tsguard repository root');
    dir = up;
  }
}

function writeOut(opts: BenchOptions, text: string): void {
  if (opts.out === undefined) return;
  // npm runs scripts in the package root; INIT_CWD is where the user typed the command
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), opts.out);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  log(`report written to ${file}`);
}

interface Side {
  /** 'reference-z' is the reference in structured mode, timed for context in json mode. */
  readonly name: 'tsguard' | 'reference' | 'reference-z';
  readonly program: string;
  readonly prefix: readonly string[];
}

/**
 * Copies dist/ and bin/ into bench-results/snapshot so that a rebuild by
 * someone else during a long session cannot change the code under test
 * halfway. The copy stays inside the repository, so `commander` and `yaml`
 * still resolve from its node_modules.
 */
function snapshotTsguard(repo: string): string {
  // one folder per session (pid), removed at the end, so sessions can overlap
  const snap = join(repo, 'bench-results', `snapshot-${process.pid}`);
  rmSync(snap, { recursive: true, force: true });
  cpSync(join(repo, 'dist'), join(snap, 'dist'), { recursive: true });
  cpSync(join(repo, 'bin'), join(snap, 'bin'), { recursive: true });
  // dist/ reads its version from ../package.json
  cpSync(join(repo, 'package.json'), join(snap, 'package.json'));
  return join(snap, 'bin', 'tsguard.js');
}

async function streamDigest(
  file: string,
): Promise<{ sha256: string; lines: bigint; lineCount: number }> {
  const sha = createHash('sha256');
  await new Promise<void>((res, rej) => {
    createReadStream(file)
      .on('data', (c) => sha.update(c))
      .on('end', () => res())
      .on('error', rej);
  });
  let lines = 0n;
  let lineCount = 0;
  const rl = createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of rl) {
    lines = addLineToDigest(lines, line);
    lineCount++;
  }
  return { sha256: sha.digest('hex'), lines, lineCount };
}

async function compareFiles(tsFile: string, refFile: string, json: boolean): Promise<Verdict> {
  if (statSync(tsFile).size > HUGE_OUTPUT_BYTES || statSync(refFile).size > HUGE_OUTPUT_BYTES) {
    return compareDigests(await streamDigest(tsFile), await streamDigest(refFile));
  }
  return compareOutputs(readFileSync(tsFile, 'utf8'), readFileSync(refFile, 'utf8'), json);
}

interface Session {
  readonly benchDir: string;
  readonly workDir: string;
  readonly timeBin: string | undefined;
  readonly opts: BenchOptions;
}

async function runSide(
  s: Session,
  side: Side,
  id: string,
  args: readonly string[],
): Promise<Sample> {
  return runOnce({
    program: side.program,
    args: [...side.prefix, ...args],
    cwd: s.benchDir,
    stdoutFile: join(s.workDir, 'out', `${id}.${side.name}.stdout`),
    stderrFile: join(s.workDir, 'out', `${id}.${side.name}.stderr`),
    timeBin: s.timeBin,
    timeoutS: s.opts.timeoutS,
    timeFile: join(s.workDir, 'out', `${side.name}.${process.pid}.time`),
  });
}

function fmtSample(x: Sample): string {
  const cpu = x.userS === undefined ? 'n/a' : `${(x.userS + (x.sysS ?? 0)).toFixed(2)} s`;
  const rss = x.maxRssKiB === undefined ? 'n/a' : `${(x.maxRssKiB / 1024).toFixed(1)} MiB`;
  return `wall ${x.wallS.toFixed(3)} s, cpu ${cpu}, rss ${rss}, exit ${x.exit}`;
}

/** Picks the output mode: structured JSON when tsguard can print it for W1. */
async function chooseMode(s: Session, ts: Side, spec: WorkloadSpec): Promise<OutputMode> {
  if (s.opts.mode !== 'auto') return s.opts.mode;
  const probe = await runSide(s, ts, 'probe', commandArgs(spec, 'structured'));
  if (probe.exit === 0 || probe.exit === 19) return 'structured';
  const why = readFileSync(join(s.workDir, 'out', 'probe.tsguard.stderr'), 'utf8').trim();
  log(`tsguard cannot print structured output yet (exit ${probe.exit}: ${why.split('\n')[0]});`);
  log('comparing the non-structured `-o json -S none` report instead');
  return 'json';
}

/**
 * A command timed in the same loop as a workload, one run after each round
 * of its sides: bare `node -e 0` beside W1, so the start-up floor sees the
 * same machine phase as W1 itself (this VM's speed drifts from minute to
 * minute, and a separate batch made the W1/floor ratio swing by 0.3).
 */
interface Alongside {
  readonly side: Side;
  readonly tag: string;
  readonly args: readonly string[];
  readonly samples: Sample[];
}

async function benchWorkload(
  s: Session,
  sides: readonly Side[],
  spec: WorkloadSpec,
  mode: OutputMode,
  alongside?: Alongside,
): Promise<WorkloadResult> {
  // reference-z always prints structured output; the others print the session's mode
  const argsOf = (side: Side): string[] =>
    commandArgs(spec, side.name === 'reference-z' ? 'structured' : mode);
  const args = commandArgs(spec, mode);
  // the test command has no structured output: nothing to add for it
  const active = sides.filter((x) => x.name !== 'reference-z' || spec.command === 'validate');
  log(`== ${spec.id}: GUARD ${args.join(' ')}`);
  const warmup = s.opts.warmup ?? (spec.long ? 0 : 1);
  for (let i = 0; i < warmup; i++) {
    for (const side of active) await runSide(s, side, spec.id, argsOf(side));
    if (alongside) await runSide(s, alongside.side, alongside.tag, alongside.args);
  }
  const samples: Record<Side['name'], Sample[]> = { tsguard: [], reference: [], 'reference-z': [] };
  for (let i = 1; i <= s.opts.runs; i++) {
    for (const side of active) {
      const x = await runSide(s, side, spec.id, argsOf(side));
      samples[side.name].push(x);
      log(`   run ${i} ${side.name.padEnd(11)} ${fmtSample(x)}`);
    }
    if (alongside) {
      const x = await runSide(s, alongside.side, alongside.tag, alongside.args);
      alongside.samples.push(x);
      log(`   run ${i} ${alongside.tag.padEnd(11)} ${fmtSample(x)}`);
    }
  }
  const out = (n: string): string => join(s.workDir, 'out', `${spec.id}.${n}.stdout`);
  const verdict = await compareFiles(out('tsguard'), out('reference'), spec.command === 'validate');
  const refZ = samples['reference-z'];
  return {
    id: spec.id,
    tsguard: summarise(samples.tsguard),
    reference: summarise(samples.reference),
    ...(refZ.length > 0 ? { referenceStructured: summarise(refZ) } : {}),
    verdict,
    stdoutBytes: {
      tsguard: statSync(out('tsguard')).size,
      reference: statSync(out('reference')).size,
    },
    // the work folder is machine-specific: show it as $WORK in the report
    commandLine: args.join(' ').replaceAll(s.workDir, '$WORK'),
  };
}

/** `--profile`: one tsguard run per workload under the V8 sampling profiler. */
async function profileWorkloads(
  s: Session,
  tsEntry: string,
  specs: readonly WorkloadSpec[],
  mode: OutputMode,
): Promise<string> {
  const parts: string[] = [];
  for (const spec of specs) {
    const dir = join(s.workDir, 'prof', spec.id);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const side: Side = {
      name: 'tsguard',
      program: process.execPath,
      // the unbundled dist/ tree of the same snapshot, so functions keep their files
      prefix: [
        '--cpu-prof',
        '--cpu-prof-dir',
        dir,
        join(dirname(fileURLToPath(import.meta.url)), 'profile-entry.js'),
        join(dirname(dirname(tsEntry)), 'dist'),
      ],
    };
    const args = commandArgs(spec, mode);
    log(`== profiling ${spec.id}: GUARD ${args.join(' ')}`);
    const x = await runSide(s, side, `${spec.id}.prof`, args);
    log(`   ${fmtSample(x)}`);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (file === undefined) throw new Error(`no .cpuprofile written for ${spec.id}`);
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    parts.push(renderProfile(`${spec.id}: ${fmtSample(x)}`, summariseProfile(profile, 25)));
    log(`   profile: ${join(dir, file)}`);
  }
  return parts.join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const opts = parseBenchArgs(argv);
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const ids = expandWorkloads(opts.workloads);
  const textIds = expandWorkloads(opts.textVsJson);
  const repo = findRepoRoot();
  const benchDir = resolve(repo, opts.benchDir ?? '../shared/bench');
  if (!existsSync(join(benchDir, 'templates')) || !existsSync(join(benchDir, 'rules'))) {
    throw new Error(
      `${benchDir} is not a bench folder (no templates/ and rules/); use --bench-dir`,
    );
  }
  const workDir = resolve(repo, opts.workDir ?? 'bench-results/work');
  mkdirSync(join(workDir, 'out'), { recursive: true });
  const reference = join(repo, REFERENCE_BIN);
  if (!existsSync(reference)) throw new Error(`reference binary not found at ${reference}`);
  if (!existsSync(join(repo, 'dist', 'cli.js')))
    throw new Error('dist/ is missing: npm run build first');
  const tsEntry = opts.snapshot ? snapshotTsguard(repo) : join(repo, 'bin', 'tsguard.js');
  try {
    return await runSession(opts, ids, textIds, repo, benchDir, workDir, tsEntry);
  } finally {
    if (opts.snapshot) rmSync(dirname(dirname(tsEntry)), { recursive: true, force: true });
  }
}

async function runSession(
  opts: BenchOptions,
  ids: readonly WorkloadId[],
  textIds: readonly WorkloadId[],
  repo: string,
  benchDir: string,
  workDir: string,
  tsEntry: string,
): Promise<number> {
  const reference = join(repo, REFERENCE_BIN);
  const timeBin = findTimeBin();
  if (timeBin === undefined) log('GNU time not found at /usr/bin/time: CPU and RSS will be n/a');

  const s: Session = { benchDir, workDir, timeBin, opts };
  const ts: Side = { name: 'tsguard', program: process.execPath, prefix: [tsEntry] };
  const ref: Side = { name: 'reference', program: reference, prefix: [] };
  const inputs = makeInputs(benchDir, workDir, log);
  const loadAverage = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  // checked (and inputs generated) before any run, so a bad id fails at once
  const textSpecs = textIds.map((id) => workloadSpec(id, inputs));
  for (const spec of textSpecs) textArgs(spec);
  // --text-vs-json alone compares structured JSON whatever tsguard's W1 probe says
  const mode = ids.length > 0 ? await chooseMode(s, ts, workloadSpec('W1', inputs)) : 'structured';
  if (opts.profile) {
    const text = await profileWorkloads(
      s,
      tsEntry,
      ids.map((id) => workloadSpec(id, inputs)),
      mode,
    );
    process.stdout.write(`\n${text}`);
    writeOut(opts, text);
    return 0;
  }

  // In json mode the reference's non-structured JSON reporter is much slower
  // than its structured one (2x the CPU on W3-10), so the reference is also
  // timed with -z for context; the answer check stays json against json.
  const sides = mode === 'json' ? [ts, ref, { ...ref, name: 'reference-z' as const }] : [ts, ref];
  const results: WorkloadResult[] = [];
  let startup: Summary | undefined;
  for (const id of ids) {
    // W1 runs interleaved with bare `node -e 0`, Node's start-up floor.
    const floor: Alongside | undefined =
      id === 'W1'
        ? {
            side: { name: 'tsguard', program: process.execPath, prefix: [] },
            tag: 'node-e-0',
            args: ['-e', '0'],
            samples: [],
          }
        : undefined;
    results.push(await benchWorkload(s, sides, workloadSpec(id, inputs), mode, floor));
    if (floor) startup = summarise(floor.samples);
  }

  const textResults: TextVsJsonResult[] = [];
  for (const spec of textSpecs) {
    const runner = {
      run: (tag: string, args: readonly string[]) => runSide(s, ts, tag, args),
      stdoutFile: (tag: string) => join(workDir, 'out', `${tag}.tsguard.stdout`),
      log,
      describe: fmtSample,
      display: (args: readonly string[]) => args.join(' ').replaceAll(workDir, '$WORK'),
    };
    const warmup = opts.warmup ?? (spec.long ? 0 : 1);
    textResults.push(await benchTextVsJson(runner, spec, opts.runs, warmup));
  }

  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'})`;
  const main = renderReport(
    {
      date,
      machine,
      node: `Node ${process.version}`,
      mode:
        mode === 'structured'
          ? 'structured JSON (`-z -o json -S none`)'
          : 'non-structured JSON report (`-o json -S none`; tsguard has no `--structured` output yet)',
      runs: opts.runs,
      loadAverage,
      timing:
        timeBin === undefined
          ? 'wall clock only'
          : 'GNU time (CPU = user + sys, peak RSS = max resident set of the child), wall from the harness clock',
    },
    results,
    startup,
  );
  // alone, the text-vs-json table gets the session line the main report would have given
  const session = `Bench session ${date}: ${machine}; Node ${process.version}; load average at start: ${loadAverage}.\n`;
  const parts = ids.length > 0 ? [main] : [session];
  if (textResults.length > 0) parts.push(renderTextVsJson(textResults, opts.runs));
  const report = parts.join('\n');
  process.stdout.write(`\n${report}`);
  writeFileSync(
    join(workDir, `results-${Date.now()}.json`),
    `${JSON.stringify({ mode, results, startup, textVsJson: textResults }, (_k, v) => (typeof v === 'bigint' ? String(v) : v), 2)}\n`,
  );
  writeOut(opts, report);
  const bad = results.filter(
    (r) =>
      r.verdict.kind === 'different' ||
      r.tsguard.exits.join() !== r.reference.exits.join() ||
      r.tsguard.exits.length !== 1,
  );
  if (bad.length > 0) log(`answers differ on: ${bad.map((r) => r.id).join(', ')}`);
  const textProblems = textResults.flatMap(textVsJsonProblems);
  for (const p of textProblems) log(p);
  return bad.length > 0 || textProblems.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    log(`bench: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
  },
);
