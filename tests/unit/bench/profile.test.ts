import { describe, expect, test } from 'vitest';
import {
  type CpuProfile,
  renderProfile,
  shortUrl,
  summariseProfile,
} from '../../../scripts/bench/profile.js';

const DIST = 'file:///repo/bench-results/snapshot-1/dist';
const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });

// (root) -> main -> evalClause -> evalClause (recursion) -> resolveQuery
//                \-> parseYaml
// hits: main 1, evalClause 2 + 1, resolveQuery 4, parseYaml 2 => 10 hits over 100 ms
const profile: CpuProfile = {
  startTime: 0,
  endTime: 100_000,
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), hitCount: 0, children: [2] },
    { id: 2, callFrame: frame('main', `${DIST}/cli.js`), hitCount: 1, children: [3, 6] },
    { id: 3, callFrame: frame('evalClause', `${DIST}/eval/clause.js`), hitCount: 2, children: [4] },
    { id: 4, callFrame: frame('evalClause', `${DIST}/eval/clause.js`), hitCount: 1, children: [5] },
    { id: 5, callFrame: frame('resolveQuery', `${DIST}/eval/query.js`), hitCount: 4 },
    {
      id: 6,
      callFrame: frame('parseYaml', 'file:///repo/node_modules/yaml/dist/parse.js'),
      hitCount: 2,
    },
  ],
};

describe('shortUrl', () => {
  test.each([
    { url: `${DIST}/eval/query.js`, short: 'src/eval/query.ts' },
    { url: 'file:///repo/node_modules/yaml/dist/parse.js', short: 'yaml/dist/parse.js' },
    { url: 'node:internal/fs/utils', short: 'node:internal/fs/utils' },
    { url: '', short: '(native)' },
  ])('$url', ({ url, short }) => {
    expect(shortUrl(url)).toBe(short);
  });
});

describe('summariseProfile', () => {
  const s = summariseProfile(profile, 10);

  test('self time by function, largest first', () => {
    expect(s.totalMs).toBe(100);
    expect(s.functions.map((f) => [f.key, f.selfMs])).toEqual([
      ['src/eval/query.ts:resolveQuery', 40],
      ['src/eval/clause.ts:evalClause', 30],
      ['yaml/dist/parse.js:parseYaml', 20],
      ['src/cli.ts:main', 10],
      ['(root)', 0],
    ]);
  });

  test('inclusive time counts a recursive function once per stack', () => {
    const evalClause = s.functions.find((f) => f.key === 'src/eval/clause.ts:evalClause');
    expect(evalClause?.totalShare).toBeCloseTo(0.7);
    const main = s.functions.find((f) => f.key === 'src/cli.ts:main');
    expect(main?.totalShare).toBeCloseTo(1);
  });

  test('by file', () => {
    expect(s.files.map((f) => [f.key, f.selfShare])).toEqual([
      ['src/eval/query.ts', 0.4],
      ['src/eval/clause.ts', 0.3],
      ['yaml/dist/parse.js', 0.2],
      ['src/cli.ts', 0.1],
      ['(root)', 0],
    ]);
  });

  test('top limits the rows and the rendering is a markdown table', () => {
    const md = renderProfile('W0', summariseProfile(profile, 2));
    expect(md).toContain('### W0 (0.10 s profiled)');
    expect(md).toContain('| `src/eval/query.ts:resolveQuery` | 40 ms | 40.0 % | 40.0 % |');
    expect(md).not.toContain('parseYaml');
  });
});
