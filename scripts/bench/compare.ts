/**
 * Do tsguard and the reference give the same answer? Pure helpers over the
 * two stdout texts. The verdict is graded, strictest first, so a table can
 * say how close the answers are:
 *   identical     byte for byte
 *   same-json     equal JSON values (whitespace or key order differ)
 *   same-as-sets  equal once every array is read as a multiset (order differs)
 *   same-lines    equal multisets of lines (huge or non-JSON output)
 *   different     none of the above (with a short pointer to the first difference)
 */
import { createHash } from 'node:crypto';

export type Verdict =
  | { readonly kind: 'identical' }
  | { readonly kind: 'same-json' }
  | { readonly kind: 'same-as-sets' }
  | { readonly kind: 'same-lines' }
  | { readonly kind: 'different'; readonly detail: string };

/**
 * Parses one JSON value or several written back to back (`}{`, as the
 * non-structured `-o json` reporter prints one document per rules file).
 * Throws SyntaxError when the text is not such a sequence.
 */
export function splitJsonDocuments(text: string): unknown[] {
  const docs: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) {
      if (depth === 0) throw new SyntaxError(`top-level string at offset ${i}`);
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (depth === 0) start = i;
      depth++;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth < 0) throw new SyntaxError(`unbalanced bracket at offset ${i}`);
      if (depth === 0) docs.push(JSON.parse(text.slice(start, i + 1)));
    } else if (depth === 0 && c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
      throw new SyntaxError(`unexpected character at offset ${i} outside a JSON document`);
    }
  }
  if (depth !== 0 || inString) throw new SyntaxError('truncated JSON document');
  return docs;
}

/**
 * A canonical string for a JSON value: object keys sorted; with `unordered`,
 * array elements sorted by their own canonical form, so arrays compare as
 * multisets at every level.
 */
export function canonicalJson(value: unknown, unordered: boolean): string {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonicalJson(v, unordered));
    if (unordered) items.sort();
    return `[${items.join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map(
        (k) =>
          `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k], unordered)}`,
      );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** JSON-pointer-like path to the first place two values differ (ordered comparison). */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= a.length || i >= b.length)
        return `${path}/${i} (lengths ${a.length} vs ${b.length})`;
      const d = firstDifference(a[i], b[i], `${path}/${i}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      if (!(k in a) || !(k in b)) return `${path}/${k} (missing on one side)`;
      const d = firstDifference(a[k], b[k], `${path}/${k}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return JSON.stringify(a) === JSON.stringify(b) ? undefined : path === '' ? '/' : path;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The lines of a text as a sorted list (a trailing newline adds no empty line). */
function sortedLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.sort();
}

/**
 * Compares two outputs held in memory. `json` says the outputs are meant to be
 * JSON (one document or a sequence); text outputs (the `test` command) only
 * get the byte and line checks.
 */
export function compareOutputs(tsguard: string, reference: string, json: boolean): Verdict {
  if (tsguard === reference) return { kind: 'identical' };
  if (json) {
    let a: unknown[];
    let b: unknown[];
    try {
      a = splitJsonDocuments(tsguard);
      b = splitJsonDocuments(reference);
    } catch (err) {
      return { kind: 'different', detail: `not JSON: ${(err as Error).message}` };
    }
    if (canonicalJson(a, false) === canonicalJson(b, false)) return { kind: 'same-json' };
    if (canonicalJson(a, true) === canonicalJson(b, true)) return { kind: 'same-as-sets' };
    const where = firstDifference(a, b) ?? '/';
    return {
      kind: 'different',
      detail: `${a.length} vs ${b.length} JSON documents; first difference at ${where}`,
    };
  }
  const la = sortedLines(tsguard);
  const lb = sortedLines(reference);
  if (la.length === lb.length && la.every((l, i) => l === lb[i])) return { kind: 'same-lines' };
  return { kind: 'different', detail: `${la.length} vs ${lb.length} lines` };
}

// ------------------------------------------------------------ huge outputs

const MOD = 1n << 256n;

/**
 * Order-independent digest of a multiset of lines: the sum modulo 2^256 of
 * each line's sha256. Lets two outputs too large to parse be compared while
 * streaming, one line at a time, without sorting them on disk.
 */
export function addLineToDigest(digest: bigint, line: string): bigint {
  const h = createHash('sha256').update(line).digest('hex');
  return (digest + BigInt(`0x${h}`)) % MOD;
}

/** Digest of a whole in-memory text (same result as feeding its lines one by one). */
export function lineMultisetDigest(text: string): bigint {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let d = 0n;
  for (const l of lines) d = addLineToDigest(d, l);
  return d;
}

/** Verdict from the hashes of two huge outputs (raw sha256 and line-multiset digest). */
export function compareDigests(
  tsguard: { readonly sha256: string; readonly lines: bigint; readonly lineCount: number },
  reference: { readonly sha256: string; readonly lines: bigint; readonly lineCount: number },
): Verdict {
  if (tsguard.sha256 === reference.sha256) return { kind: 'identical' };
  if (tsguard.lines === reference.lines && tsguard.lineCount === reference.lineCount) {
    return { kind: 'same-lines' };
  }
  return {
    kind: 'different',
    detail: `hashes differ (${tsguard.lineCount} vs ${reference.lineCount} lines)`,
  };
}

export function describeVerdict(v: Verdict): string {
  switch (v.kind) {
    case 'identical':
      return 'identical';
    case 'same-json':
      return 'same JSON';
    case 'same-as-sets':
      return 'same as sets (order differs)';
    case 'same-lines':
      return 'same lines (order differs)';
    case 'different':
      return `DIFFERENT: ${v.detail}`;
    default: {
      const never: never = v;
      return never;
    }
  }
}
