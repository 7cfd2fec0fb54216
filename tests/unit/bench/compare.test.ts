import { describe, expect, test } from 'vitest';
import {
  addLineToDigest,
  canonicalJson,
  compareDigests,
  compareOutputs,
  describeVerdict,
  firstDifference,
  lineMultisetDigest,
  splitJsonDocuments,
} from '../../../scripts/bench/compare.js';

describe('splitJsonDocuments', () => {
  test.each([
    { text: '{"a":1}', docs: [{ a: 1 }] },
    { text: '{"a":1}{"b":[2]}', docs: [{ a: 1 }, { b: [2] }] },
    { text: '[1,2]\n\n{"s":"}{\\""}\n', docs: [[1, 2], { s: '}{"' }] },
    { text: '  ', docs: [] },
  ])('$text', ({ text, docs }) => {
    expect(splitJsonDocuments(text)).toEqual(docs);
  });

  test.each(['{"a":1', 'x{}', '{}]', '"top"'])('rejects %j', (text) => {
    expect(() => splitJsonDocuments(text)).toThrow(SyntaxError);
  });
});

describe('canonicalJson', () => {
  test('sorts object keys; keeps array order unless unordered', () => {
    expect(canonicalJson({ b: [2, 1], a: null }, false)).toBe('{"a":null,"b":[2,1]}');
    expect(canonicalJson({ b: [2, 1], a: null }, true)).toBe('{"a":null,"b":[1,2]}');
  });

  test('unordered compares nested arrays as multisets', () => {
    const a = [{ x: [1, 2] }, { x: [3] }];
    const b = [{ x: [3] }, { x: [2, 1] }];
    expect(canonicalJson(a, true)).toBe(canonicalJson(b, true));
    expect(canonicalJson(a, false)).not.toBe(canonicalJson(b, false));
    expect(canonicalJson([1, 1, 2], true)).not.toBe(canonicalJson([1, 2, 2], true));
  });
});

describe('firstDifference', () => {
  test.each([
    { a: { x: [1, 2] }, b: { x: [1, 3] }, at: '/x/1' },
    { a: { x: 1 }, b: { y: 1 }, at: '/x (missing on one side)' },
    { a: [1], b: [1, 2], at: '/1 (lengths 1 vs 2)' },
    { a: 1, b: 2, at: '/' },
    { a: { x: 1 }, b: { x: 1 }, at: undefined },
  ])('$at', ({ a, b, at }) => {
    expect(firstDifference(a, b)).toBe(at);
  });
});

describe('compareOutputs', () => {
  test.each([
    { name: 'same bytes', ts: '{"a":1}', ref: '{"a":1}', json: true, kind: 'identical' },
    {
      name: 'other whitespace and key order',
      ts: '{"b":2,"a":1}',
      ref: '{\n  "a": 1,\n  "b": 2\n}',
      json: true,
      kind: 'same-json',
    },
    {
      name: 'array order differs',
      ts: '[{"r":[1,2]}]',
      ref: '[{"r":[2,1]}]',
      json: true,
      kind: 'same-as-sets',
    },
    {
      name: 'document order differs',
      ts: '{"n":1}{"n":2}',
      ref: '{"n":2}{"n":1}',
      json: true,
      kind: 'same-as-sets',
    },
    { name: 'a value differs', ts: '{"a":1}', ref: '{"a":2}', json: true, kind: 'different' },
    { name: 'not JSON', ts: 'oops', ref: '{}', json: true, kind: 'different' },
    { name: 'text lines reordered', ts: 'a\nb\n', ref: 'b\na\n', json: false, kind: 'same-lines' },
    { name: 'text differs', ts: 'a\n', ref: 'b\n', json: false, kind: 'different' },
  ])('$name -> $kind', ({ ts, ref, json, kind }) => {
    expect(compareOutputs(ts, ref, json).kind).toBe(kind);
  });

  test('a difference names the place', () => {
    const v = compareOutputs('{"a":{"b":1}}', '{"a":{"b":2}}', true);
    expect(describeVerdict(v)).toBe('DIFFERENT: 1 vs 1 JSON documents; first difference at /0/a/b');
  });
});

describe('line multiset digest', () => {
  test('ignores line order but not line counts', () => {
    expect(lineMultisetDigest('a\nb\nc\n')).toBe(lineMultisetDigest('c\na\nb'));
    expect(lineMultisetDigest('a\na\n')).not.toBe(lineMultisetDigest('a\n'));
    expect(lineMultisetDigest('ab\n')).not.toBe(lineMultisetDigest('a\nb\n'));
  });

  test('streaming one line at a time gives the same digest', () => {
    let d = 0n;
    for (const l of ['x', 'y', 'z']) d = addLineToDigest(d, l);
    expect(d).toBe(lineMultisetDigest('z\ny\nx\n'));
  });

  test.each([
    {
      ts: { sha256: 'h', lines: 1n, lineCount: 1 },
      ref: { sha256: 'h', lines: 1n, lineCount: 1 },
      kind: 'identical',
    },
    {
      ts: { sha256: 'h', lines: 1n, lineCount: 1 },
      ref: { sha256: 'k', lines: 1n, lineCount: 1 },
      kind: 'same-lines',
    },
    {
      ts: { sha256: 'h', lines: 1n, lineCount: 1 },
      ref: { sha256: 'k', lines: 2n, lineCount: 1 },
      kind: 'different',
    },
  ])('compareDigests -> $kind', ({ ts, ref, kind }) => {
    expect(compareDigests(ts, ref).kind).toBe(kind);
  });
});
