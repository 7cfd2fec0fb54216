import { describe, expect, test } from 'vitest';
import { loadDataDocument } from '../../../src/data/load-data.js';
import { mergeDocuments } from '../../../src/data/merge.js';
import { GuardError } from '../../../src/diag/errors.js';
import { render } from './helpers.js';

const load = (text: string) => loadDataDocument(text, 'x.yaml');

// Texts recorded with cfn-guard 3.1.1 `validate -i` (DATA-08, GOT-28).
describe('mergeDocuments', () => {
  test.each([
    { docs: ['a: 1', 'b: 2', 'c: 3'], out: '{"a":1,"b":2,"c":3}' },
    { docs: ['- a', '- b'], out: '["a","b"]' },
    { docs: ['a: {x: 1}'], out: '{"a":{"x":1}}' },
  ])('$docs', ({ docs, out }) => {
    expect(render(mergeDocuments(docs.map(load)))).toBe(out);
  });

  test('merged values keep their own paths and positions', () => {
    const merged = mergeDocuments([load('p: 1'), load('\nq: 2')]);
    const q = merged.kind === 'map' ? merged.entries.get('q') : undefined;
    expect(q).toMatchObject({ path: '/q', line: 1, col: 3 });
  });

  test.each([
    {
      docs: ['k: 1', 'j: 2', 'k: 2'],
      code: 'DATA_MERGE_CONFLICT',
      compat:
        'Conflicting rule or variable assignments inside the same scope `Key k, already exists in map`',
    },
    {
      docs: ['Settings: {a: 1}', 'Settings: {b: 1}'],
      code: 'DATA_MERGE_CONFLICT',
      compat:
        'Conflicting rule or variable assignments inside the same scope `Key Settings, already exists in map`',
    },
    {
      docs: ['- a', 'k: 1'],
      code: 'DATA_MERGE_TYPES',
      compat:
        'Types or variable assignments are incompatible `Types are not compatible for merges array, map`',
    },
    {
      docs: ['k: 1', 'x'],
      code: 'DATA_MERGE_TYPES',
      compat:
        'Types or variable assignments are incompatible `Types are not compatible for merges map, String`',
    },
    {
      docs: ['1', 'k: 1'],
      code: 'DATA_MERGE_TYPES',
      compat:
        'Types or variable assignments are incompatible `Types are not compatible for merges int, map`',
    },
    {
      docs: ['true', 'k: 1'],
      code: 'DATA_MERGE_TYPES',
      compat:
        'Types or variable assignments are incompatible `Types are not compatible for merges bool, map`',
    },
    {
      docs: ['null', 'k: 1'],
      code: 'DATA_MERGE_TYPES',
      compat:
        'Types or variable assignments are incompatible `Types are not compatible for merges null, map`',
    },
    {
      docs: ['1.5', 'k: 1'],
      code: 'DATA_MERGE_TYPES',
      compat:
        'Types or variable assignments are incompatible `Types are not compatible for merges float, map`',
    },
  ])('$compat', ({ docs, code, compat }) => {
    let err: unknown;
    try {
      mergeDocuments(docs.map(load));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GuardError);
    expect((err as GuardError).code).toBe(code);
    expect((err as GuardError).compat).toBe(compat);
  });
});
