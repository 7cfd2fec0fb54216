import { describe, expect, test } from 'vitest';
import type { Summary } from '../../../scripts/bench/stats.js';
import { exitsAgree, renderReport } from '../../../scripts/bench/table.js';

const summary = (wall: number, cpu: number, rss: number, exits: number[] = [19]): Summary => ({
  runs: 3,
  wallMedianS: wall,
  wallMinS: wall,
  wallMaxS: wall,
  cpuMedianS: cpu,
  rssMedianMiB: rss,
  exits,
});

const info = {
  date: '2026-01-01 00:00',
  machine: '2 cores',
  node: 'Node v20',
  mode: 'structured JSON',
  runs: 3,
  loadAverage: '1.00',
  timing: 'GNU time',
};

describe('renderReport', () => {
  test('one row per workload with ratios reference / tsguard, start-up after W1', () => {
    const md = renderReport(
      info,
      [
        {
          id: 'W1',
          tsguard: summary(0.5, 0.4, 50),
          reference: summary(0.05, 0.02, 7),
          verdict: { kind: 'identical' },
          stdoutBytes: { tsguard: 3191, reference: 3191 },
          commandLine: 'validate -r a -d b',
        },
        {
          id: 'W2',
          tsguard: summary(2, 2, 100, [0]),
          reference: summary(4, 3, 25),
          verdict: { kind: 'different', detail: 'x' },
          stdoutBytes: { tsguard: 10, reference: 1000 },
          commandLine: 'validate',
        },
      ],
      summary(0.2, 0.1, 40, [0]),
    );
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(5); // header, W1, start-up, W2 (plus the --- line)
    expect(rows[2]).toContain('| W1 | 0.500 s (0.500-0.500) | 0.050 s (0.050-0.050) | 0.10x |');
    expect(rows[2]).toContain('| 19 / 19 | identical |');
    expect(rows[3]).toContain('`node -e 0`');
    expect(rows[4]).toContain('| 2.00x |'); // wall 4 / 2
    expect(rows[4]).toContain('| 0 / 19 MISMATCH | DIFFERENT: x |');
    expect(md).toContain(
      '* W1: `GUARD validate -r a -d b` (stdout 3,191 B tsguard, 3,191 B reference)',
    );
  });

  test('exitsAgree needs one and the same code on each side', () => {
    expect(exitsAgree(summary(1, 1, 1, [19]), summary(1, 1, 1, [19]))).toBe(true);
    expect(exitsAgree(summary(1, 1, 1, [0, 19]), summary(1, 1, 1, [0, 19]))).toBe(false);
    expect(exitsAgree(summary(1, 1, 1, [0]), summary(1, 1, 1, [19]))).toBe(false);
  });
});

describe('renderReport with the structured reference for context', () => {
  test('adds a second table when a result carries referenceStructured', () => {
    const md = renderReport(
      info,
      [
        {
          id: 'W3-10',
          tsguard: summary(6, 5, 100),
          reference: summary(35, 18, 20),
          referenceStructured: summary(9, 10, 37),
          verdict: { kind: 'identical' },
          stdoutBytes: { tsguard: 1, reference: 1 },
          commandLine: 'validate',
        },
      ],
      undefined,
    );
    expect(md).toContain('the reference with its structured reporter');
    expect(md).toContain('| W3-10 | 9.000 s (9.000-9.000) | 10.00 s | 2.00x | 37.0 MiB | 19 |');
  });

  test('no second table without it', () => {
    const md = renderReport(
      info,
      [
        {
          id: 'W1',
          tsguard: summary(1, 1, 1),
          reference: summary(1, 1, 1),
          verdict: { kind: 'identical' },
          stdoutBytes: { tsguard: 1, reference: 1 },
          commandLine: 'validate',
        },
      ],
      undefined,
    );
    expect(md).not.toContain('structured reporter');
  });
});
