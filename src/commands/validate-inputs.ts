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

/** `-d` files, or stdin named `STDIN` when `-d` is absent (CLI-VAL-02/03). */
export function loadDataFiles(options: ValidateOptions, io: Io): DataFile[] {
  if (options.data === undefined) {
    const text = io.readStdin();
    return [{ name: 'STDIN', text, value: loadDataDocument(text, 'STDIN') }];
  }
  const out: DataFile[] = [];
  for (const path of options.data) {
    for (const file of expandDataPaths(io, [path], options.order)) {
      const text = readText(io, file.path);
      out.push({ name: file.name, text, value: loadDataDocument(text, file.name) });
    }
  }
  return out;
}

/**
 * `-i` files merged into one document (DATA-08), or undefined. The reference
 * names parameter files by their bare file name in errors.
 */
export function loadInputParameters(options: ValidateOptions, io: Io): Value | undefined {
  if (options.inputParams === undefined) return undefined;
  const docs: Value[] = [];
  for (const path of options.inputParams) {
    for (const file of expandDataPaths(io, [path], options.order)) {
      const name = baseName(file.path);
      docs.push(loadDataDocument(readText(io, file.path), name));
    }
  }
  return docs.length === 0 ? undefined : mergeDocuments(docs);
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
