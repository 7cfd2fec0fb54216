/**
 * Issue 6: `validate` over many data files on worker threads, printing
 * exactly what the sequential run prints (stdout, stderr, exit code).
 *
 * Shape. The main thread reads every input (data texts, parameters, rules
 * texts) as the sequential run would, parses the rules once for itself, and
 * starts `threads - 1` workers with the texts (validate-worker.ts). Then it
 * takes its own turn: main thread and workers claim data files one at a time
 * from a shared counter, and each file's outcome is text plus flags
 * (validate-shard.ts). When all are done the main thread prints the outcomes
 * in the sequential order (validate-replay.ts). A worker that fails to start
 * or dies leaves files unclaimed or unreported; the main thread evaluates
 * those itself, so a broken worker costs time, never output.
 *
 * When. Only when it pays (`chooseThreads`): more than one core, at least two
 * data files, and enough evaluation work, estimated from the input sizes, to
 * repay a worker's start-up (a thread, the bundle, and parsing every rules
 * file again). `TSGUARD_THREADS=N` overrides the choice (1: never;
 * threads-setting.ts checks it). Anything
 * unusual before evaluation (a data or parameter file that cannot be read or
 * parsed, a missing rules path, a structured run whose rules cannot be used)
 * takes the sequential path, which already prints the right error.
 */

import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Value } from '../data/value.js';
import type { Io } from './io.js';
import { junitClock } from './junit-clock.js';
import type { ValidateOptions } from './options.js';
import { envOf, readThreadsSetting } from './threads-setting.js';
import type { DataTexts, RulesSource } from './validate-inputs.js';
import { loadParams } from './validate-inputs.js';
import { replayPerRulesFile, replayStructured } from './validate-replay.js';
import {
  evaluateDataFile,
  type FileOutcome,
  parseShardRules,
  type ShardJob,
  type ShardRules,
  type ShardState,
} from './validate-shard.js';
import type { ToolIdentity } from './validate-structured.js';
import { runClaimLoop, type WorkerData, type WorkerMessage } from './validate-worker.js';

// ---------------------------------------------------------------------------
// When to go parallel

/** What the choice of thread count looks at; sizes in UTF-16 units of the texts. */
export interface BatchSize {
  readonly dataFiles: number;
  readonly dataChars: number;
  readonly rulesChars: number;
}

/**
 * Cost model, in CPU milliseconds, measured on the 2-core bench machine
 * (docs/cli.md, "Threads"). Loading a data file costs about its size; its
 * evaluation about its size times the rules' size; a worker costs a start
 * (thread, bundle, first compilations) plus parsing every rules file again.
 */
export const COST = {
  /** Loading data, per character. */
  loadPerDataChar: 1.2e-3,
  /** Evaluating, per (data character × rules character). */
  evalPerCharPair: 6e-9,
  /** Starting a worker: thread, bundle, first compilations. */
  workerStartMs: 100,
  /** Parsing and preparing the rules, per character. */
  rulesPerChar: 4.5e-4,
} as const;

/**
 * Threads to use, counting the main thread: never more than data files, and
 * `override` (TSGUARD_THREADS) wins. Otherwise: with work W, a worker's start
 * S and rules parse R, t threads that share the files as they go finish
 * after about R + (W + (t - 1)·S) / t instead of R + W, saving
 * (t - 1)(W - S) / t of wall time for (t - 1)(S + R) more CPU. Take the most
 * threads (up to the cores) for which the time saved is at least the CPU
 * spent: t ≤ (W - S) / (S + R).
 */
export function chooseThreads(
  batch: BatchSize,
  cores: number,
  override: number | undefined,
): number {
  const cap = Math.max(1, batch.dataFiles);
  if (override !== undefined) return Math.min(override, cap);
  const work = batch.dataChars * (COST.loadPerDataChar + batch.rulesChars * COST.evalPerCharPair);
  const perWorker = COST.workerStartMs + batch.rulesChars * COST.rulesPerChar;
  const worthIt = Math.floor((work - COST.workerStartMs) / perWorker);
  const threads = Math.min(cores, cap, worthIt);
  return threads >= 2 ? threads : 1;
}

// ---------------------------------------------------------------------------
// Starting workers

/** Starts one worker with `data`, reports its messages, and settles when it is gone. */
export type SpawnWorker = (
  data: WorkerData,
  onMessage: (m: WorkerMessage) => void,
) => Promise<void>;

/** The loader a bundle worker evaluates: the bundle (with bin's code cache when present), then its entry. */
const BUNDLE_LOADER = `
const { parentPort, workerData } = require('node:worker_threads');
const { dirname, join } = require('node:path');
let api;
try {
  api = require(join(dirname(workerData.bundle), '..', 'bin', 'tsguard.js')).loadBundle().exports;
} catch {
  api = require(workerData.bundle);
}
if (typeof api.validateWorkerMain === 'function') api.validateWorkerMain();
else parentPort.postMessage({ kind: 'unavailable' });
`;

function startWorker(
  script: string | URL,
  data: WorkerData & { readonly bundle?: string },
  evalCode: boolean,
  onMessage: (m: WorkerMessage | { kind: 'unavailable' }) => void,
): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      // Own stdout/stderr streams, never read: nothing a worker prints may
      // reach the run's output.
      worker = new Worker(script, { eval: evalCode, workerData: data, stdout: true, stderr: true });
    } catch {
      resolve();
      return;
    }
    worker.on('message', onMessage);
    // A worker that throws is reported by 'exit' next; its files are redone.
    worker.on('error', () => undefined);
    worker.on('exit', () => resolve());
  });
}

/**
 * Workers that run this same build: from the bundle (dist/tsguard.cjs) a
 * worker loads the bundle and calls its `validateWorkerMain` export, or,
 * when this bundle does not export it, tsc's dist/commands/validate-worker-entry.js;
 * from tsc's output, that file next to this one. From the TypeScript sources
 * (vitest) there is no script a worker could run: undefined.
 */
export function defaultSpawner(selfUrl: string = import.meta.url): SpawnWorker | undefined {
  if (selfUrl.endsWith('.cjs')) {
    const bundle = fileURLToPath(selfUrl);
    const entry = new URL('./commands/validate-worker-entry.js', selfUrl);
    return async (data, onMessage) => {
      let unavailable = false;
      await startWorker(BUNDLE_LOADER, { ...data, bundle }, true, (m) => {
        if (m.kind === 'unavailable') unavailable = true;
        else onMessage(m);
      });
      if (unavailable) await startWorker(entry, data, false, relay(onMessage));
    };
  }
  if (selfUrl.endsWith('.js')) return fileSpawner(new URL('./validate-worker-entry.js', selfUrl));
  return undefined;
}

/** Workers that run `script`, a file that starts a validate worker when loaded. */
export function fileSpawner(script: string | URL): SpawnWorker {
  return (data, onMessage) => startWorker(script, data, false, relay(onMessage));
}

function relay(onMessage: (m: WorkerMessage) => void) {
  return (m: WorkerMessage | { kind: 'unavailable' }): void => {
    if (m.kind !== 'unavailable') onMessage(m);
  };
}

// ---------------------------------------------------------------------------
// Running

/** How a validate run may use threads; every field optional (tests set them). */
export interface ParallelSettings {
  /** Threads including the main thread; undefined: TSGUARD_THREADS, then `chooseThreads`. */
  readonly threads?: number;
  /** Starts a worker; undefined: `defaultSpawner()`. */
  readonly spawn?: SpawnWorker;
  /** Cores to plan for; undefined: `os.availableParallelism()`. */
  readonly cores?: number;
  /**
   * Whether the main thread evaluates files too (default true). Tests turn
   * it off so that workers, however slow to start, get every file.
   */
  readonly mainTakesTurn?: boolean;
  /** Told what the run did (tests). */
  readonly onStats?: (stats: ParallelStats) => void;
}

export interface ParallelStats {
  readonly threads: number;
  /** Data files whose outcome came from a worker. */
  readonly byWorkers: number;
}

export interface ValidateInputs {
  readonly options: ValidateOptions;
  readonly kinds: ReadonlySet<'pass' | 'fail' | 'skip'>;
  readonly data: DataTexts;
  readonly params: DataTexts | undefined;
  /** The rules as read, or what reading them threw. */
  readonly sources:
    | { readonly ok: true; readonly sources: readonly RulesSource[] }
    | {
        readonly ok: false;
      };
  readonly tool: ToolIdentity;
}

/** TSGUARD_THREADS, already checked by validate.ts (an invalid value never gets here). */
function threadsOverride(io: Io): number | undefined {
  const setting = readThreadsSetting(envOf(io)?.TSGUARD_THREADS);
  return setting.ok ? setting.threads : undefined;
}

function textLength(texts: readonly { readonly text?: string | undefined }[]): number {
  let n = 0;
  for (const t of texts) n += t.text?.length ?? 0;
  return n;
}

/**
 * Runs validate on threads when that is possible and pays, returning the exit
 * code; undefined when the caller should run sequentially (nothing has been
 * printed then).
 */
export async function runParallelIfWorthIt(
  input: ValidateInputs,
  io: Io,
  settings: ParallelSettings = {},
): Promise<number | undefined> {
  const { data, params, sources, options } = input;
  if (data.stop !== undefined || params?.stop !== undefined || !sources.ok) return undefined;
  const spawn = settings.spawn ?? defaultSpawner();
  if (spawn === undefined) return undefined;
  const threads =
    settings.threads ??
    chooseThreads(
      {
        dataFiles: data.files.length,
        dataChars: textLength(data.files),
        rulesChars: textLength(sources.sources),
      },
      settings.cores ?? availableParallelism(),
      threadsOverride(io),
    );
  if (Math.min(threads, data.files.length) < 2) return undefined;

  let paramsValue: Value | undefined;
  try {
    paramsValue = loadParams(params);
  } catch {
    return undefined;
  }
  // Structured validate stops at the first rules file it cannot read (validate-structured.ts).
  if (options.structured && sources.sources.some((source) => source.text === undefined)) {
    return undefined;
  }
  const job: ShardJob = {
    options,
    kinds: [...input.kinds],
    rules: sources.sources,
    data: data.files,
    params: params?.files,
  };
  const started = junitClock(options.outputFormat)();
  const run = await evaluateAll(
    job,
    paramsValue,
    Math.min(threads, data.files.length),
    spawn,
    settings.mainTakesTurn ?? true,
  );
  if (run === undefined) return undefined;
  settings.onStats?.(run.stats);
  return options.structured
    ? replayStructured(run.rules, run.outcomes, options, io, input.tool, started)
    : replayPerRulesFile(run.rules, run.outcomes, io);
}

interface ParallelRun {
  readonly rules: readonly ShardRules[];
  readonly outcomes: readonly FileOutcome[];
  readonly stats: ParallelStats;
}

/**
 * Every data file's outcome, computed by the main thread and `threads - 1`
 * workers; undefined when, in structured mode, preparing a rules file threw
 * (the sequential run reports that before evaluating anything).
 */
async function evaluateAll(
  job: ShardJob,
  params: Value | undefined,
  threads: number,
  spawn: SpawnWorker,
  mainTakesTurn: boolean,
): Promise<ParallelRun | undefined> {
  const total = job.data.length;
  const counter = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const claims = new Int32Array(counter);
  const outcomes: (FileOutcome | undefined)[] = new Array(total).fill(undefined);
  let byWorkers = 0;
  const data: WorkerData = { kind: 'tsguard-validate', job, counter };
  const workers: Promise<void>[] = [];
  // Workers first, so that their start overlaps the main thread's own rules parse.
  for (let i = 1; i < threads; i++) {
    workers.push(
      spawn(data, (m) => {
        if (m.kind !== 'file' || outcomes[m.index] !== undefined) return;
        outcomes[m.index] = m.outcome;
        byWorkers++;
      }).catch(() => undefined),
    );
  }
  const rules = parseShardRules(job.rules);
  if (job.options.structured && rules.some((r) => r.kind === 'stop')) {
    Atomics.store(claims, 0, total); // nothing left to claim: the workers end at once
    await Promise.all(workers);
    return undefined;
  }
  const state: ShardState = { job, rules, params };
  if (mainTakesTurn) {
    runClaimLoop(state, claims, (index, outcome) => {
      outcomes[index] = outcome;
    });
  }
  await Promise.all(workers);
  // Files a failed worker claimed but never reported.
  const all = outcomes.map((o, index) => o ?? evaluateDataFile(state, index));
  return { rules, outcomes: all, stats: { threads, byWorkers } };
}
