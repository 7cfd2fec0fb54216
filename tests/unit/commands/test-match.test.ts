/** Expectation matching (TEST-04) and the default-rule prefix (DSL-02). */
import { describe, expect, test } from 'vitest';
import { matchRule, parseStatus } from '../../../src/commands/test-match.js';
import { loadTestRules } from '../../../src/commands/test-rules.js';
import type { Status } from '../../../src/eval/status.js';

describe('matchRule', () => {
  test.each<{ expected: Status; got: Status[]; pass: boolean }>([
    { expected: 'PASS', got: ['PASS'], pass: true },
    { expected: 'PASS', got: ['FAIL', 'PASS'], pass: true },
    { expected: 'PASS', got: ['FAIL'], pass: false },
    { expected: 'FAIL', got: ['SKIP', 'FAIL'], pass: true },
    { expected: 'FAIL', got: ['SKIP'], pass: false },
    { expected: 'SKIP', got: ['SKIP', 'SKIP'], pass: true },
    { expected: 'SKIP', got: ['SKIP', 'PASS'], pass: false },
  ])('$expected vs $got', ({ expected, got, pass }) => {
    const v = matchRule('r', expected, got);
    expect(v.kind).toBe(pass ? 'passed' : 'failed');
    if (v.kind === 'failed') expect(v.evaluated).toEqual(got);
    if (v.kind === 'passed') expect(v.evaluated).toBe(expected);
  });
});

describe('parseStatus', () => {
  test.each([
    ['PASS', 'PASS'],
    ['SKIP', 'SKIP'],
    ['skip', undefined],
    ['MAYBE', undefined],
  ])('%s', (text, want) => {
    expect(parseStatus(text)).toBe(want);
  });
});

describe('loadTestRules default rule name', () => {
  const names = (text: string, file: string): string[] => {
    const r = loadTestRules(text, file);
    if (r.kind !== 'ok') throw new Error(r.kind);
    return r.prepared.file.rules.map((x) => x.name);
  };
  test.each([
    { text: 'Resources exists\n', file: 'sub/x.guard', want: ['sub/x.guard/default'] },
    { text: 'Resources exists\nrule a { b exists }\n', file: 'x', want: ['x/default', 'a'] },
    { text: 'rule default { a exists }\n', file: 'r.guard', want: ['default'] },
    {
      text: 'rule default { a exists }\nResources exists\n',
      file: 'r.guard',
      want: ['r.guard/default', 'default'],
    },
  ])('$text', ({ text, file, want }) => {
    expect(names(text, file)).toEqual(want);
  });

  test('parse errors carry the reference Display, empty files are empty', () => {
    const bad = loadTestRules('rule x {\n  a == \n}\n', 'rules.guard');
    expect(bad.kind).toBe('error');
    if (bad.kind === 'error') {
      expect(bad.text).toMatch(
        /^Parser Error when parsing `Parsing Error Error parsing file rules.guard at line 2/,
      );
    }
    expect(loadTestRules('# nothing\n', 'r.guard').kind).toBe('empty');
  });
});
