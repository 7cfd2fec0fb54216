/**
 * The `test` command (TEST-01..08): run the unit-test specs of a rules file
 * (`-r FILE -t FILE|DIR`) or of every rules file under a directory (`-d DIR`),
 * and report each expectation as matched or not.
 *
 * Exit codes (TEST-08): 0 every expectation matched; 7 a mismatch (and a
 * rules file that does not parse in `-d` console mode); 1 a single-file
 * rules parse error or an unreadable spec file; 255 hard errors.
 * `--strict` (tsguard only) also exits 7 when an expectation names a rule
 * the file does not define or a rule has no expectation.
 */
import { GuardError } from '../diag/errors.js';
import { formatTestJunit } from '../report/test-junit.js';
import { formatTestJson, formatTestYaml } from '../report/test-structured.js';
import type { TestFileReport } from '../report/test-types.js';
import { EXIT } from './exit-codes.js';
import { assertPathExists, expandTestDataPath } from './files.js';
import type { Io } from './io.js';
import { decodeUtf8, describeIoError, INVALID_UTF8 } from './io-errors.js';
import type { TestOptions, TestOutputFormat } from './options.js';
import { collectOrderedTestDirectory } from './test-directory.js';
import { loadTestRules } from './test-rules.js';
import { runConsoleTests, runStructuredTests } from './test-run.js';

/** The options `run` takes; `--strict` is part of TestOptions (see the module comment). */
export type TestRunOptions = TestOptions;

type StructuredFormat = 'json' | 'yaml' | 'junit';

function illegal(text: string): GuardError {
  return new GuardError('USAGE_INVALID_ARGUMENTS', text, { compat: text });
}

/** TEST-01: the format checks come before any file is touched. */
function checkFormat(format: TestOutputFormat, verbose: boolean): StructuredFormat | undefined {
  if (format === 'sarif') {
    throw illegal('Cannot provide an output_type of SARIF, SARIF reporter is unsupported.');
  }
  if (format === 'single-line-summary') return undefined;
  if (verbose) {
    throw illegal(
      'Cannot provide an output_type of JSON, YAML, or JUnit while the verbose flag is set',
    );
  }
  return format;
}

/**
 * DIVERGENCES.md `test-rules-only`: the reference panics when one of the
 * pair is missing; tsguard reports the missing argument the way clap would.
 */
function missingArgument(io: Io, flag: string): number {
  io.stderr.write(
    'error: the following required arguments were not provided:\n' +
      `  ${flag}\n\n` +
      'Usage: cfn-guard test --rules-file <rules-file> --test-data <test-data>\n\n' +
      "For more information, try '--help'.\n",
  );
  return EXIT.USAGE;
}

/** Rules text, or the reference's Display of the read error (`I/O error when reading …`). */
function readRulesText(io: Io, path: string): { text: string } | { error: string } {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (err) {
    return { error: `I/O error when reading ${describeIoError(err)}` };
  }
  const text = decodeUtf8(bytes);
  return text === undefined ? { error: `I/O error when reading ${INVALID_UTF8}` } : { text };
}

function writeStructured(
  io: Io,
  format: StructuredFormat,
  reports: TestFileReport | readonly TestFileReport[],
): void {
  switch (format) {
    case 'json':
      io.stdout.write(formatTestJson(reports));
      return;
    case 'yaml':
      io.stdout.write(formatTestYaml(reports));
      return;
    case 'junit':
      io.stdout.write(
        formatTestJunit(Array.isArray(reports) ? reports : [reports as TestFileReport]),
      );
      return;
  }
}

/** TEST-08 (structured): an error (1) outranks a failure (7), which outranks success. */
function combineExit(current: number, next: number): number {
  if (current === EXIT.GENERAL_ERROR) return current;
  if (current === EXIT.TEST_FAILED) return next === EXIT.GENERAL_ERROR ? next : current;
  return next;
}

async function runSingle(
  options: TestRunOptions,
  io: Io,
  format: StructuredFormat | undefined,
  rulesPath: string,
  dataPath: string,
): Promise<number> {
  assertPathExists(io, rulesPath);
  assertPathExists(io, dataPath);
  const specFiles = expandTestDataPath(io, dataPath, options.order);
  if (io.stat(rulesPath)?.isFile !== true) {
    // Rust's io::Error from ErrorKind::InvalidInput.
    throw new GuardError('IO_READ', 'I/O error when reading invalid input parameter', {
      compat: 'I/O error when reading invalid input parameter',
    });
  }
  const strict = options.strict === true;
  const source = readRulesText(io, rulesPath);
  if (format === undefined) {
    if ('error' in source) {
      io.stdout.write(`Unable to read rule file content ${source.error}`);
      return EXIT.GENERAL_ERROR;
    }
    const loaded = loadTestRules(source.text, rulesPath);
    switch (loaded.kind) {
      case 'error':
        io.stdout.write(`Parse Error on ruleset file ${loaded.text}\n`);
        return EXIT.GENERAL_ERROR;
      case 'empty':
        return EXIT.SUCCESS;
      case 'ok':
        return runConsoleTests(io, { prepared: loaded.prepared, fileName: rulesPath }, specFiles, {
          verbose: options.verbose,
          strict,
        });
    }
  }
  const started = performance.now();
  if ('error' in source) {
    writeStructured(io, format, {
      kind: 'error',
      ruleFile: rulesPath,
      error: source.error,
      timeMs: performance.now() - started,
    });
    return EXIT.SUCCESS;
  }
  const loaded = loadTestRules(source.text, rulesPath);
  switch (loaded.kind) {
    case 'error':
      // The reference reports the parse error but keeps exit 0 in this mode (TEST-08).
      writeStructured(io, format, {
        kind: 'error',
        ruleFile: rulesPath,
        error: loaded.text,
        timeMs: performance.now() - started,
      });
      return EXIT.SUCCESS;
    case 'empty':
      return EXIT.SUCCESS;
    case 'ok': {
      const run = runStructuredTests(
        io,
        rulesPath,
        { prepared: loaded.prepared, fileName: rulesPath },
        specFiles,
        strict,
      );
      writeStructured(io, format, run.report);
      return run.exitCode;
    }
  }
}

async function runDirectory(
  options: TestRunOptions,
  io: Io,
  format: StructuredFormat | undefined,
  dir: string,
): Promise<number> {
  assertPathExists(io, dir);
  const entries = collectOrderedTestDirectory(io, dir);
  const strict = options.strict === true;
  let exit: number = EXIT.SUCCESS;
  if (format === undefined) {
    for (const entry of entries) {
      if (entry.specs.length === 0) {
        io.stdout.write(
          `Guard File ${entry.rulesFile} did not have any tests associated, skipping.\n---\n`,
        );
        continue;
      }
      io.stdout.write(`Testing Guard File ${entry.rulesFile}\n`);
      const source = readRulesText(io, entry.rulesFile);
      if ('error' in source)
        throw new GuardError('IO_READ', source.error, { compat: source.error });
      const loaded = loadTestRules(source.text, entry.prefix);
      if (loaded.kind === 'error') {
        io.stdout.write(`Parse Error on ruleset file ${loaded.text}\n`);
        exit = EXIT.TEST_FAILED;
      } else if (loaded.kind === 'ok') {
        const code = runConsoleTests(
          io,
          { prepared: loaded.prepared, fileName: entry.prefix },
          entry.specs,
          { verbose: options.verbose, strict },
        );
        if (exit === EXIT.SUCCESS) exit = code;
      }
      io.stdout.write('---\n');
    }
    return exit;
  }
  const reports: TestFileReport[] = [];
  for (const entry of entries) {
    if (entry.specs.length === 0) continue;
    const started = performance.now();
    const source = readRulesText(io, entry.rulesFile);
    const loaded = 'error' in source ? source : loadTestRules(source.text, entry.prefix);
    if ('error' in loaded || loaded.kind === 'error') {
      const error = 'error' in loaded ? loaded.error : loaded.text;
      exit = EXIT.GENERAL_ERROR;
      reports.push({
        kind: 'error',
        ruleFile: entry.rulesFile,
        error,
        timeMs: performance.now() - started,
      });
      continue;
    }
    if (loaded.kind === 'empty') continue;
    const run = runStructuredTests(
      io,
      entry.rulesFile,
      { prepared: loaded.prepared, fileName: entry.prefix },
      entry.specs,
      strict,
    );
    exit = combineExit(exit, run.exitCode);
    reports.push(run.report);
  }
  writeStructured(io, format, reports);
  return exit;
}

/** The test command. Output goes to `io.stdout`; hard errors are thrown as GuardError (exit 255). */
export async function run(options: TestRunOptions, io: Io): Promise<number> {
  const format = checkFormat(options.outputFormat, options.verbose);
  // The reference accepts `-d` together with `-r`/`-t`; `-d` wins.
  if (options.dir !== undefined) return runDirectory(options, io, format, options.dir);
  if (options.rulesFile === undefined) return missingArgument(io, '--rules-file <rules-file>');
  if (options.testData === undefined) return missingArgument(io, '--test-data <test-data>');
  return runSingle(options, io, format, options.rulesFile, options.testData);
}
