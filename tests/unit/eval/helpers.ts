/**
 * Test-local helpers: parse-or-throw and run a rules file against JSON data,
 * so evaluator tests do not depend on the data loader.
 */
import { evaluateRulesFile } from '../../../src/eval/evaluate.js';
import type { FileResult } from '../../../src/eval/result.js';
import type { RulesFile } from '../../../src/syntax/ast.js';
import { parseRulesFile } from '../../../src/syntax/parser.js';
import { fromJson } from './values.js';

export { float, fromJson } from './values.js';

export function parse(text: string): RulesFile {
  const out = parseRulesFile(text, 'r.guard');
  if (!out.ok) throw out.error;
  if (!out.file) throw new Error('empty rules file');
  return out.file;
}

export function run(rules: string, data: unknown): FileResult {
  return evaluateRulesFile(parse(rules), fromJson(data), {
    rulesFileName: 'r.guard',
    dataFileName: 'd.yaml',
  });
}

/** `name:STATUS` for every evaluated rule, in order. */
export function statuses(rules: string, data: unknown): string {
  return run(rules, data)
    .rules.map((r) => `${r.name}:${r.status}`)
    .join(' ');
}
