import { describe, expect, test } from 'vitest';
import {
  commandArgs,
  cSort,
  everyKth,
  expandWorkloads,
  type Inputs,
  spreadPick,
  workloadSpec,
} from '../../../scripts/bench/workloads.js';

const fakeInputs: Inputs = {
  subset: (name, every) => `/w/subset-${name}-${every}`,
  large: (size) => `/w/large-${size}.yaml`,
  empty: () => '/w/empty-template.yaml',
  allRules: () =>
    Array.from({ length: 446 }, (_, i) => `rules/r${String(i).padStart(3, '0')}.guard`),
};

describe('expandWorkloads', () => {
  test.each([
    { names: ['W1'], ids: ['W1'] },
    { names: ['routine'], ids: ['W1', 'W2', 'W3-10', 'W4-0.5mb'] },
    { names: ['W2', 'main'], ids: ['W2', 'W1', 'W3', 'W4', 'W5', 'W6'] },
    { names: ['W1', 'W1'], ids: ['W1'] },
  ])('$names', ({ names, ids }) => {
    expect(expandWorkloads(names)).toEqual(ids);
  });

  test('rejects an unknown name', () => {
    expect(() => expandWorkloads(['W9'])).toThrow(/unknown workload "W9"/);
  });
});

describe('selection helpers (workloads.md scale series)', () => {
  test('cSort orders by code unit like LC_ALL=C sort', () => {
    expect(cSort(['b', 'B', 'a', '_x', 'A'])).toEqual(['A', 'B', '_x', 'a', 'b']);
  });

  test('spreadPick takes indices floor(i * total / n)', () => {
    const list = Array.from({ length: 446 }, (_, i) => i);
    const picked = spreadPick(list, 10);
    expect(picked).toEqual([0, 44, 89, 133, 178, 223, 267, 312, 356, 401]);
    expect(spreadPick(list, 50)).toHaveLength(50);
  });

  test('everyKth keeps index % k == 0 (62 of 615 for k = 10)', () => {
    const list = Array.from({ length: 615 }, (_, i) => i);
    expect(everyKth(list, 10)).toHaveLength(62);
    expect(everyKth(list, 4)).toHaveLength(154);
    expect(everyKth(list, 2)).toHaveLength(308);
    expect(everyKth([5, 6, 7], 2)).toEqual([5, 7]);
  });
});

describe('workloadSpec and commandArgs', () => {
  test('W1 in both output modes', () => {
    const spec = workloadSpec('W1', fakeInputs);
    const base = [
      'validate',
      '-r',
      'rules/registry/amazon_s3/s3_bucket_public_rw_acl.guard',
      '-d',
      'templates/acft__S3__s3-bucket-and-policy-for-caa-v1.yaml',
    ];
    expect(commandArgs(spec, 'structured')).toEqual([...base, '-z', '-o', 'json', '-S', 'none']);
    expect(commandArgs(spec, 'json')).toEqual([...base, '-o', 'json', '-S', 'none']);
  });

  test.each([
    { id: 'W4-0.5mb', data: '/w/large-0.5MB.yaml', rules: 2 },
    { id: 'W5', data: '/w/large-50MB.yaml', rules: 5 },
    { id: 'W3-10', data: '/w/subset-10-10', rules: 1 },
    { id: 'load-rules', data: '/w/empty-template.yaml', rules: 2 },
    { id: 'W2-r10', data: 'templates/acft__ECS__ECS_Schedule_Example.yaml', rules: 10 },
  ] as const)('$id reads $data with $rules -r', ({ id, data, rules }) => {
    const args = workloadSpec(id, fakeInputs).args;
    expect(args[args.indexOf('-d') + 1]).toBe(data);
    expect(args.filter((a) => a === '-r')).toHaveLength(rules);
  });

  test('W6 is the test command and takes no output options', () => {
    const spec = workloadSpec('W6', fakeInputs);
    expect(spec.command).toBe('test');
    expect(commandArgs(spec, 'structured')).toEqual(['test', '-d', 'rules/registry']);
  });
});
