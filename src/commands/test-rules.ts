/**
 * Reading and preparing the rules file under test. Unlike validate, the test
 * command keeps the file prefix on the implicit default rule (DSL-02):
 * `sub/x.guard/default` in single-file mode, `x/default` in directory mode,
 * in expectations, console lines and the `-v` tree alike.
 */
import { withDefaultRulePrefix } from '../eval/default-rule.js';
import { type PreparedRules, prepareRules } from '../eval/prepared-rules.js';
import { parseRulesFile } from '../syntax/parser.js';

export type RulesLoad =
  | { readonly kind: 'ok'; readonly prepared: PreparedRules }
  /** Empty file (or only comments): nothing to test, nothing printed. */
  | { readonly kind: 'empty' }
  /** The reference's error Display: `Parser Error when parsing \`…\``. */
  | { readonly kind: 'error'; readonly text: string };

/** Parses `text` under `fileName` (which also prefixes the default rule) and prepares it. */
export function loadTestRules(text: string, fileName: string): RulesLoad {
  const parsed = parseRulesFile(text, fileName);
  if (!parsed.ok) {
    const inner = parsed.error.compat ?? parsed.error.message;
    return { kind: 'error', text: `Parser Error when parsing \`${inner}\`` };
  }
  if (parsed.file === null) return { kind: 'empty' };
  return { kind: 'ok', prepared: prepareRules(withDefaultRulePrefix(parsed.file, fileName)) };
}
