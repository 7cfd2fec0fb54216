/**
 * The once-per-rules-file preparation (DSL-14 indexing, literal cache): kept
 * apart from evaluation so commands can prepare a file once and evaluate it
 * against many documents, and so the evaluation env can name its type
 * without importing the entry point.
 */
import type { ParameterizedRule, Rule, RulesFile } from '../syntax/ast.js';
import { LiteralCache } from './literal.js';

/** A rules file ready to be evaluated against many documents. */
export interface PreparedRules {
  readonly file: RulesFile;
  readonly literals: LiteralCache;
  /** Rules by name in definition order; several when a name repeats (DSL-14). */
  readonly rulesByName: ReadonlyMap<string, readonly Rule[]>;
  readonly parameterizedRules: ReadonlyMap<string, ParameterizedRule>;
  /** The root record's context, `File(rules=N)`, written once per rules file. */
  readonly fileContext: string;
}

export function prepareRules(file: RulesFile): PreparedRules {
  const rulesByName = new Map<string, Rule[]>();
  for (const rule of file.rules) {
    const list = rulesByName.get(rule.name);
    if (list) list.push(rule);
    else rulesByName.set(rule.name, [rule]);
  }
  const parameterizedRules = new Map<string, ParameterizedRule>();
  for (const pr of file.parameterizedRules) parameterizedRules.set(pr.rule.name, pr);
  return {
    file,
    literals: new LiteralCache(),
    rulesByName,
    parameterizedRules,
    fileContext: `File(rules=${file.rules.length})`,
  };
}
