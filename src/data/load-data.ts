/**
 * validate's data loader (DATA-01..08): every `validate` data file, stdin
 * data, payload data and `-i` file. JSON-looking documents go through a fast
 * hand-written JSON scanner, other documents through a fast block-YAML
 * scanner; both build exactly what the YAML route would build. Anything a
 * scanner does not accept goes through the full YAML route, so error texts
 * stay those of the YAML route.
 */
import { emptyDataError } from './data-errors.js';
import { checkControlCharacters } from './libyaml-reader.js';
import { checkSize, type DataLimits, resolveLimits } from './limits.js';
import { scanJsonDocument } from './load-json.js';
import { loadYamlDocument } from './load-yaml.js';
import { scanYamlDocument } from './load-yaml-fast.js';
import { VALIDATE_TYPING } from './tagged-values.js';
import type { Value } from './value.js';

export interface LoadOptions {
  readonly limits?: Partial<DataLimits>;
}

/**
 * Loads one data document the way `cfn-guard validate` does. `name` is the
 * file name used in error messages (the reference prints the canonical path).
 * Throws GuardError (`DATA_*`) on failure.
 */
export function loadDataDocument(text: string, name: string, options: LoadOptions = {}): Value {
  const limits = resolveLimits(options.limits);
  checkSize(text, name, limits);
  // DATA-02: whitespace only. (JS trim also drops a BOM, which the reference
  // turns into a panic; treating it as empty is the tsguard choice.)
  if (text.trim() === '') throw emptyDataError(name);
  if (looksLikeJson(text)) {
    checkControlCharacters(text, name);
    const v = scanJsonDocument(text, name, limits);
    if (v !== undefined) return v;
  } else {
    const v = scanYamlDocument(text, limits, VALIDATE_TYPING);
    if (v !== undefined) return v;
  }
  return loadYamlDocument(text, name, limits);
}

function looksLikeJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) return true; // { [
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0xfeff) return false;
  }
  return false;
}
