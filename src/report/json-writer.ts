/**
 * JSON output exactly as Rust's serde_json prints it (OUT-JSON-02/03,
 * OUT-PJ-01): `to_string_pretty` (two-space indent, `"key": value`, empty
 * containers as `[]` / `{}`, no trailing newline) and `to_string` (no
 * whitespace at all).
 *
 * The tree is the `JsonValue` model of data/display.ts, so floats stay
 * floats (`JsonFloat` → `1.0`, ryu formatting) and `Map` objects keep their
 * key order. Unlike `stringifyJsonPretty` there, this writer appends small
 * chunks to one array and joins once, so a report of many megabytes (the
 * structured run over hundreds of rule files) costs linear time and never
 * re-copies nested text level by level.
 */
import {
  formatFloatJson,
  intText,
  JsonFloat,
  type JsonValue,
  jsonString,
} from '../data/display.js';
import { GuardError } from '../diag/errors.js';

/** Where writers put their output: chunks in order, joined by the caller. */
export type TextChunks = string[];

export interface JsonWriteOptions {
  /** `true` (default): serde_json's `to_string_pretty`; `false`: `to_string`. */
  readonly pretty?: boolean;
}

/** The members of a JSON object in output order; `undefined` members are left out. */
export function jsonObjectEntries(v: object): [string, JsonValue][] {
  if (v instanceof Map) return [...(v as ReadonlyMap<string, JsonValue>)];
  const out: [string, JsonValue][] = [];
  for (const [key, item] of Object.entries(v as Record<string, JsonValue | undefined>)) {
    if (item !== undefined) out.push([key, item]);
  }
  return out;
}

/**
 * A plain JS number: integral → i64 digits (never `1e+21`), otherwise the
 * ryu float form. `-0` is a float in JS only, so it prints as `-0.0`.
 */
export function jsonNumberText(n: number): string {
  if (!Number.isFinite(n)) {
    throw new GuardError('INTERNAL_ERROR', `non-finite number ${n} cannot be written as JSON`);
  }
  if (Number.isInteger(n) && !Object.is(n, -0)) return intText(n);
  return formatFloatJson(n);
}

function floatText(f: JsonFloat): string {
  if (!Number.isFinite(f.value)) {
    throw new GuardError('INTERNAL_ERROR', `non-finite float ${f.value} cannot be written as JSON`);
  }
  return formatFloatJson(f.value);
}

class JsonPrinter {
  private readonly indents: string[] = [''];

  constructor(
    private readonly out: TextChunks,
    private readonly pretty: boolean,
  ) {}

  private indent(depth: number): string {
    let cached = this.indents[depth];
    if (cached === undefined) {
      cached = '  '.repeat(depth);
      this.indents[depth] = cached;
    }
    return cached;
  }

  value(v: JsonValue, depth: number): void {
    const out = this.out;
    if (v === null) out.push('null');
    else if (typeof v === 'boolean') out.push(v ? 'true' : 'false');
    else if (typeof v === 'number') out.push(jsonNumberText(v));
    else if (typeof v === 'bigint') out.push(v.toString());
    else if (typeof v === 'string') out.push(jsonString(v));
    else if (v instanceof JsonFloat) out.push(floatText(v));
    else if (Array.isArray(v)) this.array(v as readonly JsonValue[], depth);
    else this.object(jsonObjectEntries(v), depth);
  }

  private array(items: readonly JsonValue[], depth: number): void {
    const out = this.out;
    if (items.length === 0) {
      out.push('[]');
      return;
    }
    out.push('[');
    items.forEach((item, i) => {
      if (i > 0) out.push(',');
      if (this.pretty) out.push('\n', this.indent(depth + 1));
      this.value(item, depth + 1);
    });
    if (this.pretty) out.push('\n', this.indent(depth));
    out.push(']');
  }

  private object(entries: readonly [string, JsonValue][], depth: number): void {
    const out = this.out;
    if (entries.length === 0) {
      out.push('{}');
      return;
    }
    out.push('{');
    entries.forEach(([key, item], i) => {
      if (i > 0) out.push(',');
      if (this.pretty) out.push('\n', this.indent(depth + 1));
      out.push(jsonString(key), this.pretty ? ': ' : ':');
      this.value(item, depth + 1);
    });
    if (this.pretty) out.push('\n', this.indent(depth));
    out.push('}');
  }
}

/** Appends the JSON text of `value` to `out` (no trailing newline, like serde_json). */
export function writeJson(value: JsonValue, out: TextChunks, options: JsonWriteOptions = {}): void {
  new JsonPrinter(out, options.pretty ?? true).value(value, 0);
}

/** serde_json's `to_string_pretty`. */
export function toJsonPretty(value: JsonValue): string {
  const out: TextChunks = [];
  writeJson(value, out);
  return out.join('');
}

/** serde_json's `to_string`. */
export function toJsonCompact(value: JsonValue): string {
  const out: TextChunks = [];
  writeJson(value, out, { pretty: false });
  return out.join('');
}
