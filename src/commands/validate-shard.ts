/**
 * One data file's share of a validate run, as a worker thread (or the main
 * thread, taking its turn) computes it for the parallel runner
 * (parallel-validate.ts): the data file is parsed, evaluated against every
 * rules file, and turned into exactly what the main thread must print for it
 * — text, never live objects, so the outcome crosses threads as a plain
 * structured clone. The main thread prints the outcomes in the sequential
 * order (validate-replay.ts), which is why nothing here writes anywhere.
 */

import { loadDataDocument } from '../data/load-data.js';
import type { Value } from '../data/value.js';
import type { ErrorCode } from '../diag/codes.js';
import { isGuardError } from '../diag/errors.js';
import { buildFileReport, type FileReport } from '../report/file-report.js';
import { type JunitOutcome, junitTestCase } from '../report/junit.js';
import { buildSarifReport } from '../report/sarif.js';
import type { SarifArtifact, SarifResult } from '../report/sarif-types.js';
import { combineDataFileReports, writeStructured } from '../report/structured.js';
import type { SummaryKind } from '../report/types.js';
import { junitClock } from './junit-clock.js';
import type { ValidateOptions } from './options.js';
import type { DataText, RulesSource } from './validate-inputs.js';
import { loadParams, withParameters } from './validate-inputs.js';
import { pairReporter } from './validate-output.js';
import { evaluateParsed, type ParsedRules, parseRules } from './validate-rules.js';

/** Everything a shard needs, sent once to each worker (`workerData`): plain data only. */
export interface ShardJob {
  readonly options: ValidateOptions;
  readonly kinds: readonly SummaryKind[];
  /** Every rules source in order; `text` undefined when it could not be read. */
  readonly rules: readonly RulesSource[];
  readonly data: readonly DataText[];
  /** `-i` files as read (they loaded without error on the main thread). */
  readonly params: readonly DataText[] | undefined;
}

/** A thrown error, carried across threads so the main thread can throw it again. */
export type ErrorInfo =
  | {
      readonly guard: true;
      readonly code: ErrorCode;
      readonly message: string;
      readonly compat: string | undefined;
    }
  | { readonly guard: false; readonly message: string };

/** Non-structured: what one (rules file, data file) pair printed. */
export type PairOutcome =
  | { readonly kind: 'printed'; readonly text: string; readonly failed: boolean }
  /** EVAL-12: `text` is what the pair printed before the error (the summary table, say). */
  | { readonly kind: 'error'; readonly text: string; readonly error: ErrorInfo };

/** JUnit: one test case, its time relative to the start of its data file. */
export interface ShardTestCase {
  readonly name: string;
  /** Milliseconds since the data file's evaluation began; undefined for a rules-file error (time 0). */
  readonly offsetMs: number | undefined;
  readonly outcome: JunitOutcome;
}

export type StructuredPiece =
  /** JSON: the array item (indented one level); YAML: the `- ` sequence item. */
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'sarif';
      readonly name: string;
      /** The file's artifact when it failed; listed once per name (OUT-SARIF-02). */
      readonly artifact: SarifArtifact | undefined;
      readonly results: readonly SarifResult[];
    }
  | {
      readonly kind: 'junit';
      readonly name: string;
      readonly testCases: readonly ShardTestCase[];
      readonly durationMs: number;
    };

export type FileOutcome =
  /** The data file did not parse: the whole run ends with this error (loaded before evaluating). */
  | { readonly kind: 'data-error'; readonly error: ErrorInfo }
  /** Non-structured: one entry per rules file, undefined where nothing is evaluated. */
  | { readonly kind: 'pairs'; readonly pairs: readonly (PairOutcome | undefined)[] }
  | {
      readonly kind: 'structured';
      /** The first evaluation error, in rules order; it ends the run (nothing else is used). */
      readonly error: ErrorInfo | undefined;
      /** The combined status is FAIL (JSON, YAML, SARIF exit code). */
      readonly failed: boolean;
      /** Some JUnit test case failed (the JUnit exit code). */
      readonly anyCaseFailed: boolean;
      readonly piece: StructuredPiece | undefined;
    };

/** A rules file as a shard sees it. */
export type ShardRules =
  | { readonly kind: 'ready'; readonly rules: ParsedRules }
  | { readonly kind: 'parse-error'; readonly name: string; readonly message: string }
  /** Could not be read: non-structured validate says so and goes on (CLI-VAL-13). */
  | { readonly kind: 'unreadable'; readonly readError: string | undefined }
  /** Preparing it threw: the run ends here with `error`; later files are left out. */
  | { readonly kind: 'stop'; readonly error: unknown };

export interface ShardState {
  readonly job: ShardJob;
  readonly rules: readonly ShardRules[];
  readonly params: Value | undefined;
}

export function errorInfo(err: unknown): ErrorInfo {
  if (isGuardError(err)) {
    return { guard: true, code: err.code, message: err.message, compat: err.compat };
  }
  return { guard: false, message: err instanceof Error ? err.message : String(err) };
}

/**
 * Parses every rules file as the sequential run would, up to the first one
 * whose preparation throws: the run ends there, so nothing after it is used.
 */
export function parseShardRules(rules: readonly RulesSource[]): ShardRules[] {
  const out: ShardRules[] = [];
  for (const source of rules) {
    if (source.text === undefined) {
      out.push({ kind: 'unreadable', readError: source.readError });
      continue;
    }
    try {
      const parsed = parseRules({ name: source.name, text: source.text });
      out.push(
        parsed.ok
          ? { kind: 'ready', rules: parsed.rules }
          : { kind: 'parse-error', name: source.name, message: parsed.message },
      );
    } catch (error) {
      out.push({ kind: 'stop', error });
      break;
    }
  }
  return out;
}

/** A worker's state: the rules parsed and the parameters loaded once for all its files. */
export function prepareShard(job: ShardJob, rules?: readonly ShardRules[]): ShardState {
  const params =
    job.params === undefined ? undefined : loadParams({ files: job.params, stop: undefined });
  return { job, rules: rules ?? parseShardRules(job.rules), params };
}

/** Evaluates data file `index` of the job. Never throws for bad input: errors are outcomes. */
export function evaluateDataFile(state: ShardState, index: number): FileOutcome {
  const file = state.job.data[index];
  if (file === undefined) throw new RangeError(`no data file ${index}`);
  let value: Value;
  try {
    value = loadDataDocument(file.text, file.name);
  } catch (err) {
    return { kind: 'data-error', error: errorInfo(err) };
  }
  // The parameters are merged per data file; a conflict is a hard error
  // where the sequential run meets it: at this file's first evaluation.
  let root: Value | { readonly mergeError: ErrorInfo };
  try {
    root = withParameters(state.params, value);
  } catch (err) {
    root = { mergeError: errorInfo(err) };
  }
  const dataFile = { name: file.name, text: file.text, value };
  return state.job.options.structured
    ? structuredOutcome(state, root, file.name)
    : pairsOutcome(state, root, dataFile);
}

function isMergeError(root: Value | { readonly mergeError: ErrorInfo }): root is {
  readonly mergeError: ErrorInfo;
} {
  return 'mergeError' in root;
}

function pairsOutcome(
  state: ShardState,
  root: Value | { readonly mergeError: ErrorInfo },
  dataFile: { name: string; text: string; value: Value },
): FileOutcome {
  const chunks: string[] = [];
  const report = pairReporter(state.job.options, new Set(state.job.kinds), {
    write: (text) => void chunks.push(text),
  });
  const pairs: (PairOutcome | undefined)[] = [];
  for (const entry of state.rules) {
    if (entry.kind !== 'ready' || entry.rules.prepared === undefined) {
      pairs.push(undefined);
      continue;
    }
    if (isMergeError(root)) {
      pairs.push({ kind: 'error', text: '', error: root.mergeError });
      continue;
    }
    chunks.length = 0;
    try {
      const result = evaluateParsed(entry.rules, root, dataFile.name);
      if (result === undefined) {
        pairs.push(undefined);
        continue;
      }
      report(result, root, dataFile);
      pairs.push({ kind: 'printed', text: chunks.join(''), failed: result.status === 'FAIL' });
    } catch (err) {
      pairs.push({ kind: 'error', text: chunks.join(''), error: errorInfo(err) });
    }
  }
  return { kind: 'pairs', pairs };
}

function structuredOutcome(
  state: ShardState,
  root: Value | { readonly mergeError: ErrorInfo },
  dataName: string,
): FileOutcome {
  if (isMergeError(root)) {
    return {
      kind: 'structured',
      error: root.mergeError,
      failed: false,
      anyCaseFailed: false,
      piece: undefined,
    };
  }
  const format = state.job.options.outputFormat;
  const now = junitClock(format);
  const started = now();
  const reports: FileReport[] = [];
  const testCases: ShardTestCase[] = [];
  try {
    for (const entry of state.rules) {
      if (entry.kind === 'stop' || entry.kind === 'unreadable') break;
      if (entry.kind === 'parse-error') {
        const outcome: JunitOutcome = { kind: 'error', message: entry.message };
        testCases.push({ name: entry.name, offsetMs: undefined, outcome });
        continue;
      }
      const result = evaluateParsed(entry.rules, root, dataName);
      if (result === undefined) continue;
      const report = buildFileReport(result);
      reports.push(report);
      if (format === 'junit') {
        const tc = junitTestCase(entry.rules.name, report, 0);
        testCases.push({
          name: tc.name,
          offsetMs: now() - started,
          outcome: plainOutcome(tc.outcome),
        });
      }
    }
    const combined = combineDataFileReports(dataName, reports);
    return {
      kind: 'structured',
      error: undefined,
      failed: combined.status === 'FAIL',
      anyCaseFailed: testCases.some((t) => t.outcome.kind === 'fail'),
      piece: structuredPiece(format, combined, testCases, now() - started),
    };
  } catch (err) {
    return {
      kind: 'structured',
      error: errorInfo(err),
      failed: false,
      anyCaseFailed: false,
      piece: undefined,
    };
  }
}

/** JUnit failures read their texts lazily from the report; a clone needs them read. */
function plainOutcome(outcome: JunitOutcome): JunitOutcome {
  if (outcome.kind !== 'fail') return outcome;
  const { ruleName, texts } = outcome.failure;
  return { kind: 'fail', failure: { ruleName, texts: [...texts] } };
}

const JSON_ITEM_HEAD = '[\n  ';
const JSON_ITEM_TAIL = '\n]';

function structuredPiece(
  format: ValidateOptions['outputFormat'],
  combined: FileReport,
  testCases: readonly ShardTestCase[],
  durationMs: number,
): StructuredPiece | undefined {
  switch (format) {
    case 'json': {
      // OUT-JSON-03 is a pretty array: item i is printed after `[` or `,`
      // and a newline plus two spaces, so a one-item array holds the item's
      // text exactly as the whole array would (validate-replay.ts joins them).
      const chunks: string[] = [];
      writeStructured([combined], 'json', chunks);
      const text = chunks.join('');
      if (!text.startsWith(JSON_ITEM_HEAD) || !text.endsWith(JSON_ITEM_TAIL)) {
        throw new Error('unexpected shape of a one-item structured JSON array');
      }
      return { kind: 'text', text: text.slice(JSON_ITEM_HEAD.length, -JSON_ITEM_TAIL.length) };
    }
    case 'yaml': {
      // A block sequence of one item is that item's `- ` entry; entries concatenate.
      const chunks: string[] = [];
      writeStructured([combined], 'yaml', chunks);
      return { kind: 'text', text: chunks.join('') };
    }
    case 'sarif': {
      // The tool is named once, by the main thread; only the artifact and results matter here.
      const run = buildSarifReport([combined], { name: '', version: '' }).runs[0];
      return {
        kind: 'sarif',
        name: combined.name,
        artifact: run?.artifacts[0],
        results: run?.results ?? [],
      };
    }
    case 'junit':
      return { kind: 'junit', name: combined.name, testCases, durationMs };
    case 'single-line-summary':
      return undefined;
  }
}

/** JSON's item texts joined into the OUT-JSON-03 array (see structuredPiece). */
export function joinJsonItems(items: readonly string[]): string {
  if (items.length === 0) return '[]';
  return `[${items.map((item) => `\n  ${item}`).join(',')}\n]`;
}
