/**
 * Reading and preparing the rules file under test. Unlike validate, the test
 * command keeps the file prefix on the implicit default rule (DSL-02):
 * `sub/x.guard/default` in single-file mode, `x/default` in directory mode,
 * in expectations, console lines and the `-v` tree alike.
 */
import { type PreparedRules, prepareRules } from '../eval/evaluate.js';
import type { RulesFile } from '../syntax/ast.js';
import { parseRulesFile } from '../syntax/parser.js';

export type RulesLoad =
  | { readonly kind: 'ok'; readonly prepared: PreparedRules }
  /** Empty file (or only comments): nothing to test, nothing printed. */
  | { readonly kind: 'empty' }
  /** The reference's error Display: `Parser Error when parsing \`…\``. */
  | { readonly kind: 'error'; readonly text: string };

/**
 * The parser names the implicit rule `default` and puts it first. An
 * explicit `rule default { … }` has the same name; its span starts at the
 * name, right after the `rule` keyword, while the implicit rule's span
 * starts at the file's first item.
 */
function isImplicitDefault(file: RulesFile, text: string): boolean {
  const first = file.rules[0];
  if (first === undefined || first.name !== 'default') return false;
  const start = first.span.start;
  const isExplicit =
    text.startsWith('default', start) &&
    /\brule\s+$/.test(text.slice(Math.max(0, start - 64), start));
  return !isExplicit;
}

export function withDefaultRulePrefix(file: RulesFile, text: string, prefix: string): RulesFile {
  if (!isImplicitDefault(file, text)) return file;
  const [first, ...rest] = file.rules;
  if (first === undefined) return file;
  return { ...file, rules: [{ ...first, name: `${prefix}/default` }, ...rest] };
}

/** Parses `text` under `fileName` (which also prefixes the default rule) and prepares it. */
export function loadTestRules(text: string, fileName: string): RulesLoad {
  const parsed = parseRulesFile(text, fileName);
  if (!parsed.ok) {
    const inner = parsed.error.compat ?? parsed.error.message;
    return { kind: 'error', text: `Parser Error when parsing \`${inner}\`` };
  }
  if (parsed.file === null) return { kind: 'empty' };
  return { kind: 'ok', prepared: prepareRules(withDefaultRulePrefix(parsed.file, text, fileName)) };
}
