/**
 * Gathering validate's inputs the way the reference does, in its order:
 * data files first (each `-d` path checked, walked and loaded before the
 * next), then `-i` parameter files merged into one document, then the rules
 * files (CLI-VAL-01..05, CLI-VAL-15, DATA-08). Any failure here is a hard
 * error (exit 255) before anything is evaluated.
 */

import { loadDataDocument } from '../data/load-data.js';
import { mergeDocuments } from '../data/merge.js';
import type { Value } from '../data/value.js';
import { GuardError } from '../diag/errors.js';
import { assertPathExists, baseName, expandDataPaths, expandRulesPaths } from './files.js';
import type { Io } from './io.js';
import { decodeUtf8, describeIoError, INVALID_UTF8 } from './io-errors.js';
import type { ValidateOptions } from './options.js';

/** One loaded data document and the name reports give it. */
export interface DataFile {
  readonly name: string;
  readonly text: string;
  readonly value: Value;
}

/** One rules file as read from disk or the payload; `text` is undefined when it could not be read. */
export interface RulesSource {
  readonly name: string;
  readonly text: string | undefined;
  /** The reference's Display of the read failure, when `text` is undefined. */
  readonly readError?: string;
}

function ioError(text: string): GuardError {
  return new GuardError('IO_READ', text, { compat: text });
}

/** Reads a file as strict UTF-8; failures are the reference's `I/O error when reading …`. */
export function readText(io: Io, path: string): string {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (err) {
    throw ioError(`I/O error when reading ${describeIoError(err)}`);
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) throw ioError(`I/O error when reading ${INVALID_UTF8}`);
  return text;
}

/** One data file as read, before it is parsed. */
export interface DataText {
  readonly name: string;
  readonly text: string;
}

/**
 * The `-d` files read but not parsed, in order. Reading stops at the first
 * path or read failure, kept in `stop`: the reference parses each file as it
 * reads it, so that failure only surfaces if every file before it parses
 * ({@link loadDataTexts} throws it then).
 */
export interface DataTexts {
  readonly files: readonly DataText[];
  readonly stop: { readonly error: unknown } | undefined;
}

/** Reads the files under `paths` in order, stopping at the first failure. */
function readTexts(
  paths: readonly string[],
  options: ValidateOptions,
  io: Io,
  nameOf: (file: { name: string; path: string }) => string,
): DataTexts {
  const files: DataText[] = [];
  try {
    for (const path of paths) {
      for (const file of expandDataPaths(io, [path], options.order)) {
        files.push({ name: nameOf(file), text: readText(io, file.path) });
      }
    }
  } catch (error) {
    return { files, stop: { error } };
  }
  return { files, stop: undefined };
}

/** Reads the `-d` files (CLI-VAL-01/06) without parsing them. */
export function readDataTexts(options: ValidateOptions, io: Io): DataTexts {
  return readTexts(options.data ?? [], options, io, (file) => file.name);
}

/** Parses data files read by {@link readDataTexts}, in order; the first failure is thrown. */
export function loadDataTexts(texts: DataTexts): DataFile[] {
  const out = texts.files.map((f) => ({ ...f, value: loadDataDocument(f.text, f.name) }));
  if (texts.stop !== undefined) throw texts.stop.error;
  return out;
}

/** `-d` files, or stdin named `STDIN` when `-d` is absent (CLI-VAL-02/03). */
export function loadDataFiles(options: ValidateOptions, io: Io): DataFile[] {
  if (options.data === undefined) {
    const text = io.readStdin();
    return [{ name: 'STDIN', text, value: loadDataDocument(text, 'STDIN') }];
  }
  return loadDataTexts(readDataTexts(options, io));
}

/**
 * The `-i` files as read (undefined without `-i`), named by their bare file
 * name as the reference's errors name them; a failure stops reading as in
 * {@link readDataTexts}.
 */
export function readParamTexts(options: ValidateOptions, io: Io): DataTexts | undefined {
  if (options.inputParams === undefined) return undefined;
  return readTexts(options.inputParams, options, io, (file) => baseName(file.path));
}

/** Parameter files merged into one document (DATA-08), or undefined when there are none. */
export function loadParams(texts: DataTexts | undefined): Value | undefined {
  if (texts === undefined) return undefined;
  const docs = loadDataTexts(texts).map((d) => d.value);
  return docs.length === 0 ? undefined : mergeDocuments(docs);
}

/**
 * `-i` files merged into one document (DATA-08), or undefined. The reference
 * names parameter files by their bare file name in errors.
 */
export function loadInputParameters(options: ValidateOptions, io: Io): Value | undefined {
  return loadParams(readParamTexts(options, io));
}

/** `-r` files in order; unreadable ones are kept with their error (the run goes on). */
export function readRulesFiles(
  paths: readonly string[],
  options: ValidateOptions,
  io: Io,
): RulesSource[] {
  for (const path of paths) assertPathExists(io, path);
  const out: RulesSource[] = [];
  for (const path of paths) {
    for (const file of expandRulesPaths(io, [path], options.order)) {
      try {
        out.push({ name: file.name, text: readText(io, file.path) });
      } catch (err) {
        const text = err instanceof GuardError ? err.message : String(err);
        out.push({ name: file.name, text: undefined, readError: text });
      }
    }
  }
  return out;
}

/** The parameters document merged in front of a data document (DATA-08). */
export function withParameters(params: Value | undefined, data: Value): Value {
  return params === undefined ? data : mergeDocuments([params, data]);
}
