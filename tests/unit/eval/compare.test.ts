import { describe, expect, test } from 'vitest';
import type { Value } from '../../../src/data/value.js';
import { GuardError } from '../../../src/diag/errors.js';
import {
  compareCodePoints,
  compareOrder,
  isEmptyValue,
  notComparableReason,
  type TypeTestOp,
  typeTest,
  valuesEqual,
} from '../../../src/eval/compare.js';
import { at, bool, chr, flt, int, list, map, nul, regexValue, str } from './values.js';

const re = (pattern: string): Value => regexValue(pattern, 'u');
function range(
  rangeType: 'int' | 'float' | 'char',
  spec: string,
  lower: number | string,
  upper: number | string,
): Value {
  const base = {
    kind: 'range' as const,
    lowerInclusive: spec[0] === '[',
    upperInclusive: spec[1] === ']',
    ...at,
  };
  if (rangeType === 'char')
    return { ...base, rangeType, lower: String(lower), upper: String(upper) };
  return { ...base, rangeType, lower: Number(lower), upper: Number(upper) };
}

// One representative of every kind, for the full pairwise table.
const samples: Record<string, Value> = {
  null: nul,
  bool: bool(true),
  int: int(1),
  float: flt(1),
  string: str('1'),
  char: chr('1'),
  regex: re('1'),
  list: list(int(1)),
  map: map(['a', int(1)]),
  intRange: range('int', '[]', 0, 5),
  floatRange: range('float', '[]', 0, 5),
  charRange: range('char', '[]', '0', '9'),
};

// What the reference answers for samples[lhs] == samples[rhs] (OP-09, OP-19, GOT-01, GOT-27).
const comparableEqual = new Set([
  'null/null',
  'bool/bool',
  'int/int',
  'float/float',
  'string/string',
  'char/char',
  'regex/regex',
  'string/regex',
  'regex/string',
  'list/list',
  'map/map',
  'int/intRange',
  'float/floatRange',
  'char/charRange',
]);

describe('valuesEqual: every pair of kinds', () => {
  const kinds = Object.keys(samples);
  const cases = kinds.flatMap((l) => kinds.map((r) => [l, r] as const));
  test.each(cases)('%s == %s', (l, r) => {
    const expected = comparableEqual.has(`${l}/${r}`) ? 'equal' : 'notComparable';
    expect(valuesEqual(samples[l]!, samples[r]!)).toBe(expected);
  });
});

describe('valuesEqual: values', () => {
  test.each<[string, Value, Value, ReturnType<typeof valuesEqual>]>([
    ['strings are case-sensitive', str('a'), str('A'), 'notEqual'],
    ['regex is an unanchored search', str('xxabcxx'), re('abc'), 'equal'],
    ['regex on the left', re('^a'), str('abc'), 'equal'],
    ['regex not matching', str('b'), re('^a'), 'notEqual'],
    ['two regexes compare pattern text', re('a+'), re('a{1,}'), 'notEqual'],
    ['1 == 1.0 is not comparable (GOT-01)', int(1), flt(1), 'notComparable'],
    ['-0.0 == 0.0', flt(-0), flt(0), 'equal'],
    ['NaN is not comparable', flt(Number.NaN), flt(Number.NaN), 'notComparable'],
    ['char never equals a string (GOT-27)', chr('1'), str('1'), 'notComparable'],
    [
      'maps ignore key order',
      map(['a', int(1)], ['b', str('x')]),
      map(['b', str('x')], ['a', int(1)]),
      'equal',
    ],
    ['maps with different keys', map(['a', int(1)]), map(['b', int(1)]), 'notEqual'],
    ['maps of different sizes', map(['a', int(1)]), map(['a', int(1)], ['b', int(2)]), 'notEqual'],
    [
      'map value mismatch before an incomparable one',
      map(['a', int(1)], ['b', str('x')]),
      map(['a', int(2)], ['b', int(3)]),
      'notEqual',
    ],
    [
      'map with an incomparable value',
      map(['a', int(1)], ['b', str('x')]),
      map(['a', int(1)], ['b', int(3)]),
      'notComparable',
    ],
    ['map value matched by a regex', map(['a', str('xyz')]), map(['a', re('y')]), 'equal'],
    ['lists are ordered', list(int(1), int(2)), list(int(2), int(1)), 'notEqual'],
    ['lists of different lengths', list(int(1)), list(int(1), int(2)), 'notEqual'],
    [
      'list with an incomparable element',
      list(int(1), str('x')),
      list(int(1), int(2)),
      'notComparable',
    ],
    ['nested lists', list(list(int(1)), map()), list(list(int(1)), map()), 'equal'],
    ['null == null', nul, nul, 'equal'],
    ['bools', bool(true), bool(false), 'notEqual'],
  ])('%s', (_name, l, r, expected) => {
    expect(valuesEqual(l, r)).toBe(expected);
  });
});

describe('valuesEqual: range membership (OP-19)', () => {
  test.each<[string, Value, Value, ReturnType<typeof valuesEqual>]>([
    ['int inside [1,5)', int(1), range('int', '[)', 1, 5), 'equal'],
    ['int on exclusive upper', int(5), range('int', '[)', 1, 5), 'notEqual'],
    ['int on exclusive lower', int(0), range('int', '()', 0, 1), 'notEqual'],
    ['int in [1,1]', int(1), range('int', '[]', 1, 1), 'equal'],
    ['float inside (1.5,5]', flt(5), range('float', '(]', 1.5, 5), 'equal'],
    ['float on exclusive lower', flt(1.5), range('float', '(]', 1.5, 5), 'notEqual'],
    ['int in a float range', int(2), range('float', '[]', 1, 5), 'notComparable'],
    ['float in an int range', flt(2), range('int', '[]', 1, 5), 'notComparable'],
    ['char in a char range', chr('m'), range('char', '[]', 'a', 'z'), 'equal'],
    ['char outside a char range', chr('M'), range('char', '[]', 'a', 'z'), 'notEqual'],
    ['string in a char range', str('m'), range('char', '[]', 'a', 'z'), 'notComparable'],
    ['range on the left is not membership', range('int', '[]', 1, 5), int(2), 'notComparable'],
  ])('%s', (_name, l, r, expected) => {
    expect(valuesEqual(l, r)).toBe(expected);
  });
});

describe('notComparableReason', () => {
  test.each<[Value, Value, string]>([
    [bool(true), str('x'), 'PathAwareValues are not comparable bool, String'],
    [int(1), flt(1), 'PathAwareValues are not comparable int, float'],
    [chr('1'), str('1'), 'PathAwareValues are not comparable char, String'],
    [int(443), re('443'), 'PathAwareValues are not comparable int, Regex'],
    [
      str('x'),
      range('int', '[]', 1, 2),
      'PathAwareValues are not comparable String, range(int, int)',
    ],
    [
      int(42),
      range('float', '(]', 1.5, 5),
      'PathAwareValues are not comparable int, range(float, float)',
    ],
    [int(42), list(int(1)), 'PathAwareValues are not comparable int, array'],
    [nul, str('x'), 'PathAwareValues are not comparable null, String'],
    [map(), str('x'), 'PathAwareValues are not comparable map, String'],
    [bool(true), bool(false), 'PathAwareValues are not comparable bool, bool'],
    // Maps/lists report the first inner pair that was not comparable.
    [
      map(['a', int(1)], ['b', str('x')]),
      map(['a', int(1)], ['b', int(3)]),
      'PathAwareValues are not comparable String, int',
    ],
    [
      list(int(1), str('x')),
      list(int(1), int(2)),
      'PathAwareValues are not comparable String, int',
    ],
    [flt(Number.NaN), flt(1), 'Float values are not comparable'],
  ])('%j vs %j', (l, r, expected) => {
    expect(notComparableReason(l, r)).toBe(expected);
  });
});

describe('compareOrder (OP-13)', () => {
  test.each<[string, 'Gt' | 'Ge' | 'Lt' | 'Le', Value, Value, boolean | 'notComparable']>([
    ['int >', 'Gt', int(2), int(1), true],
    ['int > equal', 'Gt', int(1), int(1), false],
    ['int >= equal', 'Ge', int(1), int(1), true],
    ['int <', 'Lt', int(1), int(2), true],
    ['int <= equal', 'Le', int(2), int(2), true],
    ['float <', 'Lt', flt(0.5), flt(0.75), true],
    ['int vs float (GOT-01)', 'Gt', int(1), flt(0.5), 'notComparable'],
    ['float vs int', 'Lt', flt(1), int(2), 'notComparable'],
    ['strings by code point', 'Lt', str('B'), str('a'), true],
    ['string prefix is less', 'Lt', str('ab'), str('abc'), true],
    ['astral after U+FFFD', 'Gt', str('😀'), str('\ufffd'), true],
    ['chars', 'Ge', chr('b'), chr('a'), true],
    ['char vs string', 'Lt', chr('a'), str('b'), 'notComparable'],
    ['bools are not ordered', 'Gt', bool(true), bool(false), 'notComparable'],
    ['int vs string', 'Lt', int(1), str('x'), 'notComparable'],
    ['lists are not ordered', 'Lt', list(), list(), 'notComparable'],
    ['NaN', 'Lt', flt(Number.NaN), flt(1), 'notComparable'],
    ['null vs null is comparable (equal)', 'Le', nul, nul, true],
    ['null vs int', 'Lt', nul, int(1), 'notComparable'],
  ])('%s', (_name, op, l, r, expected) => {
    expect(compareOrder(op, l, r)).toBe(expected);
  });

  test('compareCodePoints orders astral characters after the BMP', () => {
    expect(compareCodePoints('\u{1F600}', '\uFFFF')).toBeGreaterThan(0);
    expect(compareCodePoints('\uE000', '\uD7FF')).toBeGreaterThan(0);
    expect(compareCodePoints('abc', 'abc')).toBe(0);
  });
});

describe('isEmptyValue (OP-04)', () => {
  test.each<[string, Value, boolean]>([
    ['empty string', str(''), true],
    ['string', str(' '), false],
    ['empty list', list(), true],
    ['list', list(nul), false],
    ['empty map', map(), true],
    ['map', map(['a', nul]), false],
    ['bool is never empty', bool(false), false],
  ])('%s', (_name, v, expected) => {
    expect(isEmptyValue(v)).toBe(expected);
  });

  test.each<[Value, string]>([
    [
      { kind: 'int', value: 42, path: '/int', line: 2, col: 5 },
      'Attempting EMPTY operation on type int that does not support it at /int[L:2,C:5]',
    ],
    [
      { kind: 'null', path: '/nul', line: 7, col: 5 },
      'Attempting EMPTY operation on type null that does not support it at /nul[L:7,C:5]',
    ],
    [flt(2.5), 'Attempting EMPTY operation on type float that does not support it at [L:0,C:0]'],
    [chr('a'), 'Attempting EMPTY operation on type char that does not support it at [L:0,C:0]'],
  ])('%j is a hard error', (v, text) => {
    let caught: unknown;
    try {
      isEmptyValue(v);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GuardError);
    const err = caught as GuardError;
    expect(err.code).toBe('EVAL_INCOMPATIBLE_TYPES');
    expect(err.message).toBe(text);
    expect(err.compat).toBe(`Types or variable assignments are incompatible \`${text}\``);
  });
});

describe('typeTest', () => {
  const ops: TypeTestOp[] = ['IsString', 'IsList', 'IsMap', 'IsBool', 'IsInt', 'IsFloat', 'IsNull'];
  const truth: Record<TypeTestOp, string> = {
    IsString: 'string',
    IsList: 'list',
    IsMap: 'map',
    IsBool: 'bool',
    IsInt: 'int',
    IsFloat: 'float',
    IsNull: 'null',
  };
  const cases = ops.flatMap((op) => Object.keys(samples).map((kind) => [op, kind] as const));
  test.each(cases)('%s on %s', (op, kind) => {
    expect(typeTest(op, samples[kind]!)).toBe(truth[op] === kind);
  });
});
