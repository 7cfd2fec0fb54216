import { describe, expect, test } from 'vitest';
import {
  formatRatio,
  formatSeconds,
  formatWall,
  median,
  ratio,
  type Sample,
  summarise,
} from '../../../scripts/bench/stats.js';

const sample = (
  wallS: number,
  cpu: number | undefined,
  rssKiB: number | undefined,
  exit = 19,
): Sample => ({
  wallS,
  userS: cpu === undefined ? undefined : cpu * 0.75,
  sysS: cpu === undefined ? undefined : cpu * 0.25,
  maxRssKiB: rssKiB,
  exit,
});

describe('median', () => {
  test.each([
    { values: [3], expected: 3 },
    { values: [3, 1, 2], expected: 2 },
    { values: [4, 1, 3, 2], expected: 2.5 },
    { values: [10, 10, 1000], expected: 10 },
  ])('median($values) = $expected', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });

  test('does not reorder its input', () => {
    const v = [3, 1, 2];
    median(v);
    expect(v).toEqual([3, 1, 2]);
  });

  test('rejects an empty list', () => {
    expect(() => median([])).toThrow(/empty/);
  });
});

describe('summarise', () => {
  test('medians of wall, CPU (user + sys) and RSS, with the wall range and exit codes', () => {
    const s = summarise([sample(2, 4, 2048), sample(1, 2, 1024, 0), sample(9, 3, 4096)]);
    expect(s).toEqual({
      runs: 3,
      wallMedianS: 2,
      wallMinS: 1,
      wallMaxS: 9,
      cpuMedianS: 3,
      rssMedianMiB: 2,
      exits: [0, 19],
    });
  });

  test('one run without accounting makes CPU and RSS unknown', () => {
    const s = summarise([sample(1, 1, 1024), sample(1, undefined, undefined)]);
    expect(s.cpuMedianS).toBeUndefined();
    expect(s.rssMedianMiB).toBeUndefined();
  });
});

describe('ratio and formatting', () => {
  test.each([
    { ref: 10, ts: 5, expected: 2 },
    { ref: 1, ts: 4, expected: 0.25 },
    { ref: undefined, ts: 4, expected: undefined },
    { ref: 1, ts: 0, expected: undefined },
  ])('ratio($ref, $ts) = $expected', ({ ref, ts, expected }) => {
    expect(ratio(ref, ts)).toBe(expected);
  });

  test.each([
    { s: 0.0421, text: '0.042 s' },
    { s: 12.345, text: '12.35 s' },
    { s: 123.45, text: '123.5 s' },
    { s: undefined, text: 'n/a' },
  ])('formatSeconds($s)', ({ s, text }) => {
    expect(formatSeconds(s)).toBe(text);
  });

  test('formatRatio and formatWall', () => {
    expect(formatRatio(0.2)).toBe('0.20x');
    expect(formatRatio(undefined)).toBe('n/a');
    expect(formatWall(summarise([sample(1, 1, 1), sample(2, 1, 1), sample(3, 1, 1)]))).toBe(
      '2.000 s (1.000-3.000)',
    );
    expect(formatWall(summarise([sample(1.5, 1, 1)]))).toBe('1.500 s');
  });
});
