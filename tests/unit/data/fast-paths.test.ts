/**
 * Differential tests of the fast loaders (load-yaml-fast.ts, load-json.ts)
 * against the full `yaml`-CST route (load-yaml.ts), kept as the slow
 * oracle: whenever a fast path accepts a document, every value must have the
 * same kind, value, path, line, col and key locations as the oracle's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { KeyPositions } from '../../../src/data/key-positions.js';
import { DEFAULT_LIMITS } from '../../../src/data/limits.js';
import { loadDataDocument } from '../../../src/data/load-data.js';
import { scanJsonDocument } from '../../../src/data/load-json.js';
import { loadYamlDocument } from '../../../src/data/load-yaml.js';
import { scanYamlDocument } from '../../../src/data/load-yaml-fast.js';
import { VALIDATE_TYPING } from '../../../src/data/tagged-values.js';
import type { Value } from '../../../src/data/value.js';
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

const fastOf = (text: string): Value | undefined =>
  /^[\s\ufeff]*[[{]/.test(text)
    ? scanJsonDocument(text, 'd', DEFAULT_LIMITS)
    : scanYamlDocument(text, DEFAULT_LIMITS, VALIDATE_TYPING);

/** Compares both routes; returns whether the fast path took the document. */
function expectSameAsOracle(text: string): boolean {
  const fast = fastOf(text);
  if (fast === undefined) return false;
  const slow = loadYamlDocument(text, 'd', DEFAULT_LIMITS);
  expect(dump(fast).join('\n')).toBe(dump(slow).join('\n'));
  return true;
}

describe('fast YAML path: hand-written cases', () => {
  test.each<readonly [string, string]>([
    ['plain map', 'a: 1\nb: x\nc: 1.5\n'],
    [
      'typing words',
      'a: yes\nb: No\nc: ~\nd: null\ne: NULL\nf: -0\ng: .5\nh: inf\ni: 9007199254740993\nj: 1e400\n',
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
      'tags',
      'a: !Ref X\nb: !GetAtt A.B\nc: !Sub "x-$${A}"\nd: !Other t\ne: !!str 12\nf: !!int 7\n',
    ],
    [
      'tagged collections',
      'a: !Join\n  - ""\n  - - x\n    - !Ref y\nb: !Transform\n  Name: X\nc: !If []\nd: !Cidr []\ne: !Ref\n',
    ],
    ['tag on its own line', 'a:\n  !Equals\n  - 1\n  - 2\n'],
    ['quoted keys and escapes', '"a b": \'it\'\'s\'\n\'c\': "\\t\\u00e9\\"\\\\\\/"\n"x/y~z": 1\n'],
    [
      'comments and blanks',
      '# head\n\na: 1 # c\n\n  # deeper comment\nb:\n  - x\n\n    # deeper\n  - y\n',
    ],
    ['CRLF', 'a: 1\r\nb:\r\n  - x\r\n  - "y"\r\n'],
    ['duplicates', 'a: 1\nb: 2\na: 3\n'],
    ['empty flows', 'a: []\nb: {}\nc:\n  - []\n'],
    ['root sequence', '- a\n- b: 1\n  c: 2\n'],
    ['unicode', 'é: ü\nk: "日本"\n'],
    ['colons and hashes in plain text', 'a: http://x#y\nb: a:b\nc: arn:aws:s3:::b/*\n'],
    ['indented root', '  a: 1\n  b: 2\n'],
    ['root scalar', 'hello\n'],
    ['opening marker', '# c\n--- # note\nA: 1\n'],
    ['opening marker CRLF', '---\r\nA:\r\n  - 1\r\n'],
    ...FLOW_LAYOUT_CASES,
    ['multi-line plain', 'a: one\n  two\n\n   three  \nb:\n  - x\n    y\n'],
    ['multi-line quoted', 'a: \'x\n    y\'\nb:\n  - "p\n\n    q"\nc: ["m\n     n", \'o\']\n'],
    ...BLOCK_SCALAR_CASES,
  ])('%s', (_name, text) => {
    expect(expectSameAsOracle(text)).toBe(true);
  });

  // Documents the fast path leaves to the full route (which then builds the
  // value or the reference's error).
  test.each<readonly [string, string]>([
    ['anchor', 'a: &x 1\nb: *x\n'],
    ['multi-line plain with a comment line inside', 'a: one\n  # c\n  two\n'],
    ['multi-line plain with a colon', 'a: one\n  two: 2\n'],
    ['multi-line quoted key', "'a\n  b': 1\n"],
    ['multi-line quoted flow key', "a: {'k\n  j': 1}\n"],
    ['document marker in a quoted scalar', "a: 'x\n---\n  y'\n"],
    ['tab in a quoted scalar', "a: 'x\n\ty'\n"],
    ['marker with content', '--- a: 1\n'],
    ['marker after content', 'a: 1\n---\n'],
    ['empty document', '---\n'],
    ['several documents', 'a: 1\n---\nb: 2\n'],
    ['tab', 'a:\t1\n'],
    ['non-string key', '1: a\n'],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['mapping on a key line', 'a: b: c\n'],
    ['explicit key', '? a\n: b\n'],
    ['bad core tag', 'a: !!int x\n'],
    ['lone CR', 'a: 1\rb: 2\n'],
    ['surrogates', 'a: "😀"\n'],
    ['tagged key', '- !T k: v\n'],
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
  });
});

// Block scalars were the main reason templates left the fast path (152 of
// the 440 YAML templates of the benchmark corpus): a silent FALLBACK on
// these would cost every such template the full route again.
describe('the fast path takes the block scalars templates use', () => {
  test.each([
    [
      'Fn::Sub user data',
      'R:\n  Type: AWS::EC2::Instance\n  Properties:\n    UserData:\n      Fn::Base64: !Sub |\n' +
        '        #!/bin/bash -xe\n        yum update -y\n\n        echo $${AWS::StackName} > /tmp/x\n' +
        '    Tags:\n      - Key: k\n        Value: v\n',
    ],
    [
      'folded descriptions',
      'Description: >-\n  A long\n  description.\nParameters:\n  P:\n    Description: >\n' +
        '      Text\n      more\n    Type: String\n',
    ],
    [
      'ECS task command',
      'C:\n  - Name: c\n    Command:\n      - sh\n      - -c\n      - |\n        echo a\n        echo b\n' +
        '    Image: x\n',
    ],
  ])('%s', (_name, text) => {
    expect(scanYamlDocument(text, DEFAULT_LIMITS, VALIDATE_TYPING)).toBeDefined();
    expect(expectSameAsOracle(text)).toBe(true);
  });
});

describe('comment lines indented below a collection (libyaml ignores them)', () => {
  test.each([
    ['map', 'A:\n  P: 1\n\n    # c\nB: 2\n', '{"A":{"P":1},"B":2}'],
    ['sequence', 'a:\n  - x\n  - z\n\n    # c\nb: 1\n', '{"a":["x","z"],"b":1}'],
  ])('%s', (_name, text, json) => {
    for (const v of [loadDataDocument(text, 'd'), loadYamlDocument(text, 'd', DEFAULT_LIMITS)]) {
      expect(JSON.stringify(plain(v))).toBe(json);
    }
  });
});

function plain(v: Value): unknown {
  if (v.kind === 'map') return Object.fromEntries([...v.entries].map(([k, x]) => [k, plain(x)]));
  if (v.kind === 'list') return v.items.map(plain);
  return v.kind === 'null' ? null : 'value' in v ? v.value : v.kind;
}

describe('every data file of the conformance corpus', () => {
  const root = new URL('../../conformance/cases/', import.meta.url);
  const files: string[] = [];
  for (const dir of readdirSync(root)) {
    for (const f of readdirSync(new URL(`${dir}/`, root))) {
      if (/\.(ya?ml|json|template)$/.test(f)) files.push(`${dir}/${f}`);
    }
  }
  test('the fast paths agree with the oracle wherever they accept a file', () => {
    let accepted = 0;
    for (const f of files) {
      const text = readFileSync(new URL(f, root), 'utf8');
      let slowFails = false;
      try {
        loadYamlDocument(text, 'd', DEFAULT_LIMITS);
      } catch {
        slowFails = true;
      }
      // A document the oracle rejects must never be accepted by a fast path.
      if (slowFails) expect(fastOf(text), f).toBeUndefined();
      else if (expectSameAsOracle(text)) accepted++;
    }
    // Recorded when the block scanner learned flow collections: the fast
    // paths took 406 of the 462 files; with block scalars, 430 (a lower
    // bound, see standard-fast-path.test.ts).
    expect(accepted).toBeGreaterThanOrEqual(430);
  });
});

// Generated templates: seeded random trees written as block YAML (with the
// short-form tags, compact items, comments and CRLF) and as JSON.

describe('generated templates', () => {
  test.each(Array.from({ length: 40 }, (_, i) => i))('seed %i', (seed) => {
    const r = rng(seed + 1);
    const resources: { [k: string]: Tree } = {};
    for (let i = 0; i < 30; i++)
      resources[`Res${i}`] = { Type: 'AWS::X::Y', Properties: genTree(r, 1) };
    const doc: Tree = { AWSTemplateFormatVersion: '2010-09-09', Resources: resources };
    const lines: string[] = [];
    emitYaml(doc, 0, r, lines);
    const yaml = `${lines.join(seed % 3 === 0 ? '\r\n' : '\n')}\n`;
    expect(expectSameAsOracle(yaml)).toBe(true);
    const json = JSON.stringify(doc, null, seed % 2 === 0 ? 2 : '\t');
    expect(expectSameAsOracle(json)).toBe(true);
  });
});

describe('KeyPositions', () => {
  test('acts as a read-only map of key locations, small and large', () => {
    for (const n of [3, 40]) {
      const entries = new Map<string, number>();
      const pos: number[] = [];
      for (let i = 0; i < n; i++) {
        entries.set(`k${i}`, i);
        pos.push(i, i + 1);
      }
      const kp = new KeyPositions(entries, pos);
      expect(kp.size).toBe(n);
      expect(kp.get(`k${n - 1}`)).toEqual({ line: n - 1, col: n });
      expect(kp.get('missing')).toBeUndefined();
      expect(kp.has('k0')).toBe(true);
      expect([...kp.keys()]).toEqual([...entries.keys()]);
      expect([...kp][1]).toEqual(['k1', { line: 1, col: 2 }]);
      expect([...kp.values()].length).toBe(n);
      expect(new Map(kp).get('k2')).toEqual({ line: 2, col: 3 });
    }
  });
});
