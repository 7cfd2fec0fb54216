/**
 * A small data model mirroring what the reference hands to serde: ordered
 * maps, sequences, and scalars that keep the int/float distinction. The
 * parse-tree serializer builds one of these, and the JSON and YAML emitters
 * print it the way serde_json and serde_yaml do.
 */
export type SerdeNode =
  | { readonly t: 'null' }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'int'; readonly v: number }
  | { readonly t: 'float'; readonly v: number }
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'seq'; readonly items: readonly SerdeNode[] }
  | { readonly t: 'map'; readonly entries: readonly (readonly [string, SerdeNode])[] };

export const NULL: SerdeNode = { t: 'null' };

export function str(v: string): SerdeNode {
  return { t: 'str', v };
}

export function int(v: number): SerdeNode {
  return { t: 'int', v };
}

export function float(v: number): SerdeNode {
  return { t: 'float', v };
}

export function bool(v: boolean): SerdeNode {
  return { t: 'bool', v };
}

export function seq(items: readonly SerdeNode[]): SerdeNode {
  return { t: 'seq', items };
}

export function map(entries: readonly (readonly [string, SerdeNode])[]): SerdeNode {
  return { t: 'map', entries };
}

/** An externally tagged enum variant: `{ "Tag": value }`. */
export function tagged(tag: string, value: SerdeNode): SerdeNode {
  return map([[tag, value]]);
}

function decompose(v: number): { digits: string; exp: number } {
  // toExponential() with no argument gives the shortest digits that round-trip,
  // the same digits ryu (used by serde) picks.
  const [mantissa = '0', e = '0'] = Math.abs(v).toExponential().split('e');
  return { digits: mantissa.replace('.', ''), exp: Number(e) };
}

/** A finite f64 the way ryu (serde_json, serde_yaml) prints it: `3.0`, `1e20`, `1.5e-7`. */
export function formatRyu(v: number): string {
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const sign = v < 0 ? '-' : '';
  const { digits, exp } = decompose(v);
  const length = digits.length;
  const kk = exp + 1;
  const k = kk - length;
  let body: string;
  if (k >= 0 && kk <= 16) body = `${digits}${'0'.repeat(k)}.0`;
  else if (kk > 0 && kk <= 16) body = `${digits.slice(0, kk)}.${digits.slice(kk)}`;
  else if (kk > -5 && kk <= 0) body = `0.${'0'.repeat(-kk)}${digits}`;
  else if (length === 1) body = `${digits}e${kk - 1}`;
  else body = `${digits.charAt(0)}.${digits.slice(1)}e${kk - 1}`;
  return sign + body;
}

/** A finite f64 the way Rust's `Display` prints it: never an exponent, no `.0`. */
export function formatRustDisplay(v: number): string {
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const sign = v < 0 ? '-' : '';
  const { digits, exp } = decompose(v);
  const point = exp + 1;
  let body: string;
  if (point <= 0) body = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) body = digits + '0'.repeat(point - digits.length);
  else body = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + body;
}
