/**
 * The worker-thread side of parallel validate (parallel-validate.ts). A
 * worker parses the rules itself (parsed rules cannot cross threads), then
 * claims data files one at a time from a counter it shares with the main
 * thread and the other workers, and posts each file's outcome (text and
 * flags, validate-shard.ts) back. Claiming as it goes, rather than taking a
 * fixed shard, keeps every thread busy when template sizes are uneven.
 */

import { parentPort, workerData } from 'node:worker_threads';
import {
  evaluateDataFile,
  type FileOutcome,
  prepareShard,
  type ShardJob,
  type ShardState,
} from './validate-shard.js';

/** `workerData` of a validate worker. */
export interface WorkerData {
  readonly kind: 'tsguard-validate';
  readonly job: ShardJob;
  /** Int32Array over it: [0] is the next unclaimed data file index. */
  readonly counter: SharedArrayBuffer;
}

export type WorkerMessage =
  | { readonly kind: 'file'; readonly index: number; readonly outcome: FileOutcome }
  | { readonly kind: 'done' };

/** Takes the next data file index nobody has claimed, or undefined when none is left. */
export function claimNext(counter: Int32Array, total: number): number | undefined {
  const index = Atomics.add(counter, 0, 1);
  return index < total ? index : undefined;
}

/** Evaluates data files until none is left, reporting each through `post`. */
export function runClaimLoop(
  state: ShardState,
  counter: Int32Array,
  post: (index: number, outcome: FileOutcome) => void,
): void {
  const total = state.job.data.length;
  for (
    let index = claimNext(counter, total);
    index !== undefined;
    index = claimNext(counter, total)
  ) {
    post(index, evaluateDataFile(state, index));
  }
}

export function isWorkerData(value: unknown): value is WorkerData {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'tsguard-validate'
  );
}

/**
 * Entry point on a worker thread (the bundle exports it; validate-worker-entry.ts
 * calls it for tsc's output). Throws outside a validate worker.
 */
export function validateWorkerMain(): void {
  const port = parentPort;
  const data: unknown = workerData;
  if (port === null || !isWorkerData(data)) {
    throw new Error('validateWorkerMain runs only on a validate worker thread');
  }
  const state = prepareShard(data.job);
  const counter = new Int32Array(data.counter);
  runClaimLoop(state, counter, (index, outcome) => {
    const message: WorkerMessage = { kind: 'file', index, outcome };
    port.postMessage(message);
  });
  const done: WorkerMessage = { kind: 'done' };
  port.postMessage(done);
}
