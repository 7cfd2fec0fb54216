/**
 * Date and time functions (Δ3.2: FN-14 `now`, FN-15 `parse_epoch`).
 * `parse_epoch` follows chrono's `DateTime::parse_from_rfc3339`, including
 * its error texts, which the reference prints after
 * `Failed to parse datetime: <text> at <path>: `.
 */
import type { Value } from '../../data/value.js';
import type { QueryResult } from '../query-result.js';
import { intAt, mapResolved, parseError, ROOT, where } from './support.js';

/** `now()`: the current Unix time in whole seconds, at the root path. */
export function now(clock: () => number): Value[] {
  return [intAt(ROOT, Math.floor(clock() / 1000))];
}

/** chrono's `ParseErrorKind` texts. */
const OUT_OF_RANGE = 'input is out of range';
const INVALID = 'input contains invalid characters';
const TOO_SHORT = 'premature end of input';
const TOO_LONG = 'trailing input';

class Rfc3339Error extends Error {}

/** A cursor over the timestamp text, failing with chrono's error kinds. */
class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  /** Exactly `width` ASCII digits (chrono `scan::number(s, w, w)`). */
  digits(width: number): number {
    if (this.text.length - this.pos < width) throw new Rfc3339Error(TOO_SHORT);
    let n = 0;
    for (let i = 0; i < width; i++) {
      const c = this.text.charCodeAt(this.pos + i);
      if (c < 0x30 || c > 0x39) throw new Rfc3339Error(INVALID);
      n = n * 10 + (c - 0x30);
    }
    this.pos += width;
    return n;
  }

  char(expected: string): void {
    if (this.pos >= this.text.length) throw new Rfc3339Error(TOO_SHORT);
    if (this.text[this.pos] !== expected) throw new Rfc3339Error(INVALID);
    this.pos++;
  }

  peek(): string | undefined {
    return this.text[this.pos];
  }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Unix seconds of an RFC 3339 timestamp (fraction dropped, offset applied), or chrono's error text. */
export function parseRfc3339(text: string): number {
  const s = new Scanner(text);
  const year = s.digits(4);
  s.char('-');
  const month = s.digits(2);
  if (month < 1 || month > 12) throw new Rfc3339Error(OUT_OF_RANGE);
  s.char('-');
  const day = s.digits(2);
  if (day < 1 || day > 31) throw new Rfc3339Error(OUT_OF_RANGE);
  const sep = s.peek();
  if (sep === undefined) throw new Rfc3339Error(TOO_SHORT);
  if (sep !== 'T' && sep !== 't' && sep !== ' ') throw new Rfc3339Error(INVALID);
  s.pos++;
  const hour = s.digits(2);
  if (hour > 23) throw new Rfc3339Error(OUT_OF_RANGE);
  s.char(':');
  const minute = s.digits(2);
  if (minute > 59) throw new Rfc3339Error(OUT_OF_RANGE);
  s.char(':');
  let second = s.digits(2);
  if (second > 60) throw new Rfc3339Error(OUT_OF_RANGE);
  if (s.peek() === '.') {
    s.pos++;
    const start = s.pos;
    while (/[0-9]/.test(s.peek() ?? '')) s.pos++;
    if (s.pos === start) throw new Rfc3339Error(s.peek() === undefined ? TOO_SHORT : INVALID);
  }
  const offset = parseOffset(s);
  if (s.pos < text.length) throw new Rfc3339Error(TOO_LONG);
  if (day > daysInMonth(year, month)) throw new Rfc3339Error(OUT_OF_RANGE);
  // A leap second (:60) counts as the :59 second it extends, as chrono's timestamp() does.
  if (second === 60) second = 59;
  const days = daysFromCivil(year, month, day);
  return days * 86400 + hour * 3600 + minute * 60 + second - offset;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (years 0–9999; no Date.UTC two-digit-year trap). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** `Z`/`z` or `±HH:MM` (chrono allows up to ±23:59 and also U+2212 as the minus sign). */
function parseOffset(s: Scanner): number {
  const c = s.peek();
  if (c === undefined) throw new Rfc3339Error(TOO_SHORT);
  if (c === 'Z' || c === 'z') {
    s.pos++;
    return 0;
  }
  if (c !== '+' && c !== '-' && c !== '\u2212') throw new Rfc3339Error(INVALID);
  s.pos++;
  const hours = s.digits(2);
  s.char(':');
  const minutes = s.digits(2);
  if (minutes > 59 || hours > 23) throw new Rfc3339Error(OUT_OF_RANGE);
  const seconds = hours * 3600 + minutes * 60;
  return c === '+' ? seconds : -seconds;
}

/** `parse_epoch(q)`: each RFC 3339 string → Unix seconds (int); other kinds dropped. */
export function parseEpoch(entries: readonly QueryResult[]): Value[] {
  return mapResolved(entries, (v) => {
    if (v.kind !== 'string') return undefined;
    try {
      return intAt(v, parseRfc3339(v.value));
    } catch (e) {
      if (!(e instanceof Rfc3339Error)) throw e;
      throw parseError(`Failed to parse datetime: ${v.value} at ${where(v)}: ${e.message}`);
    }
  });
}
