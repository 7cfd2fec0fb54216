import { afterAll, describe, expect, test } from 'vitest';
import { GuardError } from '../../../src/diag/errors.js';
import {
  countVariableQuantifiers,
  isBacktrackSafe,
  safeMatchAll,
  safeTest,
  setRegexTimeBudget,
} from '../../../src/eval/regex-run.js';
import { translateRegex } from '../../../src/syntax/regex.js';

function compile(pattern: string): RegExp {
  const t = translateRegex(pattern);
  if (!t.ok) throw new Error(t.message);
  return new RegExp(t.source, t.flags);
}

afterAll(() => setRegexTimeBudget(2000));

describe('countVariableQuantifiers', () => {
  test.each([
    ['abc', 0],
    ['a{3}', 0],
    ['[*+?]', 0],
    ['\\u{2a}', 0],
    ['(?:a)+', 1],
    ['a*?', 1],
    ['a{2,}', 1],
    ['a{2,5}b?', 2],
    ['(?:(a)+)+', 2],
  ])('%s has %i', (source, expected) => {
    expect(countVariableQuantifiers(source)).toBe(expected);
  });
});

describe('safeTest', () => {
  test.each([
    ['^arn:aws:s3:::[a-z0-9-]+$', 'arn:aws:s3:::my-bucket', true],
    ['^(a|b)+c$', 'ababc', true],
    ['(?<=server-)01', 'web-server-01', true],
    ['(\\w)\\1', 'abc', false],
  ])('/%s/ on %j', (pattern, input, expected) => {
    expect(safeTest(compile(pattern), input)).toBe(expected);
  });

  test('a catastrophic pattern ends with EVAL_REGEX_TIMEOUT instead of hanging', () => {
    setRegexTimeBudget(300);
    const re = compile('(a+)+$');
    let caught: unknown;
    try {
      safeTest(re, `${'a'.repeat(40)}!`);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(GuardError);
    expect((caught as GuardError).code).toBe('EVAL_REGEX_TIMEOUT');
    // the worker is replaced, so later calls still work
    setRegexTimeBudget(2000);
    expect(safeTest(re, 'aaa')).toBe(true);
  });
});

describe('safeMatchAll', () => {
  test('returns every match with its captures', () => {
    const matches = safeMatchAll(compile('(\\d)-(\\d)'), '1-2 x 3-4');
    expect(matches).toEqual([
      { index: 0, groups: ['1-2', '1', '2'] },
      { index: 6, groups: ['3-4', '3', '4'] },
    ]);
  });
});

describe('isBacktrackSafe', () => {
  test.each([
    ['^arn:aws:iam::\\d{12}:role/.+$', true],
    ['^[a-z]+-[0-9]*$', true],
    ['(ab)+c', true],
    ['(?:abc)?x*y*', true],
    ['(a+)+$', false],
    ['(a|a)*$', false],
    ['(?:\\w+\\s?)*$', false],
    ['(a)b\\1', false],
    ['((a)*)*', false],
    ['x{2,5}(y{3})+', true],
    ['(x{2,5})+', false],
    // A risky group that runs at most once cannot multiply its ambiguity…
    ['(?:a*b*)?c', true],
    ['(a+|b){0,1}$', true],
    ['(a+)??$', true],
    [
      // the registry's S3 endpoint pattern (s3_bucket_… rules), as translated
      '((?:[^\\n])*)\\u{2e}s3(?:((?:\\u{2d}external\\u{2d}[[\\p{Nd}]]|[\\u{2d}\\u{2e}](?:[a-z])*\\u{2d}(?:[a-z])*\\u{2d}[0-9])))?\\u{2e}amazonaws\\u{2e}com(?:(\\u{2e}cn))?$',
      true,
    ],
    // …but it stays risky for an enclosing repetition, and `{0,2}`, `{1,}` repeat.
    ['((a|b)?)*$', false],
    ['(?:x(a+)?)+$', false],
    ['(a|a){0,2}$', false],
    ['(a+){1,}$', false],
  ])('%s → %s', (source, expected) => {
    expect(isBacktrackSafe(source)).toBe(expected);
  });
});
