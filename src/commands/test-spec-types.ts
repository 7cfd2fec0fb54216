/**
 * One test case of a test-spec file (TEST-02), as both spec readers (the
 * YAML route in test-spec.ts, the JSON fallback in test-spec-json.ts) build it.
 */
import type { Value } from '../data/value.js';

export interface TestSpec {
  /** `name:`; `undefined` when absent or null (then no `Name:` line is printed). */
  readonly name: string | undefined;
  /** `input:` as a document of its own: paths start at the root (`/Resources/...`). */
  readonly input: Value;
  /**
   * `expectations.rules` in file order, statuses as written. They are only
   * checked against PASS/FAIL/SKIP when a rule of that name is evaluated
   * (TEST-02: `Status code is incorrect <value>` comes after the case header).
   */
  readonly expectations: ReadonlyMap<string, string>;
}

export type SpecParse =
  | { readonly ok: true; readonly specs: readonly TestSpec[] }
  /** `message` is the serde_json error text (`missing field \`input\` at line 1 column 3`). */
  | { readonly ok: false; readonly message: string };
