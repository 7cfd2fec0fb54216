/**
 * Small inputs run through the reference binary (cfn-guard 3.1.1, shipped
 * in node_modules) and through tsguard's evaluator + these reporters; the
 * outputs must match byte for byte (JUnit times normalised). Covers what the
 * corpus does not: markup characters and `]]>` in custom messages and data,
 * non-ASCII text, parse errors next to failures, skip-only runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  GUARD_BIN,
  renderStructured,
  runPipeline,
  type Source,
  type StructuredFormat,
} from './structured-pipeline.js';

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'tsguard-structured-')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Format = StructuredFormat;

interface Scenario {
  readonly name: string;
  readonly rules: Record<string, string>;
  readonly data: Record<string, string>;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'markup, ]]> twice and non-ASCII in messages and data',
    rules: {
      'r.guard': [
        `a == 2 <<custom <&> ]]> ]]> 'q' "dq" é 日本>>`,
        `rule named_one { b == 'k' <<msg two ]]]]>> }`,
        'rule other_x { c.e exists }',
        'rule skipper when a == 5 { a == 1 }',
        'rule passer { a == 1 }',
        '',
      ].join('\n'),
    },
    data: { 'd.yaml': `a: 1\nb: "x<y>&'\\"]]>z ü"\nc:\n  d: 2\n` },
  },
  {
    name: 'a rules file that does not parse next to a failing one',
    rules: {
      'bad.guard': 'rule x { a == }\n',
      'f.guard': 'rule f { a == 2 }\n',
      'p.guard': 'rule p { a == 1 }\n',
    },
    data: { 'a.yaml': 'a: 1\n', 'b.json': '{"a": 2}' },
  },
  {
    name: 'skip only',
    rules: { 's.guard': 'rule s when a == 9 { a == 1 }\n' },
    data: { 'a.yaml': 'a: 1\n' },
  },
  {
    name: 'disjunctions, blocks and rule references',
    rules: {
      'm.guard': [
        'rule base { a == 5 }',
        'rule uses when base { a == 1 }',
        'rule needs { base }',
        'rule either { a == 3 or b exists }',
        'rule blk { c[*] { d == 3 } }',
        'rule in_list { a in [7, 8] <<not allowed>> }',
        '',
      ].join('\n'),
    },
    data: { 'x.yaml': 'a: 1\nc:\n  - d: 2\n  - d: 3\n' },
  },
];

function writeScenario(
  s: Scenario,
  index: number,
): { rules: string[]; data: string[]; base: string } {
  const base = join(dir, String(index));
  execFileSync('mkdir', ['-p', base]);
  for (const [name, text] of [...Object.entries(s.rules), ...Object.entries(s.data)]) {
    writeFileSync(join(base, name), text);
  }
  return { base, rules: Object.keys(s.rules), data: Object.keys(s.data) };
}

function runReference(
  base: string,
  rules: string[],
  data: string[],
  format: Format,
): { stdout: string; exit: number } {
  const args = ['validate', ...rules.flatMap((r) => ['-r', r]), ...data.flatMap((d) => ['-d', d])];
  args.push('-z', '-S', 'none', '-o', format);
  try {
    const stdout = execFileSync(GUARD_BIN, args, {
      cwd: base,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString('utf8');
    return { stdout, exit: 0 };
  } catch (err) {
    const e = err as { stdout: Buffer; status: number };
    return { stdout: e.stdout.toString('utf8'), exit: e.status };
  }
}

function runTsguard(base: string, s: Scenario, format: Format): { stdout: string; exit: number } {
  const rules: Source[] = Object.entries(s.rules).map(([name, text]) => ({ name, text }));
  const data: Source[] = Object.entries(s.data).map(([name, text]) => ({
    name: join(base, name),
    text,
  }));
  return renderStructured(runPipeline(rules, data), format);
}

const normaliseTimes = (xml: string): string => xml.replace(/ time="\d+"/g, ' time="0"');

describe.each(SCENARIOS.map((s, i) => ({ ...s, index: i })))('$name', (scenario) => {
  const { base, rules, data } = writeScenario(scenario, scenario.index);
  test.each(['json', 'yaml', 'junit', 'sarif'] as const)('%s matches the reference', (format) => {
    const expected = runReference(base, rules, data, format);
    const actual = runTsguard(base, scenario, format);
    expect(actual.stdout).toBe(
      format === 'junit' ? normaliseTimes(expected.stdout) : expected.stdout,
    );
    expect(actual.exit).toBe(expected.exit);
  });
});
