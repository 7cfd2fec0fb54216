/**
 * Which filters the precheck decides without evaluating them
 * (filter-precheck.ts), and what it decides per candidate. That its
 * decisions leave records and statuses unchanged is quiet-filter.test.ts's
 * differential table; this one catches a precheck that silently stops
 * deciding (a slowdown no output would show).
 */
import { describe, expect, test } from 'vitest';
import { Evaluation } from '../../../src/eval/evaluation.js';
import { filterPrecheck, precheckStatus } from '../../../src/eval/filter-precheck.js';
import { prepareRules } from '../../../src/eval/prepared-rules.js';
import { Scope } from '../../../src/eval/scope.js';
import { fromJson, parse } from './helpers.js';

const CANDIDATES = {
  bucket: { Type: 'AWS::S3::Bucket' },
  volume: { Type: 'AWS::EC2::Volume' },
  listType: { Type: ['AWS::S3::Bucket'] },
  lowerCase: { type: 'AWS::S3::Bucket' },
  scalar: 'AWS::S3::Bucket',
};

/** The decision per candidate (`-` when left to the filter), or null when there is no precheck. */
function decisions(lets: string, filter: string): string | null {
  const file = parse(`${lets}\nlet s = Resources.*[ ${filter} ]\nrule r { %s exists }`);
  const env = new Evaluation(prepareRules(file), 'r.guard');
  const scope = Scope.root(env, fromJson({ Resources: CANDIDATES }), file.assignments);
  const part = file.assignments.at(-1)?.value;
  if (part?.kind !== 'QueryValue') throw new Error('expected a query let');
  const filterPart = part.query.parts[2];
  if (filterPart?.kind !== 'Filter') throw new Error('expected a filter');
  const check = filterPrecheck(filterPart.conjunctions, scope);
  if (check === null) return null;
  return Object.entries(CANDIDATES)
    .map(([name, v]) => `${name}:${precheckStatus(check, fromJson(v)) ?? '-'}`)
    .join(' ');
}

describe('filterPrecheck', () => {
  test.each<readonly [string, string, string, string | null]>([
    [
      'string literal',
      '',
      `Type == 'AWS::S3::Bucket'`,
      'bucket:PASS volume:FAIL listType:- lowerCase:- scalar:-',
    ],
    [
      'negated',
      '',
      `Type != 'AWS::S3::Bucket'`,
      'bucket:FAIL volume:PASS listType:- lowerCase:- scalar:-',
    ],
    [
      'literal let',
      `let T = 'AWS::S3::Bucket'`,
      'Type == %T',
      'bucket:PASS volume:FAIL listType:- lowerCase:- scalar:-',
    ],
    [
      'later conjuncts that cannot throw: only FAIL decides',
      '',
      `Type == 'AWS::S3::Bucket'\n Properties exists`,
      'bucket:- volume:FAIL listType:- lowerCase:- scalar:-',
    ],
    ['a later conjunct that may throw', '', `Type == 'AWS::S3::Bucket'\n Name == /x/`, null],
    ['a query let not evaluated yet', 'let T = Resources.a.Type', 'Type == %T', null],
    ['a disjunction first', '', `Type == 'A' or Type == 'B'`, null],
    ['another operator', '', `Type in ['AWS::S3::Bucket']`, null],
    ['a longer query', '', `Properties.Type == 'x'`, null],
    ['a non-string literal', '', 'Type == 7', null],
  ])('%s', (_name, lets, filter, want) => {
    expect(decisions(lets, filter)).toBe(want);
  });
});
