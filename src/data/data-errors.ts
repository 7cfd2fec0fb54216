/**
 * The GuardErrors that data loading raises. `message` is tsguard's readable
 * form (file, 1-based line and column where known); `compat` is the exact
 * text cfn-guard prints after `Error occurred ` (ERR-02, ERR-03).
 */
import { GuardError, type SourcePosition } from '../diag/errors.js';
import type { DataPosition } from './positions.js';

const parserError = (inner: string): string => `Parser Error when parsing \`${inner}\``;

function sourcePosition(name: string, at: DataPosition | undefined): SourcePosition | undefined {
  return at === undefined ? undefined : { file: name, line: at.line + 1, column: at.col + 1 };
}

function where(name: string, at: DataPosition | undefined): string {
  return at === undefined ? name : `${name}:${at.line + 1}:${at.col + 1}`;
}

/** DATA-02: nothing but whitespace (or, unlike the reference's panic, only comments). */
export function emptyDataError(name: string): GuardError {
  return new GuardError('DATA_EMPTY', `${name}: data file is empty`, {
    compat: parserError(`Unable to parse a template from data file: ${name} is empty`),
  });
}

/**
 * The first 100 bytes of the file, as the reference quotes them. The
 * reference slices bytes and panics inside a multi-byte character; tsguard
 * drops the partial character instead.
 */
export function first100Bytes(text: string): string {
  if (text.length <= 33) return text; // at most 3 bytes per UTF-16 unit
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= 100) return text;
  let end = 100;
  // Back off over UTF-8 continuation bytes so no character is cut in half.
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
  return new TextDecoder().decode(bytes.subarray(0, end));
}

/** DATA-03 (and DATA-07 aliases): the document does not parse. */
export function dataSyntaxError(
  name: string,
  text: string,
  detail: string,
  at?: DataPosition,
): GuardError {
  const position = sourcePosition(name, at);
  return new GuardError('DATA_SYNTAX', `${where(name, at)}: cannot parse data: ${detail}`, {
    ...(position === undefined ? {} : { position }),
    compat: parserError(
      `Error encountered while parsing data file: ${name}, data beginning with \n${first100Bytes(text)}\n ...`,
    ),
  });
}

/** DATA-07: validate's loader refuses aliases; the reference reports them as DATA-03. */
export function aliasError(name: string, text: string, at: DataPosition): GuardError {
  const position = sourcePosition(name, at);
  return new GuardError(
    'DATA_ALIAS',
    `${where(name, at)}: YAML aliases are not supported in data files; write the value out where it is used`,
    {
      ...(position === undefined ? {} : { position }),
      compat: parserError(
        `Error encountered while parsing data file: ${name}, data beginning with \n${first100Bytes(text)}\n ...`,
      ),
    },
  );
}

/** DATA-06: a map key that is not a string after scalar typing (0-based L/C in the text). */
export function nonStringKeyError(name: string, at: DataPosition): GuardError {
  const position = sourcePosition(name, at);
  return new GuardError(
    'DATA_NON_STRING_KEY',
    `${where(name, at)}: map key is not a string; quote it (cfn-guard only supports string keys)`,
    {
      ...(position === undefined ? {} : { position }),
      compat: parserError(
        `non string type detected for key in a map at L:${at.line},C:${at.col}, cfn-guard only supports keys that are string types`,
      ),
    },
  );
}

/**
 * The standard loader's non-string key: the reference has no location there
 * and prints the error bare (not as a parser error).
 */
export function standardNonStringKeyError(name: string): GuardError {
  return new GuardError(
    'DATA_NON_STRING_KEY',
    `${name}: map key is not a string; quote it (cfn-guard only supports string keys)`,
    {
      compat:
        'non string type detected for key in a map at , cfn-guard only supports keys that are string types',
    },
  );
}

/** YAML-03: `!!int`/`!!float` on text that is not one. */
export function badTaggedValueError(name: string, text: string, at: DataPosition): GuardError {
  const position = sourcePosition(name, at);
  return new GuardError(
    'DATA_BAD_TAGGED_VALUE',
    `${where(name, at)}: tagged value ${JSON.stringify(text)} does not match its tag`,
    {
      ...(position === undefined ? {} : { position }),
      compat: parserError(
        `Bad Value encountered parsing incoming file Value = ${text}, Loc = L:${at.line},C:${at.col}`,
      ),
    },
  );
}
