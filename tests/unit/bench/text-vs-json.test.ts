import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Sample, Summary } from '../../../scripts/bench/stats.js';
import {
  checkTarget,
  describeStability,
  describeTarget,
  jsonArgs,
  renderTextVsJson,
  stabilityOf,
  type TextVsJsonResult,
  textArgs,
  textVsJsonProblems,
} from '../../../scripts/bench/text-vs-json.js';
import {
  benchTextVsJson,
  sha256File,
  type TsguardRunner,
} from '../../../scripts/bench/text-vs-json-run.js';
import { type Inputs, workloadSpec } from '../../../scripts/bench/workloads.js';

const fakeInputs: Inputs = {
  subset: (name, every) => `/w/subset-${name}-${every}`,
  large: (size) => `/w/large-${size}.yaml`,
  empty: () => '/w/empty-template.yaml',
  allRules: () => ['rules/a.guard', 'rules/b.guard'],
};

const summary = (wall: number, cpu: number | undefined, rss: number, exits = [19]): Summary => ({
  runs: 3,
  wallMedianS: wall,
  wallMinS: wall * 0.9,
  wallMaxS: wall * 1.1,
  cpuMedianS: cpu,
  rssMedianMiB: rss,
  exits,
});

const result = (over: Partial<TextVsJsonResult> = {}): TextVsJsonResult => ({
  id: 'W4-0.5mb',
  text: summary(3, 2.4, 110),
  json: summary(2, 2, 130),
  stability: { kind: 'stable' },
  stdoutBytes: { text: 7718140, json: 22400000 },
  textCommandLine: 'validate -d $WORK/large-0.5MB.yaml -S none',
  jsonCommandLine: 'validate -d $WORK/large-0.5MB.yaml -z -o json -S none',
  ...over,
});

describe('textArgs / jsonArgs', () => {
  const spec = workloadSpec('W4-0.5mb', fakeInputs);
  const base = ['validate', '-r', 'rules/control-tower', '-r', 'rules/registry'];

  test('text: the workload with -S none and no -o / -z', () => {
    expect(textArgs(spec)).toEqual([...base, '-d', '/w/large-0.5MB.yaml', '-S', 'none']);
  });

  test('JSON: the usual structured options', () => {
    expect(jsonArgs(spec)).toEqual([
      ...base,
      '-d',
      '/w/large-0.5MB.yaml',
      '-z',
      '-o',
      'json',
      '-S',
      'none',
    ]);
  });

  test('a test workload is refused', () => {
    const w6 = workloadSpec('W6', fakeInputs);
    expect(() => textArgs(w6)).toThrow(/needs a validate workload; W6 runs `test`/);
    expect(() => jsonArgs(w6)).toThrow(/needs a validate workload/);
  });
});

describe('stabilityOf / describeStability', () => {
  test.each([
    { hashes: ['a'], expected: { kind: 'stable' }, text: 'stable (1 run)' },
    { hashes: ['a', 'a', 'a'], expected: { kind: 'stable' }, text: 'stable (3 runs)' },
    {
      hashes: ['a', 'b', 'a'],
      expected: { kind: 'varies', distinct: 2 },
      text: 'varies (2 different in 3 runs)',
    },
  ])('$hashes', ({ hashes, expected, text }) => {
    const s = stabilityOf(hashes);
    expect(s).toEqual(expected);
    expect(describeStability(s, hashes.length)).toBe(text);
  });

  test('no runs is an error', () => {
    expect(() => stabilityOf([])).toThrow(/no text outputs/);
  });
});

describe('checkTarget (text / JSON <= 1.5)', () => {
  test.each([
    { text: 1.2, json: 1, ratio: 1.2, met: true },
    { text: 3, json: 2, ratio: 1.5, met: true }, // the bound itself is met
    { text: 3.02, json: 2, ratio: 1.51, met: false },
    { text: 0.5, json: 2, ratio: 0.25, met: true },
    { text: undefined, json: 2, ratio: undefined, met: undefined },
    { text: 1, json: undefined, ratio: undefined, met: undefined },
    { text: 1, json: 0, ratio: undefined, met: undefined },
  ])('$text / $json', ({ text, json, ratio, met }) => {
    const c = checkTarget(text, json);
    expect(c.met).toBe(met);
    if (ratio === undefined) expect(c.ratio).toBeUndefined();
    else expect(c.ratio).toBeCloseTo(ratio, 10);
  });

  test('another bound', () => {
    expect(checkTarget(1.2, 1, 1.1).met).toBe(false);
  });

  test.each([
    { text: summary(3, 2.4, 1), json: summary(2, 2, 1), cell: 'CPU met, wall met' },
    { text: summary(4, 2.4, 1), json: summary(2, 2, 1), cell: 'CPU met, wall not met' },
    { text: summary(2, 4, 1), json: summary(2, 2, 1), cell: 'CPU not met, wall met' },
    { text: summary(2, undefined, 1), json: summary(2, 2, 1), cell: 'CPU n/a, wall met' },
  ])('describeTarget: $cell', ({ text, json, cell }) => {
    expect(describeTarget(result({ text, json }))).toBe(cell);
  });
});

describe('textVsJsonProblems', () => {
  test.each([
    { name: 'none', over: {}, problems: [] },
    {
      name: 'text varies',
      over: { stability: { kind: 'varies', distinct: 2 } as const },
      problems: ['W4-0.5mb: text output varies between runs'],
    },
    {
      name: 'exit codes differ',
      over: { text: summary(1, 1, 1, [0]) },
      problems: ['W4-0.5mb: exit codes text 0 / JSON 19'],
    },
    {
      name: 'exit codes not single',
      over: { text: summary(1, 1, 1, [0, 19]), json: summary(1, 1, 1, [0, 19]) },
      problems: ['W4-0.5mb: exit codes text 0,19 / JSON 0,19'],
    },
  ])('$name', ({ over, problems }) => {
    expect(textVsJsonProblems(result(over))).toEqual(problems);
  });
});

describe('renderTextVsJson', () => {
  test('one row per workload: medians, ratios text / JSON, target and stability', () => {
    const md = renderTextVsJson(
      [
        result(),
        result({
          id: 'W2',
          text: summary(1, 1.8, 90),
          json: summary(0.8, 1, 85),
          stability: { kind: 'varies', distinct: 3 },
        }),
      ],
      3,
    );
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(4); // header, ---, two workloads
    expect(rows[0]).toContain('| CPU text/JSON |');
    expect(rows[0]).toContain('| target text ≤ 1.5x JSON | text output |');
    expect(rows[2]).toBe(
      '| W4-0.5mb | 3.000 s (2.700-3.300) | 2.000 s (1.800-2.200) | 1.50x | 2.400 s | 2.000 s | 1.20x ' +
        '| 110.0 MiB | 130.0 MiB | 19 / 19 | CPU met, wall met | stable (3 runs) |',
    );
    expect(rows[3]).toContain('| 1.25x | 1.800 s | 1.000 s | 1.80x | 90.0 MiB | 85.0 MiB |');
    expect(rows[3]).toContain('| CPU not met, wall met | varies (3 different in 3 runs) |');
    expect(md).toContain(
      '* W4-0.5mb text: `GUARD validate -d $WORK/large-0.5MB.yaml -S none` (stdout 7,718,140 B)',
    );
    expect(md).toContain(
      '* W2 JSON: `GUARD validate -d $WORK/large-0.5MB.yaml -z -o json -S none`',
    );
  });
});

describe('benchTextVsJson (fake tsguard writing files)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsguard-text-vs-json-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const fakeRunner = (textOutputs: readonly string[]) => {
    const calls: string[] = [];
    let textRun = 0;
    const runner: TsguardRunner = {
      async run(tag, args): Promise<Sample> {
        calls.push(`${tag} ${args.slice(-4).join(' ')}`);
        const isText = tag.endsWith('.text');
        const body = isText ? (textOutputs[textRun++] ?? 'x') : '{"json":true}';
        writeFileSync(runner.stdoutFile(tag), body);
        return {
          wallS: isText ? 3 : 2,
          userS: isText ? 2 : 1,
          sysS: 0,
          maxRssKiB: 1024,
          exit: 19,
        };
      },
      stdoutFile: (tag) => join(dir, `${tag}.stdout`),
      log: () => {},
      describe: (x) => `wall ${x.wallS}`,
      display: (args) => args.join(' ').replaceAll('/w', '$WORK'),
    };
    return { runner, calls };
  };

  const spec = workloadSpec('W1', fakeInputs);

  test('interleaves text and JSON after the warm-up; stable text, ratios from medians', async () => {
    const { runner, calls } = fakeRunner(['warm', 'same', 'same']);
    const r = await benchTextVsJson(runner, spec, 2, 1);
    expect(calls.map((c) => c.split(' ')[0])).toEqual([
      'W1.text',
      'W1.json',
      'W1.text',
      'W1.json',
      'W1.text',
      'W1.json',
    ]);
    expect(calls[0]).toMatch(/ -S none$/);
    expect(calls[0]).not.toContain('-z');
    expect(calls[1]).toMatch(/-o json -S none$/);
    // the warm-up's different output is not counted
    expect(r.stability).toEqual({ kind: 'stable' });
    expect(r.text.runs).toBe(2);
    expect(r.text.cpuMedianS).toBe(2);
    expect(r.json.cpuMedianS).toBe(1);
    expect(r.stdoutBytes).toEqual({ text: 4, json: 13 });
    expect(r.jsonCommandLine).toBe(
      `validate -r ${spec.args[2]} -d ${spec.args[4]} -z -o json -S none`,
    );
  });

  test('text that differs between counted runs is reported as varying', async () => {
    const { runner } = fakeRunner(['a', 'b', 'a']);
    const r = await benchTextVsJson(runner, spec, 3, 0);
    expect(r.stability).toEqual({ kind: 'varies', distinct: 2 });
    expect(textVsJsonProblems(r)).toEqual(['W1: text output varies between runs']);
  });

  test('sha256File hashes the whole file', async () => {
    const file = join(dir, 'h.txt');
    writeFileSync(file, 'hello\n'.repeat(100000));
    const expected = createHash('sha256').update('hello\n'.repeat(100000)).digest('hex');
    expect(await sha256File(file)).toBe(expected);
  });
});
