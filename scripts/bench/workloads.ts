/**
 * The named workloads of the bench folder's workloads.md, as data. Paths are
 * relative to the bench folder (every run has it as working directory, so the
 * file names inside both reports are the same); generated inputs are asked
 * for through `Inputs`, which makes them on demand.
 */

export const MAIN_WORKLOADS = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6'] as const;
export const SCALE_WORKLOADS = [
  'W3-10',
  'W3-25',
  'W3-50',
  'W2-r10',
  'W2-r50',
  'W4-0.5mb',
  'W5-0.5mb',
  'W5-5mb',
  'load-rules',
] as const;
/** What docs/performance.md records: quick enough for a routine session. */
export const ROUTINE_WORKLOADS = ['W1', 'W2', 'W3-10', 'W4-0.5mb'] as const;

export type WorkloadId = (typeof MAIN_WORKLOADS)[number] | (typeof SCALE_WORKLOADS)[number];
export type LargeSize = '0.5MB' | '5MB' | '50MB';

const ALL: readonly string[] = [...MAIN_WORKLOADS, ...SCALE_WORKLOADS];

export function isWorkloadId(s: string): s is WorkloadId {
  return ALL.includes(s);
}

/** Expands group names (main, scale, routine, all) and checks every id; keeps first-seen order. */
export function expandWorkloads(names: readonly string[]): WorkloadId[] {
  const out: WorkloadId[] = [];
  const add = (id: string): void => {
    if (!isWorkloadId(id)) throw new Error(`unknown workload "${id}" (known: ${ALL.join(', ')})`);
    if (!out.includes(id)) out.push(id);
  };
  for (const n of names) {
    if (n === 'main') MAIN_WORKLOADS.forEach(add);
    else if (n === 'scale') SCALE_WORKLOADS.forEach(add);
    else if (n === 'routine') ROUTINE_WORKLOADS.forEach(add);
    else if (n === 'all') [...MAIN_WORKLOADS, ...SCALE_WORKLOADS].forEach(add);
    else add(n);
  }
  return out;
}

/** Generated inputs; each method returns a path (absolute or bench-relative). */
export interface Inputs {
  /** Every k-th template of the C-sorted list, copied into a folder. */
  subset(name: string, every: number): string;
  large(size: LargeSize): string;
  /** A template whose only content is `Resources: {}`. */
  empty(): string;
  /** All rule files, bench-relative, C-sorted. */
  allRules(): readonly string[];
}

export interface WorkloadSpec {
  readonly id: WorkloadId;
  /** `validate` runs take the output options; `test` runs print text. */
  readonly command: 'validate' | 'test';
  /** Arguments after the program, without the output options. */
  readonly args: readonly string[];
  /** Runs long enough that a warm-up run is not worth it by default. */
  readonly long: boolean;
}

const W1_TEMPLATE = 'templates/acft__S3__s3-bucket-and-policy-for-caa-v1.yaml';
const W1_RULE = 'rules/registry/amazon_s3/s3_bucket_public_rw_acl.guard';
const W2_TEMPLATE = 'templates/acft__ECS__ECS_Schedule_Example.yaml';
const ALL_RULE_DIRS = ['-r', 'rules/control-tower', '-r', 'rules/registry'];
const HANDFUL = [
  'rules/registry/amazon_s3/s3_bucket_server_side_encryption_enabled.guard',
  'rules/registry/iam/iam_no_inline_policy_check.guard',
  'rules/registry/amazon_ec2/ec2_security_group_ingress_open_to_world_rule.guard',
  'rules/registry/lambda/lambda_inside_vpc.guard',
  'rules/control-tower/s3/ct-s3-pr-1.guard',
];

/** C-locale order (code units), as `LC_ALL=C sort` gives. */
export function cSort(items: readonly string[]): string[] {
  return [...items].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** N entries spread over a sorted list: indices floor(i * total / n), i = 0..n-1. */
export function spreadPick<T>(sorted: readonly T[], n: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) {
    const item = sorted[Math.floor((i * sorted.length) / n)];
    if (item !== undefined) out.push(item);
  }
  return out;
}

/** Every k-th entry (index % k == 0) of a list already in C order. */
export function everyKth<T>(sorted: readonly T[], k: number): T[] {
  return sorted.filter((_, i) => i % k === 0);
}

function validate(id: WorkloadId, args: string[], long: boolean): WorkloadSpec {
  return { id, command: 'validate', args: ['validate', ...args], long };
}

export function workloadSpec(id: WorkloadId, inputs: Inputs): WorkloadSpec {
  switch (id) {
    case 'W1':
      return validate(id, ['-r', W1_RULE, '-d', W1_TEMPLATE], false);
    case 'W2':
      return validate(id, [...ALL_RULE_DIRS, '-d', W2_TEMPLATE], false);
    case 'W3':
      return validate(id, ['-r', 'rules/control-tower', '-d', 'templates'], true);
    case 'W3-10':
      return validate(id, ['-r', 'rules/control-tower', '-d', inputs.subset('10', 10)], true);
    case 'W3-25':
      return validate(id, ['-r', 'rules/control-tower', '-d', inputs.subset('25', 4)], true);
    case 'W3-50':
      return validate(id, ['-r', 'rules/control-tower', '-d', inputs.subset('50', 2)], true);
    case 'W2-r10':
    case 'W2-r50': {
      const n = id === 'W2-r10' ? 10 : 50;
      const rules = spreadPick(inputs.allRules(), n).flatMap((r) => ['-r', r]);
      return validate(id, [...rules, '-d', W2_TEMPLATE], false);
    }
    case 'load-rules':
      return validate(id, [...ALL_RULE_DIRS, '-d', inputs.empty()], false);
    case 'W4':
      return validate(id, [...ALL_RULE_DIRS, '-d', inputs.large('5MB')], true);
    case 'W4-0.5mb':
      return validate(id, [...ALL_RULE_DIRS, '-d', inputs.large('0.5MB')], true);
    case 'W5':
    case 'W5-0.5mb':
    case 'W5-5mb': {
      const size: LargeSize = id === 'W5' ? '50MB' : id === 'W5-5mb' ? '5MB' : '0.5MB';
      const rules = HANDFUL.flatMap((r) => ['-r', r]);
      return validate(id, [...rules, '-d', inputs.large(size)], id !== 'W5-0.5mb');
    }
    case 'W6':
      return { id, command: 'test', args: ['test', '-d', 'rules/registry'], long: false };
    default: {
      const never: never = id;
      throw new Error(`unhandled workload ${String(never)}`);
    }
  }
}

/** Output options per comparison mode (see bench.ts: `structured` is the target). */
export type OutputMode = 'structured' | 'json';

export function outputOptions(mode: OutputMode): readonly string[] {
  return mode === 'structured' ? ['-z', '-o', 'json', '-S', 'none'] : ['-o', 'json', '-S', 'none'];
}

/** Full argument list of a workload for one mode. */
export function commandArgs(spec: WorkloadSpec, mode: OutputMode): string[] {
  return spec.command === 'validate' ? [...spec.args, ...outputOptions(mode)] : [...spec.args];
}
