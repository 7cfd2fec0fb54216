/**
 * Explicit resource limits for data loading. Each limit has its own error
 * code so a caller (and a test) can tell which one tripped:
 * - nesting depth → DATA_TOO_DEEP (the reference overflows its stack on very
 *   deep documents; tsguard refuses them before any recursion gets deep),
 * - input size → DATA_TOO_LARGE,
 * - YAML alias expansion (standard loader only) → DATA_ALIAS_LIMIT, so a
 *   "billion laughs" document fails fast instead of eating memory.
 */
import { GuardError } from '../diag/errors.js';

export interface DataLimits {
  /** Deepest allowed nesting of maps and lists (the root container is level 1). */
  readonly maxDepth: number;
  /** Largest accepted input, in UTF-16 code units of the decoded text. */
  readonly maxChars: number;
  /** Most values that alias expansion may create in one document. */
  readonly maxAliasNodes: number;
}

export const DEFAULT_LIMITS: DataLimits = {
  // Real templates nest about a dozen levels; 512 leaves wide headroom while
  // staying far from the JS stack limit of the recursive consumers.
  maxDepth: 512,
  // 512 MiB of text: large enough for any real template, small enough to fail
  // cleanly before the value tree exhausts the heap.
  maxChars: 512 * 1024 * 1024,
  maxAliasNodes: 1_000_000,
};

/** Merges caller overrides onto the defaults. */
export function resolveLimits(overrides: Partial<DataLimits> | undefined): DataLimits {
  return overrides === undefined ? DEFAULT_LIMITS : { ...DEFAULT_LIMITS, ...overrides };
}

export function checkSize(text: string, name: string, limits: DataLimits): void {
  if (text.length > limits.maxChars) {
    throw new GuardError(
      'DATA_TOO_LARGE',
      `${name}: data file is too large (${text.length} characters, limit ${limits.maxChars})`,
    );
  }
}

export function tooDeep(name: string, limits: DataLimits, line?: number, col?: number): GuardError {
  const where = line === undefined ? '' : ` at line ${line + 1}, column ${(col ?? 0) + 1}`;
  const message = `${name}: data nests deeper than ${limits.maxDepth} levels${where}`;
  return new GuardError(
    'DATA_TOO_DEEP',
    message,
    line === undefined ? {} : { position: { file: name, line: line + 1, column: (col ?? 0) + 1 } },
  );
}

export function aliasLimit(name: string, limits: DataLimits): GuardError {
  return new GuardError(
    'DATA_ALIAS_LIMIT',
    `${name}: YAML aliases expand to more than ${limits.maxAliasNodes} values; refusing to expand (possible alias bomb)`,
  );
}
