/**
 * The golden corpus (tests/conformance/cases, recorded with cfn-guard 3.1.1),
 * one test per enabled case, run in-process through the CLI entry. 3.2.0
 * differences and tsguard's own answers to reference crashes come from
 * known-divergences.ts; which cases run comes from enabled-areas.ts.
 */
import { describe, expect, test } from 'vitest';
import { isEnabled } from './enabled-areas.js';
import {
  type CaseResult,
  listCases,
  loadExpectation,
  normaliseVersion,
  runCase,
} from './harness.js';
import { EXCLUSIONS, OVERRIDES, type TextOverride } from './known-divergences.js';

const ALL_CASES = listCases();
const ENABLED = ALL_CASES.filter((name) => isEnabled(name, loadExpectation(name).cmd));

function applyOverride(recorded: string, override: TextOverride | undefined): string {
  if (override === undefined) return recorded;
  return typeof override === 'string' ? override : override(recorded);
}

function expectedFor(name: string): CaseResult {
  const recorded = loadExpectation(name);
  const o = OVERRIDES[name];
  return {
    stdout: normaliseVersion(applyOverride(recorded.stdout, o?.stdout)),
    stderr: normaliseVersion(applyOverride(recorded.stderr, o?.stderr)),
    exit: o?.exit ?? recorded.exit,
    files: new Map([...recorded.files].map(([k, v]) => [k, v && normaliseVersion(v)])),
  };
}

describe('conformance corpus', () => {
  test('the corpus is all there', () => {
    expect(ALL_CASES.length).toBe(597);
    expect(ENABLED.length).toBeGreaterThan(0);
  });

  test.each(ENABLED)('%s', async (name) => {
    const got = await runCase(name);
    const exclusion = EXCLUSIONS[name];
    if (exclusion) {
      expect(exclusion.instead?.(got) ?? []).toEqual([]);
      return;
    }
    const want = expectedFor(name);
    if (OVERRIDES[name]?.compare === 'exit') {
      expect(got.exit).toBe(want.exit);
      return;
    }
    expect({
      stdout: normaliseVersion(got.stdout),
      stderr: normaliseVersion(got.stderr),
      exit: got.exit,
      files: new Map([...got.files].map(([k, v]) => [k, v && normaliseVersion(v)])),
    }).toEqual(want);
  });
});

describe('known-divergences table', () => {
  test.each(Object.keys(OVERRIDES))(
    'override %s names a case and applies to its recording',
    (name) => {
      expect(ALL_CASES).toContain(name);
      // Edits throw when the recorded text they rewrite is not found exactly once.
      const want = expectedFor(name);
      const recorded = loadExpectation(name);
      const o = OVERRIDES[name];
      const changed =
        want.exit !== recorded.exit ||
        want.stdout !== normaliseVersion(recorded.stdout) ||
        want.stderr !== normaliseVersion(recorded.stderr) ||
        o?.compare === 'exit';
      expect(changed).toBe(true);
      expect(o?.reason.length).toBeGreaterThan(10);
    },
  );

  test.each(Object.keys(EXCLUSIONS))(
    'exclusion %s names a case and is not also overridden',
    (name) => {
      expect(ALL_CASES).toContain(name);
      expect(OVERRIDES[name]).toBeUndefined();
    },
  );
});
