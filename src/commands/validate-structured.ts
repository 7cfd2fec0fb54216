/**
 * Structured validate (`--structured`, CLI-VAL-10, EVAL-11): all rules files
 * are parsed first, every data document is evaluated against each of them,
 * and one document is printed for the whole run.
 */
import type { Value } from '../data/value.js';
import type { FileResult } from '../eval/result.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './io.js';
import type { ValidateOptions } from './options.js';
import type { ParsedRules, ParseResult } from './validate.js';
import type { DataFile, RulesSource } from './validate-inputs.js';
import { withParameters } from './validate-inputs.js';

export async function runStructured(
  sources: readonly RulesSource[],
  data: readonly DataFile[],
  params: Value | undefined,
  options: ValidateOptions,
  io: Io,
  parse: (source: { name: string; text: string }) => ParseResult,
  evaluate: (rules: ParsedRules, root: Value, dataName: string) => FileResult | undefined,
): Promise<number> {
  void sources;
  void data;
  void params;
  void options;
  void parse;
  void evaluate;
  void withParameters;
  io.stderr.write('tsguard: structured validate output is not implemented yet\n');
  return EXIT.ERROR;
}
