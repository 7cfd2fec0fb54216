/**
 * Every conformance case that runs `validate --structured` over plain rules
 * and data files (json, yaml, junit, sarif), rebuilt in-process from the
 * parser, loader, evaluator and these reporters, compared byte for byte with
 * the recorded stdout and exit status. JUnit times are passed as 0 (the
 * corpus normalises them); SARIF gets the reference's tool name and version
 * so the recorded text applies unchanged.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  caseInputs,
  parseCaseCommand,
  REPO_ROOT,
  renderStructured,
  runPipeline,
  type StructuredFormat,
} from './structured-pipeline.js';

const CASES = join(REPO_ROOT, 'tests/conformance/cases');

function structuredCases(): { name: string; dir: string }[] {
  if (!existsSync(CASES)) return [];
  return readdirSync(CASES)
    .filter((name) => {
      const cmd = readFileSync(join(CASES, name, 'cmd'), 'utf8');
      const parsed = parseCaseCommand(cmd);
      return parsed !== undefined && ['json', 'yaml', 'junit', 'sarif'].includes(parsed.format);
    })
    .sort()
    .map((name) => ({ name, dir: join(CASES, name) }));
}

/** What `validate --structured` prints and exits with, for one case. */
function render(dir: string): { stdout: string; exit: number } {
  const cmd = parseCaseCommand(readFileSync(join(dir, 'cmd'), 'utf8'));
  if (cmd === undefined) throw new Error('not a structured case');
  const inputs = caseInputs(dir, cmd);
  return renderStructured(runPipeline(inputs.rules, inputs.data), cmd.format as StructuredFormat);
}

const cases = structuredCases();

describe('structured reports against the conformance corpus', () => {
  test('the corpus has structured cases of every format', () => {
    const formats = new Set(
      cases.map((c) => parseCaseCommand(readFileSync(join(c.dir, 'cmd'), 'utf8'))?.format),
    );
    expect([...formats].sort()).toEqual(['json', 'junit', 'sarif', 'yaml']);
  });

  test.each(cases)('$name', ({ dir }) => {
    const expected = readFileSync(join(dir, 'expected.stdout'), 'utf8');
    const exit = Number(readFileSync(join(dir, 'expected.exit'), 'utf8').trim());
    const actual = render(dir);
    expect(actual.stdout).toBe(expected);
    expect(actual.exit).toBe(exit);
  });
});
