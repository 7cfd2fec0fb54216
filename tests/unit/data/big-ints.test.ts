import { describe, expect, test } from 'vitest';
import { displayValue, stringifyJsonCompact, valueToJson } from '../../../src/data/display.js';
import { loadDataDocument } from '../../../src/data/load-data.js';
import type { Value } from '../../../src/data/value.js';
import { compareOrder, valuesEqual } from '../../../src/eval/compare.js';
import { toJsonPretty } from '../../../src/report/json-writer.js';
import { toYaml } from '../../../src/report/yaml-writer.js';

function entry(doc: Value, key: string): Value {
  if (doc.kind !== 'map') throw new Error('expected a map');
  const v = doc.entries.get(key);
  if (v === undefined) throw new Error(`no ${key}`);
  return v;
}

// YAML-01: validate's loader keeps i64 integers; past 2^53 a JS number loses
// digits, so the exact value rides along (checked with cfn-guard 3.1.1:
// `Value=9007199254740993`, and `a == b` FAILs, `a > b` PASSes for …993/…992).
describe('integers beyond 2^53 in data', () => {
  test.each([
    ['yaml', 'a: 9007199254740993\nb: 9007199254740992\nc: -9223372036854775808\n'],
    ['json', '{"a": 9007199254740993, "b": 9007199254740992, "c": -9223372036854775808}'],
  ])('%s: printed digit for digit and compared exactly', (_kind, text) => {
    const doc = loadDataDocument(text, 'data');
    const a = entry(doc, 'a');
    const b = entry(doc, 'b');
    const c = entry(doc, 'c');
    expect(displayValue(a)).toBe('9007199254740993');
    expect(displayValue(c)).toBe('-9223372036854775808');
    expect(stringifyJsonCompact(valueToJson(a))).toBe('9007199254740993');
    expect(toJsonPretty(valueToJson(c))).toBe('-9223372036854775808');
    expect(toYaml(valueToJson(a))).toBe('9007199254740993\n');
    expect(valuesEqual(a, b)).toBe('notEqual');
    expect(valuesEqual(a, a)).toBe('equal');
    expect(compareOrder('Gt', a, b)).toBe(true);
    expect(compareOrder('Lt', c, b)).toBe(true);
  });

  test('safe integers carry no exact copy', () => {
    const doc = loadDataDocument('a: 9007199254740991\n', 'data');
    const a = entry(doc, 'a');
    expect(a.kind === 'int' && a.exact).toBeUndefined();
    expect(displayValue(a)).toBe('9007199254740991');
  });
});
