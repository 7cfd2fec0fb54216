/**
 * Parse-tree output (PT-02). The fixtures' expected files were printed by the
 * reference cfn-guard 3.1.1 (`parse-tree -r s1.guard`, `parse-tree -p -r s2.guard`; stored as .txt so formatters leave it alone).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseRulesFile, parseTreeJson, parseTreeYaml } from '../../../src/syntax/index.js';
import { formatRustDisplay, formatRyu } from '../../../src/syntax/serde-tree.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function tree(text: string) {
  const outcome = parseRulesFile(text, '');
  if (!outcome.ok) throw new Error(outcome.error.compat);
  return outcome.file;
}

describe('parse-tree serialization', () => {
  test.each([
    { input: 's1.guard', expected: 's1.yaml', print: parseTreeYaml },
    { input: 's2.guard', expected: 's2.json.txt', print: parseTreeJson },
  ])('$input prints like the reference', ({ input, expected, print }) => {
    expect(print(tree(fixture(input)))).toBe(fixture(expected));
  });

  test.each([
    { name: 'yaml', print: parseTreeYaml, expected: 'null\n' },
    { name: 'json', print: parseTreeJson, expected: 'null' },
  ])('a file without rules prints null ($name)', ({ print, expected }) => {
    expect(print(tree('# nothing\n'))).toBe(expected);
  });

  test.each([
    { value: 'yes', expected: 'yes' },
    { value: '1.5', expected: "'1.5'" },
    // DIVERGENCES C11: serde_yaml 0.9.34 (3.2.0) quotes a leading-zero digit string; 3.1.1 printed 0123.
    { value: '0123', expected: "'0123'" },
    { value: '~', expected: "'~'" },
    { value: '- a', expected: "'- a'" },
    { value: 'a: b', expected: "'a: b'" },
    { value: 'x #y', expected: "'x #y'" },
    { value: ' a', expected: "' a'" },
    { value: 'it is', expected: 'it is' },
  ])('yaml string $value', ({ value, expected }) => {
    const text = `x == "${value}"`;
    const yaml = parseTreeYaml(tree(text));
    expect(yaml).toContain(`value: ${expected}\n`);
  });

  test('a string ending in a newline is a literal block', () => {
    const yaml = parseTreeYaml(tree('x == "ok\n"'));
    expect(yaml).toMatch(/\n( +)value: \|\n\1 {2}ok\n/);
  });

  // Checked with the reference (`parse-tree -y`): libyaml's complex-key form
  // for keys over 128 bytes or spanning lines, and a raw U+2028 followed by
  // the continuation indent inside single quotes.
  test.each([
    {
      name: 'a key over 128 bytes',
      text: `x == { "${'k'.repeat(130)}": 1 }`,
      pattern: new RegExp(`\\n( +)\\? ${'k'.repeat(130)}\\n\\1: 1\\n`),
    },
    {
      name: 'a key spanning lines',
      text: 'x == { "a\nb": 1 }',
      pattern: /\n( +)\? \|-\n\1 {2}a\n\1 {2}b\n\1: 1\n/,
    },
    {
      name: 'a line separator in a value',
      text: 'x == "a\u2028b"',
      pattern: /\n( +)value: 'a\u2028\1 {2}b'\n/,
    },
  ])('yaml: $name', ({ text, pattern }) => {
    expect(parseTreeYaml(tree(text))).toMatch(pattern);
  });

  test.each([
    { v: 3, ryu: '3.0', display: '3' },
    { v: 1e20, ryu: '1e20', display: '100000000000000000000' },
    { v: 1.5e-7, ryu: '1.5e-7', display: '0.00000015' },
    { v: 100000, ryu: '100000.0', display: '100000' },
    { v: 0.0001, ryu: '0.0001', display: '0.0001' },
    { v: -2.5, ryu: '-2.5', display: '-2.5' },
  ])('float $v', ({ v, ryu, display }) => {
    expect(formatRyu(v)).toBe(ryu);
    expect(formatRustDisplay(v)).toBe(display);
  });
});
