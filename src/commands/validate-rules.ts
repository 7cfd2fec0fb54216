/**
 * Rules files as validate uses them: parsed once, prepared for evaluation,
 * and evaluated against one document at a time. Shared by the sequential
 * runners (validate.ts, validate-structured.ts) and the data-file shards that
 * run on worker threads (validate-shard.ts), so both paths print the same.
 */

import type { Value } from '../data/value.js';
import { withDefaultRulePrefix } from '../eval/default-rule.js';
import { evaluatePrepared } from '../eval/evaluate.js';
import { type PreparedRules, prepareRules } from '../eval/prepared-rules.js';
import type { FileResult } from '../eval/result.js';
import { parseRulesFile } from '../syntax/parser.js';

/** A rules file that parsed (or was empty), ready to run against every document. */
export interface ParsedRules {
  readonly name: string;
  /** Undefined for an empty or comments-only file: nothing to evaluate (CLI-VAL-13). */
  readonly prepared: PreparedRules | undefined;
}

export type ParseResult = { ok: true; rules: ParsedRules } | { ok: false; message: string };

/**
 * Parses and prepares one rules file. A syntax error is a result (ERR-01);
 * `prepareRules` may still throw a GuardError (e.g. an unknown function),
 * which the callers treat as a hard error at this rules file's turn.
 */
export function parseRules(source: { name: string; text: string }): ParseResult {
  const parsed = parseRulesFile(source.text, source.name);
  if (!parsed.ok) {
    const inner = parsed.error.compat ?? parsed.error.message;
    return { ok: false, message: `Parser Error when parsing \`${inner}\`` };
  }
  // DSL-02: validate records the implicit rule as `<rules file>/default`; the
  // reports show it so (`"compliant": ["r.guard/default"]`, `Rule = r.guard/default`),
  // while an explicit `rule default { … }` keeps its bare name.
  const prepared =
    parsed.file === null
      ? undefined
      : prepareRules(withDefaultRulePrefix(parsed.file, source.name));
  return { ok: true, rules: { name: source.name, prepared } };
}

/** ERR-01: a rules file that does not parse is reported and the run goes on. */
export function parseErrorText(name: string, message: string): string {
  return `Parsing error handling rule file = ${name}, Error = ${message}\n---\n`;
}

/** Non-structured validate's text for a rules file it cannot read (CLI-VAL-13). */
export function unreadableRulesText(readError: string | undefined): string {
  return `Unable read content from file ${readError ?? ''}\n`;
}

/** Evaluates a parsed rules file against one document; undefined for an empty rules file. */
export function evaluateParsed(
  rules: ParsedRules,
  root: Value,
  dataName: string,
): FileResult | undefined {
  if (rules.prepared === undefined) return undefined;
  return evaluatePrepared(rules.prepared, root, {
    rulesFileName: rules.name,
    dataFileName: dataName,
  });
}
