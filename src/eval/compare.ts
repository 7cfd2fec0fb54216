/**
 * Value-level comparison primitives shared by the clause evaluator and the
 * functions: equality (OP-09, OP-19), ordering (OP-13), emptiness (OP-04)
 * and type tests. Clause-level shapes (list unwrapping, `in`, query-vs-query
 * sets) live in the evaluator; these functions only ever see two values.
 *
 * Comparability follows the reference exactly: there is no numeric
 * coercion (GOT-01: `1 == 1.0` is not comparable), a char never equals a
 * string (GOT-27), and a map/list comparison is not comparable as soon as
 * the first pair it reaches is (the reference propagates that error).
 */

import { formatValuePath, typeInfo } from '../data/display.js';
import { intValueBig, type RangeValue, type Value } from '../data/value.js';
import { GuardError } from '../diag/errors.js';
import { safeTest } from './regex-run.js';

export type Equality = 'equal' | 'notEqual' | 'notComparable';

/** Equality with the reason a pair was not comparable (the innermost pair for maps/lists). */
export interface EqualityOutcome {
  readonly result: Equality;
  /** Set when `result` is `notComparable`. */
  readonly reason?: string;
}

const EQUAL: EqualityOutcome = { result: 'equal' };
const NOT_EQUAL: EqualityOutcome = { result: 'notEqual' };

function notComparable(lhs: Value, rhs: Value): EqualityOutcome {
  return { result: 'notComparable', reason: scalarIncomparableReason(lhs, rhs) };
}

function scalarIncomparableReason(lhs: Value, rhs: Value): string {
  if (lhs.kind === 'float' && rhs.kind === 'float') return 'Float values are not comparable';
  return `PathAwareValues are not comparable ${typeInfo(lhs)}, ${typeInfo(rhs)}`;
}

/** Unanchored regex search (OP-18); a global/sticky regex must not carry state between calls. */
export function regexSearch(regex: RegExp, text: string): boolean {
  if (regex.global || regex.sticky) regex.lastIndex = 0;
  // safeTest runs risky patterns under a time budget instead of hanging.
  return safeTest(regex, text);
}

/**
 * Order two strings by Unicode code point, as Rust orders UTF-8 `str`s.
 * JS `<` compares UTF-16 units, which misorders astral characters against
 * U+E000..U+FFFF; the first differing unit is remapped to fix that.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fixup(x) - fixup(y);
  }
  return a.length - b.length;
}

function fixup(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

function sign(n: number): -1 | 0 | 1 {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

function compareNumbers(a: number, b: number): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The reference's scalar ordering: null/null, int/int, float/float,
 * string/string (code points) and char/char; everything else is not
 * comparable, as is a NaN.
 */
function orderScalars(lhs: Value, rhs: Value): -1 | 0 | 1 | undefined {
  if (lhs.kind === 'null' && rhs.kind === 'null') return 0;
  if (lhs.kind === 'int' && rhs.kind === 'int') {
    // Past 2^53 only the exact i64s tell neighbouring integers apart.
    if (lhs.exact !== undefined || rhs.exact !== undefined) {
      const a = intValueBig(lhs);
      const b = intValueBig(rhs);
      return a < b ? -1 : a > b ? 1 : 0;
    }
    return compareNumbers(lhs.value, rhs.value);
  }
  if (lhs.kind === 'float' && rhs.kind === 'float') {
    if (Number.isNaN(lhs.value) || Number.isNaN(rhs.value)) return undefined;
    return compareNumbers(lhs.value, rhs.value);
  }
  if (
    (lhs.kind === 'string' && rhs.kind === 'string') ||
    (lhs.kind === 'char' && rhs.kind === 'char')
  ) {
    return sign(compareCodePoints(lhs.value, rhs.value));
  }
  return undefined;
}

function withinRange(value: Value, range: RangeValue): boolean | undefined {
  let cmp: (a: number | string, b: number | string) => number;
  if (
    (value.kind === 'int' && range.rangeType === 'int') ||
    (value.kind === 'float' && range.rangeType === 'float')
  ) {
    cmp = (a, b) => compareNumbers(Number(a), Number(b));
  } else if (value.kind === 'char' && range.rangeType === 'char') {
    cmp = (a, b) => compareCodePoints(String(a), String(b));
  } else return undefined;
  const lower = cmp(value.value, range.lower);
  const upper = cmp(value.value, range.upper);
  const aboveLower = range.lowerInclusive ? lower >= 0 : lower > 0;
  const belowUpper = range.upperInclusive ? upper <= 0 : upper < 0;
  return aboveLower && belowUpper;
}

/**
 * OP-09 equality with its reason. Regex/string match either way round,
 * range membership only with the scalar on the left (OP-19), maps compare
 * key sets then values in the left map's order, lists pairwise in order.
 */
export function compareEquality(lhs: Value, rhs: Value): EqualityOutcome {
  // The commonest pair; equal code points is equal strings.
  if (lhs.kind === 'string' && rhs.kind === 'string') {
    return lhs.value === rhs.value ? EQUAL : NOT_EQUAL;
  }
  if (lhs.kind === 'string' && rhs.kind === 'regex') {
    return regexSearch(rhs.regex, lhs.value) ? EQUAL : NOT_EQUAL;
  }
  if (lhs.kind === 'regex' && rhs.kind === 'string') {
    return regexSearch(lhs.regex, rhs.value) ? EQUAL : NOT_EQUAL;
  }
  if (lhs.kind === 'regex' && rhs.kind === 'regex') {
    return lhs.pattern === rhs.pattern ? EQUAL : NOT_EQUAL;
  }
  if (lhs.kind === 'bool' && rhs.kind === 'bool')
    return lhs.value === rhs.value ? EQUAL : NOT_EQUAL;
  if (lhs.kind === 'map' && rhs.kind === 'map') {
    if (lhs.entries.size !== rhs.entries.size) return NOT_EQUAL;
    for (const [key, left] of lhs.entries) {
      const right = rhs.entries.get(key);
      if (right === undefined) return NOT_EQUAL;
      const inner = compareEquality(left, right);
      if (inner.result !== 'equal') return inner;
    }
    return EQUAL;
  }
  if (lhs.kind === 'list' && rhs.kind === 'list') {
    if (lhs.items.length !== rhs.items.length) return NOT_EQUAL;
    for (let i = 0; i < lhs.items.length; i++) {
      const inner = compareEquality(lhs.items[i]!, rhs.items[i]!);
      if (inner.result !== 'equal') return inner;
    }
    return EQUAL;
  }
  if (rhs.kind === 'range') {
    const inside = withinRange(lhs, rhs);
    if (inside !== undefined) return inside ? EQUAL : NOT_EQUAL;
  }
  const order = orderScalars(lhs, rhs);
  if (order === undefined) return notComparable(lhs, rhs);
  return order === 0 ? EQUAL : NOT_EQUAL;
}

/** OP-09: `equal`, `notEqual`, or `notComparable` (which FAILs `==` and `!=` alike, GOT-02). */
export function valuesEqual(lhs: Value, rhs: Value): Equality {
  return compareEquality(lhs, rhs).result;
}

/**
 * Why `valuesEqual`/`compareOrder` found a pair not comparable, in the
 * reference's words (`PathAwareValues are not comparable bool, String`).
 * For maps and lists it names the first inner pair that was not comparable.
 */
export function notComparableReason(lhs: Value, rhs: Value): string {
  const outcome = compareEquality(lhs, rhs);
  return outcome.reason ?? scalarIncomparableReason(lhs, rhs);
}

export type OrderOp = 'Gt' | 'Ge' | 'Lt' | 'Le';

/** OP-13 on two values: int/int, float/float, string/string, char/char (and null/null); else not comparable (GOT-13). */
export function compareOrder(op: OrderOp, lhs: Value, rhs: Value): boolean | 'notComparable' {
  const order = orderScalars(lhs, rhs);
  if (order === undefined) return 'notComparable';
  switch (op) {
    case 'Gt':
      return order > 0;
    case 'Ge':
      return order >= 0;
    case 'Lt':
      return order < 0;
    case 'Le':
      return order <= 0;
    default:
      return assertNever(op);
  }
}

/**
 * OP-04 `empty` on one resolved value: strings, lists and maps by size,
 * a bool is never empty; any other kind aborts the evaluation with the
 * reference's exact text (exit 255 in validate).
 */
export function isEmptyValue(v: Value): boolean {
  switch (v.kind) {
    case 'string':
      return v.value.length === 0;
    case 'list':
      return v.items.length === 0;
    case 'map':
      return v.entries.size === 0;
    case 'bool':
      return false;
    default: {
      const text = `Attempting EMPTY operation on type ${typeInfo(v)} that does not support it at ${formatValuePath(v)}`;
      throw new GuardError('EVAL_INCOMPATIBLE_TYPES', text, {
        compat: `Types or variable assignments are incompatible \`${text}\``,
      });
    }
  }
}

export type TypeTestOp =
  | 'IsString'
  | 'IsList'
  | 'IsMap'
  | 'IsBool'
  | 'IsInt'
  | 'IsFloat'
  | 'IsNull';

/** The `is_*` unary operators on one resolved value (a char is not a string, a regex is not a string). */
export function typeTest(op: TypeTestOp, v: Value): boolean {
  switch (op) {
    case 'IsString':
      return v.kind === 'string';
    case 'IsList':
      return v.kind === 'list';
    case 'IsMap':
      return v.kind === 'map';
    case 'IsBool':
      return v.kind === 'bool';
    case 'IsInt':
      return v.kind === 'int';
    case 'IsFloat':
      return v.kind === 'float';
    case 'IsNull':
      return v.kind === 'null';
    default:
      return assertNever(op);
  }
}

function assertNever(x: never): never {
  throw new GuardError('INTERNAL_ERROR', `unexpected operator ${String(x)}`);
}
