/**
 * Structured validate (`--structured`, CLI-VAL-10, EVAL-11): every rules file
 * is read and parsed first (a read failure aborts; a parse failure is
 * reported and the file contributes nothing), every data document is
 * evaluated against each parsed file, and one document is printed for the
 * whole run: the combined file reports as JSON/YAML (OUT-JSON-03), SARIF
 * (OUT-SARIF) over the same, or JUnit (OUT-JUNIT) with one suite per data
 * file and one test case per rules file.
 */

import type { Value } from '../data/value.js';
import { GuardError } from '../diag/errors.js';
import type { FileResult } from '../eval/result.js';
import { buildFileReport, type FileReport } from '../report/file-report.js';
import { FlushingSink } from '../report/json-writer.js';
import {
  type JunitTestCase,
  type JunitTestSuite,
  junitTestCase,
  writeJunit,
} from '../report/junit.js';
import { writeSarif } from '../report/sarif.js';
import {
  combineDataFileReports,
  structuredExitCode,
  writeStructured,
} from '../report/structured.js';
import type { Io } from './io.js';
import { junitClock } from './junit-clock.js';
import type { ValidateOptions } from './options.js';
import type { DataFile, RulesSource } from './validate-inputs.js';
import { withParameters } from './validate-inputs.js';
import { type ParsedRules, type ParseResult, parseErrorText } from './validate-rules.js';

/** What SARIF names as the tool (issue: tsguard's own version, the reference's driver name). */
export interface ToolIdentity {
  readonly name: string;
  readonly version: string;
}

type Parse = (source: { name: string; text: string }) => ParseResult;
type Evaluate = (rules: ParsedRules, root: Value, dataName: string) => FileResult | undefined;

interface RulesOutcome {
  readonly name: string;
  readonly rules: ParsedRules | undefined;
  readonly error: string | undefined;
}

function parseAll(sources: readonly RulesSource[], parse: Parse, io: Io): RulesOutcome[] {
  return sources.map((source) => {
    if (source.text === undefined) {
      // The reference reads every rules file up front and stops at the first it cannot read.
      const text = `Unable to read content from file ${source.readError ?? ''}`;
      io.stderr.write(`${text}\n`);
      throw new GuardError('IO_READ', text, { compat: source.readError ?? text });
    }
    const parsed = parse({ name: source.name, text: source.text });
    if (parsed.ok) return { name: source.name, rules: parsed.rules, error: undefined };
    io.stderr.write(parseErrorText(source.name, parsed.message));
    return { name: source.name, rules: undefined, error: parsed.message };
  });
}

export async function runStructured(
  sources: readonly RulesSource[],
  data: readonly DataFile[],
  params: Value | undefined,
  options: ValidateOptions,
  io: Io,
  parse: Parse,
  evaluate: Evaluate,
  tool: ToolIdentity,
): Promise<number> {
  const format = options.outputFormat;
  if (format === 'single-line-summary') throw new GuardError('INTERNAL_ERROR', 'checked earlier');
  const outcomes = parseAll(sources, parse, io);
  const anyRulesError = outcomes.some((o) => o.error !== undefined);

  const combined: FileReport[] = [];
  const suites: JunitTestSuite[] = [];
  const now = junitClock(format);
  const started = now();
  for (const file of data) {
    const root = withParameters(params, file.value);
    const reports: FileReport[] = [];
    const testCases: JunitTestCase[] = [];
    for (const outcome of outcomes) {
      if (outcome.rules === undefined) {
        testCases.push({
          name: outcome.name,
          timeMs: 0,
          outcome: { kind: 'error', message: outcome.error ?? '' },
        });
        continue;
      }
      const result = evaluate(outcome.rules, root, file.name);
      if (result === undefined) continue;
      const report = buildFileReport(result);
      reports.push(report);
      testCases.push(junitTestCase(outcome.name, report, Math.round(now() - started)));
    }
    combined.push(combineDataFileReports(file.name, reports));
    suites.push({ name: file.name, timeMs: Math.round(now() - started), testCases });
  }

  // Streamed: the report of a large template exceeds V8's string limit.
  const out = new FlushingSink((text) => io.stdout.write(text));
  if (format === 'junit') {
    writeJunit({ timeMs: Math.round(now() - started), suites }, out);
  } else if (format === 'sarif') {
    writeSarif(combined, tool, out);
  } else {
    writeStructured(combined, format, out);
  }
  out.flush();

  const anyFailed =
    format === 'junit'
      ? suites.some((s) => s.testCases.some((t) => t.outcome.kind === 'fail'))
      : combined.some((r) => r.status === 'FAIL');
  return structuredExitCode(format, { anyFailed, anyRulesError });
}
