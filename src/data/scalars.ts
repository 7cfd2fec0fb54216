/**
 * Scalar typing rules of the two reference loaders. Both return a small
 * tagged result; the loaders attach path and position.
 *
 * validate's loader (YAML-01, YAML-02, YAML-03, GOT-17) is not YAML 1.1 or
 * 1.2: a plain scalar is tried as a Rust i64, then a Rust f64, then one of the
 * 3.2.0 boolean words, then a null word, else it stays a string. Quoted and
 * block scalars are always strings.
 *
 * The standard loader (YAML-08; serde_yaml in the reference) follows the YAML
 * 1.2 core schema with serde_yaml's details (checked with `cfn-guard test`):
 * `0x`/`0o`/`0b` integers, no leading zeros (`0755` is a string), `True`
 * booleans, `.inf`/`.nan` floats, `inf` a string, empty → null.
 */

export type ScalarResult =
  | { readonly kind: 'null' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'int'; readonly value: number; readonly exact?: bigint }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string };

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const U64_MAX = 2n ** 64n - 1n;

const RUST_INT = /^[+-]?[0-9]+$/;
/** Rust's `f64::from_str` grammar: `inf`/`infinity`/`nan` in any case, `5.`, `.5`, `1e3`. */
const RUST_FLOAT = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const RUST_FLOAT_WORD = /^([+-]?)(inf|infinity|nan)$/i;

/** 3.2.0 boolean words, lower case only (YAML-02). */
const BOOL_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['yes', true],
  ['on', true],
  ['y', true],
  ['false', false],
  ['no', false],
  ['off', false],
  ['n', false],
]);

/** A Rust `str::parse::<i64>()`; undefined when the text is not one or overflows. */
export function parseRustI64(text: string): number | undefined {
  if (!RUST_INT.test(text)) return undefined;
  // Up to 18 digits always fits; only longer texts need the exact check.
  // `+ 0` turns `-0` into the integer 0, as i64 has no negative zero.
  if (text.length <= 18) return Number(text) + 0;
  const big = BigInt(text);
  return big >= I64_MIN && big <= I64_MAX ? Number(big) : undefined;
}

/** An int result of validate's loader; past 2^53 the exact i64 rides along (IntValue.exact). */
function validateInt(text: string, value: number): ScalarResult {
  return Number.isSafeInteger(value)
    ? { kind: 'int', value }
    : { kind: 'int', value, exact: BigInt(text) };
}

/** A Rust `str::parse::<f64>()`; undefined when the text is not one. */
export function parseRustF64(text: string): number | undefined {
  if (RUST_FLOAT.test(text)) return Number(text);
  const word = RUST_FLOAT_WORD.exec(text);
  if (word === null) return undefined;
  if ((word[2] as string).toLowerCase() === 'nan') return Number.NaN;
  return word[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}

/** YAML-01/02: typing of an untagged plain scalar in validate's loader. */
export function resolveValidatePlain(text: string): ScalarResult {
  const i = parseRustI64(text);
  if (i !== undefined) return validateInt(text, i);
  const f = parseRustF64(text);
  if (f !== undefined) return { kind: 'float', value: f };
  const b = BOOL_WORDS.get(text);
  if (b !== undefined) return { kind: 'bool', value: b };
  const lower = text.toLowerCase();
  if (lower === 'null' || lower === '~') return { kind: 'null' };
  return { kind: 'string', value: text };
}

/**
 * YAML-03: a scalar carrying a core `tag:yaml.org,2002:NAME` tag in validate's
 * loader. `undefined` means "Bad Value" (an `!!int`/`!!float` that does not
 * parse); unknown core tags (`!!timestamp`, `!!binary`, …) keep the text.
 */
export function resolveValidateCoreTag(name: string, text: string): ScalarResult | undefined {
  switch (name) {
    case 'str':
      return { kind: 'string', value: text };
    case 'int': {
      const i = parseRustI64(text);
      return i === undefined ? undefined : validateInt(text, i);
    }
    case 'float': {
      const f = parseRustF64(text);
      return f === undefined ? undefined : { kind: 'float', value: f };
    }
    case 'bool':
      if (text === 'true') return { kind: 'bool', value: true };
      if (text === 'false') return { kind: 'bool', value: false };
      return { kind: 'string', value: text };
    case 'null':
      return { kind: 'null' };
    default:
      return { kind: 'string', value: text };
  }
}

const CORE_NULL = new Set(['', '~', 'null', 'Null', 'NULL']);
const CORE_TRUE = new Set(['true', 'True', 'TRUE']);
const CORE_FALSE = new Set(['false', 'False', 'FALSE']);
const LEADING_ZERO_INT = /^[+-]?0[0-9]+$/;
const CORE_DEC = /^[+-]?(?:0|[1-9][0-9]*)$/;
const CORE_RADIX = /^([+-]?)0([xob])([0-9a-fA-F]+)$/;
const CORE_FLOAT = /^[+-]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][+-]?[0-9]+)?$/;
const CORE_INF = /^([+-]?)\.(?:inf|Inf|INF)$/;
const CORE_NAN = /^\.(?:nan|NaN|NAN)$/;
const RADIX_DIGITS: Readonly<Record<string, RegExp>> = {
  x: /^[0-9a-fA-F]+$/,
  o: /^[0-7]+$/,
  b: /^[01]+$/,
};

/** Integer result of the standard loader: `'range'` when it fits neither i64 nor u64. */
export type StandardInt = number | 'range' | undefined;

/** serde_yaml integers: i64, else u64 reinterpreted as i64 (the reference casts). */
export function parseCoreInt(text: string): StandardInt {
  let big: bigint;
  if (CORE_DEC.test(text)) {
    // `+ 0` turns `-0` into the integer 0, as i64 has no negative zero.
    if (text.length <= 18) return Number(text) + 0;
    big = BigInt(text);
  } else {
    const m = CORE_RADIX.exec(text);
    if (m === null) return undefined;
    const digits = m[3] as string;
    const radix = m[2] as string;
    if (!(RADIX_DIGITS[radix] as RegExp).test(digits)) return undefined;
    big = BigInt(`0${radix}${digits}`);
    if (m[1] === '-') big = -big;
  }
  if (big >= I64_MIN && big <= I64_MAX) return Number(big);
  if (big > I64_MAX && big <= U64_MAX) return Number(big - 2n ** 64n);
  return 'range';
}

/** serde_yaml floats; non-finite results of digit texts (`1e400`) stay strings. */
export function parseCoreFloat(text: string): number | undefined {
  if (CORE_FLOAT.test(text)) {
    const f = Number(text);
    return Number.isFinite(f) ? f : undefined;
  }
  const inf = CORE_INF.exec(text);
  if (inf !== null) return inf[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (CORE_NAN.test(text)) return Number.NaN;
  return undefined;
}

/**
 * YAML-08: typing of an untagged plain scalar in the standard loader.
 * Returns `'range'` for an integer too large for i64 and u64 (an error in the
 * reference).
 */
export function resolveStandardPlain(text: string): ScalarResult | 'range' {
  if (CORE_NULL.has(text)) return { kind: 'null' };
  if (CORE_TRUE.has(text)) return { kind: 'bool', value: true };
  if (CORE_FALSE.has(text)) return { kind: 'bool', value: false };
  // serde_yaml reads a leading-zero integer (`0755`, `-01`) as a string, not
  // as an octal or a float.
  if (LEADING_ZERO_INT.test(text)) return { kind: 'string', value: text };
  const i = parseCoreInt(text);
  if (i === 'range') return 'range';
  if (i !== undefined) return { kind: 'int', value: i };
  const f = parseCoreFloat(text);
  if (f !== undefined) return { kind: 'float', value: f };
  return { kind: 'string', value: text };
}
