/**
 * Spec-file reading (TEST-02): the YAML route, and the JSON fallback's
 * serde_json error texts. Every expected message below was produced by
 * cfn-guard 3.1.1 on the same file text.
 */
import { describe, expect, test } from 'vitest';
import { parseTestSpecs } from '../../../src/commands/test-spec.js';
import { parseSpecJson } from '../../../src/commands/test-spec-json.js';

describe('parseTestSpecs errors (serde_json wording)', () => {
  test.each([
    { text: '- name: x\n  input: {a: [1\n', message: 'invalid number at line 1 column 2' },
    { text: 'name: single\ninput: {}\n', message: 'expected ident at line 1 column 2' },
    { text: '{}', message: 'invalid type: map, expected a sequence at line 1 column 0' },
    {
      text: '[1]',
      message: 'invalid type: integer `1`, expected struct TestSpec at line 1 column 2',
    },
    { text: '[{}]', message: 'missing field `input` at line 1 column 3' },
    { text: '[{"input": {}}]', message: 'missing field `expectations` at line 1 column 14' },
    {
      text: '[{"input": {}, "expectations": {}}]',
      message: 'missing field `rules` at line 1 column 33',
    },
    { text: 'null', message: 'invalid type: null, expected a sequence at line 1 column 4' },
    { text: '~', message: 'expected value at line 1 column 1' },
    { text: 'x', message: 'expected value at line 1 column 1' },
    {
      text: 'true',
      message: 'invalid type: boolean `true`, expected a sequence at line 1 column 4',
    },
    {
      text: '  \n  [1, 2',
      message: 'invalid type: integer `1`, expected struct TestSpec at line 2 column 4',
    },
    {
      text: '"abc"',
      message: 'invalid type: string "abc", expected a sequence at line 1 column 5',
    },
    {
      text: '- input: {}\n  expectations: {rules: ~}\n',
      message: 'invalid number at line 1 column 2',
    },
    {
      text: '[{"input": {}, "expectations": {"rules": {}}} x',
      message: 'expected `,` or `]` at line 1 column 47',
    },
  ])('$text', ({ text, message }) => {
    expect(parseTestSpecs(text, 'spec.yaml')).toEqual({ ok: false, message });
  });
});

describe('parseTestSpecs success', () => {
  test.each([
    { text: '', count: 0 },
    { text: '# only a comment\n', count: 0 },
    { text: '[]', count: 0 },
    { text: '- input: {}\n  expectations: {rules: {a: PASS}}\n  extra: 1\n', count: 1 },
    { text: '[{"input": {}, "expectations": {"rules": {}}},]', count: 1 },
  ])('$text → $count case(s)', ({ text, count }) => {
    const r = parseTestSpecs(text, 'spec.yaml');
    expect(r.ok && r.specs.length).toBe(count);
  });

  test('names and statuses are read as scalar text, null name is no name', () => {
    const r = parseTestSpecs(
      '- name: 5\n  input: {}\n  expectations: {rules: {a: 1}}\n- name: ~\n  input:\n  expectations: {rules: {}}\n',
      's.yaml',
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.specs[0]?.name).toBe('5');
    expect(r.specs[0]?.expectations.get('a')).toBe('1');
    expect(r.specs[1]?.name).toBeUndefined();
    expect(r.specs[1]?.input.kind).toBe('null');
  });

  // serde_yaml hands a String field the scalar's text, whatever it types as
  // and whatever its tag; each name as `cfn-guard test` prints it.
  test.each([
    ['0x1F', '0x1F'],
    ['1.50', '1.50'],
    ['1e3', '1e3'],
    ['True', 'True'],
    ['-0', '-0'],
    ['+5', '+5'],
    ['.inf', '.inf'],
    ['0o17', '0o17'],
    ['012', '012'],
    ["'quoted'", 'quoted'],
    ['!!int 5', '5'],
    ['!!float 1', '1'],
    ['!Ref x', 'x'],
    ['!GetAtt a.b', 'a.b'],
    ['~', undefined],
  ])('name: %s is %j', (written, name) => {
    const text = `- name: ${written}\n  input: {}\n  expectations:\n    rules:\n      r: FAIL\n`;
    const r = parseTestSpecs(text, 's.yaml');
    if (!r.ok) throw new Error(r.message);
    expect(r.specs[0]?.name).toBe(name);
  });

  test('inputs are documents of their own: paths start at the root, aliases expand', () => {
    const r = parseTestSpecs(
      '- input: &x {Resources: {B: {Type: T}}}\n  expectations: {rules: {}}\n- input: *x\n  expectations: {rules: {}}\n',
      's.yaml',
    );
    if (!r.ok) throw new Error(r.message);
    for (const spec of r.specs) {
      const input = spec.input;
      if (input.kind !== 'map') throw new Error('map expected');
      expect(input.path).toBe('');
      expect(input.entries.get('Resources')?.path).toBe('/Resources');
    }
  });

  test('the JSON route builds inputs too', () => {
    const r = parseSpecJson(
      '[{"name": "j", "input": {"a": [1, 2.5, "x", true, null]}, "expectations": {"rules": {"r": "SKIP"}}}]',
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.specs[0]?.name).toBe('j');
    const input = r.specs[0]?.input;
    if (input?.kind !== 'map') throw new Error('map expected');
    const list = input.entries.get('a');
    if (list?.kind !== 'list') throw new Error('list expected');
    expect(list.items.map((v) => v.kind)).toEqual(['int', 'float', 'string', 'bool', 'null']);
    expect(list.items[1]?.path).toBe('/a/1');
  });
});
