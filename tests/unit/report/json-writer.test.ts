/**
 * serde_json output (`to_string_pretty` / `to_string`). Number and escape
 * forms are the ones serde_json 1.0 prints (ryu floats, i64 integers).
 */
import { describe, expect, test } from 'vitest';
import { JsonFloat, type JsonValue, stringifyJsonPretty } from '../../../src/data/display.js';
import { GuardError } from '../../../src/diag/errors.js';
import { toJsonCompact, toJsonPretty, writeJson } from '../../../src/report/json-writer.js';

describe('scalars', () => {
  test.each<{ name: string; value: JsonValue; expected: string }>([
    { name: 'null', value: null, expected: 'null' },
    { name: 'true', value: true, expected: 'true' },
    { name: 'int', value: -42, expected: '-42' },
    { name: 'big int without exponent', value: 1e21, expected: '1000000000000000000000' },
    { name: 'non-integral number is a float', value: 0.5, expected: '0.5' },
    { name: '-0 is a float', value: -0, expected: '-0.0' },
    { name: 'integral JsonFloat keeps .0', value: new JsonFloat(1), expected: '1.0' },
    { name: 'ryu: 16 digits then exponent', value: new JsonFloat(1e16), expected: '1e16' },
    { name: 'ryu: 1e15', value: new JsonFloat(1e15), expected: '1000000000000000.0' },
    { name: 'ryu: small plain', value: new JsonFloat(1e-5), expected: '0.00001' },
    { name: 'ryu: small exponent', value: new JsonFloat(1.5e-7), expected: '1.5e-7' },
    { name: 'plain string', value: 'abc', expected: '"abc"' },
    { name: 'quote and backslash', value: 'a"b\\c', expected: '"a\\"b\\\\c"' },
    {
      name: 'control characters: short forms and \\u00XX',
      value: '\b\t\n\f\r\u0001\u001f',
      expected: '"\\b\\t\\n\\f\\r\\u0001\\u001f"',
    },
    { name: 'slash, DEL and non-ASCII stay raw', value: '/\u007fé😀', expected: '"/\u007fé😀"' },
  ])('$name', ({ value, expected }) => {
    expect(toJsonPretty(value)).toBe(expected);
    expect(toJsonCompact(value)).toBe(expected);
  });

  test.each([Number.NaN, Number.POSITIVE_INFINITY])('non-finite %s is an internal error', (n) => {
    expect(() => toJsonPretty(n)).toThrow(GuardError);
    expect(() => toJsonPretty(new JsonFloat(n))).toThrow(GuardError);
  });
});

describe('containers', () => {
  test.each<{ name: string; value: JsonValue; pretty: string; compact: string }>([
    { name: 'empty array', value: [], pretty: '[]', compact: '[]' },
    { name: 'empty object', value: {}, pretty: '{}', compact: '{}' },
    { name: 'empty Map', value: new Map(), pretty: '{}', compact: '{}' },
    {
      name: 'nested',
      value: { a: [1, { b: [] }], c: {} },
      pretty: '{\n  "a": [\n    1,\n    {\n      "b": []\n    }\n  ],\n  "c": {}\n}',
      compact: '{"a":[1,{"b":[]}],"c":{}}',
    },
    {
      name: 'Map keeps integer-like keys in insertion order',
      value: new Map<string, JsonValue>([
        ['b', 1],
        ['10', 2],
        ['2', 3],
      ]),
      pretty: '{\n  "b": 1,\n  "10": 2,\n  "2": 3\n}',
      compact: '{"b":1,"10":2,"2":3}',
    },
    {
      name: 'undefined members are left out',
      value: { a: undefined, b: null },
      pretty: '{\n  "b": null\n}',
      compact: '{"b":null}',
    },
    {
      name: 'keys are escaped',
      value: { 'k"\n': 1 },
      pretty: '{\n  "k\\"\\n": 1\n}',
      compact: '{"k\\"\\n":1}',
    },
  ])('$name', ({ value, pretty, compact }) => {
    expect(toJsonPretty(value)).toBe(pretty);
    expect(toJsonCompact(value)).toBe(compact);
  });

  test('agrees with data/display stringifyJsonPretty on a mixed tree', () => {
    const value: JsonValue = {
      name: '/x.yaml',
      metadata: {},
      status: 'FAIL',
      list: [new JsonFloat(2), 3, 'x', null, [true, false], new Map([['k', [{}]]])],
    };
    expect(toJsonPretty(value)).toBe(stringifyJsonPretty(value));
  });

  test('writeJson appends chunks; a large document stays linear', () => {
    const out: string[] = ['prefix '];
    const big = Array.from({ length: 200_000 }, (_, i) => ({ i, s: `v${i}` }));
    writeJson(big, out);
    const text = out.join('');
    expect(text.startsWith('prefix [\n  {\n    "i": 0,\n    "s": "v0"\n  },')).toBe(true);
    expect(text.endsWith('"s": "v199999"\n  }\n]')).toBe(true);
  });
});
