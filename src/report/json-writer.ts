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

/**
 * What every writer appends to: a `TextChunks` array, or a `FlushingSink`
 * that streams. A report too large for one V8 string (about 512 MiB; the
 * structured report of a 5 MB template is 1.26 GB) can only be streamed.
 */
export interface TextSink {
  push(...chunks: string[]): unknown;
}

/**
 * Collects chunks and hands them to `write` joined, about `limit` characters
 * at a time, so neither the output string nor the chunk list grows with the
 * report; call `flush()` at the end.
 */
export class FlushingSink implements TextSink {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly limit = 1 << 20,
  ) {}

  push(...chunks: string[]): void {
    for (const chunk of chunks) {
      this.parts.push(chunk);
      this.size += chunk.length;
    }
    if (this.size >= this.limit) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.write(text);
  }
}

/**
 * A JSON array whose items are made one at a time while printing, so a
 * report's JSON tree never exists whole (only the JSON writer knows it; cast
 * it to `JsonValue` where a member expects one).
 */
export class JsonLazyArray {
  constructor(
    readonly length: number,
    readonly item: (index: number) => JsonValue,
  ) {}
}

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

/** Object keys as printed (`"key": `), shared: reports repeat a few dozen keys millions of times. */
const prettyKeyTexts = new Map<string, string>();
const compactKeyTexts = new Map<string, string>();
const KEY_CACHE_LIMIT = 10_000;

/** Characters gathered before the printer hands a piece to its sink. */
const PIECE = 1 << 16;

/**
 * Appends to one string and hands the sink pieces of about 64 KiB: a
 * gigabyte report as hundreds of millions of tiny chunks cost more to store
 * and join than to print.
 */
class JsonPrinter {
  private readonly separators: string[] = [];
  private buf = '';

  constructor(
    private readonly out: TextSink,
    private readonly pretty: boolean,
  ) {}

  /** What precedes an item at `depth`: newline and indent when pretty. */
  private separator(depth: number): string {
    let cached = this.separators[depth];
    if (cached === undefined) {
      cached = this.pretty ? `\n${'  '.repeat(depth)}` : '';
      this.separators[depth] = cached;
    }
    return cached;
  }

  private emit(text: string): void {
    this.buf += text;
    if (this.buf.length >= PIECE) {
      this.out.push(this.buf);
      this.buf = '';
    }
  }

  finish(): void {
    if (this.buf !== '') this.out.push(this.buf);
    this.buf = '';
  }

  private keyText(key: string): string {
    const cache = this.pretty ? prettyKeyTexts : compactKeyTexts;
    let text = cache.get(key);
    if (text === undefined) {
      text = jsonString(key) + (this.pretty ? ': ' : ':');
      if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
      cache.set(key, text);
    }
    return text;
  }

  value(v: JsonValue, depth: number): void {
    if (v === null) this.emit('null');
    else if (typeof v === 'boolean') this.emit(v ? 'true' : 'false');
    else if (typeof v === 'number') this.emit(jsonNumberText(v));
    else if (typeof v === 'bigint') this.emit(v.toString());
    else if (typeof v === 'string') this.emit(jsonString(v));
    else if (v instanceof JsonFloat) this.emit(floatText(v));
    else if (Array.isArray(v)) this.array(v as readonly JsonValue[], depth);
    else if ((v as unknown) instanceof JsonLazyArray)
      this.lazyArray(v as unknown as JsonLazyArray, depth);
    else if (v instanceof Map) this.map(v as ReadonlyMap<string, JsonValue>, depth);
    else this.object(v as Readonly<Record<string, JsonValue | undefined>>, depth);
  }

  private array(items: readonly JsonValue[], depth: number): void {
    if (items.length === 0) {
      this.emit('[]');
      return;
    }
    const inner = this.separator(depth + 1);
    for (let i = 0; i < items.length; i++) {
      this.emit(i === 0 ? '[' : ',');
      this.emit(inner);
      this.value(items[i] as JsonValue, depth + 1);
    }
    this.emit(this.separator(depth));
    this.emit(']');
  }

  private lazyArray(items: JsonLazyArray, depth: number): void {
    if (items.length === 0) {
      this.emit('[]');
      return;
    }
    const inner = this.separator(depth + 1);
    for (let i = 0; i < items.length; i++) {
      this.emit(i === 0 ? '[' : ',');
      this.emit(inner);
      this.value(items.item(i), depth + 1);
    }
    this.emit(this.separator(depth));
    this.emit(']');
  }

  private map(entries: ReadonlyMap<string, JsonValue>, depth: number): void {
    if (entries.size === 0) {
      this.emit('{}');
      return;
    }
    const inner = this.separator(depth + 1);
    let first = true;
    for (const [key, item] of entries) {
      this.emit(first ? '{' : ',');
      first = false;
      this.emit(inner);
      this.emit(this.keyText(key));
      this.value(item, depth + 1);
    }
    this.emit(this.separator(depth));
    this.emit('}');
  }

  /** A plain object's members in property order; `undefined` members are left out. */
  private object(v: Readonly<Record<string, JsonValue | undefined>>, depth: number): void {
    const inner = this.separator(depth + 1);
    let first = true;
    for (const key of Object.keys(v)) {
      const item = v[key];
      if (item === undefined) continue;
      this.emit(first ? '{' : ',');
      first = false;
      this.emit(inner);
      this.emit(this.keyText(key));
      this.value(item, depth + 1);
    }
    if (first) this.emit('{}');
    else {
      this.emit(this.separator(depth));
      this.emit('}');
    }
  }
}

/** Appends the JSON text of `value` to `out` (no trailing newline, like serde_json). */
export function writeJson(value: JsonValue, out: TextSink, options: JsonWriteOptions = {}): void {
  const printer = new JsonPrinter(out, options.pretty ?? true);
  printer.value(value, 0);
  printer.finish();
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
