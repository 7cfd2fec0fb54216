/**
 * Scalars over several lines: quoted ones (yaml-fast-quoted.ts), whose
 * continuation lines libyaml takes at any column, plain ones
 * (load-yaml-fast.ts continuePlain) and block scalars (libyaml-block-scalar.ts). The full route gets under-indented
 * quoted scalars through quoted-indent.ts. Every expected value, position
 * and error below was printed by cfn-guard 3.1.1 (`-o json`,
 * `Path=/a/b[L:x,C:y] Value=…`, exit 255 for the errors).
 */
import { describe, expect, test } from 'vitest';
import { type CST, Parser } from 'yaml';
import { DEFAULT_LIMITS } from '../../../src/data/limits.js';
import { loadDataDocument } from '../../../src/data/load-data.js';
import { loadStandardDocument, loadStandardDocumentFull } from '../../../src/data/load-standard.js';
import { loadYamlDocument } from '../../../src/data/load-yaml.js';
import { scanYamlDocument } from '../../../src/data/load-yaml-fast.js';
import { repairQuotedIndent } from '../../../src/data/quoted-indent.js';
import { STANDARD_TYPING } from '../../../src/data/standard-values.js';
import { VALIDATE_TYPING } from '../../../src/data/tagged-values.js';
import type { Value } from '../../../src/data/value.js';
import { leaves, render, thrown } from './helpers.js';
import { dump, rng } from './yaml-gen.js';

const fast = (text: string): Value | undefined =>
  scanYamlDocument(text, DEFAULT_LIMITS, VALIDATE_TYPING);
const full = (text: string): Value => loadYamlDocument(text, 'd', DEFAULT_LIMITS);

describe('values and positions the reference printed', () => {
  test.each([
    // Quoted: folding.
    ["a: 'x  \n   y  \n\n  z\n\n\n  w'\n", ['/a[L:0,C:3] "x y\\nz\\n\\nw"']],
    ["a: 'x\n\n'\n", ['/a[L:0,C:3] "x\\n"']],
    ["a: '\n  x'\n", ['/a[L:0,C:3] " x"']],
    ["a: '\n\n  x\n  '\n", ['/a[L:0,C:3] "\\nx "']],
    ["a: 'it''s\n  ''q'''\n", ["/a[L:0,C:3] \"it's 'q'\""]],
    ['a: "x\\\n   y"\n', ['/a[L:0,C:3] "xy"']],
    ['a: "x\\n\n   y\\t"\n', ['/a[L:0,C:3] "x\\n y\\t"']],
    ['a: "x \\\n   y"\n', ['/a[L:0,C:3] "x y"']],
    ['a: "x\\\n\n   y"\n', ['/a[L:0,C:3] "x\\ny"']],
    ['a: "\n"\nb: 1\n', ['/a[L:0,C:3] " "', '/b[L:2,C:3] 1']],
    ["a: '\n\n'\nb: 1\n", ['/a[L:0,C:3] "\\n"', '/b[L:3,C:3] 1']],
    ["a: 'x\r\n  y\r\n\r\n  z'\r\nb: 1\r\n", ['/a[L:0,C:3] "x y\\nz"', '/b[L:4,C:3] 1']],
    ["a: 'é\n  ü' \nb: 'x\n  y'\n", ['/a[L:0,C:3] "é ü"', '/b[L:2,C:3] "x y"']],
    // Quoted: continuation lines at any column, even 0 or left of the key.
    ["a:\n  b: 'x\ny'\n  c: 1\n", ['/a/b[L:1,C:5] "x y"', '/a/c[L:3,C:5] 1']],
    [
      "a:\n  b: 'x\n  y'\n  c: \"p\n q\"\nd: 'm\nn'\n",
      ['/a/b[L:1,C:5] "x y"', '/a/c[L:3,C:5] "p q"', '/d[L:5,C:3] "m n"'],
    ],
    ["a: 'x\n# y'\nb: 1\n", ['/a[L:0,C:3] "x # y"', '/b[L:2,C:3] 1']],
    ["- 'x\ny'\n- 1\n", ['/0[L:0,C:2] "x y"', '/1[L:2,C:2] 1']],
    ['a:\n  - "x\n  y"\n  - 2\n', ['/a/0[L:1,C:4] "x y"', '/a/1[L:3,C:4] 2']],
    ["a: 'x\n  y' # c\nb: 1\n", ['/a[L:0,C:3] "x y"', '/b[L:2,C:3] 1']],
    // Cut by the `yaml` lexer right after an escaped quote: no "missing quote" error there.
    ['a:\n  b: "x\\"\ny\\\\"\n  c: 2\n', ['/a/b[L:1,C:5] "x\\" y\\\\"', '/a/c[L:3,C:5] 2']],
    // Quoted: markers that are not document markers, tabs.
    ["a: 'x\n----\n  y'\n", ['/a[L:0,C:3] "x ---- y"']],
    ["a: 'x\n ---\n  y'\n", ['/a[L:0,C:3] "x --- y"']],
    ["a: 'x\n...y'\n", ['/a[L:0,C:3] "x ...y"']],
    ["a: 'x\n\ty'\n", ['/a[L:0,C:3] "x y"']],
    ["a: 'x \t \n \t y'\n", ['/a[L:0,C:3] "x y"']],
    ["a: 'x\n\t\n y'\n", ['/a[L:0,C:3] "x\\ny"']],
    ['a: "x\\\n\ty"\n', ['/a[L:0,C:3] "xy"']],
    // Quoted, in flow collections.
    ["a: ['x\n  y', 'z']\n", ['/a/0[L:0,C:4] "x y"', '/a/1[L:1,C:6] "z"']],
    ["a: ['x\ny', 'z']\n", ['/a/0[L:0,C:4] "x y"', '/a/1[L:1,C:4] "z"']],
    ["a:\n  - ['x\n y', 'z']\n", ['/a/0/0[L:1,C:5] "x y"', '/a/0/1[L:2,C:5] "z"']],
    ["a: {k: 'x\ny', j: 'z'}\n", ['/a/k[L:0,C:7] "x y"', '/a/j[L:1,C:7] "z"']],
    [
      "a:\n  - ['x\ny', 'z', \"p\n  q\",\n     'r']\n  - {k: 'a\nb', j: 'c'}\n",
      [
        '/a/0/0[L:1,C:5] "x y"',
        '/a/0/1[L:2,C:4] "z"',
        '/a/0/2[L:2,C:9] "p q"',
        '/a/0/3[L:4,C:5] "r"',
        '/a/1/k[L:5,C:8] "a b"',
        '/a/1/j[L:6,C:7] "c"',
      ],
    ],
    [
      "a:\n  b: 'x\ny' # c\n  c: \"p\n\n\nq\\\n  r\" \n  d: [1, 'k\nl', 3]\n",
      [
        '/a/b[L:1,C:5] "x y"',
        '/a/c[L:3,C:5] "p\\n\\nqr"',
        '/a/d/0[L:8,C:6] 1',
        '/a/d/1[L:8,C:9] "k l"',
        '/a/d/2[L:9,C:4] 3',
      ],
    ],
    // Plain: continuation lines deeper than the collection holding the scalar.
    ['a: x\n  y\nb: 1\n', ['/a[L:0,C:3] "x y"', '/b[L:2,C:3] 1']],
    ['a:\n  b: x\n   y  \n\n    z # c\n  c: 1\n', ['/a/b[L:1,C:5] "x y\\nz"', '/a/c[L:5,C:5] 1']],
    ['a:\n  - x\n    y\n  - x\n   y\n', ['/a/0[L:1,C:4] "x y"', '/a/1[L:3,C:4] "x y"']],
    ['a:\n- x\n y\n', ['/a/0[L:1,C:2] "x y"']],
    ['x\n y\n', ['[L:0,C:0] "x y"']],
    ['a: x\n  - y\n', ['/a[L:0,C:3] "x - y"']],
    ['a: x\n  [y]\n', ['/a[L:0,C:3] "x [y]"']],
    ['a: x\n  y}\nb: 1\n', ['/a[L:0,C:3] "x y}"', '/b[L:2,C:3] 1']],
  ])('%j', (text, expected) => {
    expect(leaves(loadDataDocument(text, 'd'))).toEqual(expected);
    expect(leaves(full(text))).toEqual(expected);
  });
});

describe('block scalars: values and positions the reference printed', () => {
  test.each([
    ['a: |\n  x\n     \n  y\nb: 1\n', ['/a[L:0,C:3] "x\\n   \\ny\\n"', '/b[L:4,C:3] 1']],
    ['a: |+\n  x\n     \n\nb: 1\n', ['/a[L:0,C:3] "x\\n   \\n\\n"', '/b[L:4,C:3] 1']],
    [
      'a: >\n  p\n\n    q\n  r\n\n\n  s\n   t\n  u\nb: 1\n',
      ['/a[L:0,C:3] "p\\n\\n  q\\nr\\n\\ns\\n t\\nu\\n"', '/b[L:10,C:3] 1'],
    ],
    ['a: >\n  x\n\n   y\n\n  z\n', ['/a[L:0,C:3] "x\\n\\n y\\n\\nz\\n"']],
    ['a: >+\n  x\n \n\nb: 1\n', ['/a[L:0,C:3] "x\\n\\n\\n"', '/b[L:4,C:3] 1']],
    ['a: |2\n   x\n  y\n', ['/a[L:0,C:3] " x\\ny\\n"']],
    ['a:\n- |1\n  x\n', ['/a/0[L:1,C:2] " x\\n"']],
    ['a: | # note\n  x\nb: >- #n\n  y\n', ['/a[L:0,C:3] "x\\n"', '/b[L:2,C:3] "y"']],
    [
      'a: !Sub |\n  x $${A}\nb:\n  k: !!str >-\n    y\n',
      ['/a/Fn::Sub[L:0,C:3] "x $${A}\\n"', '/b/k[L:3,C:5] "y"'],
    ],
    ['a:\n  |\n  x\nb: 1\n', ['/a[L:1,C:2] "x\\n"', '/b[L:3,C:3] 1']],
    ['a:\n  - |\n    x\n  - >-\n   y\n   z\n', ['/a/0[L:1,C:4] "x\\n"', '/a/1[L:3,C:4] "y z"']],
    ['a: |\n\n\nb: 1\n', ['/a[L:0,C:3] ""', '/b[L:3,C:3] 1']],
    ['a: |+\n\n\nb: 1\n', ['/a[L:0,C:3] "\\n\\n"', '/b[L:3,C:3] 1']],
    ['a: |\n \n  x\n', ['/a[L:0,C:3] "\\nx\\n"']],
    ['a: |\r\n  x\r\n\r\n  y\r\n\r\nb: 1\r\n', ['/a[L:0,C:3] "x\\n\\ny\\n"', '/b[L:5,C:3] 1']],
    ['a: |\n  x\n\n  # c\n # d\nb: 1\n', ['/a[L:0,C:3] "x\\n\\n# c\\n"', '/b[L:5,C:3] 1']],
  ])('%j', (text, expected) => {
    expect(fast(text)).toBeDefined();
    expect(leaves(loadDataDocument(text, 'd'))).toEqual(expected);
    expect(leaves(full(text))).toEqual(expected);
  });

  test.each([
    // Deeper empty lines before the content set libyaml's indent.
    'a: |\n   \n  x\n',
    // Content left of the scalar's indent but deeper than its map.
    'a: |\n   x\n  y\n',
    'a: >\n   x\n  y\n   z\n',
    // Header errors.
    'a: |12\n  x\n',
    'a: |0\n  x\n',
    'a: |-+\n  x\n',
    'a: |x\n  x\n',
  ])('%j is rejected', (text) => {
    expect(thrown(() => loadDataDocument(text, 'd')).code).toBe('DATA_SYNTAX');
  });
});

describe('documents the reference rejects', () => {
  test.each([
    // A document marker inside a quoted scalar.
    "a: 'x\n---\n  y'\n",
    "a: 'x\n...\n  y'\n",
    "a: 'x\n--- y'\n",
    'a:\n  b: "x\n---\n  y"\n  c: |\n    t\n',
    // Quoted keys over several lines, in block and flow collections.
    "'a\n  b': 1\nc: 2\n",
    '"a\n  b": 1\nc: 2\n',
    "x:\n  'a\n  b': 1\n",
    "a: {'k\n  j': 1}\n",
    'a: {"k\n  j": 1}\n',
    'a: {k\n  j: 1}\n',
    "a: {'k'\n  : 1}\n",
    '{"a"\n: 1, "b": 2}\n',
    // What follows a closing quote.
    "a: 'x\n  y' z\nb: 1\n",
    "a: 'x\n  y': 1\nb: 1\n",
    "a: 'x\n  y'\n    b\n",
    // Plain continuation lines not deeper, after a comment, or holding `: `.
    'a: x\ny\nb: 1\n',
    'a:\n  b: x\n  y\n',
    'a:\n  - x\n  y\n',
    '- k: x\n  y\n',
    'a: x\n  # c\n  y\n',
    'a: x\n  y # c\n  z\n',
    'a: x\n  y: z\n',
  ])('%j', (text) => {
    expect(thrown(() => loadDataDocument(text, 'd')).code).toBe('DATA_SYNTAX');
  });

  test('a core tag on a multi-line plain scalar is typed on the folded text', () => {
    const e = thrown(() => loadDataDocument('a: !!int 1\n  2\nb: 1\n', 'd'));
    expect(e.code).toBe('DATA_BAD_TAGGED_VALUE');
    expect(e.compat).toBe(
      'Parser Error when parsing `Bad Value encountered parsing incoming file Value = 1 2, Loc = L:0,C:3`',
    );
  });
});

describe('the fast scanner takes multi-line scalars and agrees with the full route', () => {
  test.each([
    'a: \'x\n    y\'\nb:\n  - "p\n\n    q"\nc: ["m\n     n", \'o\']\n',
    "Outputs:\n  O:\n    Value: 'Log in, select\n    your instance'\n    Export: x\n",
    'a: one\n  two\n\n   three  \nb:\n  - x\n    y\n  - !Ref p\n    q\n',
    'a:\n  b: \'x\ny\'\n  c: "p\\\n q"\n',
  ])('%j', (text) => {
    const v = fast(text);
    expect(v).toBeDefined();
    expect(dump(v as Value)).toEqual(dump(full(text)));
  });

  // Seeded random scalars: words, blanks, empty lines, escapes, doubled
  // quotes and comment-like text, continued at random columns.
  test.each(Array.from({ length: 40 }, (_, i) => i))('seed %i', (seed) => {
    const r = rng(seed + 7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
    const words = {
      single: ['w', 'x y', '#z', 'a: b', '- c', '{d}', "it''s", '"q"', '\\'],
      double: ['w', 'x y', '#z', 'a: b', '- c', '{d}', "it's", '\\"q\\"', '\\t', '\\\\'],
      plain: ['w', 'x y', 'z#', "it's", '-c', 'v}', '[e]'],
    } as const;
    const lines: string[] = [];
    for (let k = 0; k < 12; k++) {
      const style = pick(['single', 'double', 'plain'] as const);
      const inSeq = r() < 0.3;
      // A plain scalar continues on lines deeper than its collection.
      const parent = inSeq ? 4 : 2;
      // A plain scalar cannot start with an indicator (`[`, `v}` is fine).
      let body = pick(style === 'plain' ? ['w', 'x y', 'z#', "it's", '-c'] : words[style]);
      const n = Math.floor(r() * 4);
      for (let p = 0; p < n; p++) {
        const empties = pick([0, 0, 1, 2]);
        const indent = style === 'plain' ? parent + 1 + Math.floor(r() * 3) : Math.floor(r() * 7);
        const before = style === 'double' && r() < 0.4 ? pick(['\\', ' \\']) : pick(['', ' ']);
        const blankLine = pick(['', '', ' '.repeat(indent + 2)]);
        body += `${before}\n${`${blankLine}\n`.repeat(empties)}${' '.repeat(indent)}${pick(words[style])}`;
      }
      const value = style === 'plain' ? body : style === 'single' ? `'${body}'` : `"${body}"`;
      lines.push(inSeq ? `  k${k}:\n    - ${value}` : `  k${k}: ${value}`);
    }
    const text = `m:\n${lines.join('\n')}\nend: 1\n`;
    const v = fast(text);
    expect(v, text).toBeDefined();
    expect(dump(v as Value).join('\n'), text).toBe(dump(full(text)).join('\n'));
  });
});

describe('the standard loader (test specs)', () => {
  test.each([
    ['a:\n  b: \'x\ny\'\n  c: "p\n\n q"\n', '{"a":{"b":"x y","c":"p\\nq"}}'],
    ["a:\n  b: 'x\ny'\n  c: |\n    t\n", '{"a":{"b":"x y","c":"t\\n"}}'],
    ['a:\n  b: x\n   y\n  c: 1\n', '{"a":{"b":"x y","c":1}}'],
  ])('%j', (text, expected) => {
    expect(render(loadStandardDocument(text, 'spec'))).toBe(expected);
    expect(render(loadStandardDocumentFull(text, 'spec'))).toBe(expected);
    // Both typings share the scanner; the standard one builds the same value.
    const v = scanYamlDocument(text, DEFAULT_LIMITS, STANDARD_TYPING);
    if (v !== undefined) expect(render(v)).toBe(expected);
  });

  test('a document marker inside a quoted scalar stays an error', () => {
    expect(thrown(() => loadStandardDocument("a: 'x\n---\n  y'\n", 'spec')).code).toBe(
      'DATA_SYNTAX',
    );
  });
});

describe('repairQuotedIndent (quoted-indent.ts)', () => {
  const firstDoc = (text: string): CST.Document | undefined => {
    for (const token of new Parser().parse(text)) if (token.type === 'document') return token;
    return undefined;
  };

  test('pads only the under-indented continuation lines and maps offsets back', () => {
    const src = 'a:\n  b: \'x\ny\n\n\tz\'\n  c: ["p\nq", r]\n  d: |\n    t\n';
    const repair = repairQuotedIndent(src, firstDoc(src) as CST.Document, firstDoc);
    expect(repair).toBeDefined();
    const { text, toOriginal } = repair as NonNullable<typeof repair>;
    // Same lines, the same text once leading blanks are dropped.
    const strip = (s: string) => s.split('\n').map((l) => l.trimStart());
    expect(strip(text)).toEqual(strip(src));
    expect(text.split('\n')[2]).toBe('      y');
    expect(text.split('\n')[3]).toBe('');
    // Every character outside the padding maps to the same character.
    for (let i = 0; i < text.length; i++) {
      const o = toOriginal(i);
      if (text[i] !== ' ' || src[o] === ' ') expect(src[o], `offset ${i}`).toBe(text[i]);
    }
    expect(toOriginal(text.indexOf('r]'))).toBe(src.indexOf('r]'));
  });

  test('leaves a scalar holding a document marker alone', () => {
    const src = "a:\n  b: 'x\n---\ny'\n";
    expect(repairQuotedIndent(src, firstDoc(src) as CST.Document, firstDoc)).toBeUndefined();
  });

  test('an unclosed quote is no repair', () => {
    const src = "a:\n  b: 'x\ny\n";
    expect(repairQuotedIndent(src, firstDoc(src) as CST.Document, firstDoc)).toBeUndefined();
  });
});
