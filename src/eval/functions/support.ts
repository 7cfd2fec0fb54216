/**
 * Shared plumbing for the built-in functions (FN-01): the reference's error
 * classes with their printed prefixes, value constructors that keep the
 * input's path and position, and argument extraction.
 */
import { formatValuePath } from '../../data/display.js';
import type { Value, ValueBase } from '../../data/value.js';
import { GuardError } from '../../diag/errors.js';
import type { QueryResult } from '../query-result.js';

/** A function's arguments: one result set per argument. */
export type FunctionArgs = readonly (readonly QueryResult[])[];

/** The reference's `ParseError`: printed as ``Parser Error when parsing `…` ``. */
export function parseError(text: string): GuardError {
  return new GuardError('EVAL_FUNCTION', text, { compat: `Parser Error when parsing \`${text}\`` });
}

/** The reference's `IncompatibleError`: ``Types or variable assignments are incompatible `…` ``. */
export function incompatibleError(text: string): GuardError {
  return new GuardError('EVAL_FUNCTION', text, {
    compat: `Types or variable assignments are incompatible \`${text}\``,
  });
}

/** The reference's `RegexError`: `Regex expression parse error for rules file …`. */
export function regexError(text: string): GuardError {
  return new GuardError('EVAL_FUNCTION', `invalid regular expression: ${text}`, {
    compat: `Regex expression parse error for rules file ${text}`,
  });
}

/** The reference's `YamlError`: `Error parsing incoming YAML context …`. */
export function yamlError(text: string, cause?: unknown): GuardError {
  return new GuardError('EVAL_FUNCTION', `json_parse: ${text}`, {
    compat: `Error parsing incoming YAML context ${text}`,
    cause,
  });
}

/** Where a value came from, copied onto a function result. */
export function origin(v: ValueBase): ValueBase {
  return { path: v.path, line: v.line, col: v.col };
}

/** The root position, for results that have no input (`now()`, `count` of nothing). */
export const ROOT: ValueBase = { path: '', line: 0, col: 0 };

export function stringAt(at: ValueBase, value: string): Value {
  return { kind: 'string', value, ...origin(at) };
}

export function intAt(at: ValueBase, value: number): Value {
  return { kind: 'int', value, ...origin(at) };
}

export function floatAt(at: ValueBase, value: number): Value {
  return { kind: 'float', value, ...origin(at) };
}

export function boolAt(at: ValueBase, value: boolean): Value {
  return { kind: 'bool', value, ...origin(at) };
}

export function charAt(at: ValueBase, value: string): Value {
  return { kind: 'char', value, ...origin(at) };
}

/** `path[L:x,C:y]` as the reference's error texts print a value's position. */
export const where = formatValuePath;

/**
 * Map over the resolved entries of the first argument (FN-01): unresolved
 * entries and entries the mapper returns `undefined` for are dropped.
 */
export function mapResolved(
  entries: readonly QueryResult[] | undefined,
  fn: (v: Value) => Value | undefined,
): Value[] {
  const out: Value[] = [];
  for (const entry of entries ?? []) {
    if (!entry.resolved) continue;
    const mapped = fn(entry.value);
    if (mapped !== undefined) out.push(mapped);
  }
  return out;
}

/**
 * The value the reference reads from an argument other than the first: its
 * first entry, when resolved. Missing or unresolved gives `undefined`.
 */
export function firstResolved(entries: readonly QueryResult[] | undefined): Value | undefined {
  const first = entries?.[0];
  return first?.resolved ? first.value : undefined;
}

/** The number of code points a string starts with at `index` (1 or 2 UTF-16 units). */
export function unitsAt(s: string, index: number): number {
  const cp = s.codePointAt(index);
  return cp !== undefined && cp > 0xffff ? 2 : 1;
}
