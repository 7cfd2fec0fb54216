/**
 * How values print (LIT-11, OUT-JSON). Two unrelated notations exist in the
 * reference and both are reproduced here:
 *
 * - the compact *message* form used inside texts (`Value=` in error
 *   messages and verbose trees): strings in double quotes **without** any
 *   escaping, `"NULL"` for null, `"/re/"` for a regex, `'c'` for a char,
 *   floats through Rust's `Display` (`1.0` → `1`, never an exponent),
 *   lists and maps without spaces;
 * - the *JSON* form of values in `-o json` reports, which goes through
 *   serde_json: floats stay floats (`1.0`, `1e21`, ryu formatting), strings
 *   use JSON escaping, regexes/ranges/chars become strings.
 *
 * The JSON side is modelled by `JsonValue`: a plain tree whose floats are
 * `JsonFloat` boxes and whose objects may be `Map`s (so key order survives
 * keys like `"10"` that a JS object would reorder). `stringifyJsonPretty`
 * prints such a tree exactly like serde_json's pretty printer.
 */
import { GuardError } from '../diag/errors.js';
import { intValueText, type RangeValue, type Value } from './value.js';

// ---------------------------------------------------------------------------
// Numbers

/** Shortest round-trip decimal digits of a finite |x| and the position of the decimal point. */
function shortestDigits(x: number): { digits: string; point: number } {
  // toExponential() without an argument yields the shortest digits that
  // round-trip, the same digit string Rust's Display and ryu choose.
  const text = Math.abs(x).toExponential();
  const eAt = text.indexOf('e');
  const digits = text.slice(0, eAt).replace('.', '');
  const exponent = Number(text.slice(eAt + 1));
  return { digits, point: exponent + 1 };
}

function isNegative(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}

/**
 * Rust `Display` of an f64 (LIT-11): plain decimal notation, no exponent
 * (`1e21` prints 22 digits), integral values without `.0`, `-0` for
 * negative zero, `inf`/`-inf`/`NaN`.
 */
export function formatFloatRust(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = isNegative(x) ? '-' : '';
  if (x === 0) return `${sign}0`;
  const { digits, point } = shortestDigits(x);
  let body: string;
  if (point <= 0) body = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) body = digits + '0'.repeat(point - digits.length);
  else body = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + body;
}

/**
 * serde_json's float output (ryu's `format64`): integral values keep `.0`
 * up to 16 integer digits (`1000000000000000.0`), then switch to exponent
 * form (`1e16`); small values print plainly down to `0.00001`, then
 * `1e-7`/`1.5e-7`. Non-finite floats have no JSON form (see valueToJson).
 */
export function formatFloatJson(x: number): string {
  const sign = isNegative(x) ? '-' : '';
  if (x === 0) return `${sign}0.0`;
  const { digits, point } = shortestDigits(x);
  const n = digits.length;
  let body: string;
  if (point >= n && point <= 16) body = `${digits}${'0'.repeat(point - n)}.0`;
  else if (point > 0 && point <= 16) body = `${digits.slice(0, point)}.${digits.slice(point)}`;
  else if (point > -5 && point <= 0) body = `0.${'0'.repeat(-point)}${digits}`;
  else if (n === 1) body = `${digits}e${point - 1}`;
  else body = `${digits[0]}.${digits.slice(1)}e${point - 1}`;
  return sign + body;
}

/** An i64 as decimal digits (never exponent notation, unlike `String(1e21)`). */
export function intText(n: number): string {
  return Math.abs(n) < 1e21 ? String(n) : BigInt(Math.trunc(n)).toString();
}

// ---------------------------------------------------------------------------
// Message forms

/** The reference's type names as they appear in messages (`not comparable int, String`). */
export function typeInfo(v: Value): string {
  switch (v.kind) {
    case 'null':
      return 'null';
    case 'string':
      return 'String';
    case 'regex':
      return 'Regex';
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'float':
      return 'float';
    case 'char':
      return 'char';
    case 'list':
      return 'array';
    case 'map':
      return 'map';
    case 'range':
      return `range(${v.rangeType}, ${v.rangeType})`;
    default:
      return assertNever(v);
  }
}

function assertNever(x: never): never {
  throw new GuardError('INTERNAL_ERROR', `unexpected value ${JSON.stringify(x)}`);
}

/** `[1,5)`, `(1.5,5]`, `[a,z]`: bounds unquoted, floats Rust-style. */
export function displayRange(v: RangeValue): string {
  const open = v.lowerInclusive ? '[' : '(';
  const close = v.upperInclusive ? ']' : ')';
  const bound = (b: number | string): string =>
    typeof b === 'string' ? b : v.rangeType === 'float' ? formatFloatRust(b) : intText(b);
  return `${open}${bound(v.lower)},${bound(v.upper)}${close}`;
}

/**
 * The compact message form of a value (LIT-11). Strings are quoted but not
 * escaped, exactly as the reference prints them (`"a"b"` for `a"b`).
 */
export function displayValue(v: Value): string {
  switch (v.kind) {
    case 'null':
      return '"NULL"';
    case 'string':
      return `"${v.value}"`;
    case 'regex':
      return `"/${v.pattern}/"`;
    case 'bool':
      return v.value ? 'true' : 'false';
    case 'int':
      return intValueText(v);
    case 'float':
      return formatFloatRust(v.value);
    case 'char':
      return `'${v.value}'`;
    case 'range':
      return displayRange(v);
    case 'list':
      return `[${v.items.map(displayValue).join(',')}]`;
    case 'map': {
      const parts: string[] = [];
      for (const [key, item] of v.entries) parts.push(`"${key}":${displayValue(item)}`);
      return `{${parts.join(',')}}`;
    }
    default:
      return assertNever(v);
  }
}

/** `path[L:line,C:col]`: a value's path with its 0-based source position (GOT-29). */
export function formatValuePath(v: Value): string {
  return `${v.path}[L:${v.line},C:${v.col}]`;
}

/** `Path=/a/b[L:3,C:4] Value=...`, the reference's display of a path-aware value. */
export function formatPathValue(v: Value): string {
  return `Path=${formatValuePath(v)} Value=${displayValue(v)}`;
}

// ---------------------------------------------------------------------------
// JSON form

/** A float that must print as a float (`1.0`, not `1`) in JSON/YAML output. */
export class JsonFloat {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
  toJSON(): number {
    return this.value;
  }
}

/**
 * A JSON tree as reports build it. Objects are either plain objects (key
 * order = insertion order, `undefined` members omitted) or `Map`s (order
 * kept even for integer-like keys). A plain `number` prints as an integer
 * when it is one and as a float otherwise; wrap it in `JsonFloat` to force
 * float notation.
 */
export type JsonValue =
  | null
  | boolean
  | number
  /** An integer past 2^53 (IntValue.exact), printed digit for digit. */
  | bigint
  | string
  | JsonFloat
  | readonly JsonValue[]
  | ReadonlyMap<string, JsonValue>
  | { readonly [key: string]: JsonValue | undefined };

/**
 * The serde_json form of a value. Maps become `Map`s (document order),
 * floats `JsonFloat`s; regexes print as `"/re/"`, ranges as `"[1,5)"`,
 * chars as one-character strings. Non-finite floats have no JSON form: the
 * reference aborts with the text reproduced in `compat`.
 */
export function valueToJson(v: Value): JsonValue {
  switch (v.kind) {
    case 'null':
      return null;
    case 'string':
    case 'char':
      return v.value;
    case 'regex':
      return `/${v.pattern}/`;
    case 'bool':
      return v.value;
    case 'int':
      return v.exact ?? v.value;
    case 'float':
      if (!Number.isFinite(v.value)) {
        const shown = formatFloatRust(v.value);
        throw new GuardError(
          'EVAL_INCOMPATIBLE_TYPES',
          `the float ${shown} at ${formatValuePath(v)} cannot be written as JSON`,
          {
            compat: `Types or variable assignments are incompatible \`Could not convert float ${shown} to serde::Value::Number\``,
          },
        );
      }
      return new JsonFloat(v.value);
    case 'range':
      return displayRange(v);
    case 'list':
      return v.items.map(valueToJson);
    case 'map': {
      const out = new Map<string, JsonValue>();
      for (const [key, item] of v.entries) out.set(key, valueToJson(item));
      return out;
    }
    default:
      return assertNever(v);
  }
}

/** serde_json string escaping: `"`, `\` and control characters only (not `/`, not non-ASCII). */
export function jsonString(s: string): string {
  // JSON.stringify escapes exactly that set for well-formed strings, with
  // the same short forms (\b \t \n \f \r) and lowercase \u00XX as serde_json.
  return JSON.stringify(s);
}

function jsonNumber(n: number): string {
  if (!Number.isFinite(n)) {
    throw new GuardError('INTERNAL_ERROR', `non-finite number ${n} in JSON output`);
  }
  if (!Number.isInteger(n) || Object.is(n, -0)) return formatFloatJson(n);
  // BigInt keeps huge integers out of exponent notation (`1e+21`).
  return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
}

function objectEntries(v: object): [string, JsonValue][] {
  if (v instanceof Map) return [...(v as ReadonlyMap<string, JsonValue>)];
  const out: [string, JsonValue][] = [];
  for (const [key, item] of Object.entries(v as Record<string, JsonValue | undefined>)) {
    if (item !== undefined) out.push([key, item]);
  }
  return out;
}

function writeJson(v: JsonValue, indent: string | undefined, depth: number): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return jsonNumber(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string') return jsonString(v);
  if (v instanceof JsonFloat) {
    if (!Number.isFinite(v.value)) {
      throw new GuardError('INTERNAL_ERROR', `non-finite float ${v.value} in JSON output`);
    }
    return formatFloatJson(v.value);
  }
  const isArray = Array.isArray(v);
  const parts: string[] = isArray
    ? (v as readonly JsonValue[]).map((item) => writeJson(item, indent, depth + 1))
    : objectEntries(v).map(
        ([key, item]) =>
          `${jsonString(key)}:${indent === undefined ? '' : ' '}${writeJson(item, indent, depth + 1)}`,
      );
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  if (parts.length === 0) return open + close;
  if (indent === undefined) return open + parts.join(',') + close;
  const inner = `\n${indent.repeat(depth + 1)}`;
  return `${open}${inner}${parts.join(`,${inner}`)}\n${indent.repeat(depth)}${close}`;
}

/** serde_json's `to_string_pretty`: two-space indent, `"k": v`, `[]`/`{}` when empty, no trailing newline. */
export function stringifyJsonPretty(v: JsonValue): string {
  return writeJson(v, '  ', 0);
}

/** serde_json's `to_string`: no whitespace at all. */
export function stringifyJsonCompact(v: JsonValue): string {
  return writeJson(v, undefined, 0);
}
