/**
 * Printing a parallel validate run (parallel-validate.ts) from the per-data-
 * file outcomes the threads computed (validate-shard.ts), in exactly the
 * order and bytes of the sequential run (validate.ts, validate-structured.ts):
 *
 *  - a data file that did not parse ends the run before anything is printed,
 *    as the sequential run loads every data file first (the first in order wins);
 *  - non-structured: rules file after rules file, each pair's text for every
 *    data file; the first hard error (EVAL-12) ends the run after what came
 *    before it, and so does a rules file whose preparation threw;
 *  - structured: the rules files' parse errors on stderr, then one document,
 *    unless an evaluation error (the first in data-file order) ends the run.
 */

import { GuardError } from '../diag/errors.js';
import { FlushingSink, writeJson } from '../report/json-writer.js';
import { type JunitTestSuite, writeJunit } from '../report/junit.js';
import { buildSarifReport } from '../report/sarif.js';
import type { SarifArtifact, SarifResult } from '../report/sarif-types.js';
import { structuredExitCode } from '../report/structured.js';
import { assertNever } from '../syntax/ast.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './io.js';
import type { ValidateOptions } from './options.js';
import { parseErrorText, unreadableRulesText } from './validate-rules.js';
import type { ErrorInfo, FileOutcome, ShardRules, StructuredPiece } from './validate-shard.js';
import type { ToolIdentity } from './validate-structured.js';

/** The error a thread caught, as the sequential run would have thrown it. */
export function rethrowable(info: ErrorInfo): Error {
  return info.guard
    ? new GuardError(
        info.code,
        info.message,
        info.compat === undefined ? {} : { compat: info.compat },
      )
    : new Error(info.message);
}

/** Throws the error of the first data file (in order) that did not parse. */
function throwFirstDataError(outcomes: readonly FileOutcome[]): void {
  for (const outcome of outcomes) {
    if (outcome.kind === 'data-error') throw rethrowable(outcome.error);
  }
}

/** Non-structured (CLI-VAL-14): rules files in order; the last non-zero code wins. */
export function replayPerRulesFile(
  rules: readonly ShardRules[],
  outcomes: readonly FileOutcome[],
  io: Io,
): number {
  throwFirstDataError(outcomes);
  let exit: number = EXIT.SUCCESS;
  for (const [i, entry] of rules.entries()) {
    let code: number = EXIT.SUCCESS;
    switch (entry.kind) {
      case 'unreadable':
        io.stderr.write(unreadableRulesText(entry.readError));
        continue;
      case 'stop':
        throw entry.error;
      case 'parse-error':
        io.stderr.write(parseErrorText(entry.name, entry.message));
        code = EXIT.VALIDATE_PARSE_ERROR;
        break;
      case 'ready': {
        let failed = false;
        for (const outcome of outcomes) {
          if (outcome.kind !== 'pairs') throw new Error('parallel validate: mixed outcome kinds');
          const pair = outcome.pairs[i];
          if (pair === undefined) continue;
          if (pair.text !== '') io.stdout.write(pair.text);
          if (pair.kind === 'error') throw rethrowable(pair.error);
          if (pair.failed) failed = true;
        }
        if (failed) code = EXIT.VALIDATE_FAILED;
        break;
      }
      default:
        assertNever(entry);
    }
    if (code !== EXIT.SUCCESS) exit = code;
  }
  return exit;
}

type StructuredOutcome = Extract<FileOutcome, { kind: 'structured' }>;

/** `--structured` (CLI-VAL-10): parse errors, then the one document, then the exit code. */
export function replayStructured(
  rules: readonly ShardRules[],
  outcomes: readonly FileOutcome[],
  options: ValidateOptions,
  io: Io,
  tool: ToolIdentity,
  startedMs: number,
): number {
  throwFirstDataError(outcomes);
  let anyRulesError = false;
  for (const entry of rules) {
    if (entry.kind !== 'parse-error') continue;
    anyRulesError = true;
    io.stderr.write(parseErrorText(entry.name, entry.message));
  }
  const files: StructuredOutcome[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind !== 'structured') throw new Error('parallel validate: mixed outcome kinds');
    if (outcome.error !== undefined) throw rethrowable(outcome.error);
    files.push(outcome);
  }
  const pieces = files.map((f) => f.piece);
  const out = new FlushingSink((text) => io.stdout.write(text));
  const format = options.outputFormat;
  switch (format) {
    case 'json':
      writeJsonItems(texts(pieces), out);
      break;
    case 'yaml': {
      const items = texts(pieces);
      if (items.length === 0) out.push('[]\n');
      for (const item of items) out.push(item);
      break;
    }
    case 'sarif':
      writeJson(sarifOf(pieces, tool), out);
      break;
    case 'junit':
      writeJunit(
        { timeMs: Math.round(performance.now() - startedMs), suites: suitesOf(pieces) },
        out,
      );
      break;
    case 'single-line-summary':
      throw new GuardError('INTERNAL_ERROR', 'checked earlier');
    default:
      assertNever(format);
  }
  out.flush();
  const anyFailed =
    format === 'junit' ? files.some((f) => f.anyCaseFailed) : files.some((f) => f.failed);
  return structuredExitCode(format, { anyFailed, anyRulesError });
}

function texts(pieces: readonly (StructuredPiece | undefined)[]): string[] {
  return pieces.map((p) => {
    if (p?.kind !== 'text') throw new Error('parallel validate: expected a text piece');
    return p.text;
  });
}

/** OUT-JSON-03's pretty array from its items (validate-shard.ts cut them from one-item arrays). */
function writeJsonItems(items: readonly string[], out: FlushingSink): void {
  if (items.length === 0) {
    out.push('[]');
    return;
  }
  items.forEach((item, i) => {
    out.push(i === 0 ? '[\n  ' : ',\n  ', item);
  });
  out.push('\n]');
}

/** OUT-SARIF-01 over every data file: artifacts once per name, results in order. */
function sarifOf(pieces: readonly (StructuredPiece | undefined)[], tool: ToolIdentity) {
  const skeleton = buildSarifReport([], tool);
  const artifacts: SarifArtifact[] = [];
  const results: SarifResult[] = [];
  const seen = new Set<string>();
  for (const p of pieces) {
    if (p?.kind !== 'sarif') throw new Error('parallel validate: expected a SARIF piece');
    if (p.artifact !== undefined && !seen.has(p.name)) {
      seen.add(p.name);
      artifacts.push(p.artifact);
    }
    for (const r of p.results) results.push(r);
  }
  const [run] = skeleton.runs;
  if (run === undefined) throw new Error('parallel validate: SARIF without a run');
  return { ...skeleton, runs: [{ ...run, artifacts, results }] };
}

/**
 * OUT-JUNIT: the reference's times are cumulative from one clock; here each
 * data file's times are offsets into its own evaluation, laid end to end in
 * order, so they read as a sequential run of the same per-file durations.
 */
function suitesOf(pieces: readonly (StructuredPiece | undefined)[]): JunitTestSuite[] {
  let clock = 0;
  return pieces.map((p) => {
    if (p?.kind !== 'junit') throw new Error('parallel validate: expected a JUnit piece');
    const testCases = p.testCases.map((tc) => ({
      name: tc.name,
      timeMs: tc.offsetMs === undefined ? 0 : Math.round(clock + tc.offsetMs),
      outcome: tc.outcome,
    }));
    clock += p.durationMs;
    return { name: p.name, timeMs: Math.round(clock), testCases };
  });
}
