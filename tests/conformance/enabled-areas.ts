/**
 * Which corpus cases run in `npm test`. A case runs when its name starts with
 * an enabled prefix or is listed on its own (argument errors of areas whose
 * command bodies are not written yet: they only exercise the CLI parser).
 * Within what is enabled, every case must pass or be in known-divergences.ts.
 *
 * Pending areas (enable the prefix when the work lands):
 *   fmt-, in-, seed-, ct-, repo-validate-, repo-ex-, repo-assets-  → the validate command and reporters
 *   test-, repo-test-                                               → the test command
 *   rg-, repo-rulegen-                                              → the rulegen command
 *   comp-                                                           → the completions command (CMP-01)
 *   dsl-, err-                                                      → evaluation, data loading, error texts (via validate)
 */

export const ENABLED_PREFIXES: readonly string[] = ['pt-', 'repo-pt-', 'cli-'];

/** Argument-parsing cases of otherwise pending areas (CLI-02, exit 2, and the `test -r` crash case). */
export const ENABLED_CASES: readonly string[] = [
  'comp-invalid-shell',
  'comp-missing-shell',
  'fmt-structured-print-json',
  'fmt-structured-verbose',
  'fmt-type-invalid',
  'in-alphabetical-and-last-modified',
  'in-no-rules-no-payload',
  'in-payload-with-rules-conflict',
  'rg-no-args',
  'test-alpha-and-last-modified',
  'test-no-args',
  'test-rules-only',
];

export function isEnabled(name: string): boolean {
  return ENABLED_CASES.includes(name) || ENABLED_PREFIXES.some((p) => name.startsWith(p));
}
