/** Command line of `npm run bench -- …`, parsed without touching the machine. */

export type ModeChoice = 'auto' | 'structured' | 'json';

export interface BenchOptions {
  readonly workloads: readonly string[];
  readonly runs: number;
  /** Uncounted runs per side first; undefined: 1 for short workloads, 0 for long ones. */
  readonly warmup: number | undefined;
  readonly out: string | undefined;
  /** Bench folder; undefined: ../shared/bench relative to the repository root. */
  readonly benchDir: string | undefined;
  /** Where generated inputs, outputs and the tsguard snapshot go; default bench-results/work. */
  readonly workDir: string | undefined;
  readonly mode: ModeChoice;
  readonly timeoutS: number | undefined;
  /** Copy dist/ and bin/ first, so that a rebuild during the session cannot mix versions. */
  readonly snapshot: boolean;
  /** Instead of timing: run tsguard once per workload under `node --cpu-prof` and list hot spots. */
  readonly profile: boolean;
  /**
   * `validate` workloads on which tsguard's text reporter is timed against
   * its own JSON run (no reference). Given alone, the normal workloads are
   * not run (workloads is then empty).
   */
  readonly textVsJson: readonly string[];
  readonly help: boolean;
}

export const USAGE = `usage: npm run bench -- [options]
  --workloads W1,W2,...  workloads or groups (main, scale, routine, all); default: routine
  --runs N               counted runs per side (default 3)
  --warmup N             uncounted runs per side first (default 1 for short workloads, 0 for long)
  --out FILE.md          also write the markdown report to FILE.md
  --bench-dir DIR        bench folder (default: ../shared/bench beside the repository)
  --work-dir DIR         generated inputs and outputs (default: bench-results/work)
  --mode M               auto | structured | json   (default auto: structured JSON
                         if tsguard supports it, else the non-structured -o json report)
  --timeout S            kill a run after S seconds
  --no-snapshot          run dist/ in place instead of a copy taken at the start
  --profile              no timing: run tsguard once per workload under node --cpu-prof
                         and print its hot spots (profiles kept in the work folder)
  --text-vs-json W4-0.5mb,...
                         also time tsguard's default text reporter (-S none) against
                         its own -z -o json run on these validate workloads (no
                         reference); alone, without --workloads, only that is run
  -h, --help`;

function workloadList(flag: string, v: string): string[] {
  const names = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) throw new Error(`${flag} needs at least one name`);
  return names;
}

function positiveInt(flag: string, v: string | undefined, min: number): number {
  const n = Number(v);
  if (v === undefined || !Number.isInteger(n) || n < min) {
    throw new Error(`${flag} needs an integer >= ${min}, got ${v ?? 'nothing'}`);
  }
  return n;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let workloads: string[] | undefined;
  let textVsJson: string[] = [];
  let runs = 3;
  let warmup: number | undefined;
  let out: string | undefined;
  let benchDir: string | undefined;
  let workDir: string | undefined;
  let mode: ModeChoice = 'auto';
  let timeoutS: number | undefined;
  let snapshot = true;
  let profile = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    // --flag=value is accepted as well as --flag value
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--workloads':
        workloads = workloadList(flag, value());
        break;
      case '--text-vs-json':
        textVsJson = workloadList(flag, value());
        break;
      case '--runs':
        runs = positiveInt(flag, value(), 1);
        break;
      case '--warmup':
        warmup = positiveInt(flag, value(), 0);
        break;
      case '--out':
        out = value();
        break;
      case '--bench-dir':
        benchDir = value();
        break;
      case '--work-dir':
        workDir = value();
        break;
      case '--mode': {
        const m = value();
        if (m !== 'auto' && m !== 'structured' && m !== 'json') {
          throw new Error(`--mode must be auto, structured or json, got ${m}`);
        }
        mode = m;
        break;
      }
      case '--timeout':
        timeoutS = positiveInt(flag, value(), 1);
        break;
      case '--no-snapshot':
        snapshot = false;
        break;
      case '--profile':
        profile = true;
        break;
      case '-h':
      case '--help':
        help = true;
        break;
      default:
        throw new Error(`unknown argument ${raw}`);
    }
  }
  if (profile && textVsJson.length > 0) {
    throw new Error('--profile and --text-vs-json do not go together');
  }
  return {
    // --text-vs-json alone runs only that comparison
    workloads: workloads ?? (textVsJson.length > 0 ? [] : ['routine']),
    runs,
    warmup,
    out,
    benchDir,
    workDir,
    mode,
    timeoutS,
    snapshot,
    profile,
    textVsJson,
    help,
  };
}
