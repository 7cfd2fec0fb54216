import { describe, expect, test } from 'vitest';
import { bestMatch, didYouMean, jaro } from '../../../src/cli/suggest.js';

describe('jaro', () => {
  test.each([
    { a: 'MARTHA', b: 'MARHTA', want: 0.944 },
    { a: 'DIXON', b: 'DICKSONX', want: 0.767 },
    { a: 'JELLYFISH', b: 'SMELLYFISH', want: 0.896 },
    { a: '', b: '', want: 1 },
    { a: 'a', b: '', want: 0 },
    { a: 'abc', b: 'xyz', want: 0 },
  ])('$a ~ $b', ({ a, b, want }) => {
    expect(jaro(a, b)).toBeCloseTo(want, 3);
  });
});

describe('suggestions', () => {
  test.each([
    {
      value: 'xml',
      candidates: ['single-line-summary', 'json', 'yaml', 'junit', 'sarif'],
      want: 'yaml',
    },
    { value: 'Bash', candidates: ['bash', 'zsh', 'fish'], want: 'bash' },
    { value: 'everything', candidates: ['all', 'pass', 'fail', 'skip', 'none'], want: undefined },
    { value: 'dat', candidates: ['rules', 'data', 'help'], want: 'data' },
  ])('$value', ({ value, candidates, want }) => {
    expect(bestMatch(value, candidates)).toBe(want);
  });

  test('candidates come least similar first', () => {
    expect(didYouMean('tes', ['test', 'tests', 'validate'])).toEqual(['tests', 'test']);
  });
});
