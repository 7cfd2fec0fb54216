/**
 * `--text-vs-json`: tsguard's default text reporter against tsguard's own
 * structured JSON run on the same `validate` workload (issue 6: "the default
 * text reporter on W4-0.5mb (-S none): at most the time of tsguard's own JSON
 * run x 1.5"). The reference is not run: its text reporter takes about 15
 * minutes a run on W4-0.5mb. Pure helpers (arguments, ratios, target,
 * stability, the markdown table); the runs themselves are in bench.ts.
 */
import { formatMiB, formatRatio, formatSeconds, formatWall, ratio, type Summary } from './stats.js';
import { commandArgs, type WorkloadSpec } from './workloads.js';

/** Issue 6's bound on text time / JSON time. */
export const TEXT_VS_JSON_TARGET = 1.5;

/** The default text reporter: the workload's arguments, `-S none`, no `-o` and no `-z`. */
export function textArgs(spec: WorkloadSpec): string[] {
  if (spec.command !== 'validate') {
    throw new Error(
      `--text-vs-json needs a validate workload; ${spec.id} runs \`${spec.command}\``,
    );
  }
  return [...spec.args, '-S', 'none'];
}

/** The usual structured JSON run, `-z -o json -S none`. */
export function jsonArgs(spec: WorkloadSpec): string[] {
  textArgs(spec); // same check
  return commandArgs(spec, 'structured');
}

/** Were the text reports of every run the same bytes? */
export type Stability =
  | { readonly kind: 'stable' }
  | { readonly kind: 'varies'; readonly distinct: number };

/** From the sha256 of each run's stdout (at least one). */
export function stabilityOf(hashes: readonly string[]): Stability {
  if (hashes.length === 0) throw new Error('no text outputs to compare');
  const distinct = new Set(hashes).size;
  return distinct === 1 ? { kind: 'stable' } : { kind: 'varies', distinct };
}

export function describeStability(s: Stability, runs: number): string {
  return s.kind === 'stable'
    ? `stable (${runs} run${runs === 1 ? '' : 's'})`
    : `varies (${s.distinct} different in ${runs} runs)`;
}

/** One figure's verdict: undefined when either side was not measured. */
export interface TargetCheck {
  readonly ratio: number | undefined;
  readonly met: boolean | undefined;
}

/** text / JSON against the bound; met when the ratio is at most the bound. */
export function checkTarget(
  text: number | undefined,
  json: number | undefined,
  bound: number = TEXT_VS_JSON_TARGET,
): TargetCheck {
  const r = ratio(text, json);
  return { ratio: r, met: r === undefined ? undefined : r <= bound };
}

function describeCheck(figure: string, c: TargetCheck): string {
  if (c.met === undefined) return `${figure} n/a`;
  return `${figure} ${c.met ? 'met' : 'not met'}`;
}

export interface TextVsJsonResult {
  readonly id: string;
  readonly text: Summary;
  readonly json: Summary;
  readonly stability: Stability;
  readonly stdoutBytes: { readonly text: number; readonly json: number };
  /** Command lines after the program name, for the record. */
  readonly textCommandLine: string;
  readonly jsonCommandLine: string;
}

/**
 * The target cell: CPU first (the steadier figure on a shared machine), then
 * wall, e.g. "CPU met, wall not met".
 */
export function describeTarget(r: TextVsJsonResult, bound: number = TEXT_VS_JSON_TARGET): string {
  const cpu = checkTarget(r.text.cpuMedianS, r.json.cpuMedianS, bound);
  const wall = checkTarget(r.text.wallMedianS, r.json.wallMedianS, bound);
  return `${describeCheck('CPU', cpu)}, ${describeCheck('wall', wall)}`;
}

/** Problems that make the session fail: text output not deterministic, exit codes not single or not equal. */
export function textVsJsonProblems(r: TextVsJsonResult): string[] {
  const out: string[] = [];
  if (r.stability.kind === 'varies') out.push(`${r.id}: text output varies between runs`);
  const t = r.text.exits;
  const j = r.json.exits;
  if (t.length !== 1 || j.length !== 1 || t[0] !== j[0]) {
    out.push(`${r.id}: exit codes text ${t.join(',')} / JSON ${j.join(',')}`);
  }
  return out;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

const HEADER = [
  'workload',
  'text wall median (min-max)',
  'JSON wall median (min-max)',
  'wall text/JSON',
  'text CPU',
  'JSON CPU',
  'CPU text/JSON',
  'text peak RSS',
  'JSON peak RSS',
  'exit text / JSON',
  `target text ≤ ${TEXT_VS_JSON_TARGET}x JSON`,
  'text output',
] as const;

export function renderTextVsJson(results: readonly TextVsJsonResult[], runs: number): string {
  const lines: string[] = [];
  lines.push(
    `tsguard's default text reporter (\`-S none\`, no \`-o\`/\`-z\`) against its own structured JSON run ` +
      `(\`-z -o json -S none\`): ${runs} counted run(s) each, text and JSON interleaved. ` +
      `Ratios are text / JSON (at most ${TEXT_VS_JSON_TARGET}: target met). ` +
      'Text output: sha256 of stdout compared across runs.',
  );
  lines.push('');
  lines.push(row(HEADER));
  lines.push(row(HEADER.map(() => '---')));
  for (const r of results) {
    const t = r.text;
    const j = r.json;
    lines.push(
      row([
        r.id,
        formatWall(t),
        formatWall(j),
        formatRatio(ratio(t.wallMedianS, j.wallMedianS)),
        formatSeconds(t.cpuMedianS),
        formatSeconds(j.cpuMedianS),
        formatRatio(ratio(t.cpuMedianS, j.cpuMedianS)),
        formatMiB(t.rssMedianMiB),
        formatMiB(j.rssMedianMiB),
        `${t.exits.join(',')} / ${j.exits.join(',')}`,
        describeTarget(r),
        describeStability(r.stability, t.runs),
      ]),
    );
  }
  lines.push('');
  lines.push('Commands (run in the bench folder; GUARD is `node bin/tsguard.js`):');
  lines.push('');
  for (const r of results) {
    const b = (n: number): string => `${n.toLocaleString('en-US')} B`;
    lines.push(`* ${r.id} text: \`GUARD ${r.textCommandLine}\` (stdout ${b(r.stdoutBytes.text)})`);
    lines.push(`* ${r.id} JSON: \`GUARD ${r.jsonCommandLine}\` (stdout ${b(r.stdoutBytes.json)})`);
  }
  return `${lines.join('\n')}\n`;
}
