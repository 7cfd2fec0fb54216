/**
 * Conversion functions (FN-09..FN-13). Each maps over the resolved entries
 * of its argument, drops kinds it does not convert, and aborts on a value
 * of a convertible kind that does not convert, with the reference's texts
 * (including its `an string` typo).
 */
import { formatFloatRust, intText } from '../../data/display.js';
import type { Value } from '../../data/value.js';
import type { QueryResult } from '../query-result.js';
import {
  boolAt,
  charAt,
  floatAt,
  intAt,
  mapResolved,
  parseError,
  stringAt,
  where,
} from './support.js';

/** Rust's `str::parse::<i64>`: optional sign, ASCII digits only, no spaces, within i64. */
export function parseRustInt(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const big = BigInt(text);
  if (big > 9223372036854775807n || big < -9223372036854775808n) return undefined;
  return Number(big);
}

/**
 * Rust's `str::parse::<f64>`: decimal with optional sign, fraction and
 * exponent (`.5`, `5.`, `1e3`), or `inf`/`infinity`/`nan` in any case.
 * No spaces, no `_`, no hex.
 */
export function parseRustFloat(text: string): number | undefined {
  const m =
    /^([+-]?)(?:(inf|infinity|nan)|((?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?))$/i.exec(
      text,
    );
  if (m === null) return undefined;
  const negative = m[1] === '-';
  if (m[2] !== undefined) {
    if (m[2].toLowerCase() === 'nan') return Number.NaN;
    return negative ? -Infinity : Infinity;
  }
  const n = Number(m[3]);
  return negative ? -n : n;
}

function digitOf(ch: string): number | undefined {
  return /^[0-9]$/.test(ch) ? Number(ch) : undefined;
}

export function parseIntFunction(entries: readonly QueryResult[]): Value[] {
  return mapResolved(entries, (v) => {
    switch (v.kind) {
      case 'string': {
        const n = parseRustInt(v.value);
        if (n === undefined) {
          throw parseError(`failed to convert a string: ${v.value} into an integer at ${where(v)}`);
        }
        return intAt(v, n);
      }
      case 'int':
        return intAt(v, v.value);
      case 'float':
        // Rust `as i64`: truncates toward zero, saturates, NaN → 0.
        return intAt(v, floatToI64(v.value));
      case 'char': {
        const d = digitOf(v.value);
        if (d === undefined) {
          throw parseError(
            `failed to convert a character: ${v.value} into an integer at ${where(v)}`,
          );
        }
        return intAt(v, d);
      }
      default:
        return undefined;
    }
  });
}

/** Rust `f64 as i64`: truncates toward zero, saturates at the i64 bounds, NaN → 0. */
function floatToI64(x: number): number {
  if (Number.isNaN(x)) return 0;
  const bound = 2 ** 63;
  if (x >= bound) return bound - 1; // i64::MAX, as near as a double gets
  if (x <= -bound) return -bound;
  return Math.trunc(x);
}

export function parseFloatFunction(entries: readonly QueryResult[]): Value[] {
  return mapResolved(entries, (v) => {
    switch (v.kind) {
      case 'string': {
        const n = parseRustFloat(v.value);
        if (n === undefined) {
          throw parseError(`failed to convert a string: ${v.value} into a float at ${where(v)}`);
        }
        return floatAt(v, n);
      }
      case 'int':
      case 'float':
        return floatAt(v, v.value);
      case 'char': {
        const d = digitOf(v.value);
        if (d === undefined) {
          throw parseError(`failed to convert a character: ${v.value} into a float at ${where(v)}`);
        }
        return floatAt(v, d);
      }
      default:
        return undefined;
    }
  });
}

/** FN-11: ints, floats (Rust `Display`: `1.0` → `"1"`), bools, chars and strings become strings. */
export function parseStringFunction(entries: readonly QueryResult[]): Value[] {
  return mapResolved(entries, (v) => {
    switch (v.kind) {
      case 'int':
        return stringAt(v, intText(v.value));
      case 'float':
        return stringAt(v, formatFloatRust(v.value));
      case 'bool':
        return stringAt(v, v.value ? 'true' : 'false');
      case 'string':
      case 'char':
        return stringAt(v, v.value);
      default:
        return undefined;
    }
  });
}

/** FN-12: `true`/`false` in any letter case (nothing else, not `yes`), and bools as they are. */
export function parseBooleanFunction(entries: readonly QueryResult[]): Value[] {
  return mapResolved(entries, (v) => {
    if (v.kind === 'bool') return boolAt(v, v.value);
    if (v.kind !== 'string') return undefined;
    const lower = v.value.toLowerCase();
    if (lower === 'true') return boolAt(v, true);
    if (lower === 'false') return boolAt(v, false);
    throw parseError(`failed to convert a string: ${v.value} into a boolean at ${where(v)}`);
  });
}

const utf8 = new TextEncoder();

/**
 * FN-13: an int 0–9 becomes its digit char; a string of at most one UTF-8
 * **byte** becomes a char (so `"é"` is an error, `""` is dropped); a char
 * becomes a *string* (GOT-27 quirk).
 */
export function parseCharFunction(entries: readonly QueryResult[]): Value[] {
  return mapResolved(entries, (v) => {
    switch (v.kind) {
      case 'int':
        if (!Number.isInteger(v.value) || v.value < 0 || v.value > 9) {
          throw parseError(
            `failed to convert an int: ${intText(v.value)} into a char at ${where(v)}`,
          );
        }
        return charAt(v, String(v.value));
      case 'string':
        if (utf8.encode(v.value).length > 1) {
          throw parseError(`failed to convert an string: ${v.value} into a char at ${where(v)}`);
        }
        return v.value === '' ? undefined : charAt(v, v.value);
      case 'char':
        return stringAt(v, v.value);
      default:
        return undefined;
    }
  });
}
