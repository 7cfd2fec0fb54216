import { describe, expect, test } from 'vitest';
import { parseBenchArgs } from '../../../scripts/bench/args.js';
import { parseTimeOutput } from '../../../scripts/bench/measure.js';

describe('parseBenchArgs', () => {
  test('defaults', () => {
    expect(parseBenchArgs([])).toEqual({
      workloads: ['routine'],
      runs: 3,
      warmup: undefined,
      out: undefined,
      benchDir: undefined,
      workDir: undefined,
      mode: 'auto',
      timeoutS: undefined,
      snapshot: true,
      profile: false,
      textVsJson: [],
      help: false,
    });
  });

  test.each([
    {
      name: '--text-vs-json alone runs only that comparison',
      argv: ['--text-vs-json', 'W4-0.5mb, W2'],
      workloads: [],
      textVsJson: ['W4-0.5mb', 'W2'],
    },
    {
      name: 'with --workloads both run',
      argv: ['--text-vs-json=W4-0.5mb', '--workloads', 'W1'],
      workloads: ['W1'],
      textVsJson: ['W4-0.5mb'],
    },
    {
      name: 'without it the routine set, no text comparison',
      argv: ['--runs', '2'],
      workloads: ['routine'],
      textVsJson: [],
    },
  ])('$name', ({ argv, workloads, textVsJson }) => {
    expect(parseBenchArgs(argv)).toMatchObject({ workloads, textVsJson });
  });

  test('every option, in both spellings', () => {
    const o = parseBenchArgs([
      '--workloads',
      'W1, W2,,W4-0.5mb',
      '--runs=5',
      '--warmup',
      '0',
      '--out',
      'r.md',
      '--bench-dir=../b',
      '--work-dir',
      '/tmp/w',
      '--mode',
      'json',
      '--timeout',
      '60',
      '--no-snapshot',
      '--profile',
    ]);
    expect(o).toMatchObject({
      workloads: ['W1', 'W2', 'W4-0.5mb'],
      runs: 5,
      warmup: 0,
      out: 'r.md',
      benchDir: '../b',
      workDir: '/tmp/w',
      mode: 'json',
      timeoutS: 60,
      snapshot: false,
      profile: true,
    });
  });

  test.each([
    { argv: ['--runs', '0'], message: /--runs needs an integer >= 1/ },
    { argv: ['--runs'], message: /--runs needs a value/ },
    { argv: ['--mode', 'fast'], message: /--mode must be/ },
    { argv: ['--frobnicate'], message: /unknown argument/ },
    { argv: ['--workloads', ','], message: /at least one/ },
    { argv: ['--text-vs-json', ' '], message: /--text-vs-json needs at least one/ },
    { argv: ['--text-vs-json'], message: /--text-vs-json needs a value/ },
    { argv: ['--text-vs-json', 'W2', '--profile'], message: /do not go together/ },
  ])('rejects $argv', ({ argv, message }) => {
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });
});

describe('parseTimeOutput (GNU time -f "%e %U %S %M %x")', () => {
  test.each([
    {
      name: 'success',
      text: '0.04 0.02 0.01 7340 0\n',
      parsed: { userS: 0.02, sysS: 0.01, maxRssKiB: 7340, exit: 0 },
    },
    {
      name: 'non-zero exit adds a first line',
      text: 'Command exited with non-zero status 19\n2.68 2.41 0.12 29491 19\n',
      parsed: { userS: 2.41, sysS: 0.12, maxRssKiB: 29491, exit: 19 },
    },
    { name: 'nothing', text: '', parsed: undefined },
    { name: 'garbage', text: 'time: cannot run foo\n', parsed: undefined },
  ])('$name', ({ text, parsed }) => {
    expect(parseTimeOutput(text)).toEqual(parsed);
  });
});
