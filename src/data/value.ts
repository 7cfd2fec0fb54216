/**
 * The one value model that data files, rule literals and function results
 * share (LIT-01, DATA-04). Every value knows its JSON-pointer-like path
 * (`/Resources/B/Properties/0`, `""` for the root and for rule literals) and
 * the 0-based line and column where it starts in its source (0/0 when it has
 * none), which reports print as `path[L:line,C:col]`.
 *
 * Values are plain readonly objects. Producers may implement `path` as a
 * lazily computed getter; consumers only read it.
 */

export interface ValueBase {
  readonly path: string;
  /** 0-based line of the value's first character; 0 when the value has no source. */
  readonly line: number;
  /** 0-based column of the value's first character; 0 when the value has no source. */
  readonly col: number;
}

export interface NullValue extends ValueBase {
  readonly kind: 'null';
}

export interface BoolValue extends ValueBase {
  readonly kind: 'bool';
  readonly value: boolean;
}

/**
 * i64 in the reference; a JS number here (exact up to 2^53). Data integers
 * beyond that also carry their `exact` i64, so reports print the digits the
 * file holds (`9007199254740993`, YAML-01) and int comparisons stay exact.
 */
export interface IntValue extends ValueBase {
  readonly kind: 'int';
  readonly value: number;
  readonly exact?: bigint;
}

/** The exact integer an int value stands for. */
export function intValueBig(v: IntValue): bigint {
  return v.exact ?? BigInt(v.value);
}

/** Decimal digits of an int value (never exponent notation). */
export function intValueText(v: IntValue): string {
  if (v.exact !== undefined) return v.exact.toString();
  return Math.abs(v.value) < 1e21 ? String(v.value) : BigInt(Math.trunc(v.value)).toString();
}

/** f64; stays a float even when integral (`1.0`), which matters for equality (GOT-01). */
export interface FloatValue extends ValueBase {
  readonly kind: 'float';
  readonly value: number;
}

export interface StringValue extends ValueBase {
  readonly kind: 'string';
  readonly value: string;
}

/** A single character (LIT-08): only from `parse_char` and char ranges. */
export interface CharValue extends ValueBase {
  readonly kind: 'char';
  readonly value: string;
}

/** A regex from a rules file; `pattern` is the Guard text, `regex` its JS translation. */
export interface RegexValue extends ValueBase {
  readonly kind: 'regex';
  readonly pattern: string;
  readonly regex: RegExp;
}

export type RangeValue =
  | RangeOf<'int', number>
  | RangeOf<'float', number>
  | RangeOf<'char', string>;

interface RangeOf<T extends string, V> extends ValueBase {
  readonly kind: 'range';
  readonly rangeType: T;
  readonly lower: V;
  readonly upper: V;
  readonly lowerInclusive: boolean;
  readonly upperInclusive: boolean;
}

export interface ListValue extends ValueBase {
  readonly kind: 'list';
  readonly items: readonly Value[];
}

/** Where a map key was written, for `keys` filters (QRY-09) and error positions. */
export interface KeyLocation {
  readonly line: number;
  readonly col: number;
  /**
   * The path a key string reports. validate's loader gives keys the path of
   * their map (DATA-04), so this is absent there; the standard loader
   * (YAML-08, `test` inputs) gives each key its own path, the map's path
   * plus the key, and sets it here.
   */
  readonly path?: string;
}

/**
 * A map in document order. A duplicate key keeps its first position and its
 * last value (DATA-05).
 */
export interface MapValue extends ValueBase {
  readonly kind: 'map';
  readonly entries: ReadonlyMap<string, Value>;
  readonly keyLocations: ReadonlyMap<string, KeyLocation>;
}

export type ScalarValue =
  | NullValue
  | BoolValue
  | IntValue
  | FloatValue
  | StringValue
  | CharValue
  | RegexValue
  | RangeValue;

export type Value = ScalarValue | ListValue | MapValue;

export type ValueKind = Value['kind'];
