/**
 * DSL-02: the implicit rule of a file is recorded under its file's name,
 * `<prefix>/default` (validate: the rules file name; test: the path given or
 * the file stem), while an explicit `rule default { … }` keeps its bare name.
 */
import type { RulesFile } from '../syntax/ast.js';

export function withDefaultRulePrefix(file: RulesFile, prefix: string): RulesFile {
  const [first, ...rest] = file.rules;
  if (first === undefined || !first.implicit) return file;
  return { ...file, rules: [{ ...first, name: `${prefix}/default` }, ...rest] };
}
