/** Markdown rendering of a bench session. Pure: everything it prints is passed in. */
import { describeVerdict, type Verdict } from './compare.js';
import { formatMiB, formatRatio, formatSeconds, formatWall, ratio, type Summary } from './stats.js';

export interface WorkloadResult {
  readonly id: string;
  readonly tsguard: Summary;
  readonly reference: Summary;
  /** The reference with `-z -o json -S none`, when the session compared another output. */
  readonly referenceStructured?: Summary;
  readonly verdict: Verdict;
  readonly stdoutBytes: { readonly tsguard: number; readonly reference: number };
  /** The command line after the program name, for the record. */
  readonly commandLine: string;
}

export interface SessionInfo {
  readonly date: string;
  readonly machine: string;
  readonly node: string;
  readonly mode: string;
  readonly runs: number;
  readonly loadAverage: string;
  readonly timing: string;
}

function exits(s: Summary): string {
  return s.exits.join(',');
}

/** Exit codes agree when both sides saw exactly one and the same code. */
export function exitsAgree(a: Summary, b: Summary): boolean {
  return a.exits.length === 1 && b.exits.length === 1 && a.exits[0] === b.exits[0];
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function renderReport(
  info: SessionInfo,
  results: readonly WorkloadResult[],
  startup: Summary | undefined,
): string {
  const lines: string[] = [];
  lines.push(`Bench session ${info.date}: ${info.machine}; ${info.node}.`);
  lines.push(
    `Output compared: ${info.mode}. ${info.runs} counted run(s) per side, tsguard and reference interleaved. ` +
      `Load average at start: ${info.loadAverage}. Timing: ${info.timing}.`,
  );
  lines.push('');
  lines.push(
    'Ratios are reference / tsguard: above 1 tsguard is faster or smaller, below 1 it is slower or larger.',
  );
  lines.push('');
  lines.push(
    row([
      'workload',
      'tsguard wall median (min-max)',
      'reference wall median (min-max)',
      'wall ref/ts',
      'tsguard CPU',
      'reference CPU',
      'CPU ref/ts',
      'tsguard peak RSS',
      'reference peak RSS',
      'RSS ref/ts',
      'exit ts / ref',
      'same answer?',
    ]),
  );
  lines.push(row(Array.from({ length: 12 }, () => '---')));
  for (const r of results) {
    const t = r.tsguard;
    const f = r.reference;
    const exitCell = `${exits(t)} / ${exits(f)}${exitsAgree(t, f) ? '' : ' MISMATCH'}`;
    lines.push(
      row([
        r.id,
        formatWall(t),
        formatWall(f),
        formatRatio(ratio(f.wallMedianS, t.wallMedianS)),
        formatSeconds(t.cpuMedianS),
        formatSeconds(f.cpuMedianS),
        formatRatio(ratio(f.cpuMedianS, t.cpuMedianS)),
        formatMiB(t.rssMedianMiB),
        formatMiB(f.rssMedianMiB),
        formatRatio(ratio(f.rssMedianMiB, t.rssMedianMiB)),
        exitCell,
        describeVerdict(r.verdict),
      ]),
    );
    if (r.id === 'W1' && startup !== undefined) {
      lines.push(
        row([
          '`node -e 0` (bare start-up)',
          formatWall(startup),
          '',
          '',
          formatSeconds(startup.cpuMedianS),
          '',
          '',
          formatMiB(startup.rssMedianMiB),
          '',
          '',
          exits(startup),
          '',
        ]),
      );
    }
  }
  lines.push('');
  lines.push('Commands (run in the bench folder; GUARD is `node bin/tsguard.js` or `cfn-guard`):');
  lines.push('');
  for (const r of results) {
    lines.push(
      `* ${r.id}: \`GUARD ${r.commandLine}\` (stdout ${r.stdoutBytes.tsguard.toLocaleString('en-US')} B tsguard, ` +
        `${r.stdoutBytes.reference.toLocaleString('en-US')} B reference)`,
    );
  }
  const withZ = results.filter((r) => r.referenceStructured !== undefined);
  if (withZ.length > 0) {
    lines.push('');
    lines.push(
      'For context, the reference with its structured reporter (`-z -o json -S none`, the target output), timed in the same interleaved runs:',
    );
    lines.push('');
    lines.push(
      row([
        'workload',
        'reference -z wall',
        'reference -z CPU',
        'CPU ref -z / tsguard',
        'reference -z peak RSS',
        'exit',
      ]),
    );
    lines.push(row(Array.from({ length: 6 }, () => '---')));
    for (const r of withZ) {
      const z = r.referenceStructured as Summary;
      lines.push(
        row([
          r.id,
          formatWall(z),
          formatSeconds(z.cpuMedianS),
          formatRatio(ratio(z.cpuMedianS, r.tsguard.cpuMedianS)),
          formatMiB(z.rssMedianMiB),
          exits(z),
        ]),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
