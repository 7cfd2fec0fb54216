/**
 * `parse-tree` (PT-01..03): parse one rules file (from `-r` or stdin) and
 * print its tree as YAML (default) or JSON (`-p`), to stdout or `-o FILE`.
 */
import { parseRulesFile } from '../syntax/parser.js';
import { parseTreeJson, parseTreeYaml } from '../syntax/serialize.js';
import { EXIT, hardErrorText } from './exit-codes.js';
import type { Io } from './io.js';
import { debugIoError, decodeUtf8, describeIoError, INVALID_UTF8 } from './io-errors.js';
import type { ParseTreeOptions } from './options.js';

function readRules(options: ParseTreeOptions, io: Io): { text: string } | { error: string } {
  if (options.rules === undefined) return { text: io.readStdin() };
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(options.rules);
  } catch (err) {
    return { error: `I/O error when reading ${describeIoError(err)}` };
  }
  const text = decodeUtf8(bytes);
  return text === undefined ? { error: `I/O error when reading ${INVALID_UTF8}` } : { text };
}

export async function run(options: ParseTreeOptions, io: Io): Promise<number> {
  const source = readRules(options, io);
  if ('error' in source) {
    io.stderr.write(hardErrorText(source.error));
    return EXIT.ERROR;
  }
  // PT-03: the reference parses with an empty file name, hence "parsing file  at line".
  const parsed = parseRulesFile(source.text, '');
  if (!parsed.ok) {
    const inner = parsed.error.compat ?? parsed.error.message;
    io.stderr.write(hardErrorText(`Parser Error when parsing \`${inner}\``));
    return EXIT.ERROR;
  }
  // PT-01: JSON wins when both -p and -y are given.
  const text = options.printJson ? parseTreeJson(parsed.file) : parseTreeYaml(parsed.file);
  if (options.output === undefined) {
    io.stdout.write(text);
    return EXIT.SUCCESS;
  }
  try {
    io.writeFile(options.output, text);
  } catch (err) {
    // The reference's main() prints the Debug form of the error and exits 1.
    io.stderr.write(`Error: ${debugIoError(err)}\n`);
    return EXIT.GENERAL_ERROR;
  }
  return EXIT.SUCCESS;
}
