/**
 * serde_yaml's choice of style for a string (its `serialize_str`): a string
 * that would read back as something else (null, a boolean, an integer of any
 * width Rust parses, a finite float, a `.inf`/`.nan` spelling, a digit
 * string with a leading zero) is requested single-quoted. The emitter
 * (yaml-scalar.ts) then picks the final style as libyaml does.
 */
/** What serde_yaml asks libyaml for; `plain` is for non-strings (numbers, bools, null). */
export type RequestedStyle = 'any' | 'plain' | 'single' | 'literal';

/** YAML 1.2: leading zeros followed by digits only is a string (`007`, `-00`). */
function isDigitsButNotNumber(s: string): boolean {
  const body = s.startsWith('-') || s.startsWith('+') ? s.slice(1) : s;
  return body.length > 1 && body.startsWith('0') && /^[0-9]+$/.test(body);
}

const RADIX_DIGITS: Readonly<Record<number, RegExp>> = {
  2: /^[01]+$/,
  8: /^[0-7]+$/,
  10: /^[0-9]+$/,
  16: /^[0-9a-fA-F]+$/,
};

/** Rust's `from_str_radix` for u128/i128: an optional sign, then digits. */
function fitsRustInt(text: string, radix: number, signed: boolean): boolean {
  let digits = text;
  let negative = false;
  if (digits.startsWith('+')) digits = digits.slice(1);
  else if (digits.startsWith('-')) {
    if (!signed) return false;
    negative = true;
    digits = digits.slice(1);
  }
  if (!RADIX_DIGITS[radix]?.test(digits)) return false;
  const prefix = radix === 16 ? '0x' : radix === 8 ? '0o' : radix === 2 ? '0b' : '';
  const magnitude = BigInt(prefix + digits);
  const bits = signed ? 127n : 128n;
  const limit = 1n << bits;
  return negative ? magnitude <= limit : magnitude < limit;
}

/**
 * Would serde_yaml read this plain scalar back as an integer? It tries u64,
 * i64, u128, i128 with `0x`/`0o`/`0b` prefixes and an optional sign; the
 * widest types decide, as every narrower success is also a success there.
 */
function readsAsInt(s: string): boolean {
  const unsigned = (text: string): boolean => {
    const body = text.startsWith('+') ? text.slice(1) : text;
    for (const [prefix, radix] of [
      ['0x', 16],
      ['0o', 8],
      ['0b', 2],
    ] as const) {
      if (body.startsWith(prefix)) {
        const rest = body.slice(2);
        if (rest.startsWith('+') || rest.startsWith('-')) return false;
        if (fitsRustInt(rest, radix, false)) return true;
      }
    }
    if (body.startsWith('+') || body.startsWith('-')) return false;
    if (isDigitsButNotNumber(text)) return false;
    return fitsRustInt(body, 10, false);
  };
  const negative = (text: string): boolean => {
    for (const [prefix, radix] of [
      ['-0x', 16],
      ['-0o', 8],
      ['-0b', 2],
    ] as const) {
      if (text.startsWith(prefix) && fitsRustInt(`-${text.slice(3)}`, radix, true)) return true;
    }
    if (isDigitsButNotNumber(text)) return false;
    return fitsRustInt(text, 10, true);
  };
  // i128 covers every negative value that u128 does not.
  return unsigned(s) || (s.startsWith('-') && negative(s));
}

/** Rust's `f64::from_str` syntax for finite decimal numbers. */
const RUST_DECIMAL = /^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/** Would serde_yaml read this plain scalar back as a float (finite, or `.inf`/`.nan` spellings)? */
function readsAsFloat(s: string): boolean {
  let body = s;
  if (body.startsWith('+')) {
    body = body.slice(1);
    if (body.startsWith('+') || body.startsWith('-')) return false;
  }
  if (body === '.inf' || body === '.Inf' || body === '.INF') return true;
  if (s === '-.inf' || s === '-.Inf' || s === '-.INF') return true;
  if (s === '.nan' || s === '.NaN' || s === '.NAN') return true;
  // Rust also accepts `inf`/`nan`, but those are not finite and serde_yaml
  // then keeps the text a string.
  return RUST_DECIMAL.test(body) && Number.isFinite(Number(body));
}

/** The style serde_yaml 0.9.34 requests for a string (its `serialize_str`). */
export function requestedStringStyle(s: string): RequestedStyle {
  if (s.includes('\n')) return 'literal';
  if (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return 'single';
  if (s === 'true' || s === 'True' || s === 'TRUE') return 'single';
  if (s === 'false' || s === 'False' || s === 'FALSE') return 'single';
  if (readsAsInt(s)) return 'single';
  if (isDigitsButNotNumber(s)) return 'single'; // C11: new in 0.9.34 (`'007'`)
  if (readsAsFloat(s)) return 'single';
  return 'any';
}
