/**
 * Robustness of the rules-file parser: whatever the input, parseRulesFile
 * returns a result (never throws), and a failure points inside the input.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseRulesFile, parseTreeJson, parseTreeYaml } from '../../src/syntax/index.js';

const TOKENS = [
  'rule',
  'let',
  'when',
  'or',
  'not ',
  '!',
  'some ',
  'this',
  'keys',
  'exists',
  'empty',
  'in',
  'is_string',
  '==',
  '!=',
  '<=',
  '>=',
  '<',
  '>',
  '<<',
  '>>',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  ',',
  ':',
  '::',
  '.',
  '*',
  '%v',
  '|',
  '#c\n',
  '\n',
  ' ',
  '\t',
  '"s"',
  "'q'",
  '"',
  "'",
  '/a/',
  '/',
  'r[1,2]',
  'r(a,z]',
  '1',
  '-3',
  '1.5',
  '1e+3',
  'true',
  'null',
  'x',
  'Resources',
  'AWS::S3::Bucket',
  'count(',
  'now()',
  'é',
  '\r\n',
];

function checkOutcome(text: string): void {
  const outcome = parseRulesFile(text, 'f.guard');
  if (outcome.ok) {
    // Whatever parses must also print.
    expect(typeof parseTreeJson(outcome.file)).toBe('string');
    expect(typeof parseTreeYaml(outcome.file)).toBe('string');
    return;
  }
  const { error } = outcome;
  expect(error.code.startsWith('SYNTAX_')).toBe(true);
  const pos = error.position;
  expect(pos).toBeDefined();
  if (!pos) return;
  const lines = text.split('\n');
  expect(pos.line).toBeGreaterThanOrEqual(1);
  expect(pos.line).toBeLessThanOrEqual(lines.length);
  const lineText = lines[pos.line - 1] ?? '';
  expect(pos.column).toBeGreaterThanOrEqual(1);
  expect(pos.column).toBeLessThanOrEqual(Array.from(lineText).length + 1);
  expect(error.compat).toContain(`at line ${pos.line} at column ${pos.column}`);
}

describe('parser robustness', () => {
  test('random strings never throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => checkOutcome(s)),
      { numRuns: 500 },
    );
  });

  test('random token soups never throw', () => {
    const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(''));
    fc.assert(
      fc.property(soup, (s) => checkOutcome(s)),
      { numRuns: 1000 },
    );
  });

  test('random unicode text never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => checkOutcome(s)),
      {
        numRuns: 300,
      },
    );
  });
});
