/**
 * Reading a test-spec file (TEST-02): a YAML list of `{name?, input,
 * expectations: {rules: {<rule>: <status>}}}`. The YAML route uses the
 * standard loader (YAML-08: serde_yaml typing, aliases, short-form tags in
 * inputs); when the file is not a list of such entries, the JSON route runs
 * and its error is the one reported, as in the reference.
 */

import { loadStandardDocument } from '../data/load-standard.js';
import { rebaseValue } from '../data/rebase.js';
import { plainScalarText } from '../data/standard-values.js';
import type { MapValue, Value } from '../data/value.js';
import { isGuardError } from '../diag/errors.js';
import { parseSpecJson } from './test-spec-json.js';
import type { SpecParse, TestSpec } from './test-spec-types.js';

export type { SpecParse, TestSpec } from './test-spec-types.js';

/** No document at all (blank, comments, bare `---`): serde_yaml reads that as an empty list. */
function hasNoDocument(text: string): boolean {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n|\r/)
    .every((line) => /^\s*(#.*)?$/.test(line) || /^(---|\.\.\.)\s*(#.*)?$/.test(line));
}

/**
 * serde_yaml deserializes a `String` from any scalar by its text (`name: 5`
 * → "5", `name: 1.50` → "1.50", `name: True` → "True"); null, lists and maps
 * do not fit; a tag does not matter (`!Ref x` → "x"). The standard loader
 * keeps the text where the Value does not show it (plainScalarText).
 */
function scalarText(v: Value): string | undefined {
  return plainScalarText(v) ?? (v.kind === 'string' ? v.value : undefined);
}

/** One list entry as a TestSpec, or `undefined` when it does not have the shape. */
function toSpec(entry: Value): TestSpec | undefined {
  if (entry.kind !== 'map') return undefined;
  const nameValue = entry.entries.get('name');
  let name: string | undefined;
  if (nameValue !== undefined && nameValue.kind !== 'null') {
    name = scalarText(nameValue);
    if (name === undefined) return undefined;
  }
  const input = entry.entries.get('input');
  const expectations = entry.entries.get('expectations');
  if (input === undefined || expectations?.kind !== 'map') return undefined;
  const rules = expectations.entries.get('rules');
  if (rules?.kind !== 'map') return undefined;
  const statuses = readStatuses(rules);
  if (statuses === undefined) return undefined;
  return { name, input: rebaseValue(input), expectations: statuses };
}

function readStatuses(rules: MapValue): Map<string, string> | undefined {
  const out = new Map<string, string>();
  for (const [rule, status] of rules.entries) {
    const text = scalarText(status);
    if (text === undefined) return undefined;
    out.set(rule, text);
  }
  return out;
}

const LIMIT_CODES: ReadonlySet<string> = new Set([
  'DATA_ALIAS_LIMIT',
  'DATA_TOO_DEEP',
  'DATA_TOO_LARGE',
]);

function parseSpecYaml(text: string, fileName: string): TestSpec[] | undefined {
  let root: Value;
  try {
    root = loadStandardDocument(text, fileName);
  } catch (e) {
    // An exhausted limit (alias bomb, nesting, size) is reported as itself:
    // falling back to the JSON reader would bury it under a syntax error.
    if (isGuardError(e) && !LIMIT_CODES.has(e.code)) return undefined;
    throw e;
  }
  if (root.kind === 'null' && hasNoDocument(text)) return [];
  if (root.kind !== 'list') return undefined;
  const specs: TestSpec[] = [];
  for (const entry of root.items) {
    const spec = toSpec(entry);
    if (spec === undefined) return undefined;
    specs.push(spec);
  }
  return specs;
}

/** TEST-02: YAML first, then JSON; `message` carries the JSON reader's error. */
export function parseTestSpecs(text: string, fileName: string): SpecParse {
  const specs = parseSpecYaml(text, fileName);
  if (specs !== undefined) return { ok: true, specs };
  return parseSpecJson(text);
}
