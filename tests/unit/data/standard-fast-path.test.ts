/**
 * Differential tests of the fast block-YAML scanner under the standard
 * loader's typing (STANDARD_TYPING, YAML-08) against the full `yaml`
 * Document route (loadStandardDocumentFull), kept as the slow oracle:
 * - wherever the scanner takes a document, every value and key must read the
 *   same (kind, value, path, position, key paths) as the oracle's;
 * - the loader as a whole (scanner, then the full route) must give the
 *   oracle's value, or the oracle's error (code, message, compat).
 * Each group records how many inputs took the fast path.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { type DataLimits, DEFAULT_LIMITS } from '../../../src/data/limits.js';
import { loadStandardDocument, loadStandardDocumentFull } from '../../../src/data/load-standard.js';
import { scanYamlDocument } from '../../../src/data/load-yaml-fast.js';
import { rebaseValue } from '../../../src/data/rebase.js';
import { STANDARD_TYPING } from '../../../src/data/standard-values.js';
import { isGuardError } from '../../../src/diag/errors.js';
import {
  BLOCK_SCALAR_CASES,
  BLOCK_SCALAR_FALLBACKS,
  dump,
  emitYaml,
  FLOW_LAYOUT_CASES,
  genTree,
  rng,
  type Tree,
} from './yaml-gen.js';

const fastOf = (text: string, limits: DataLimits = DEFAULT_LIMITS) =>
  scanYamlDocument(text.replace(/^\uFEFF/, ''), limits, STANDARD_TYPING);

/** A loader's outcome as text: the value's dump, or the error it throws. */
function outcome(load: () => ReturnType<typeof loadStandardDocument>): string {
  try {
    return dump(load()).join('\n');
  } catch (e) {
    if (!isGuardError(e)) throw e;
    return `error ${e.code}: ${e.message} | ${e.compat ?? ''}`;
  }
}

/**
 * Checks both routes agree on `text`; returns whether the fast path took it.
 * A document the oracle rejects must never be taken by the fast path.
 */
function expectSameAsOracle(text: string, limits: DataLimits = DEFAULT_LIMITS): boolean {
  const options = { limits };
  const slow = outcome(() => loadStandardDocumentFull(text, 's.yaml', options));
  expect(outcome(() => loadStandardDocument(text, 's.yaml', options))).toBe(slow);
  const fast = fastOf(text, limits);
  if (fast === undefined) return false;
  expect(dump(fast).join('\n')).toBe(slow);
  return true;
}

describe('standard fast path: hand-written cases', () => {
  test.each<readonly [string, string]>([
    ['plain map', 'a: 1\nb: x\nc: 1.5\n'],
    [
      'core-schema scalars',
      'a: 0o17\nb: 0x1F\nc: .inf\nd: -.Inf\ne: .NaN\nf: ~\ng: True\nh: FALSE\ni: Null\nj: 0755\n' +
        'k: 1e3\nl: +12\nm: -0\nn: 1_000\no: yes\np: inf\nq: 0b101\nr: 18446744073709551615\n' +
        's: -9223372036854775808\nt: 1.\nu: .5\nv: tRUE\nw: nULL\n',
    ],
    ['empty values', 'a:\nb: \nc: # note\nd:\n  - \n  -\n'],
    ['nested and compact', 'R:\n  A:\n    - k: v\n      j: "q"\n    - - x\n      - y\n'],
    ['indentless sequence', 'a:\n- 1\n- two\nb: 3\n'],
    // libyaml takes flow continuation lines at any column (flow-indent.test.ts).
    ['flow item not deeper', 'a: [\n1]\n'],
    ['inner flow closing not deeper', 'a: [[\n  1\n], 2]\n'],
    ['flow closing shallower', 'a:\n  b: [\n    1\n]\n'],
    ['flow item at column 0', 'a:\n  b: {x: 1,\nz: [2,\n# c\n3]}\n  c: 4\n'],
    [
      'short-form tags keep the scalar type',
      'a: !Ref 5\nb: !GetAtt A.B\nc: !Sub "x-$${A}"\nd: !Foo 5\ne: !Ref true\nf: !Condition ~\n',
    ],
    [
      'core tags',
      'a: !!str 5\nb: !!int "5"\nc: !!float 5\nd: !!bool True\ne: !!null ~\nf: !!int 0x10\n',
    ],
    ['empty tagged values', 'a: !Ref\nb: !!str\nc: !!null\nd: !Foo\n'],
    [
      'tagged collections',
      'a: !Join\n  - ""\n  - - x\n    - !Ref y\nb: !Transform\n  Name: X\nc: !If []\nd: !Cidr []\n',
    ],
    ['tag on its own line', 'a:\n  !Equals\n  - 1\n  - 2\n'],
    ['quoted keys and escapes', '"a b": \'it\'\'s\'\n\'c\': "\\t\\u00e9\\"\\\\\\/"\n"1": 2\n'],
    ['keys with path characters', 'x/y~z:\n  "": 1\n  é: 2\n'],
    ['comments and blanks', '# head\n\na: 1 # c\n\n  # deeper\nb:\n  - x\n\n    # deeper\n  - y\n'],
    ['CRLF', 'a: 1\r\nb:\r\n  - x\r\n  - "y"\r\n'],
    ['empty flows', 'a: []\nb: {}\nc:\n  - []\n'],
    ['root sequence', '- a\n- b: 1\n  c: 2\n'],
    ['root scalar', '0x10\n'],
    ['BOM', '\uFEFFa: 1\n'],
    ['opening marker', '# c\n--- # note\nA: 1\n'],
    [
      'a test spec',
      '- name: case 1\n  input:\n    Resources:\n      B:\n        Type: AWS::S3::Bucket\n' +
        '  expectations:\n    rules:\n      r1: PASS\n      r2: SKIP\n',
    ],
    ...FLOW_LAYOUT_CASES,
    ...BLOCK_SCALAR_CASES,
  ])('%s', (_name, text) => {
    expect(expectSameAsOracle(text)).toBe(true);
  });

  // Left to the full route, which builds the value or gives the reference's error.
  test.each<readonly [string, string]>([
    ['duplicate keys', 'a: 1\nb: 2\na: 3\n'],
    ['nested duplicate keys', 'a:\n  k: 1\n  k: 1\n'],
    ['non-string key', '1: a\n'],
    ['bool key', 'True: a\n'],
    ['null key', '~: a\n'],
    ['float key', '.inf: a\n'],
    ['bad core tag', 'a: !!int x\n'],
    ['bad !!bool', 'a: !!bool yes\n'],
    ['integer beyond u64', 'a: 123456789012345678901234567890\n'],
    ['timestamp tag', 'a: !!timestamp 2001-12-14\n'],
    ['tag with a colon', 'a: !Fn::Ref x\n'],
    ['anchor', 'a: &x 1\nb: *x\n'],
    ['several documents', 'a: 1\n---\nb: 2\n'],
    ['empty document', ''],
    ['comments only', '# nothing\n'],
    ['tab', 'a:\t1\n'],
    ['tagged key', '- !Ref k: v\n'],
    ['implicit pair in a flow sequence', 'a: [k: v]\n'],
    ['trailing comma', 'a: [1, 2,]\n'],
    ['empty flow entry', 'a: [1, , 2]\n'],
    ['multi-line plain in flow', 'a: [one\n    two]\n'],
    ['document marker in a flow collection', 'a: [1,\n---\n2]\n'],
    ['tagged empty flow item', 'a: [!Ref , 1]\n'],
    ['unclosed flow', 'a: [1, 2\n'],
    ['content after flow', 'a: [1] x\n'],
    ['flow collection as key', '[a]: b\n'],
    ...BLOCK_SCALAR_FALLBACKS,
  ])('%s falls back', (_name, text) => {
    expect(fastOf(text)).toBeUndefined();
    expect(expectSameAsOracle(text)).toBe(false);
  });

  test('a duplicate key is still the full route’s DATA_SYNTAX error', () => {
    expect(outcome(() => loadStandardDocument('a: 1\na: 2\n', 's'))).toMatch(/^error DATA_SYNTAX/);
  });

  test.each([1, 2, 3])('nesting limit %i: both routes agree', (maxDepth) => {
    const text = 'a:\n  b:\n    - c: 1\n';
    expectSameAsOracle(text, { ...DEFAULT_LIMITS, maxDepth });
  });

  test('rebasing keeps key paths derived from the new root', () => {
    const spec = loadStandardDocument('- input:\n    R:\n      B: {}\n      C: 1\n', 's');
    const input = spec.kind === 'list' && spec.items[0]?.kind === 'map' ? spec.items[0] : undefined;
    const rebased = rebaseValue(input?.entries.get('input') ?? spec);
    const r = rebased.kind === 'map' ? rebased.entries.get('R') : undefined;
    expect(r?.kind === 'map' ? [...r.keyLocations.values()] : []).toEqual([
      { line: 0, col: 0, path: '/R/B' },
      { line: 0, col: 0, path: '/R/C' },
    ]);
  });
});

/** Every YAML/JSON file under a conformance case, recursively. */
function corpusFiles(): string[] {
  const root = new URL('../../conformance/cases/', import.meta.url);
  const out: string[] = [];
  const walk = (dir: URL): void => {
    for (const f of readdirSync(dir)) {
      const u = new URL(f, dir);
      if (statSync(u).isDirectory()) walk(new URL(`${f}/`, dir));
      else if (/\.(ya?ml|json|template)$/.test(f)) out.push(u.pathname);
    }
  };
  walk(root);
  return out.sort();
}

describe('every YAML and JSON file of the conformance corpus (test specs among them)', () => {
  test('the standard loader gives the oracle’s value or error, fast path or not', () => {
    let taken = 0;
    let specsTaken = 0;
    let specs = 0;
    const files = corpusFiles();
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const isSpec = /^- *(name|input):/m.test(text) && /expectations:/.test(text);
      if (isSpec) specs++;
      if (expectSameAsOracle(text)) {
        taken++;
        if (isSpec) specsTaken++;
      }
    }
    // Recorded when the scanner was shared with this loader and learned flow
    // collections: 597 files, 106 of them test specs; it took 523 files and
    // 102 of the specs (the rest use block scalars, anchors, multi-line
    // plain scalars…); with block scalars, 561 files. Lower bounds, so that
    // new corpus cases do not break this but a narrower fast path does.
    expect(files.length).toBeGreaterThanOrEqual(597);
    expect(specs).toBeGreaterThanOrEqual(106);
    expect(taken).toBeGreaterThanOrEqual(561);
    expect(specsTaken).toBeGreaterThanOrEqual(102);
  });
});

// Seeded test specs: lists of `{name, input, expectations}` whose inputs are
// random templates, with core-schema words written plain.
const CORE_WORDS = ['0o17', '0x1F', '.inf', '-.INF', '.nan', '~', 'True', 'FALSE', 'Null', '0755'];

function genSpecFile(seed: number): string {
  const r = rng(seed + 101);
  const cases: Tree[] = [];
  for (let i = 0; i < 6; i++) {
    const resources: { [k: string]: Tree } = {};
    for (let j = 0; j < 4; j++)
      resources[`Res${j}`] = { Type: 'AWS::X::Y', Properties: genTree(r, 1) };
    cases.push({
      name: `case ${i}`,
      input: { Resources: resources },
      expectations: { rules: { rule_a: 'PASS', rule_b: r() < 0.5 ? 'FAIL' : 'SKIP' } },
    });
  }
  const lines: string[] = [];
  emitYaml(cases, 0, r, lines, CORE_WORDS);
  return `${lines.join(seed % 3 === 0 ? '\r\n' : '\n')}\n`;
}

describe('generated test specs', () => {
  test('all 60 agree with the oracle, and the fast path takes all of them', () => {
    let taken = 0;
    for (let seed = 0; seed < 60; seed++) {
      if (expectSameAsOracle(genSpecFile(seed))) taken++;
    }
    expect(taken).toBe(60);
  });
});
