/**
 * Which corpus cases run in `npm test`. A case runs when its name starts with
 * an enabled prefix, when it is listed on its own (argument errors of areas
 * whose command bodies are not written yet: they only exercise the CLI
 * parser), or when it is a non-structured `validate` case of a validate area
 * (decided from its cmd line, so new cases are picked up without listing them).
 * Within what is enabled, every case must pass or be in known-divergences.ts.
 *
 * Nothing is pending: every case of the corpus runs.
 */

export const ENABLED_PREFIXES: readonly string[] = [
  'pt-',
  'repo-pt-',
  'cli-',
  // the test, rulegen and completions commands (issue 5)
  'test-',
  'repo-test-',
  'repo-ex-',
  'rg-',
  'repo-rulegen-',
  'comp-',
];

/** Areas whose `validate` (issues 3, 4) and `test` (issue 5) cases run. */
export const VALIDATE_AREAS: readonly string[] = [
  'dsl-',
  'err-',
  'fmt-',
  'in-',
  'seed-',
  'ct-',
  'repo-validate-',
  'repo-assets-',
];

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

/**
 * A `validate` command line that asks for a structured report: `--structured`
 * or `-z` (alone or in a short-flag cluster), or a junit/sarif output format.
 */
export function isStructuredValidate(words: readonly string[]): boolean {
  return words.some(
    (w) =>
      w === '--structured' ||
      /^-[a-zA-Z]*z/.test(w) ||
      w === 'junit' ||
      w === 'sarif' ||
      /^--output-format=(junit|sarif)$/.test(w),
  );
}

function isCommandOfArea(cmd: string): boolean {
  const words = cmd.split(/\s+/);
  return words[0] === 'cfn-guard' && ['validate', 'test', 'parse-tree'].includes(words[1] ?? '');
}

export function isEnabled(name: string, cmd: string): boolean {
  return (
    ENABLED_CASES.includes(name) ||
    ENABLED_PREFIXES.some((p) => name.startsWith(p)) ||
    (VALIDATE_AREAS.some((p) => name.startsWith(p)) && isCommandOfArea(cmd))
  );
}
