import { describe, expect, test, vi } from 'vitest';

// The function registry pulls in the data loader; these tests call no functions.
vi.mock('../../../src/eval/functions/registry.js', () => ({ callFunction: () => [] }));

import { evaluateRulesFile } from '../../../src/eval/evaluate.js';
import { parse, run } from './helpers.js';
import { fromJson } from './values.js';

/** One document, many small rules: statuses recorded with cfn-guard 3.1.1 (`-S all`). */
const RULES = `let vols = Resources.*[ Type == 'AWS::EC2::Volume' ]
let none = Resources.*[ Type == 'Nope' ]
let partial = Resources.*.Properties.Size
let somep = some Resources.*.Properties.Size
rule disj_pass { x == 2 or x == 1 }
rule disj_skip { Resources.*[ Type == 'Nope' ].Properties exists or Resources.*[ Type == 'Nope2' ] exists }
rule conj_no_short { x == 2
  x == 1 }
rule skipped when x == 2 { x == 1 }
rule ref_skip {
  skipped
}
rule ref_not_skip {
  !skipped
}
rule when_block { when x == 2 { x == 3 } }
rule filter_empty_skip { Resources.*[ Type == 'Nope' ].Properties.A == 1 }
rule var_empty_fail { %none !empty }
rule var_partial_fail { %partial !empty }
rule var_some_pass { %somep !empty }
rule block_some { some Resources.*.Properties.Size == 5 }
rule block_all { Resources.*.Properties { Size == 5 } }
rule block_some2 { some Resources.*.Properties { Size == 5 } }
rule block_not_empty { Resources.*[ Type == 'Nope' ] !empty { x == 1 } }
rule type_block { AWS::EC2::Volume { Properties.Size < 10 } }
rule type_when_root { AWS::EC2::Volume when x == 1 { Properties.Size > 10 } }
rule unary_not { not s.missing exists }
rule binary_not_ignored { not x == 1 }
rule empty_unresolved { s.missing empty }
rule empty_list { e empty }
rule is_string_missing { s.missing !is_string }
rule list_in { l in [1, 2, 3] }
rule this_block { l[*] { this > 0 } }
rule scope_var { Resources.* { let t = Type
   %t == /AWS/ } }
rule dup { x == 1 }
rule dup { x == 2 }
rule ref_dup {
  dup
}
rule pr(a) { %a == 1 }
rule call_pr { pr(x) }
rule call_pr_not { not pr(x) }
`;

const DATA = {
  Resources: {
    B: { Type: 'AWS::S3::Bucket', Properties: { Name: 'x', Tags: [{ Key: 'a' }] } },
    V: { Type: 'AWS::EC2::Volume', Properties: { Size: 5 } },
  },
  x: 1,
  l: [1, 2],
  e: [],
  s: 'abc',
  n: null,
};

const EXPECTED: readonly (readonly [string, string])[] = [
  ['disj_pass', 'PASS'],
  ['disj_skip', 'SKIP'],
  ['conj_no_short', 'FAIL'],
  ['skipped', 'SKIP'],
  ['ref_skip', 'FAIL'],
  ['ref_not_skip', 'PASS'],
  ['when_block', 'SKIP'],
  ['filter_empty_skip', 'SKIP'],
  ['var_empty_fail', 'FAIL'],
  ['var_partial_fail', 'FAIL'],
  ['var_some_pass', 'PASS'],
  ['block_some', 'PASS'],
  ['block_all', 'FAIL'],
  ['block_some2', 'PASS'],
  ['block_not_empty', 'FAIL'],
  ['type_block', 'PASS'],
  ['type_when_root', 'FAIL'],
  ['unary_not', 'PASS'],
  ['binary_not_ignored', 'PASS'],
  ['empty_unresolved', 'PASS'],
  ['empty_list', 'PASS'],
  ['is_string_missing', 'PASS'],
  ['list_in', 'PASS'],
  ['this_block', 'PASS'],
  ['scope_var', 'PASS'],
  ['dup', 'PASS'],
  ['dup', 'FAIL'],
  ['ref_dup', 'PASS'],
  ['call_pr', 'PASS'],
  ['call_pr_not', 'PASS'],
];

describe('rule statuses match the reference', () => {
  const result = run(RULES, DATA);
  test.each(EXPECTED.map(([name, status], i) => ({ i, name, status })))(
    '$name → $status',
    ({ i, name, status }) => {
      expect(result.rules[i]).toEqual({ name, status });
    },
  );

  test('file status is FAIL when any rule fails (EVAL-10)', () => {
    expect(result.status).toBe('FAIL');
    expect(result.rules).toHaveLength(EXPECTED.length);
  });
});

describe('record tree (EVAL-13)', () => {
  test('contexts and records follow the reference', () => {
    const r = run('rule a { x == 1 or x == 2 }\nrule b {\n  a\n  !a\n}\n', { x: 1 });
    const b = r.tree.children[1];
    expect(r.tree.context).toBe('File(rules=2)');
    expect(r.tree.children[0]?.children[0]?.context).toBe(
      'cfn_guard::rules::exprs::RuleClause#disjunction',
    );
    expect(b?.children.map((c) => c.context)).toEqual([
      'Rule(a@Location[file:r.guard, line:3, column:3])',
      'Rule(a@Location[file:r.guard, line:4, column:3])',
    ]);
    // The first reference evaluates `a` in place (EVAL-08); the second uses the cache.
    expect(b?.children[0]?.children[0]?.context).toBe('a');
    expect(b?.children[1]?.children).toEqual([]);
    expect(b?.children[1]?.record).toEqual({
      kind: 'ClauseValueCheck',
      check: {
        kind: 'DependentRule',
        rule: 'a',
        message: null,
        customMessage: null,
        status: 'FAIL',
      },
    });
  });

  test('a filter after [*] on a list sees the enclosing root (reference quirk)', () => {
    const r = run("rule t { Tags[*][ Key == 'a' ].Value == 1 }", {
      Tags: [
        { Key: 'a', Value: 1 },
        { Key: 'b', Value: 2 },
      ],
      Key: 'b',
    });
    expect(r.rules[0]?.status).toBe('SKIP');
    const block = r.tree.children[0]?.children[0];
    expect(block?.context).toBe(
      'GuardAccessClause#block Tags[*]. (filter-clauses).Value EQUALS  1',
    );
    expect(block?.children.map((c) => c.context)).toEqual(['Filter/Map#1', 'Filter/Map#1']);
  });
});

describe('hard errors (EVAL-12)', () => {
  test.each([
    {
      name: 'undefined variable',
      rules: 'rule r { %nope exists }',
      compat:
        'There was no variable or value object to resolve. Error = `Could not resolve variable by name nope across scopes`',
    },
    {
      name: 'unknown rule',
      rules: 'rule r {\n  no_such_rule\n}',
      compat:
        'There was no variable or value object to resolve. Error = `Rule no_such_rule by that name does not exist, Rule Names = ["r"]`',
    },
    {
      name: 'arity mismatch',
      rules: 'rule check(a, b) { %a == %b }\nrule r { check(Resources) }',
      compat:
        'Types or variable assignments are incompatible `Arity mismatch for called parameter rule check, expected 2, got 1`',
    },
    {
      name: 'type block without Resources',
      rules: 'rule r { AWS::S3::Bucket { Properties exists } }',
      compat:
        'There was no variable or value object to resolve. Error = `Unable to resolve type block query: AWS::S3::Bucket`',
    },
  ])('$name', ({ rules, compat }) => {
    expect(() => run(rules, { x: 1 })).toThrow(expect.objectContaining({ compat }));
  });

  test('cyclic rule references are a clean error, not a stack overflow', () => {
    expect(() => run('rule a {\n  b\n}\nrule b {\n  a\n}', {})).toThrow(
      expect.objectContaining({ code: 'EVAL_CYCLIC_RULE' }),
    );
  });

  test('prepared rules evaluate many documents independently', () => {
    const file = parse('rule r { x == 1 }');
    const ctx = { rulesFileName: 'r.guard', dataFileName: 'd' };
    expect(evaluateRulesFile(file, fromJson({ x: 1 }), ctx).status).toBe('PASS');
    expect(evaluateRulesFile(file, fromJson({ x: 2 }), ctx).status).toBe('FAIL');
  });
});
