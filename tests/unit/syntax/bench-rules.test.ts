/**
 * Acceptance over 446 real rules files: each must be accepted or rejected as
 * the reference does, and its parse tree must hash to what `cfn-guard
 * parse-tree -p` printed (tests/golden/bench-parse-tree.json, recorded by
 * scripts/record-bench-parse-tree.mjs).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseRulesFile, parseTreeJson } from '../../../src/syntax/index.js';

const root = new URL('../../../', import.meta.url);
const golden = JSON.parse(
  readFileSync(new URL('tests/golden/bench-parse-tree.json', root), 'utf8'),
) as Record<string, { exit: number; sha256: string }>;

describe('bench rules parse like the reference', () => {
  test('every recorded file gives the same exit status and parse tree', () => {
    const differing: string[] = [];
    for (const [rel, expected] of Object.entries(golden)) {
      const text = readFileSync(new URL(`tests/fixtures/bench-rules/${rel}`, root), 'utf8');
      const outcome = parseRulesFile(text, '');
      const exit = outcome.ok ? 0 : 255;
      const stdout = outcome.ok ? parseTreeJson(outcome.file) : '';
      const sha256 = createHash('sha256').update(stdout).digest('hex');
      if (exit !== expected.exit || (exit === 0 && sha256 !== expected.sha256)) differing.push(rel);
    }
    expect(Object.keys(golden).length).toBeGreaterThan(400);
    expect(differing.slice(0, 20)).toEqual([]);
  });
});
