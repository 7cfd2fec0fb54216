/**
 * Flow collections continued at any column: libyaml checks no indentation
 * inside `[…]` and `{…}`, so the reference loads
 * `a:\n  b: [1,\n2]` as `{a: {b: [1, 2]}}`. The fast scanner takes such
 * lines (yaml-fast-flow.ts flowSpace); the full route pads them before the
 * `yaml` package parses (flow-indent.ts, through quoted-indent.ts's repair
 * loop) and maps positions back. Every expected value and position below
 * was printed by cfn-guard 3.1.1 (`-o json`, `property [/a/b/1[L:2,C:0]]`).
 * Each document runs through validate's loader (fast path and full route)
 * and the standard loader (values only: its positions are all 0/0).
 */
import { describe, expect, test } from 'vitest';
import { flowPaddedLines } from '../../../src/data/flow-indent.js';
import { DEFAULT_LIMITS } from '../../../src/data/limits.js';
import { loadDataDocument } from '../../../src/data/load-data.js';
import { loadStandardDocument, loadStandardDocumentFull } from '../../../src/data/load-standard.js';
import { loadYamlDocument } from '../../../src/data/load-yaml.js';
import { scanYamlDocument } from '../../../src/data/load-yaml-fast.js';
import { STANDARD_TYPING } from '../../../src/data/standard-values.js';
import { VALIDATE_TYPING } from '../../../src/data/tagged-values.js';
import type { Value } from '../../../src/data/value.js';
import { leaves, render, thrown } from './helpers.js';

const fast = (text: string): Value | undefined =>
  scanYamlDocument(text, DEFAULT_LIMITS, VALIDATE_TYPING);
const full = (text: string): Value => loadYamlDocument(text, 'd', DEFAULT_LIMITS);

// [document, the reference's scalars, whether the fast scanner takes it]
const CASES: readonly (readonly [string, readonly string[], boolean])[] = [
  ['a:\n  b: [1,\n2]\n', ['/a/b/0[L:1,C:6] 1', '/a/b/1[L:2,C:0] 2'], true],
  [
    'a:\n  b: {x: 1,\nz: 2}\nc: 3\n',
    ['/a/b/x[L:1,C:9] 1', '/a/b/z[L:2,C:3] 2', '/c[L:3,C:3] 3'],
    true,
  ],
  ['a: [1,\n2]\n', ['/a/0[L:0,C:4] 1', '/a/1[L:1,C:0] 2'], true],
  [
    'x: 1\na:\n  - [a,\nb]\n',
    ['/x[L:0,C:3] 1', '/a/0/0[L:2,C:5] "a"', '/a/0/1[L:3,C:0] "b"'],
    true,
  ],
  ['a:\n  b: [1,\n# c\n  2]\n', ['/a/b/0[L:1,C:6] 1', '/a/b/1[L:3,C:2] 2'], true],
  ['a:\n  b: [1,\n 2]\n', ['/a/b/0[L:1,C:6] 1', '/a/b/1[L:2,C:1] 2'], true],
  [
    'a:\n  b: [1,\n2]\n  c: 3\n',
    ['/a/b/0[L:1,C:6] 1', '/a/b/1[L:2,C:0] 2', '/a/c[L:3,C:5] 3'],
    true,
  ],
  [
    'a:\n  b: [1,\n2]\n  c: [3]\n',
    ['/a/b/0[L:1,C:6] 1', '/a/b/1[L:2,C:0] 2', '/a/c/0[L:3,C:6] 3'],
    true,
  ],
  [
    'a:\n  b: [1,\n  2] # x\n  c: 4\n',
    ['/a/b/0[L:1,C:6] 1', '/a/b/1[L:2,C:2] 2', '/a/c[L:3,C:5] 4'],
    true,
  ],
  ['a: [\n1]\n', ['/a/0[L:1,C:0] 1'], true],
  ['a: [[\n  1\n], 2]\n', ['/a/0/0[L:1,C:2] 1', '/a/1[L:2,C:3] 2'], true],
  ['a:\n  b: [\n    1\n]\n', ['/a/b/0[L:2,C:4] 1'], true],
  ['a:\n  b: {k:\n[1,\n2]}\n', ['/a/b/k/0[L:2,C:1] 1', '/a/b/k/1[L:3,C:0] 2'], true],
  [
    'a:\n  b: {k: [1,\n2], j:\n3}\n',
    ['/a/b/k/0[L:1,C:10] 1', '/a/b/k/1[L:2,C:0] 2', '/a/b/j[L:3,C:0] 3'],
    true,
  ],
  [
    'a:\n  b: [!Ref\nx, !Sub "p\nq",\n  [{k:\n"v"}]]\n',
    ['/a/b/0/Ref[L:1,C:6] "x"', '/a/b/1/Fn::Sub[L:2,C:3] "p q"', '/a/b/2/0/k[L:5,C:0] "v"'],
    true,
  ],
  ['a:\n  b: [1\n,2]\n', ['/a/b/0[L:1,C:6] 1', '/a/b/1[L:2,C:1] 2'], true],
  [
    "a:\n  b: [it's,\nx#y, 'q\n r' # c\n]\n",
    ['/a/b/0[L:1,C:6] "it\'s"', '/a/b/1[L:2,C:0] "x#y"', '/a/b/2[L:2,C:5] "q r"'],
    true,
  ],
  // Left to the full route by the fast scanner.
  ['a:\n  b: [1,\n----\n]\n', ['/a/b/0[L:1,C:6] 1', '/a/b/1[L:2,C:0] "----"'], false],
  ['a:\n  b: [1,\n...x\n]\n', ['/a/b/0[L:1,C:6] 1', '/a/b/1[L:2,C:0] "...x"'], false],
  ['a:\n  b: [1,\n\t2]\n', ['/a/b/0[L:1,C:6] 1', '/a/b/1[L:2,C:1] 2'], false],
  ['a: &q {x: 1,\n   z: 2}\n', ['/a/x[L:0,C:10] 1', '/a/z[L:1,C:6] 2'], false],
];

describe('values and positions the reference printed', () => {
  test.each(CASES)('%j', (text, expected, takenFast) => {
    const f = fast(text);
    expect(f !== undefined).toBe(takenFast);
    if (f !== undefined) expect(leaves(f)).toEqual(expected);
    expect(leaves(full(text))).toEqual(expected);
    expect(leaves(loadDataDocument(text, 'd'))).toEqual(expected);
  });

  test.each(CASES)('standard loader: %j', (text) => {
    const viaFull = render(loadStandardDocumentFull(text, 'd'));
    expect(render(loadStandardDocument(text, 'd'))).toBe(viaFull);
    const f = scanYamlDocument(text, DEFAULT_LIMITS, STANDARD_TYPING);
    if (f !== undefined) expect(render(f)).toBe(viaFull);
  });
});

describe('what stays an error', () => {
  // The reference exits 255 on each: a document marker inside a flow
  // collection, an implicit key whose `:` is on a later line.
  test.each([
    ['a:\n  b: [1,\n---\n2]\n'],
    ['a:\n  b: [1,\n--- 2]\n'],
    ['a:\n  b: [1,\n...\n2]\n'],
    ['a:\n  b: {k\n  : 1}\n'],
    ['a:\n  b: [[1,\n2], {k:\nv, j\n: w}]\n'],
  ])('%j', (text) => {
    expect(fast(text)).toBeUndefined();
    expect(thrown(() => full(text)).message).toMatch(/^d:\d+:\d+: /);
  });

  // 3.2.0 (DIVERGENCES C4): `y` is a boolean, so a non-string key, reported
  // where it is in the original text.
  test('a key typed as a boolean on a padded line', () => {
    const text = 'a:\n  b: {x: 1,\ny: 2}\n';
    expect(thrown(() => full(text)).message).toBe(
      'd:3:1: map key is not a string; quote it (cfn-guard only supports string keys)',
    );
  });
});

describe('flowPaddedLines', () => {
  test.each([
    ['a:\n  b: [1,\n2]\n', 8, [[12, 6]]],
    [
      'a: {x: [1,\n 2], z:\n\n  3}\n',
      3,
      [
        [11, 3],
        [20, 2],
      ],
    ],
    // Deep enough already, or not closed, or a document marker: nothing.
    ['a: [1,\n      2]\n', 3, undefined],
    ['a: [1,\n2\n', 3, undefined],
    ['a: [1,\n---\n2]\n', 3, undefined],
    // Brackets inside quoted scalars and comments do not count.
    [
      "a: ['],\n', # ]\nx]\n",
      3,
      [
        [8, 4],
        [15, 4],
      ],
    ],
  ] as const)('%j', (text, open, expected) => {
    expect(flowPaddedLines(text, open)).toEqual(expected);
  });
});
