/**
 * Block scalars as libyaml reads them (libyaml-block-scalar.ts), through
 * every route: validate's loader with and without its fast scanner, and the
 * standard loader (YAML-08) with and without it. The expected values are
 * the reference's (cfn-guard 3.1.1 `validate -o json` on the same text,
 * reading the value of `a`); null marks a document the reference refuses
 * (exit 255, a data parse error). The standard loader's answers were
 * spot-checked with `cfn-guard test` (serde_yaml reads through libyaml too).
 */
import { describe, expect, test } from 'vitest';
import { readLibyamlBlockScalar } from '../../../src/data/libyaml-block-scalar.js';
import { DEFAULT_LIMITS } from '../../../src/data/limits.js';
import { loadDataDocument } from '../../../src/data/load-data.js';
import { loadStandardDocument, loadStandardDocumentFull } from '../../../src/data/load-standard.js';
import { loadYamlDocument } from '../../../src/data/load-yaml.js';
import type { Value } from '../../../src/data/value.js';
import { thrown } from './helpers.js';

type Plain = string | { readonly [k: string]: Plain } | readonly Plain[];

function plain(v: Value): unknown {
  switch (v.kind) {
    case 'map':
      return Object.fromEntries([...v.entries].map(([k, x]) => [k, plain(x)]));
    case 'list':
      return v.items.map(plain);
    case 'string':
      return v.value;
    default:
      return `${v.kind}`;
  }
}

const valueOfA = (v: Value): unknown =>
  v.kind === 'map' ? plain(v.entries.get('a') ?? v) : undefined;

const ROUTES: readonly (readonly [string, (text: string) => Value])[] = [
  ['validate, fast path first', (t) => loadDataDocument(t, 'd.yaml')],
  ['validate, full route', (t) => loadYamlDocument(t, 'd.yaml', DEFAULT_LIMITS)],
  ['standard, fast path first', (t) => loadStandardDocument(t, 'd.yaml')],
  ['standard, full route', (t) => loadStandardDocumentFull(t, 'd.yaml')],
];

// [name, document, the reference's value of `a` (null: refused)]
const CASES: readonly (readonly [string, string, Plain | null])[] = [
  ['literal at the end without a line break', 'a: |\n  x', 'x'],
  ['folded at the end without a line break', 'a: >\n  x\n  y', 'x y'],
  ['keep at the end without a line break', 'a: |+\n  x\n\n  y', 'x\n\ny'],
  ['strip at the end without a line break', 'a: >-\n  x\n\n  y', 'x\ny'],
  ['keep with blanks on the last line', 'a: |+\n  x\n\n  ', 'x\n\n'],
  ['blanks deeper than the indent on the last line', 'a: |\n  x\n   ', 'x\n '],
  ['explicit indentation at the end', 'a: |2-\n   x\n  y', ' x\ny'],
  ['CRLF at the end without a line break', 'a: |\r\n  x\r\n  y', 'x\ny'],
  ['tagged at the end without a line break', 'a: !Sub |\n  x', { 'Fn::Sub': 'x' }],
  ['in a sequence at the end', 'a:\n  s:\n  - >\n   x\n   y', { s: ['x y'] }],
  ['comment right after the indicator', 'a: |#c\n  x\n', 'x\n'],
  ['comment right after the chomping indicator', 'a: >-#c\n  x\n  y\n', 'x y'],
  ['comment after a tab', 'a: |\t# c\n  x\n', 'x\n'],
  ['header at the end', 'a: |', ''],
  ['header and comment at the end', 'a: |-#c', ''],
  ['deeper leading empty line, then less indented content', 'a: |\n    \n  x\n', null],
  ['deeper leading empty line, then a comment', 'a: |\n    \n  # c\nb: 1\n', ''],
  ['deeper leading empty line, then the next key', 'a: |\n    \nb: 1\n', ''],
  [
    'deeper leading empty lines decide the indent',
    'a: |\n\n     \n     x\n      y\n',
    '\n\nx\n y\n',
  ],
  ['indentation indicator 0', 'a: |0\n  x\n', null],
  ['two-digit indentation indicator', 'a: |12\n  x\n', null],
  ['two chomping indicators', 'a: |-+\n  x\n', null],
  ['text after the header', 'a: | x\n  y\n', null],
  ['tab as indentation', 'a: |\n  x\n\ty\n', null],
  ['tab inside the content', 'a: |\n  x\ty\n', 'x\ty\n'],
  ['tab after the indent', 'a: >\n  x\n  \ty\n  z\n', 'x\n\ty\nz\n'],
  ['lone CR line breaks', 'a: |\r  x\r  y\r', 'x\ny\n'],
];

const EACH = CASES.flatMap(([name, text, want]) =>
  ROUTES.map(([route, load]) => [`${name} (${route})`, text, want, load] as const),
);

describe('block scalars read as the reference reads them', () => {
  test.each(EACH)('%s', (_name, text, want, load) => {
    if (want === null) {
      expect(thrown(() => load(text)).code).toBe('DATA_SYNTAX');
    } else {
      expect(valueOfA(load(text))).toEqual(want);
    }
  });
});

describe('readLibyamlBlockScalar', () => {
  test.each([
    // [text, indicator offset, parent indent, text or error problem, end]
    ['a: |\n  x', 3, 0, 'x', 8],
    ['a: |\n    \n  x\n', 3, 0, '', 12],
    ['- k: >\n    p\n    q\n  j: 1\n', 5, 2, 'p q\n', 21],
    ['a: |0\n', 3, 0, 'found an indentation indicator equal to 0', 4],
    ['a: |-+\n', 3, 0, 'did not find expected comment or line break', 5],
    ['a: |\n  x\n\ty\n', 3, 0, 'found a tab character where an indentation space is expected', 9],
    ['a: |\n  x\u2028  y\n', 3, 0, 'x\u2028y\n', 13],
    ['a: >\n  x\u0085  y\n', 3, 0, 'x y\n', 13],
  ] as const)('%j at %i (parent %i)', (text, at, parent, want, end) => {
    const r = readLibyamlBlockScalar(text, at, parent);
    if (r.kind === 'scalar') expect([r.text, r.end]).toEqual([want, end]);
    else expect([r.problem, r.offset]).toEqual([want, end]);
  });
});

describe('a stray closing bracket after the first document', () => {
  test.each([
    // The reference refuses the first two (exit 255) and reads `a` in the others.
    ['after the last node', 'a: x\n]\n', null],
    ['after a comment', 'a: x\n# c\n}\n', null],
    ['in a second document', 'a: x\n---\n]\n', 'x'],
    ['after an explicit end', 'a: x\n...\n]\n', 'x'],
  ] as const)('%s', (_name, text, want) => {
    const load = (t: string) => loadYamlDocument(t, 'd.yaml', DEFAULT_LIMITS);
    if (want === null) expect(thrown(() => load(text)).code).toBe('DATA_SYNTAX');
    else expect(valueOfA(load(text))).toEqual(want);
  });
});
