import { describe, expect, test } from 'vitest';
import { compareSets, type SetOutcome } from '../../../src/eval/operators.js';
import { literalResult, type QueryResult, unresolved } from '../../../src/eval/query-result.js';
import type { CmpOperator } from '../../../src/syntax/ast.js';
import { float, fromJson } from './values.js';

const data = (x: unknown): QueryResult => ({ resolved: true, value: fromJson(x, '/d') });
const lit = (x: unknown): QueryResult => literalResult(fromJson(x));
const missing: QueryResult = unresolved(
  fromJson({}),
  'x',
  'Could not find key x inside struct at path [L:0,C:0]',
);

/** PASS/FAIL per record, the way clause.ts rolls them up. */
function verdicts(o: SetOutcome): string {
  if (o.kind === 'Skip') return 'SKIP';
  return o.results
    .map((r) =>
      r.kind === 'Success'
        ? r.cmp.kind === 'QueryIn'
          ? r.cmp.lhs.map(() => 'P').join('')
          : 'P'
        : 'F',
    )
    .join('');
}

function cmp(op: CmpOperator, negated: boolean, lhs: QueryResult[], rhs: QueryResult[]): string {
  return verdicts(compareSets({ op, negated }, lhs, rhs));
}

// Each row checked against cfn-guard 3.1.1 (3.2.0 for query-vs-query !=).
describe('== and != (OP-09..12)', () => {
  test.each([
    { name: 'scalar equal', lhs: [data('a')], rhs: [lit('a')], neg: false, want: 'P' },
    { name: 'scalar not equal', lhs: [data('a')], rhs: [lit('b')], neg: false, want: 'F' },
    {
      name: 'int vs float not comparable (GOT-01)',
      lhs: [data(1)],
      rhs: [literalResult(float(1))],
      neg: false,
      want: 'F',
    },
    {
      name: 'not comparable stays FAIL for != (GOT-02)',
      lhs: [data(80)],
      rhs: [lit('80')],
      neg: true,
      want: 'F',
    },
    {
      name: 'one-element list literal unwrapped',
      lhs: [data('a')],
      rhs: [lit(['a'])],
      neg: false,
      want: 'P',
    },
    {
      name: 'list value vs scalar element-wise',
      lhs: [data([1, 2])],
      rhs: [lit(1)],
      neg: false,
      want: 'PF',
    },
    { name: '!= element-wise', lhs: [data([1, 2])], rhs: [lit(1)], neg: true, want: 'FP' },
    { name: 'list order matters', lhs: [data([1, 2])], rhs: [lit([2, 1])], neg: false, want: 'F' },
    {
      name: 'unresolved lhs fails',
      lhs: [missing, data(1)],
      rhs: [lit(1)],
      neg: false,
      want: 'FP',
    },
    {
      name: 'query sets equal',
      lhs: [data(1), data(2)],
      rhs: [data(2), data(1)],
      neg: false,
      want: 'PP',
    },
    { name: 'query sets differ', lhs: [data(1)], rhs: [data(2), data(1)], neg: false, want: 'F' },
    {
      name: '!= disjoint query sets pass (Δ3.2)',
      lhs: [data('a')],
      rhs: [data('b')],
      neg: true,
      want: 'P',
    },
    {
      name: '!= overlapping query sets fail',
      lhs: [data('a')],
      rhs: [data('a'), data('b')],
      neg: true,
      want: 'F',
    },
    {
      name: 'unresolved rhs fails each lhs',
      lhs: [data(1)],
      rhs: [missing, data(1)],
      neg: false,
      want: 'FP',
    },
  ])('$name', ({ lhs, rhs, neg, want }) => {
    expect(cmp('Eq', neg, lhs, rhs)).toBe(want);
  });

  test('an empty side is a SKIP (OP-06)', () => {
    expect(cmp('Eq', false, [], [lit(1)])).toBe('SKIP');
    expect(cmp('Eq', false, [data(1)], [])).toBe('SKIP');
  });
});

describe('in / not in (OP-14..17)', () => {
  test.each([
    { name: 'scalar in list', lhs: [data('a')], rhs: [lit(['a', 'b'])], neg: false, want: 'P' },
    { name: 'scalar not in list', lhs: [data('c')], rhs: [lit(['a', 'b'])], neg: false, want: 'F' },
    {
      name: 'list value all in list',
      lhs: [data([1, 2])],
      rhs: [lit([1, 2, 3])],
      neg: false,
      want: 'P',
    },
    {
      name: 'list value partly in list',
      lhs: [data([1, 4])],
      rhs: [lit([1, 2, 3])],
      neg: false,
      want: 'F',
    },
    {
      name: 'list not in needs none',
      lhs: [data([1, 2])],
      rhs: [lit([2, 4])],
      neg: true,
      want: 'F',
    },
    {
      name: 'list of lists needs whole match',
      lhs: [data([1, 2])],
      rhs: [lit([[1, 2], [3]])],
      neg: false,
      want: 'P',
    },
    {
      name: 'string rhs is substring',
      lhs: [data('abc')],
      rhs: [lit('xxabcxx')],
      neg: false,
      want: 'P',
    },
    {
      name: 'string rhs not substring',
      lhs: [data('abd')],
      rhs: [lit('xxabcxx')],
      neg: false,
      want: 'F',
    },
    {
      name: 'query rhs membership',
      lhs: [data('a')],
      rhs: [data('b'), data('a')],
      neg: false,
      want: 'P',
    },
    {
      name: 'query rhs missing value',
      lhs: [data('c')],
      rhs: [data('b'), data('a')],
      neg: false,
      want: 'F',
    },
    {
      name: 'not in query rhs',
      lhs: [data('c')],
      rhs: [data('b'), data('a')],
      neg: true,
      want: 'P',
    },
    { name: 'not in with string', lhs: [data('q')], rhs: [lit(['a'])], neg: true, want: 'P' },
  ])('$name', ({ lhs, rhs, neg, want }) => {
    expect(cmp('In', neg, lhs, rhs)).toBe(want);
  });
});

describe('ordering (OP-13)', () => {
  test.each([
    {
      name: 'against every element',
      op: 'Gt' as const,
      lhs: [data(2)],
      rhs: [lit([1, 2])],
      want: 'PF',
    },
    {
      name: 'list lhs flattened',
      op: 'Gt' as const,
      lhs: [data([1, 5])],
      rhs: [lit(0)],
      want: 'PP',
    },
    {
      name: 'int vs float fails',
      op: 'Gt' as const,
      lhs: [data(1)],
      rhs: [literalResult(float(0.5))],
      want: 'F',
    },
    {
      name: 'strings by code point',
      op: 'Lt' as const,
      lhs: [data('a')],
      rhs: [lit('b')],
      want: 'P',
    },
    { name: 'le equal', op: 'Le' as const, lhs: [data(3)], rhs: [lit(3)], want: 'P' },
    { name: 'unresolved lhs', op: 'Ge' as const, lhs: [missing], rhs: [lit(3)], want: 'F' },
  ])('$name', ({ op, lhs, rhs, want }) => {
    expect(cmp(op, false, lhs, rhs)).toBe(want);
  });
});
