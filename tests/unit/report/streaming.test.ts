/**
 * Streaming output (the structured report of a large template is larger
 * than one V8 string): a `FlushingSink` and the lazily converted failures
 * print exactly what the whole-tree path prints, and combining reports in
 * one pass equals folding them pair by pair (EVAL-11).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { FileReport } from '../../../src/report/file-report.js';
import { combineFileReports, fileReportToJson } from '../../../src/report/file-report-json.js';
import {
  FlushingSink,
  JsonLazyArray,
  type TextChunks,
  toJsonPretty,
  writeJson,
} from '../../../src/report/json-writer.js';
import { combineDataFileReports, writeStructured } from '../../../src/report/structured.js';
import { everyVariant, fileReport } from './structured-fixtures.js';

describe('FlushingSink', () => {
  test.each([1, 7, 64, 1 << 20])('limit %i: same text as the array path', (limit) => {
    const pieces: string[] = [];
    const sink = new FlushingSink((text) => pieces.push(text), limit);
    const report = [everyVariant('/a.yaml'), everyVariant('/b.yaml')];
    writeStructured(report, 'json', sink);
    sink.flush();
    const whole: TextChunks = [];
    writeJson(report.map(fileReportToJson), whole);
    expect(pieces.join('')).toBe(whole.join(''));
    expect(pieces.length).toBeGreaterThan(0);
  });

  test('hands over text once the limit is reached, and the rest on flush', () => {
    const pieces: string[] = [];
    const sink = new FlushingSink((text) => pieces.push(text), 4);
    sink.push('ab', 'c');
    expect(pieces).toEqual([]);
    sink.push('de');
    expect(pieces).toEqual(['abcde']);
    sink.push('f');
    sink.flush();
    sink.flush();
    expect(pieces).toEqual(['abcde', 'f']);
  });
});

describe('JSON writer pieces', () => {
  test('a long document reaches the sink in several large pieces, same text', () => {
    const big = Array.from({ length: 5000 }, (_, i) => ({
      key: `value ${i}`,
      n: i,
      m: new Map([['k', [true, null]]]),
    }));
    const pieces: string[] = [];
    writeJson(big as never, { push: (text: string) => pieces.push(text) });
    expect(pieces.length).toBeGreaterThan(2);
    const whole: TextChunks = [];
    writeJson(big as never, whole);
    expect(pieces.join('')).toBe(whole.join(''));
    expect(JSON.parse(pieces.join(''))).toHaveLength(5000);
  });
});

describe('JsonLazyArray', () => {
  test.each([0, 1, 3])('%i items print as the array would', (n) => {
    const items = Array.from({ length: n }, (_, i) => ({ i, s: `x${i}` }));
    const lazy = new JsonLazyArray(n, (i) => items[i] ?? null);
    expect(toJsonPretty({ a: lazy as never, b: [] })).toBe(toJsonPretty({ a: items, b: [] }));
  });
});

describe('combineDataFileReports equals the pairwise fold', () => {
  const names = fc.array(
    fc.oneof(fc.constantFrom('a', 'b', 'Z', '\u{1F600}', '\uFFFF', 'é'), fc.string()),
    {
      maxLength: 6,
    },
  );
  const report = fc
    .tuple(fc.constantFrom('PASS', 'FAIL', 'SKIP' as const), names, names)
    .map(([status, pass, skip]) => fileReport('/d.yaml', status, [], pass, skip));

  test('for any reports', () => {
    fc.assert(
      fc.property(fc.array(report, { maxLength: 6 }), (reports: FileReport[]) => {
        let folded: FileReport = fileReport('/d.yaml', 'SKIP');
        for (const r of reports) folded = combineFileReports(folded, r);
        const combined = combineDataFileReports('/d.yaml', reports);
        expect(combined.status).toBe(folded.status);
        expect(combined.compliant).toEqual(folded.compliant);
        expect(combined.notApplicable).toEqual(folded.notApplicable);
      }),
      { numRuns: 200 },
    );
  });
});
