import { describe, expect, test } from 'vitest';
import {
  displayValue,
  formatFloatJson,
  formatFloatRust,
  formatPathValue,
  JsonFloat,
  type JsonValue,
  stringifyJsonCompact,
  stringifyJsonPretty,
  typeInfo,
  valueToJson,
} from '../../../src/data/display.js';
import type { Value } from '../../../src/data/value.js';
import { GuardError } from '../../../src/diag/errors.js';
import { at, bool, chr, flt, int, list, map, nul, regexValue, str } from '../eval/values.js';

const re = (pattern: string): Value => regexValue(pattern);
const intRange: Value = {
  kind: 'range',
  rangeType: 'int',
  lower: 1,
  upper: 5,
  lowerInclusive: true,
  upperInclusive: false,
  ...at,
};
const floatRange: Value = {
  kind: 'range',
  rangeType: 'float',
  lower: 1.5,
  upper: 5,
  lowerInclusive: false,
  upperInclusive: true,
  ...at,
};
const charRange: Value = {
  kind: 'range',
  rangeType: 'char',
  lower: 'a',
  upper: 'z',
  lowerInclusive: true,
  upperInclusive: true,
  ...at,
};

// Every expected text below was observed in cfn-guard 3.1.1 messages.
describe('formatFloatRust (Rust Display of f64)', () => {
  test.each([
    [1.0, '1'],
    [1.5, '1.5'],
    [150.0, '150'],
    [1e21, '1000000000000000000000'],
    [1e-7, '0.0000001'],
    [-2.5e-8, '-0.000000025'],
    [12345678.9, '12345678.9'],
    [-0, '-0'],
    [0, '0'],
    [1.2345678901234568e29, '123456789012345680000000000000'],
    [0.1, '0.1'],
    [Number.POSITIVE_INFINITY, 'inf'],
    [Number.NEGATIVE_INFINITY, '-inf'],
    [Number.NaN, 'NaN'],
  ])('%s → %s', (input, expected) => {
    expect(formatFloatRust(input)).toBe(expected);
  });
});

describe('formatFloatJson (serde_json / ryu)', () => {
  test.each([
    [1.0, '1.0'],
    [2.0, '2.0'],
    [100.0, '100.0'],
    [0.1, '0.1'],
    [1e15, '1000000000000000.0'],
    [1e16, '1e16'],
    [1e17, '1e17'],
    [1e21, '1e21'],
    [1.2345678901234568e29, '1.2345678901234568e29'],
    [0.0001, '0.0001'],
    [0.00001, '0.00001'],
    [1e-7, '1e-7'],
    [1.5e-7, '1.5e-7'],
    [-2.5e-8, '-2.5e-8'],
    [1.23e-18, '1.23e-18'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e308'],
    [0, '0.0'],
    [-0, '-0.0'],
    [123.456, '123.456'],
  ])('%s → %s', (input, expected) => {
    expect(formatFloatJson(input)).toBe(expected);
  });
});

describe('displayValue (message form, LIT-11)', () => {
  test.each<[string, Value, string]>([
    ['string, quoted, unescaped', str('a"b\\c'), '"a"b\\c"'],
    ['int', int(42), '42'],
    ['negative int', int(-7), '-7'],
    ['integral float', flt(1), '1'],
    ['float', flt(2.5), '2.5'],
    ['bool', bool(true), 'true'],
    ['null', nul, '"NULL"'],
    ['char', chr('1'), "'1'"],
    ['regex', re('^a.*$'), '"/^a.*$/"'],
    ['int range', intRange, '[1,5)'],
    ['float range', floatRange, '(1.5,5]'],
    ['char range', charRange, '[a,z]'],
    ['empty list', list(), '[]'],
    ['list', list(int(1), flt(2), str('x'), re('y'), nul), '[1,2,"x","/y/","NULL"]'],
    ['empty map', map(), '{}'],
    [
      'map with raw keys',
      map(['k', str('v')], ['q"x', flt(2)], ['n', nul]),
      '{"k":"v","q"x":2,"n":"NULL"}',
    ],
    ['nested', map(['a', list()], ['b', map()], ['c', list(map())]), '{"a":[],"b":{},"c":[{}]}'],
  ])('%s', (_name, value, expected) => {
    expect(displayValue(value)).toBe(expected);
  });
});

describe('formatPathValue', () => {
  test.each<[Value, string]>([
    [{ kind: 'int', value: 42, path: '/int', line: 2, col: 5 }, 'Path=/int[L:2,C:5] Value=42'],
    [str('x'), 'Path=[L:0,C:0] Value="x"'],
    [
      { kind: 'list', items: [str('a')], path: '/c', line: 8, col: 3 },
      'Path=/c[L:8,C:3] Value=["a"]',
    ],
  ])('%j', (value, expected) => {
    expect(formatPathValue(value)).toBe(expected);
  });
});

describe('typeInfo', () => {
  test.each<[Value, string]>([
    [nul, 'null'],
    [str(''), 'String'],
    [re('a'), 'Regex'],
    [bool(false), 'bool'],
    [int(1), 'int'],
    [flt(1), 'float'],
    [chr('a'), 'char'],
    [list(), 'array'],
    [map(), 'map'],
    [intRange, 'range(int, int)'],
    [floatRange, 'range(float, float)'],
    [charRange, 'range(char, char)'],
  ])('%j → %s', (value, expected) => {
    expect(typeInfo(value)).toBe(expected);
  });
});

describe('valueToJson + stringifyJsonPretty (serde_json pretty)', () => {
  test.each<[string, Value, string]>([
    ['integral float stays a float', flt(1), '1.0'],
    ['int', int(1), '1'],
    ['big float', flt(1e21), '1e21'],
    [
      'string escaping like serde_json',
      str('tab\there "q" back\\ é / \u0001 \u007f'),
      '"tab\\there \\"q\\" back\\\\ é / \\u0001 \u007f"',
    ],
    ['null', nul, 'null'],
    ['regex as string', re('y'), '"/y/"'],
    ['range as string', floatRange, '"(1.5,5]"'],
    ['char as string', chr('a'), '"a"'],
    ['empty list', list(), '[]'],
    ['empty map', map(), '{}'],
    ['list', list(int(1), flt(2), str('x')), '[\n  1,\n  2.0,\n  "x"\n]'],
    [
      'nested map keeps key order',
      map(['k', str('v')], ['10', flt(2)], ['2', nul], ['c', list(map())]),
      '{\n  "k": "v",\n  "10": 2.0,\n  "2": null,\n  "c": [\n    {}\n  ]\n}',
    ],
  ])('%s', (_name, value, expected) => {
    expect(stringifyJsonPretty(valueToJson(value))).toBe(expected);
  });

  test('compact form has no whitespace', () => {
    const v = map(['a', list(int(1), flt(1.5))], ['b', map()]);
    expect(stringifyJsonCompact(valueToJson(v))).toBe('{"a":[1,1.5],"b":{}}');
  });

  test('plain objects, undefined members and JsonFloat in hand-built trees', () => {
    const tree: JsonValue = { name: 'x', skipped: undefined, f: new JsonFloat(3), n: 2.5, i: 7 };
    expect(stringifyJsonPretty(tree)).toBe(
      '{\n  "name": "x",\n  "f": 3.0,\n  "n": 2.5,\n  "i": 7\n}',
    );
  });

  test.each([
    [Number.POSITIVE_INFINITY, 'inf'],
    [Number.NaN, 'NaN'],
  ])('non-finite float %s has no JSON form', (n, shown) => {
    const v: Value = { kind: 'float', value: n, path: '/a', line: 0, col: 3 };
    let caught: unknown;
    try {
      valueToJson(v);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GuardError);
    expect((caught as GuardError).compat).toBe(
      `Types or variable assignments are incompatible \`Could not convert float ${shown} to serde::Value::Number\``,
    );
  });
});
