import { describe, expect, test } from 'vitest';
import type { Value } from '../../../src/data/value.js';
import { GuardError } from '../../../src/diag/errors.js';
import { parseRustFloat, parseRustInt } from '../../../src/eval/functions/converters.js';
import { parseRfc3339 } from '../../../src/eval/functions/date-time.js';
import { callFunction, FUNCTION_ARITY } from '../../../src/eval/functions/registry.js';
import type { QueryResult } from '../../../src/eval/query-result.js';

const src = (path: string, line: number, col: number) => ({ path, line, col });
const root = src('', 0, 0);
const str = (value: string, at = root): Value => ({ kind: 'string', value, ...at });
const int = (value: number, at = root): Value => ({ kind: 'int', value, ...at });
const flt = (value: number, at = root): Value => ({ kind: 'float', value, ...at });
const bool = (value: boolean): Value => ({ kind: 'bool', value, ...root });
const chr = (value: string, at = root): Value => ({ kind: 'char', value, ...at });
const nul: Value = { kind: 'null', ...root };
const list = (...items: Value[]): Value => ({ kind: 'list', items, ...src('/c', 8, 3) });
const ok = (v: Value): QueryResult => ({ resolved: true, value: v });
const missing = (traversedTo: Value): QueryResult => ({
  resolved: false,
  traversedTo,
  remainingQuery: 'nope',
  reason: 'missing',
});

function run(name: string, ...args: QueryResult[][]): [string, unknown][] {
  return callFunction(name, args).map((v) => [v.kind, 'value' in v ? v.value : null]);
}

function compatOf(name: string, ...args: QueryResult[][]): string | undefined {
  try {
    callFunction(name, args);
  } catch (e) {
    if (e instanceof GuardError) {
      expect(e.code).toBe('EVAL_FUNCTION');
      return e.compat;
    }
    throw e;
  }
  throw new Error('expected a GuardError');
}

describe('converters: values (FN-09..FN-13)', () => {
  test.each<[string, Value, [string, unknown][]]>([
    ['parse_int', str('42'), [['int', 42]]],
    ['parse_int', str('-12'), [['int', -12]]],
    ['parse_int', str('+5'), [['int', 5]]],
    ['parse_int', str('007'), [['int', 7]]],
    ['parse_int', flt(2.75), [['int', 2]]],
    ['parse_int', flt(-2.75), [['int', -2]]],
    ['parse_int', int(-3), [['int', -3]]],
    ['parse_int', chr('7'), [['int', 7]]],
    ['parse_int', bool(true), []],
    ['parse_int', nul, []],
    ['parse_float', str('2.25'), [['float', 2.25]]],
    ['parse_float', str('1e3'), [['float', 1000]]],
    ['parse_float', str('.5'), [['float', 0.5]]],
    ['parse_float', str('5.'), [['float', 5]]],
    ['parse_float', str('-Infinity'), [['float', Number.NEGATIVE_INFINITY]]],
    ['parse_float', int(1), [['float', 1]]],
    ['parse_float', flt(1.5), [['float', 1.5]]],
    ['parse_float', chr('7'), [['float', 7]]],
    ['parse_float', list(), []],
    ['parse_string', flt(2.75), [['string', '2.75']]],
    ['parse_string', flt(1), [['string', '1']]],
    ['parse_string', flt(1e20), [['string', '100000000000000000000']]],
    ['parse_string', int(1), [['string', '1']]],
    ['parse_string', bool(true), [['string', 'true']]],
    ['parse_string', chr('x'), [['string', 'x']]],
    ['parse_string', str('s'), [['string', 's']]],
    ['parse_string', nul, []],
    ['parse_string', list(str('a')), []],
    ['parse_boolean', str('true'), [['bool', true]]],
    ['parse_boolean', str('TrUe'), [['bool', true]]],
    ['parse_boolean', str('FALSE'), [['bool', false]]],
    ['parse_boolean', bool(false), [['bool', false]]],
    ['parse_boolean', int(1), []],
    ['parse_char', str('7'), [['char', '7']]],
    ['parse_char', str(''), []],
    ['parse_char', int(9), [['char', '9']]],
    ['parse_char', int(0), [['char', '0']]],
    ['parse_char', chr('7'), [['string', '7']]],
    ['parse_char', flt(1), []],
  ])('%s(%j)', (name, input, expected) => {
    expect(run(name, [ok(input)])).toEqual(expected);
  });

  test('results keep the input path and position; unresolved entries are dropped', () => {
    const out = callFunction('parse_int', [[missing(str('x')), ok(str('5', src('/n', 4, 9)))]]);
    expect(out).toEqual([{ kind: 'int', value: 5, path: '/n', line: 4, col: 9 }]);
  });
});

describe('converters: errors', () => {
  const parser = (text: string) => `Parser Error when parsing \`${text}\``;
  test.each<[string, Value, string]>([
    [
      'parse_int',
      str('12a', src('/R/T/P/Number', 5, 14)),
      'failed to convert a string: 12a into an integer at /R/T/P/Number[L:5,C:14]',
    ],
    ['parse_int', str(' 5'), 'failed to convert a string:  5 into an integer at [L:0,C:0]'],
    ['parse_int', str('1.5'), 'failed to convert a string: 1.5 into an integer at [L:0,C:0]'],
    ['parse_int', chr('x'), 'failed to convert a character: x into an integer at [L:0,C:0]'],
    [
      'parse_float',
      str('hello', src('/W', 4, 12)),
      'failed to convert a string: hello into a float at /W[L:4,C:12]',
    ],
    ['parse_float', str('1_000'), 'failed to convert a string: 1_000 into a float at [L:0,C:0]'],
    ['parse_float', str(' 1'), 'failed to convert a string:  1 into a float at [L:0,C:0]'],
    ['parse_float', chr('x'), 'failed to convert a character: x into a float at [L:0,C:0]'],
    [
      'parse_boolean',
      str('maybe', src('/B', 6, 12)),
      'failed to convert a string: maybe into a boolean at /B[L:6,C:12]',
    ],
    ['parse_boolean', str('yes'), 'failed to convert a string: yes into a boolean at [L:0,C:0]'],
    ['parse_boolean', str(''), 'failed to convert a string:  into a boolean at [L:0,C:0]'],
    [
      'parse_char',
      int(42, src('/I', 9, 11)),
      'failed to convert an int: 42 into a char at /I[L:9,C:11]',
    ],
    ['parse_char', int(-1), 'failed to convert an int: -1 into a char at [L:0,C:0]'],
    [
      'parse_char',
      str('ab', src('/L', 8, 12)),
      'failed to convert an string: ab into a char at /L[L:8,C:12]',
    ],
    // One character but two UTF-8 bytes.
    ['parse_char', str('é'), 'failed to convert an string: é into a char at [L:0,C:0]'],
  ])('%s(%j)', (name, input, text) => {
    expect(compatOf(name, [ok(input)])).toBe(parser(text));
  });
});

describe('Rust number parsing', () => {
  test.each<[string, number | undefined]>([
    ['0', 0],
    ['-0', 0],
    ['9007199254740991', 9007199254740991],
    ['9223372036854775807', Number(9223372036854775807n)],
    ['9223372036854775808', undefined],
    ['', undefined],
    ['-', undefined],
    ['0x10', undefined],
  ])('parseRustInt(%j)', (text, expected) => {
    expect(parseRustInt(text)).toBe(expected);
  });

  test.each<[string, number | undefined]>([
    ['inf', Number.POSITIVE_INFINITY],
    ['+infinity', Number.POSITIVE_INFINITY],
    ['NaN', Number.NaN],
    ['1E-2', 0.01],
    ['.', undefined],
    ['e5', undefined],
    ['1e', undefined],
  ])('parseRustFloat(%j)', (text, expected) => {
    expect(parseRustFloat(text)).toBe(expected);
  });
});

describe('count (FN-02)', () => {
  test.each<[string, QueryResult[], number]>([
    ['resolved entries', [ok(str('a')), ok(str('b')), ok(int(1))], 3],
    ['unresolved ignored', [ok(str('a')), missing(str('x'))], 1],
    ['only unresolved', [missing(str('x'))], 0],
    ['nothing', [], 0],
    ['a literal list is one entry', [ok(list(int(1), int(2), int(3)))], 1],
  ])('%s', (_name, entries, expected) => {
    expect(run('count', entries)).toEqual([['int', expected]]);
  });

  test('carries the first entry position (or the root)', () => {
    expect(callFunction('count', [[ok(str('a', src('/c/0', 8, 4)))]])[0]).toMatchObject({
      path: '/c/0',
      line: 8,
      col: 4,
    });
    expect(callFunction('count', [[]])[0]).toMatchObject({ path: '', line: 0, col: 0 });
  });
});

describe('now / parse_epoch (FN-14, FN-15, Δ3.2)', () => {
  test('now() is whole Unix seconds at the root', () => {
    const [v] = callFunction('now', [], { clock: () => 1_700_000_000_999 });
    expect(v).toEqual({ kind: 'int', value: 1_700_000_000, path: '', line: 0, col: 0 });
  });

  test.each<[string, number]>([
    ['1970-01-01T00:00:00Z', 0],
    ['2023-05-24T15:22:56.123Z', 1684941776],
    ['3023-05-24T15:22:56.123Z', 33241850576],
    ['4024-08-10T00:00:00Z', 64837152000],
    ['2023-05-24t15:22:56z', 1684941776],
    ['2023-05-24 15:22:56+02:00', 1684934576],
    ['2023-05-24T15:22:56-05:30', 1684961576],
    ['1969-12-31T23:59:59.999Z', -1],
    ['0000-01-01T00:00:00Z', -62167219200],
    ['2016-12-31T23:59:60Z', 1483228799],
    ['2024-02-29T00:00:00Z', 1709164800],
  ])('%s → %d', (text, expected) => {
    expect(parseRfc3339(text)).toBe(expected);
    expect(run('parse_epoch', [ok(str(text))])).toEqual([['int', expected]]);
  });

  test.each<[string, string]>([
    ['2023-05-24', 'premature end of input'],
    ['2023-05-24T15:22', 'premature end of input'],
    ['2023-05-24T15:22:56', 'premature end of input'],
    ['2023-05-24X15:22:56Z', 'input contains invalid characters'],
    ['23-05-24T15:22:56Z', 'input contains invalid characters'],
    ['2023-13-24T15:22:56Z', 'input is out of range'],
    ['2023-02-30T15:22:56Z', 'input is out of range'],
    ['2023-05-24T24:00:00Z', 'input is out of range'],
    ['2023-05-24T15:22:56Zjunk', 'trailing input'],
    ['2023-05-24T15:22:56+0200', 'input contains invalid characters'],
    ['not a date', 'input contains invalid characters'],
  ])('%s fails: %s', (text, reason) => {
    expect(compatOf('parse_epoch', [ok(str(text, src('/t', 2, 4)))])).toBe(
      `Parser Error when parsing \`Failed to parse datetime: ${text} at /t[L:2,C:4]: ${reason}\``,
    );
  });

  test('non-strings are dropped', () => {
    expect(run('parse_epoch', [ok(int(5)), missing(str('x'))])).toEqual([]);
  });
});

describe('registry', () => {
  test('arity table', () => {
    expect(Object.fromEntries(FUNCTION_ARITY)).toEqual({
      count: 1,
      json_parse: 1,
      regex_replace: 3,
      join: 2,
      substring: 3,
      to_upper: 1,
      to_lower: 1,
      url_decode: 1,
      parse_int: 1,
      parse_float: 1,
      parse_string: 1,
      parse_boolean: 1,
      parse_char: 1,
      now: 0,
      parse_epoch: 1,
    });
  });

  test.each<[string, QueryResult[][], string]>([
    ['no_such_fn', [[]], 'Parser Error when parsing `no such function named no_such_fn exists`'],
    [
      'substring',
      [[], []],
      'Parser Error when parsing `substring function requires 3 arguments be passed, but received 2`',
    ],
  ])('%s is refused', (name, args, compat) => {
    expect(compatOf(name, ...args)).toBe(compat);
  });
});
