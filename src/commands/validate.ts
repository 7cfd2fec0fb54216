/**
 * `validate` (CLI-VAL-*): orchestration only. Inputs are gathered first
 * (validate-inputs.ts), every rules file is parsed once and evaluated against
 * every data document, and each (rules, data) pair is reported as soon as it
 * is evaluated, in the reference's order, so a hard error later in the run
 * leaves what was already printed (EVAL-12).
 */

import { loadDataDocument } from '../data/load-data.js';
import type { Value } from '../data/value.js';
import { GuardError } from '../diag/errors.js';
import { EXIT, hardErrorText } from './exit-codes.js';
import type { Io } from './io.js';
import type { ShowSummaryItem, ValidateOptions } from './options.js';
import type { ParallelSettings, ValidateInputs } from './parallel-validate.js';
import { envOf, readThreadsSetting } from './threads-setting.js';
import {
  type DataFile,
  loadDataFiles,
  loadDataTexts,
  loadInputParameters,
  loadParams,
  type RulesSource,
  readDataTexts,
  readParamTexts,
  readRulesFiles,
  withParameters,
} from './validate-inputs.js';
import { type PairReporter, pairReporter } from './validate-output.js';
import {
  evaluateParsed,
  type ParsedRules,
  parseErrorText,
  parseRules,
  unreadableRulesText,
} from './validate-rules.js';
import { runStructured } from './validate-structured.js';
import { TOOL } from './version.js';

type SummaryKind = 'pass' | 'fail' | 'skip';

/** CLI-VAL-09: items fold left to right; `none` clears what came before. */
export function summaryKinds(items: readonly ShowSummaryItem[]): Set<SummaryKind> {
  const kinds = new Set<SummaryKind>();
  for (const item of items) {
    if (item === 'none') kinds.clear();
    else if (item === 'all') for (const k of ['pass', 'fail', 'skip'] as const) kinds.add(k);
    else kinds.add(item);
  }
  return kinds;
}

/** CLI-VAL-08/10: flag combinations the reference rejects after argument parsing. */
function checkFlags(options: ValidateOptions, kinds: ReadonlySet<SummaryKind>): string | undefined {
  if (options.structured && kinds.size > 0) {
    return 'Cannot provide a summary-type other than `none` when the `structured` flag is present';
  }
  if (options.structured && options.outputFormat === 'single-line-summary') {
    return 'single-line-summary is not able to be used when the `structured` flag is present';
  }
  if (
    !options.structured &&
    (options.outputFormat === 'junit' || options.outputFormat === 'sarif')
  ) {
    return `the structured flag must be set when output is set to ${options.outputFormat}`;
  }
  return undefined;
}

/**
 * Evaluates one rules file against every document, reporting each pair.
 * Returns the rules file's exit contribution: 19 when any document FAILed.
 */
function evaluateAgainstAll(
  rules: ParsedRules,
  data: readonly DataFile[],
  params: Value | undefined,
  report: PairReporter,
): number {
  if (rules.prepared === undefined) return EXIT.SUCCESS;
  let failed = false;
  for (const file of data) {
    const root = withParameters(params, file.value);
    const result = evaluateParsed(rules, root, file.name);
    if (result === undefined) continue;
    report(result, root, file);
    if (result.status === 'FAIL') failed = true;
  }
  return failed ? EXIT.VALIDATE_FAILED : EXIT.SUCCESS;
}

/** Non-structured mode: rules files one after the other; the last non-zero code wins (CLI-VAL-14). */
function runPerRulesFile(
  sources: readonly RulesSource[],
  data: readonly DataFile[],
  params: Value | undefined,
  report: PairReporter,
  io: Io,
): number {
  let exit: number = EXIT.SUCCESS;
  for (const source of sources) {
    if (source.text === undefined) {
      io.stderr.write(unreadableRulesText(source.readError));
      continue;
    }
    const parsed = parseRules({ name: source.name, text: source.text });
    let code: number;
    if (parsed.ok) {
      code = evaluateAgainstAll(parsed.rules, data, params, report);
    } else {
      io.stderr.write(parseErrorText(source.name, parsed.message));
      code = EXIT.VALIDATE_PARSE_ERROR;
    }
    if (code !== EXIT.SUCCESS) exit = code;
  }
  return exit;
}

async function runValidate(
  options: ValidateOptions,
  io: Io,
  parallel: ParallelSettings,
): Promise<number> {
  const kinds = summaryKinds(options.showSummary);
  const flagError = checkFlags(options, kinds);
  if (flagError !== undefined) {
    io.stderr.write(hardErrorText(flagError));
    return EXIT.ERROR;
  }
  const threads = readThreadsSetting(envOf(io)?.TSGUARD_THREADS);
  if (!threads.ok) {
    io.stderr.write(hardErrorText(threads.message));
    return EXIT.ERROR;
  }

  let sources: RulesSource[];
  let data: DataFile[];
  let params: Value | undefined;
  if (options.payload) {
    // Loaded on demand: most runs never read a payload (start-up, issue 6).
    const { parsePayload } = await import('./payload.js');
    const decoded = parsePayload(io.readStdin());
    if (!decoded.ok) {
      io.stderr.write(hardErrorText(`Parser Error when parsing \`${decoded.message}\``));
      return EXIT.ERROR;
    }
    // CLI-VAL-05: all payload data is loaded before anything is evaluated.
    data = decoded.payload.data.map((text, i) => {
      const name = `DATA_STDIN[${i + 1}]`;
      return { name, text, value: loadPayloadData(text, name) };
    });
    sources = decoded.payload.rules.map((text, i) => ({ name: `RULES_STDIN[${i + 1}]`, text }));
    // CLI-VAL-04: parameters apply to payload data in structured mode only.
    params = options.structured ? loadInputParameters(options, io) : undefined;
  } else if (options.data === undefined) {
    data = loadDataFiles(options, io);
    params = loadInputParameters(options, io);
    sources = readRulesFiles(options.rules ?? [], options, io);
  } else {
    // Everything is read first; parsing keeps the sequential order (data,
    // parameters, rules), so a failure surfaces exactly where it did.
    const dataTexts = readDataTexts(options, io);
    const paramTexts = readParamTexts(options, io);
    let read: ValidateInputs['sources'];
    let readError: unknown;
    try {
      read = { ok: true, sources: readRulesFiles(options.rules ?? [], options, io) };
    } catch (err) {
      read = { ok: false };
      readError = err;
    }
    const inputs = {
      options,
      kinds,
      data: dataTexts,
      params: paramTexts,
      sources: read,
      tool: TOOL,
    };
    // Threads need at least two data files; loading their module (and
    // node:os, node:worker_threads) only then keeps it off one-file start-up.
    const code =
      dataTexts.files.length > 1
        ? await (await import('./parallel-validate.js')).runParallelIfWorthIt(inputs, io, parallel)
        : undefined;
    if (code !== undefined) return code;
    data = loadDataTexts(dataTexts);
    params = loadParams(paramTexts);
    if (!read.ok) throw readError;
    sources = [...read.sources];
  }

  if (options.structured) {
    return runStructured(sources, data, params, options, io, parseRules, evaluateParsed, TOOL);
  }
  const report = pairReporter(options, kinds, io.stdout);
  return runPerRulesFile(sources, data, params, report, io);
}

function loadPayloadData(text: string, name: string): Value {
  return loadDataDocument(text, name);
}

/** The validate command: every hard error becomes `Error occurred …` and exit 255 (ERR-02). */
export async function run(
  options: ValidateOptions,
  io: Io,
  parallel: ParallelSettings = {},
): Promise<number> {
  try {
    return await runValidate(options, io, parallel);
  } catch (err) {
    if (err instanceof GuardError) {
      io.stderr.write(hardErrorText(err.compat ?? err.message));
      return EXIT.ERROR;
    }
    throw err;
  }
}
