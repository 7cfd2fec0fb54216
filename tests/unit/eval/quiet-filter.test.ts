/**
 * Quiet filters (quiet-filter.ts) must be invisible: the record tree, once
 * its deferred filter subtrees are read, is the one the full evaluation
 * makes (print-json serialises every node), statuses are the same, and
 * errors are still raised.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { GuardError } from '../../../src/diag/errors.js';
import { setQuietFilters } from '../../../src/eval/quiet-filter.js';
import { formatPrintJson } from '../../../src/report/print-json.js';
import { run } from './helpers.js';

const DATA = {
  Resources: {
    a: { Type: 'AWS::S3::Bucket', Properties: { Name: 'x', Tags: [{ Key: 'k', Value: 1 }] } },
    b: { Type: 'AWS::EC2::Volume', Properties: { Size: 5 } },
    c: { type: 'AWS::S3::Bucket', Properties: { Name: 'y' } },
    d: { Type: 7, Properties: {} },
    e: {
      Type: 'AWS::EC2::Instance',
      Metadata: { guard: { SuppressedRules: ['R1'] } },
      Properties: { Empty: 3 },
    },
    f: 'not a resource map',
    g: ['AWS::S3::Bucket'],
    h: { Type: ['AWS::S3::Bucket'], Properties: { Name: 'z' } },
  },
};

const CASES: readonly { name: string; rules: string }[] = [
  {
    name: 'literal type filter',
    rules: `rule r { Resources.*[ Type == 'AWS::S3::Bucket' ].Properties.Name exists }`,
  },
  {
    name: 'literal let on the right',
    rules: `let T = 'AWS::S3::Bucket'\nlet s = Resources.*[ Type == %T ]\nrule r when %s not empty { %s.Properties.Name == 'x' }`,
  },
  {
    name: 'query let not evaluated yet (full path, recorded inside the filter)',
    rules: `let t = Resources.b.Type\nrule r { Resources.*[ Type == %t ] not empty }`,
  },
  {
    name: 'suppression conjuncts after the type',
    rules: `rule r { Resources.*[ Type == 'AWS::EC2::Instance'\n  Metadata.guard.SuppressedRules not exists or\n  Metadata.guard.SuppressedRules.* != 'R2' ].Properties exists }`,
  },
  {
    name: 'disjunction of types, negation and some',
    rules: `rule r { Resources.*[ Type == 'AWS::S3::Bucket' or Type != 'AWS::EC2::Volume' ] not empty }\nrule q { some Resources.*[ Type == 'AWS::EC2::Volume' ].Properties.Size == 5 }`,
  },
  {
    name: 'case-converted key and non-string types',
    rules: `rule r { Resources.*[ Type == 'AWS::S3::Bucket' ].Properties.Name == 'y' }\nrule q { Resources.*[ Type in ['AWS::EC2::Volume', 7] ] not empty }`,
  },
  {
    name: 'list filter and nested filter',
    rules: `rule r { Resources.*[ Properties.Tags[ Key == 'k' ] not empty ].Properties.Tags[ Key == 'k' ].Value == 1 }`,
  },
  {
    name: 'precheck: negated type, and a type let used by two rules',
    rules: `let T = 'AWS::S3::Bucket'\nrule r { Resources.*[ Type != %T ] not empty }\nrule q { Resources.*[ Type == %T ].Properties.Name == 'x' }`,
  },
  {
    name: 'precheck: a conjunct that may throw keeps every candidate evaluated',
    rules: `rule r { Resources.*[ Type == 'AWS::S3::Bucket'\n  Properties.Name == /x/ ] not empty }`,
  },
  {
    name: 'precheck: query let on the right, settled by an earlier rule',
    rules: `let t = Resources.a.Type\nrule r { %t == 'AWS::S3::Bucket' }\nrule q { Resources.*[ Type == %t ] not empty }`,
  },
  {
    name: 'precheck: nested walks and an empty selection under when',
    rules: `let s = Resources.*[ Type == 'AWS::S3::Bucket' ]\nrule r when %s !empty { %s.Properties.Tags[*][ Key == 'k' ].Value == 1 }\nrule q when Resources.*[ Type == 'AWS::Nope' ] !empty { Resources exists }`,
  },
  {
    name: 'filter with a capture and a map-key filter (full path)',
    rules: `rule r { Resources[ name | Type == 'AWS::EC2::Volume' ].Properties.Size == 5 }\nrule q { Resources[ keys == 'a' ].Type == 'AWS::S3::Bucket' }`,
  },
];

afterEach(() => {
  setQuietFilters(true);
});

function printed(rules: string): { json: string; statuses: string } {
  const result = run(rules, DATA);
  return {
    json: formatPrintJson(result.tree),
    statuses: result.rules.map((r) => `${r.name}:${r.status}`).join(' '),
  };
}

describe('quiet filters give the full evaluation’s records and statuses', () => {
  test.each(CASES)('$name', ({ rules }) => {
    const quiet = printed(rules);
    setQuietFilters(false);
    const full = printed(rules);
    expect(quiet.statuses).toBe(full.statuses);
    expect(quiet.json).toBe(full.json);
    expect(quiet.json).toContain('Filter/');
  });
});

describe('errors are not skipped by the early FAIL', () => {
  test('`empty` on a scalar after a failing type test still throws (OP-04)', () => {
    const rules = `rule r { Resources.*[ Type == 'AWS::Nope'\n  Properties.Empty empty ] not empty }`;
    expect(() => run(rules, DATA)).toThrow(GuardError);
    setQuietFilters(false);
    expect(() => run(rules, DATA)).toThrow(GuardError);
  });
});
