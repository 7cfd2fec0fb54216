/**
 * The summary table printed before each report in non-structured validate
 * (OUT-SUM-01/02):
 *
 *   /abs/data.yaml Status = FAIL
 *   SKIP rules
 *   r.guard/maybe        SKIP
 *   PASS rules
 *   r.guard/ok           PASS
 *   FAILED rules
 *   r.guard/broken       FAIL
 *   ---
 */
import type { EventRecord, FileResult } from '../eval/result.js';
import type { Status } from '../eval/status.js';
import { plainStyle, type SummaryContext } from './types.js';

/**
 * The rule name shown after `<rules file>/`: default rules are recorded as
 * `<rules file>/default` and lose that prefix here (`r.guard/default`, not
 * `r.guard/r.guard/default`).
 */
export function displayRuleName(rulesFileName: string, ruleName: string): string {
  const prefix = `${rulesFileName}/`;
  return ruleName.startsWith(prefix) ? ruleName.slice(prefix.length) : ruleName;
}

/** Top-level rule statuses in evaluation order, read from the record tree (not re-evaluated). */
export function topLevelRules(tree: EventRecord): { name: string; status: Status }[] {
  const out: { name: string; status: Status }[] = [];
  for (const child of tree.children) {
    const record = child.record;
    if (record !== null && record.kind === 'RuleCheck')
      out.push({ name: record.name, status: record.status });
  }
  return out;
}

/** Rust's `{:<width$}`: pad with spaces on the right, counting characters. */
export function padRight(text: string, width: number): string {
  const length = [...text].length;
  return length >= width ? text : text + ' '.repeat(width - length);
}

/**
 * The table, or `""` when no selected section has a rule. Each status keeps
 * the first position of a name (an insertion-ordered map in the reference);
 * a SKIP entry is dropped when the same name also passed or failed.
 */
export function formatSummaryTable(result: FileResult, ctx: SummaryContext): string {
  const style = ctx.style ?? plainStyle;
  const passed = new Set<string>();
  const failed = new Set<string>();
  const skipped = new Set<string>();
  let longest = 0;
  for (const rule of topLevelRules(result.tree)) {
    if (rule.status === 'PASS') passed.add(rule.name);
    else if (rule.status === 'FAIL') failed.add(rule.name);
    else skipped.add(rule.name);
    longest = Math.max(longest, [...displayRuleName(ctx.rulesFileName, rule.name)].length);
  }
  for (const name of skipped) if (passed.has(name) || failed.has(name)) skipped.delete(name);

  const lines: string[] = [];
  const section = (title: string, names: ReadonlySet<string>, status: Status): void => {
    if (lines.length === 0)
      lines.push(`${ctx.dataFileName} Status = ${style.status(result.status)}`);
    lines.push(style.bold(title));
    for (const name of names) {
      const shown = padRight(displayRuleName(ctx.rulesFileName, name), longest + 4);
      lines.push(`${ctx.rulesFileName}/${shown}${style.status(status)}`);
    }
  };
  if (ctx.showSummary.has('skip') && skipped.size > 0) section('SKIP rules', skipped, 'SKIP');
  if (ctx.showSummary.has('pass') && passed.size > 0) section('PASS rules', passed, 'PASS');
  if (ctx.showSummary.has('fail') && failed.size > 0) section('FAILED rules', failed, 'FAIL');
  if (lines.length === 0) return '';
  lines.push('---');
  return `${lines.join('\n')}\n`;
}
