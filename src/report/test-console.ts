/**
 * The `test` command's console text (TEST-05). The command prints a case in
 * three steps, so the verbose tree can go in between as in the reference:
 * header, then the "No Test expectation" lines, then (after `-v`'s tree) the
 * FAIL and PASS sections and a blank line.
 */
import type { RuleVerdict } from './test-types.js';

/** `Test Case #<n>` and, when the spec has one, `Name: <name>`. */
export function formatCaseHeader(counter: number, name: string | undefined): string {
  return name === undefined ? `Test Case #${counter}\n` : `Test Case #${counter}\nName: ${name}\n`;
}

export function formatUnsetLine(rule: string): string {
  return `  No Test expectation was set for Rule ${rule}\n`;
}

/** `[FAIL, SKIP]`: Rust's Debug form of a list of statuses. */
export function formatStatusList(statuses: readonly string[]): string {
  return `[${statuses.join(', ')}]`;
}

/**
 * `  FAIL Rules:` then `  PASS Rules:` (the reference sorts the two section
 * names), each item on its own line, then the blank line ending the case.
 */
export function formatCaseSections(verdicts: readonly RuleVerdict[]): string {
  const fail: string[] = [];
  const pass: string[] = [];
  for (const v of verdicts) {
    if (v.kind === 'passed') pass.push(`    ${v.rule}: Expected = ${v.evaluated}\n`);
    else if (v.kind === 'failed') {
      fail.push(
        `    ${v.rule}: Expected = ${v.expected}, Evaluated = ${formatStatusList(v.evaluated)}\n`,
      );
    }
  }
  let out = '';
  if (fail.length > 0) out += `  FAIL Rules:\n${fail.join('')}`;
  if (pass.length > 0) out += `  PASS Rules:\n${pass.join('')}`;
  return `${out}\n`;
}
