import { describe, expect, test } from 'vitest';
import { LiteralCache } from '../../../src/eval/literal.js';
import { parse, statuses } from './helpers.js';

describe('LiteralCache result lists', () => {
  const file = parse('let a = "x"\nrule r { %a == "x" }');
  const lit = file.assignments[0]?.value;
  if (lit?.kind !== 'LiteralValue') throw new Error('expected a literal let');

  test('a literal read as a whole is one shared QueryResult::Literal list', () => {
    const cache = new LiteralCache();
    const once = cache.asResults(lit.literal);
    expect(cache.asResults(lit.literal)).toBe(once);
    expect(once).toEqual([{ resolved: true, literal: true, value: cache.get(lit.literal) }]);
  });

  test('a literal argument is a plain resolved value, not a whole literal', () => {
    const cache = new LiteralCache();
    const once = cache.asValueResults(lit.literal);
    expect(cache.asValueResults(lit.literal)).toBe(once);
    expect(once).toEqual([{ resolved: true, value: cache.get(lit.literal) }]);
    expect(once[0]).not.toHaveProperty('literal');
  });

  // Shared lists must never be appended to: reading a literal let many times,
  // through value scopes, parameters and interpolation, gives the same answers.
  test.each([
    [
      'literal let read through a filter',
      'let t = "A"\nrule r { Resources.*[ Type == %t ] !empty }',
      'r:PASS',
    ],
    [
      'literal let as an interpolated key',
      'let k = "b"\nrule r { Resources.%k.Type == "A" }',
      'r:PASS',
    ],
    [
      'literal argument of a parameterized rule',
      'rule p(x) { %x == "A" }\nrule r { p("A") p("A") }',
      'r:PASS',
    ],
    [
      'literal let in a list comparison',
      'let l = ["A", "B"]\nrule r { Resources.*.Type in %l\n Resources.*.Type in %l }',
      'r:PASS',
    ],
    ['unknown interpolated key', 'let k = "zz"\nrule r { Resources.%k.Type == "A" }', 'r:FAIL'],
  ])('%s', (_name, rules, expected) => {
    const data = { Resources: { b: { Type: 'A' } } };
    expect(statuses(rules, data)).toBe(expected);
    expect(statuses(rules, data)).toBe(expected);
  });
});
