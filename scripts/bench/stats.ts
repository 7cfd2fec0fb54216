/**
 * Small statistics over repeated runs. Medians, not means: the bench machine
 * is shared and one disturbed run must not move the headline figure.
 */

/** One measured run of one command. */
export interface Sample {
  readonly wallS: number;
  /** user + sys CPU of the child, or undefined when no CPU accounting was possible. */
  readonly userS: number | undefined;
  readonly sysS: number | undefined;
  /** Peak resident set of the child, KiB (GNU time's %M), or undefined. */
  readonly maxRssKiB: number | undefined;
  readonly exit: number;
}

export interface Summary {
  readonly runs: number;
  readonly wallMedianS: number;
  readonly wallMinS: number;
  readonly wallMaxS: number;
  readonly cpuMedianS: number | undefined;
  readonly rssMedianMiB: number | undefined;
  /** Distinct exit codes seen, ascending. */
  readonly exits: readonly number[];
}

/** Median of a non-empty list; the mean of the two middle values for even lengths. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] as number;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] as number) + hi) / 2;
}

function definedOnly(values: readonly (number | undefined)[]): number[] | undefined {
  const out: number[] = [];
  for (const v of values) {
    // One run without accounting makes the whole column unknown, rather
    // than a median of a subset that would look complete.
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out.length > 0 ? out : undefined;
}

export function summarise(samples: readonly Sample[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarise');
  const walls = samples.map((s) => s.wallS);
  const cpus = definedOnly(
    samples.map((s) =>
      s.userS === undefined || s.sysS === undefined ? undefined : s.userS + s.sysS,
    ),
  );
  const rss = definedOnly(samples.map((s) => s.maxRssKiB));
  return {
    runs: samples.length,
    wallMedianS: median(walls),
    wallMinS: Math.min(...walls),
    wallMaxS: Math.max(...walls),
    cpuMedianS: cpus === undefined ? undefined : median(cpus),
    rssMedianMiB: rss === undefined ? undefined : median(rss) / 1024,
    exits: [...new Set(samples.map((s) => s.exit))].sort((a, b) => a - b),
  };
}

/**
 * reference / tsguard. Above 1: tsguard is faster (or smaller); below 1: the
 * reference is. Undefined when either side is unknown or the divisor is 0.
 */
export function ratio(
  reference: number | undefined,
  tsguard: number | undefined,
): number | undefined {
  if (reference === undefined || tsguard === undefined || tsguard <= 0) return undefined;
  return reference / tsguard;
}

/** Seconds with a precision that suits the magnitude (3 decimals below 10 s). */
export function formatSeconds(s: number | undefined): string {
  if (s === undefined) return 'n/a';
  if (s < 10) return `${s.toFixed(3)} s`;
  if (s < 100) return `${s.toFixed(2)} s`;
  return `${s.toFixed(1)} s`;
}

export function formatMiB(mib: number | undefined): string {
  return mib === undefined ? 'n/a' : `${mib.toFixed(1)} MiB`;
}

export function formatRatio(r: number | undefined): string {
  return r === undefined ? 'n/a' : `${r.toFixed(2)}x`;
}

/** "0.412 s (0.398-0.500)" for a summary's wall time. */
export function formatWall(s: Summary): string {
  if (s.runs === 1) return formatSeconds(s.wallMedianS);
  const lo = formatSeconds(s.wallMinS).replace(' s', '');
  const hi = formatSeconds(s.wallMaxS).replace(' s', '');
  return `${formatSeconds(s.wallMedianS)} (${lo}-${hi})`;
}
