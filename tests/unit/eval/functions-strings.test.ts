// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${1}` here is Rust replacement syntax under test, not a template.
import { describe, expect, test, vi } from 'vitest';
import type { Value } from '../../../src/data/value.js';
import { GuardError } from '../../../src/diag/errors.js';
import { callFunction } from '../../../src/eval/functions/registry.js';
import { expandReplacement, percentDecode } from '../../../src/eval/functions/strings.js';
import type { QueryResult } from '../../../src/eval/query-result.js';
import { translateRegex } from '../../../src/syntax/regex.js';

// The standard loader belongs to another module (not written yet when
// this file was); a JSON-only stand-in keeps these tests about json_parse.
vi.mock('../../../src/data/index.js', async () => {
  const { GuardError: Err } = await import('../../../src/diag/errors.js');
  const build = (j: unknown, path: string): Value => {
    const at = { path, line: 0, col: 0 };
    if (j === null) return { kind: 'null', ...at };
    if (typeof j === 'string') return { kind: 'string', value: j, ...at };
    if (typeof j === 'boolean') return { kind: 'bool', value: j, ...at };
    if (typeof j === 'number')
      return { kind: Number.isInteger(j) ? 'int' : 'float', value: j, ...at };
    if (Array.isArray(j))
      return { kind: 'list', items: j.map((x, i) => build(x, `${path}/${i}`)), ...at };
    const entries = new Map(
      Object.entries(j as object).map(([k, x]) => [k, build(x, `${path}/${k}`)]),
    );
    return {
      kind: 'map',
      entries,
      keyLocations: new Map([...entries.keys()].map((k) => [k, { line: 0, col: 0 }])),
      ...at,
    };
  };
  return {
    loadStandardDocument(text: string): Value {
      if (text.trim() === '') throw new Err('DATA_EMPTY', 'empty');
      try {
        return build(JSON.parse(text), '');
      } catch {
        throw new Err('DATA_SYNTAX', 'bad', {
          compat:
            "Error parsing incoming YAML context did not find expected ',' or ']' at line 2 column 1, while parsing a flow sequence",
        });
      }
    },
  };
});

const src = (path: string, line: number, col: number) => ({ path, line, col });
const str = (value: string, at = src('', 0, 0)): Value => ({ kind: 'string', value, ...at });
const int = (value: number, at = src('', 0, 0)): Value => ({ kind: 'int', value, ...at });
const flt = (value: number, at = src('', 0, 0)): Value => ({ kind: 'float', value, ...at });
const chr = (value: string): Value => ({ kind: 'char', value, ...src('', 0, 0) });
const list = (...items: Value[]): Value => ({ kind: 'list', items, ...src('/c', 8, 3) });
const ok = (v: Value): QueryResult => ({ resolved: true, value: v });
const missing = (traversedTo: Value, remainingQuery: string): QueryResult => ({
  resolved: false,
  traversedTo,
  remainingQuery,
  reason: 'missing',
});

/** Calls a function and returns [kind, value] of each result. */
function run(name: string, ...args: QueryResult[][]): [string, unknown][] {
  return callFunction(name, args).map((v) => [v.kind, 'value' in v ? v.value : null]);
}

function failure(name: string, ...args: QueryResult[][]): GuardError {
  try {
    callFunction(name, args);
  } catch (e) {
    if (e instanceof GuardError) return e;
    throw e;
  }
  throw new Error('expected a GuardError');
}

describe('to_upper / to_lower (FN-07)', () => {
  test.each<[string, QueryResult[], [string, unknown][]]>([
    ['to_upper', [ok(str('naïve'))], [['string', 'NAÏVE']]],
    ['to_upper', [ok(str('straße ǅ'))], [['string', 'STRASSE Ǆ']]],
    ['to_lower', [ok(str('ÀÉ SS ß'))], [['string', 'àé ss ß']]],
    ['to_upper', [ok(int(1)), ok(str('a')), ok(chr('x'))], [['string', 'A']]],
    ['to_lower', [missing(str('x'), 'a.b'), ok(str('B'))], [['string', 'b']]],
  ])('%s(%j)', (name, arg, expected) => {
    expect(run(name, arg)).toEqual(expected);
  });

  test('results keep the input path and position', () => {
    const [v] = callFunction('to_upper', [[ok(str('a', src('/s', 3, 4)))]]);
    expect(v).toMatchObject({ kind: 'string', value: 'A', path: '/s', line: 3, col: 4 });
  });
});

describe('url_decode (FN-08)', () => {
  test.each<[string, string | undefined]>([
    ['This%20string%20will%20be%20URL%20encoded', 'This string will be URL encoded'],
    ['a%2Fb%3Dc%20d', 'a/b=c d'],
    ['%41%42', 'AB'],
    ['%zz', '%zz'],
    ['a+b', 'a+b'],
    ['%e2%82%ac', '€'],
    ['100%', '100%'],
    ['%FF', undefined],
    ['%C3', undefined],
  ])('%s', (input, expected) => {
    expect(percentDecode(input)).toBe(expected);
    expect(run('url_decode', [ok(str(input))])).toEqual(
      expected === undefined ? [] : [['string', expected]],
    );
  });

  test('non-strings are dropped', () => {
    expect(run('url_decode', [ok(int(42)), ok(list(str('%41')))])).toEqual([]);
  });
});

describe('substring (FN-06, byte offsets)', () => {
  const s = ok(str('naïve'));
  test.each<[string, QueryResult[], Value, Value, [string, unknown][]]>([
    ['prefix', [s], int(0), int(2), [['string', 'na']]],
    ['bytes, not characters', [s], int(0), int(4), [['string', 'naï']]],
    ['whole string', [s], int(0), int(6), [['string', 'naïve']]],
    ['to past the end', [s], int(0), int(7), []],
    ['from == to', [s], int(2), int(2), []],
    ['from > to', [s], int(5), int(2), []],
    ['empty string', [ok(str(''))], int(0), int(0), []],
    ['negative wraps to 65535', [s], int(-1), int(2), []],
    ['65536 wraps to 0', [s], int(65536), int(65538), [['string', 'na']]],
    ['floats truncate', [s], flt(0.5), flt(2), [['string', 'na']]],
    ['floats saturate', [s], flt(65536), flt(65538), []],
    ['non-strings dropped', [ok(int(5)), ok(list(str('abc')))], int(0), int(1), []],
    [
      'each entry',
      [ok(str('a')), ok(str('b'))],
      int(0),
      int(1),
      [
        ['string', 'a'],
        ['string', 'b'],
      ],
    ],
  ])('%s', (_name, arg, from, to, expected) => {
    expect(run('substring', arg, [ok(from)], [ok(to)])).toEqual(expected);
  });

  test.each<[QueryResult[], QueryResult[], string]>([
    [
      [ok(str('3'))],
      [ok(int(3))],
      'substring function requires the second argument to be a number',
    ],
    [[ok(int(0))], [ok(str('3'))], 'substring function requires the third argument to be a number'],
    [
      [missing(str('x'), 'nope')],
      [ok(int(3))],
      'substring function requires the second argument to be a number',
    ],
    [[], [ok(int(3))], 'substring function requires the second argument to be a number'],
  ])('bad bounds %j %j', (from, to, text) => {
    const err = failure('substring', [s], from, to);
    expect(err.code).toBe('EVAL_FUNCTION');
    expect(err.compat).toBe(`Parser Error when parsing \`${text}\``);
  });

  test('a bound inside a multi-byte character is an error, not a crash', () => {
    const err = failure('substring', [s], [ok(int(0))], [ok(int(3))]);
    expect(err.message).toBe(
      "substring: byte index 3 is not a char boundary; it is inside 'ï' (bytes 2..4) of `naïve`",
    );
  });
});

describe('regex_replace (FN-04, GOT-16)', () => {
  test.each<[string, string, string, string]>([
    ['MiXeD CaSe', '[A-Z]', '_', '_____'],
    ['a-b-c', '-', '_', '__'],
    ['MiXeD CaSe', 'zzz', 'y', ''],
    [
      'arn:aws:newservice:us-west-2:123456789012:Table/extracted',
      '^arn:(\\w+):(\\w+):([\\w0-9-]+):(\\d+):(.+)$',
      '${1}/${4}/${3}/${2}-${5}',
      'aws/123456789012/us-west-2/newservice-Table/extracted',
    ],
    ['abc', '^(a)(b)', '$2$1', 'ba'],
    ['baaac', 'a*', '<$0>', '<><aaa><>'],
    ['aé', '', '-', '---'],
    ['ab', '(?P<x>a)', '[${a-b}|$é|${}|${x|$x-|${1}x|$]', '[${a-b}||${}|${x|a-|ax|$]'],
    [
      'abc',
      '(?P<x>[a-z])',
      '<${x}$x$1$0$$$9${9}$-$x1 ${1}1>',
      '<aaaa$$- a1><bbbb$$- b1><cccc$$- c1>',
    ],
  ])('%s ~ /%s/ → %s', (input, pattern, replacement, expected) => {
    expect(
      run('regex_replace', [ok(str(input))], [ok(str(pattern))], [ok(str(replacement))]),
    ).toEqual([['string', expected]]);
  });

  test.each<[QueryResult[], QueryResult[], string]>([
    [
      [ok(int(1))],
      [ok(str('x'))],
      'regex_replace function requires the second argument to be a string',
    ],
    [
      [ok(str('a'))],
      [ok(int(1))],
      'regex_replace function requires the third argument to be a string',
    ],
  ])('argument types %j %j', (pattern, replacement, text) => {
    const err = failure('regex_replace', [ok(str('s'))], pattern, replacement);
    expect(err.compat).toBe(`Parser Error when parsing \`${text}\``);
  });

  test('a bad pattern is a regex error, but only once a string needs it', () => {
    const err = failure('regex_replace', [ok(str('s'))], [ok(str('('))], [ok(str('x'))]);
    // The text after the prefix is the translator's (the reference prints
    // `Parsing error at position 1: Opening parenthesis without closing parenthesis`).
    const translated = translateRegex('(');
    expect(translated.ok).toBe(false);
    expect(err.compat).toBe(
      `Regex expression parse error for rules file ${translated.ok ? '' : translated.message}`,
    );
    expect(run('regex_replace', [ok(int(1))], [ok(str('('))], [ok(str('x'))])).toEqual([]);
  });

  test('expandReplacement on its own', () => {
    const groups: Record<string, string> = { word: 'b', '1': 'b' };
    expect(expandReplacement('$word|$2|$$|${word}!|$1x|${1}x|$', (n) => groups[n] ?? '')).toBe(
      'b||$|b!||bx|$',
    );
  });
});

describe('join (FN-05)', () => {
  const c = [ok(str('a', src('/c/0', 8, 4))), ok(str('b')), ok(str('c'))];
  test.each<[QueryResult[], Value, string]>([
    [c, str(','), 'a,b,c'],
    [c, str(''), 'abc'],
    [c, chr('-'), 'a-b-c'],
    [[], str(','), ''],
  ])('%#', (entries, delimiter, expected) => {
    expect(run('join', entries, [ok(delimiter)])).toEqual([['string', expected]]);
  });

  test('the result carries the first entry position', () => {
    expect(callFunction('join', [c, [ok(str(','))]])[0]).toMatchObject({
      path: '/c/0',
      line: 8,
      col: 4,
    });
  });

  test.each<[QueryResult[], QueryResult[], string]>([
    [
      c,
      [ok(int(1))],
      'Parser Error when parsing `join function requires the second argument to be either a char or string`',
    ],
    [
      c,
      [missing(str('x'), 'nope')],
      'Parser Error when parsing `join function requires the second argument to be either a char or string`',
    ],
    [
      [ok(str('x')), ok(int(1, src('/g/Int', 40, 13)))],
      [ok(str(','))],
      'Types or variable assignments are incompatible `Joining non string values Path=/g/Int[L:40,C:13] Value=1`',
    ],
    [
      [ok(list(str('a')))],
      [ok(str(','))],
      'Types or variable assignments are incompatible `Joining non string values Path=/c[L:8,C:3] Value=["a"]`',
    ],
    [
      [missing(int(7, src('/x', 1, 2)), 'nope[*]')],
      [ok(str(','))],
      'Types or variable assignments are incompatible `Joining unresolved values is not allowed Path=/x[L:1,C:2] Value=7, unsatisfied part nope[*]`',
    ],
  ])('error %#', (entries, delimiter, compat) => {
    expect(failure('join', entries, delimiter).compat).toBe(compat);
  });
});

describe('json_parse (FN-03)', () => {
  test('parsed values extend the string path and keep its position', () => {
    const [v] = callFunction('json_parse', [
      [ok(str('{"a": [1, 2.5, "x"], "b": null}', src('/j', 12, 3)))],
    ]);
    expect(v).toMatchObject({ kind: 'map', path: '/j', line: 12, col: 3 });
    if (v?.kind !== 'map') throw new Error('not a map');
    const a = v.entries.get('a');
    if (a?.kind !== 'list') throw new Error('not a list');
    expect(a.items.map((x) => [x.kind, x.path, x.line, x.col])).toEqual([
      ['int', '/j/a/0', 12, 3],
      ['float', '/j/a/1', 12, 3],
      ['string', '/j/a/2', 12, 3],
    ]);
    expect(v.entries.get('b')).toMatchObject({ kind: 'null', path: '/j/b' });
  });

  test('non-strings are dropped, an empty string is null (3.2.0)', () => {
    expect(run('json_parse', [ok(int(1)), ok(str(''))])).toEqual([['null', null]]);
  });

  test('invalid text is a YAML error', () => {
    expect(failure('json_parse', [ok(str('[1'))]).compat).toBe(
      "Error parsing incoming YAML context did not find expected ',' or ']' at line 2 column 1, while parsing a flow sequence",
    );
  });
});
