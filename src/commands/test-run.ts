/**
 * Running the spec files of one rules file (TEST-02..05, TEST-07): the
 * console loop (`test_with_data` in the reference) and the structured one.
 * Both read spec files through `Io` and evaluate each case in turn.
 */
import { GuardError } from '../diag/errors.js';
import type { PreparedRules } from '../eval/prepared-rules.js';
import { formatCaseHeader, formatCaseSections, formatUnsetLine } from '../report/test-console.js';
import type { RuleVerdict, TestCaseReport, TestFileReport } from '../report/test-types.js';
import { formatVerboseTree } from '../report/verbose.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './io.js';
import { decodeUtf8, describeIoError, INVALID_UTF8 } from './io-errors.js';
import { evaluateCase, invalidStatusText } from './test-match.js';
import { parseTestSpecs, type SpecParse } from './test-spec.js';

/** The rules under test: prepared, and the name they were parsed under (for locations in `-v`). */
export interface RulesUnderTest {
  readonly prepared: PreparedRules;
  readonly fileName: string;
}

export interface ConsoleTestOptions {
  readonly verbose: boolean;
  /** tsguard's `--strict`: unknown rules in expectations and rules without one fail the run. */
  readonly strict: boolean;
}

function readSpecFile(
  io: Io,
  path: string,
): SpecParse | { readonly ok: false; readonly io: string } {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (err) {
    return { ok: false, io: `I/O error when reading ${describeIoError(err)}` };
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) return { ok: false, io: `I/O error when reading ${INVALID_UTF8}` };
  return parseTestSpecs(text, path);
}

/** The Display of the spec error; the console form ends with a comma, the structured one does not. */
function specErrorText(path: string, message: string, trailingComma: boolean): string {
  return `Parser Error when parsing \`Unable to process data in file ${path}, Error ${message}${trailingComma ? ',' : ''}\``;
}

function invalidStatusError(value: string): GuardError {
  return new GuardError('EVAL_INCOMPATIBLE_TYPES', `Status code is incorrect ${value}`, {
    compat: invalidStatusText(value),
  });
}

/**
 * Console mode over the spec files of one rules file. Returns 0, 7 (a
 * mismatch) or 1 (a spec file could not be read); like the reference, the
 * last of those to happen wins. Case numbers run across all the files.
 * Throws GuardError on evaluation errors and invalid statuses (exit 255),
 * after the output so far has been written.
 */
export function runConsoleTests(
  io: Io,
  rules: RulesUnderTest,
  specFiles: readonly string[],
  options: ConsoleTestOptions,
): number {
  let exit: number = EXIT.SUCCESS;
  let strictViolation = false;
  let counter = 1;
  for (const path of specFiles) {
    const parsed = readSpecFile(io, path);
    if (!parsed.ok) {
      const text = 'io' in parsed ? parsed.io : specErrorText(path, parsed.message, true);
      io.stdout.write(`Error processing ${text}\n`);
      exit = EXIT.GENERAL_ERROR;
      continue;
    }
    for (const spec of parsed.specs) {
      io.stdout.write(formatCaseHeader(counter, spec.name));
      const result = evaluateCase(rules.prepared, rules.fileName, spec);
      for (const v of result.verdicts) {
        if (v.kind === 'unset') io.stdout.write(formatUnsetLine(v.rule));
      }
      if (result.invalidStatus !== undefined) throw invalidStatusError(result.invalidStatus);
      if (options.strict) {
        for (const rule of result.unknownRules) {
          io.stdout.write(
            `  Expectation set for Rule ${rule}, which the rules file does not define\n`,
          );
        }
        if (result.unknownRules.length > 0 || result.verdicts.some((v) => v.kind === 'unset')) {
          strictViolation = true;
        }
      }
      if (options.verbose) io.stdout.write(formatVerboseTree(result.tree));
      io.stdout.write(formatCaseSections(result.verdicts));
      if (result.verdicts.some((v) => v.kind === 'failed')) exit = EXIT.TEST_FAILED;
      counter++;
    }
  }
  return exit === EXIT.SUCCESS && strictViolation ? EXIT.TEST_FAILED : exit;
}

export interface StructuredTestRun {
  readonly report: TestFileReport;
  /** 1 for an error report, 7 when a case has a failed expectation, else 0 (or 7 under `--strict`). */
  readonly exitCode: number;
}

function now(): number {
  return performance.now();
}

/**
 * Structured mode over one rules file (the reference's StructuredTestReporter):
 * the first unreadable spec file or invalid status turns the whole rules file
 * into an error report. Evaluation errors still throw (exit 255).
 */
export function runStructuredTests(
  io: Io,
  ruleFile: string,
  rules: RulesUnderTest,
  specFiles: readonly string[],
  strict: boolean,
): StructuredTestRun {
  const started = now();
  const cases: TestCaseReport[] = [];
  let strictViolation = false;
  const error = (text: string): StructuredTestRun => ({
    report: { kind: 'error', ruleFile, error: text, timeMs: now() - started },
    exitCode: EXIT.GENERAL_ERROR,
  });
  for (const path of specFiles) {
    const parsed = readSpecFile(io, path);
    if (!parsed.ok)
      return error('io' in parsed ? parsed.io : specErrorText(path, parsed.message, false));
    for (const spec of parsed.specs) {
      const caseStart = now();
      const result = evaluateCase(rules.prepared, rules.fileName, spec);
      if (result.invalidStatus !== undefined) return error(invalidStatusText(result.invalidStatus));
      const verdicts: readonly RuleVerdict[] = result.verdicts;
      if (result.unknownRules.length > 0 || verdicts.some((v) => v.kind === 'unset')) {
        strictViolation = true;
      }
      cases.push({ name: spec.name, verdicts, timeMs: now() - caseStart });
    }
  }
  const failed = cases.some((c) => c.verdicts.some((v) => v.kind === 'failed'));
  const exitCode = failed || (strict && strictViolation) ? EXIT.TEST_FAILED : EXIT.SUCCESS;
  return { report: { kind: 'ok', ruleFile, cases }, exitCode };
}
