import { describe, expect, test } from 'vitest';
import type { EvalEnv } from '../../../src/eval/context.js';
import { LiteralCache } from '../../../src/eval/literal.js';
import type { QueryResult } from '../../../src/eval/query-result.js';
import { Recorder } from '../../../src/eval/recorder.js';
import { Scope } from '../../../src/eval/scope.js';
import type { QueryPart } from '../../../src/syntax/ast.js';
import { fromJson } from './values.js';

const sp = { start: 0, end: 0 };
const key = (name: string): QueryPart => ({ kind: 'Key', name, span: sp });
const idx = (index: number): QueryPart => ({ kind: 'Index', index, span: sp });
const star: QueryPart = { kind: 'AllValues', capture: null, span: sp };
const all: QueryPart = { kind: 'AllIndices', implicit: false, capture: null, span: sp };
const variable = (name: string): QueryPart => ({ kind: 'Variable', name, span: sp });

function env(): EvalEnv {
  return {
    recorder: new Recorder(),
    literals: new LiteralCache(),
    rulesFileName: 'r.guard',
    evalConjunctions: () => 'PASS',
    callFunction: () => [],
    ruleStatus: () => 'SKIP',
    findParameterizedRule: () => {
      throw new Error('none');
    },
  };
}

const doc = {
  Resources: { B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'b', 'some-key': 1 } } },
  list: [10, 20, 30],
  empty: [],
  emptyMap: {},
  s: 'str',
};

function show(results: QueryResult[]): string[] {
  return results.map((r) =>
    r.resolved
      ? `${r.value.path}=${JSON.stringify('value' in r.value ? r.value.value : r.value.kind)}`
      : `U(${r.remainingQuery}): ${r.reason}`,
  );
}

function q(parts: QueryPart[], vars: Record<string, QueryPart[]> = {}): string[] {
  const lets = Object.entries(vars).map(([name, p]) => ({
    kind: 'Let' as const,
    name,
    value: { kind: 'QueryValue' as const, query: { parts: p, matchAll: true, span: sp }, span: sp },
    span: sp,
  }));
  const scope = Scope.root(env(), fromJson(doc), lets);
  return show(scope.query(parts));
}

describe('query traversal (QRY-*)', () => {
  test.each([
    { name: 'key lookup', parts: [key('s')], want: ['/s="str"'] },
    {
      name: 'missing key (QRY-03)',
      parts: [key('Resources'), key('X')],
      want: ['U(X): Could not find key X inside struct at path /Resources[L:0,C:0]'],
    },
    {
      name: 'case-convention fallback (QRY-04)',
      parts: [key('Resources'), key('B'), key('Properties'), key('bucket_name')],
      want: ['/Resources/B/Properties/BucketName="b"'],
    },
    {
      name: 'kebab fallback',
      parts: [key('Resources'), key('B'), key('Properties'), key('some_key')],
      want: ['/Resources/B/Properties/some-key=1'],
    },
    { name: 'index', parts: [key('list'), idx(1)], want: ['/list/1=20'] },
    {
      name: 'negative index is absolute (GOT-10)',
      parts: [key('list'), idx(-2)],
      want: ['/list/2=30'],
    },
    {
      name: 'index out of range',
      parts: [key('list'), idx(5)],
      want: [
        'U(list.5): Array Index out of bounds for path = /list[L:0,C:0] on index = 5 inside Array = [Int((Path("/list/0", Location { line: 0, col: 0 }), 10)), Int((Path("/list/1", Location { line: 0, col: 0 }), 20)), Int((Path("/list/2", Location { line: 0, col: 0 }), 30))], remaining query = list.5',
      ],
    },
    {
      name: 'index on non-list',
      parts: [key('s'), idx(0)],
      want: [
        'U(0): Attempting to retrieve from index 0 but type is not an array at path /s[L:0,C:0], type String',
      ],
    },
    {
      name: 'key on non-map',
      parts: [key('s'), key('x')],
      want: [
        'U(x): Attempting to retrieve from key x but type is not an struct type at path /s[L:0,C:0], Type = String, Value = String((Path("/s", Location { line: 0, col: 0 }), "str"))',
      ],
    },
    {
      name: '[*] over list',
      parts: [key('list'), all],
      want: ['/list/0=10', '/list/1=20', '/list/2=30'],
    },
    {
      name: '[*] over empty list',
      parts: [key('empty'), all],
      want: ['U([*]): No more entries for value at path = /empty[L:0,C:0] on type = array '],
    },
    { name: '[*] on scalar passes through', parts: [key('s'), all], want: ['/s="str"'] },
    {
      name: '.* over map',
      parts: [key('Resources'), star, key('Type')],
      want: ['/Resources/B/Type="AWS::S3::Bucket"'],
    },
    {
      name: '.* over empty map',
      parts: [key('emptyMap'), star],
      want: ['U(*): No more entries for value at path = /emptyMap[L:0,C:0] on type = map '],
    },
    {
      name: 'quoted numeric key is an index (QRY-05)',
      parts: [key('list'), key('0')],
      want: ['/list/0=10'],
    },
  ])('$name', ({ parts, want }) => {
    expect(q(parts)).toEqual(want);
  });

  test('variable at query start runs the rest per value, consuming one [*] (QRY-10)', () => {
    expect(q([variable('r'), all, key('Type')], { r: [key('Resources'), star] })).toEqual([
      '/Resources/B/Type="AWS::S3::Bucket"',
    ]);
  });

  test('`.%v` uses string values as keys (QRY-11)', () => {
    expect(
      q([key('Resources'), variable('names'), key('Type')], {
        names: [key('Resources'), key('B'), key('Properties'), key('BucketName')],
      }),
    ).toEqual([
      'U(%names.Type): Could not locate key = b inside struct at path = /Resources[L:0,C:0]',
    ]);
  });

  test('undefined variable is a hard error (VAR-05)', () => {
    expect(() => q([variable('nope')])).toThrow(
      /Could not resolve variable by name nope across scopes/,
    );
  });
});
