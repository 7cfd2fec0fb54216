import { describe, expect, test } from 'vitest';
import { loadStandardDocument } from '../../../src/data/load-standard.js';
import { rebaseValue } from '../../../src/data/rebase.js';
import { positionsOf, render, thrown } from './helpers.js';

// Expected values recorded with `cfn-guard test -v` (serde_yaml route, YAML-08).
describe('standard loader', () => {
  test.each([
    {
      text: 'a: 0x10\nb: True\nc: yes\nd: ~\ne:\nf: 0755\ng: 1.0',
      out: '{"a":16,"b":true,"c":"yes","d":null,"e":null,"f":"0755","g":1f}',
    },
    {
      text: 'a: !Ref 5\nb: !GetAtt A.B\nc: !Select [1, !Ref Y]',
      out: '{"a":{"Ref":5},"b":{"Fn::GetAtt":"A.B"},"c":{"Fn::Select":[1,{"Ref":"Y"}]}}',
    },
    {
      text: 'a: !Foo 5\nb: !Foo [1]\nc: !Foo {a: 1}\nd: !Equals [1, "1"]',
      out: '{"a":5,"b":[1],"c":{"a":1},"d":{"Fn::Equals":[1,"1"]}}',
    },
    {
      text: 'a: !!str 5\nb: !!int "5"\nc: !!float 5\nd: !!bool true',
      out: '{"a":"5","b":5,"c":5f,"d":true}',
    },
    {
      text: 'a: &x [1, 2]\nb: *x\nc: {<<: {q: 1}, r: 2}',
      out: '{"a":[1,2],"b":[1,2],"c":{"<<":{"q":1},"r":2}}',
    },
    { text: '', out: 'null' },
  ])('$text', ({ text, out }) => {
    expect(render(loadStandardDocument(text, 'spec.yaml'))).toBe(out);
  });

  test('paths are real, positions are all 0/0', () => {
    const v = loadStandardDocument('a:\n  b: [1]\n', 's');
    expect(positionsOf(v)).toEqual([
      '/a/b/0[L:0,C:0]',
      '/a/b[L:0,C:0]',
      '/a[L:0,C:0]',
      '[L:0,C:0]',
    ]);
  });

  test('expanded aliases get the path of their use', () => {
    const v = loadStandardDocument('a: &x {k: 1}\nb: *x\n', 's');
    expect(positionsOf(v)).toContain('/b/k[L:0,C:0]');
  });

  test.each([
    ['non-string key', '{1: a}', 'DATA_NON_STRING_KEY'],
    ['duplicate key', '{a: 1, a: 2}', 'DATA_SYNTAX'],
    ['integer beyond u64', 'a: 123456789012345678901234567890', 'DATA_SYNTAX'],
    ['two documents', 'a: 1\n---\nb: 2\n', 'DATA_SYNTAX'],
    ['bad !!int', 'a: !!int x', 'DATA_BAD_TAGGED_VALUE'],
    ['deep nesting', `${'['.repeat(10_000)}${']'.repeat(10_000)}`, 'DATA_TOO_DEEP'],
  ])('%s fails with %s', (_name, text, code) => {
    expect(thrown(() => loadStandardDocument(text, 's')).code).toBe(code);
  });

  test('non-string key text has no location, like the reference', () => {
    expect(thrown(() => loadStandardDocument('{true: a}', 's')).compat).toBe(
      'non string type detected for key in a map at , cfn-guard only supports keys that are string types',
    );
  });

  test('an alias bomb fails fast with DATA_ALIAS_LIMIT', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) {
      const prev = names[i - 1] as string;
      levels.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const e = thrown(() =>
      loadStandardDocument(levels.join('\n'), 'bomb.yaml', { limits: { maxAliasNodes: 10_000 } }),
    );
    expect(e.code).toBe('DATA_ALIAS_LIMIT');
  });

  test('rebaseValue re-roots a sub-document', () => {
    const spec = loadStandardDocument('- input:\n    Resources: {B: {Type: T}}\n', 's');
    const input =
      spec.kind === 'list' && spec.items[0]?.kind === 'map'
        ? spec.items[0].entries.get('input')
        : undefined;
    expect(input?.path).toBe('/0/input');
    const rebased = input === undefined ? undefined : rebaseValue(input);
    expect(rebased ? positionsOf(rebased) : []).toContain('/Resources/B/Type[L:0,C:0]');
  });
});
