/**
 * Lists, maps and derived structs for the serde_json-style reader
 * (serde-json.ts): serde_json's SeqAccess/MapAccess rules for commas,
 * trailing commas and end of input, and what `#[derive(Deserialize)]` does
 * with a struct's members.
 */
import { failInvalidType, skipValue } from './serde-json.js';
import type { JsonCursor } from './serde-json-cursor.js';
import { readString } from './serde-json-lexemes.js';

/** Element access of a list (serde_json SeqAccess); the cursor is past `[`. */
class SeqAccess {
  private first = true;
  constructor(private readonly c: JsonCursor) {}

  /** True with the cursor on the next element; false with it on `]` (not consumed). */
  hasNext(): boolean {
    const c = this.c;
    c.skipWhitespace();
    let ch = c.peek();
    if (ch === ']') return false;
    if (ch === ',' && !this.first) {
      c.next();
      c.skipWhitespace();
      ch = c.peek();
      if (ch === ']') c.failAtPeek('trailing comma');
      if (ch === undefined) c.failAtPeek('EOF while parsing a value');
    } else if (ch === undefined) {
      c.failAtPeek('EOF while parsing a list');
    } else if (!this.first) {
      c.failAtPeek('expected `,` or `]`');
    }
    this.first = false;
    return true;
  }
}

/** A list (the cursor on `[`): `each` reads one element at the cursor. */
export function readSeq(c: JsonCursor, each: (index: number) => void): void {
  c.next();
  const seq = new SeqAccess(c);
  for (let i = 0; seq.hasNext(); i++) each(i);
  c.next();
}

/**
 * A map (the cursor on `{`): `onKey` sees each key with the cursor right
 * after it (to reject it there), then `each` reads the value.
 */
export function readMap(
  c: JsonCursor,
  each: (key: string) => void,
  onKey?: (key: string) => void,
): void {
  c.next();
  let first = true;
  for (;;) {
    c.skipWhitespace();
    let ch = c.peek();
    if (ch === '}') break;
    if (ch === ',' && !first) {
      c.next();
      c.skipWhitespace();
      ch = c.peek();
    } else if (ch === undefined) {
      c.failAtPeek('EOF while parsing an object');
    } else if (!first) {
      c.failAtPeek('expected `,` or `}`');
    }
    first = false;
    if (ch === '}') c.failAtPeek('trailing comma');
    if (ch === undefined) c.failAtPeek('EOF while parsing a value');
    if (ch !== '"') c.failAtPeek('key must be a string');
    const key = readString(c);
    onKey?.(key);
    c.skipWhitespace();
    const colon = c.peek();
    if (colon === undefined) c.failAtPeek('EOF while parsing an object');
    if (colon !== ':') c.failAtPeek('expected `:`');
    c.next();
    c.skipWhitespace();
    each(key);
  }
  c.next();
}

/** A field of a derived struct, in declaration order; `read` reads its value at the cursor. */
export interface StructField {
  readonly name: string;
  readonly required: boolean;
  readonly read: () => void;
}

/**
 * A `#[derive(Deserialize)]` struct. As a map: members in any order, unknown
 * ones skipped, a duplicate rejected right after its key (and the blanks
 * after it), the first missing required field reported after the `}`. As a
 * list (serde accepts that too): one element per field in declaration order,
 * "invalid length" after the `]` when short, "trailing characters" when long.
 */
export function readStruct(c: JsonCursor, name: string, fields: readonly StructField[]): void {
  c.skipWhitespace();
  const ch = c.peek();
  if (ch === undefined) c.fail('EOF while parsing a value');
  if (ch === '[') {
    readStructSeq(c, name, fields);
    return;
  }
  if (ch !== '{') failInvalidType(c, `struct ${name}`);
  const seen = new Set<string>();
  let current: StructField | undefined;
  readMap(
    c,
    () => {
      if (current === undefined) skipValue(c);
      else current.read();
    },
    (key) => {
      current = fields.find((f) => f.name === key);
      if (current === undefined) return;
      if (seen.has(key)) {
        c.skipWhitespace();
        c.fail(`duplicate field \`${key}\``);
      }
      seen.add(key);
    },
  );
  for (const f of fields)
    if (f.required && !seen.has(f.name)) c.fail(`missing field \`${f.name}\``);
}

function readStructSeq(c: JsonCursor, name: string, fields: readonly StructField[]): void {
  c.next();
  const seq = new SeqAccess(c);
  for (const [i, field] of fields.entries()) {
    if (!seq.hasNext()) {
      c.next();
      const count = `${fields.length} element${fields.length === 1 ? '' : 's'}`;
      c.fail(`invalid length ${i}, expected struct ${name} with ${count}`);
    }
    field.read();
  }
  // serde_json end_seq: the struct is full, so only `]` may follow.
  c.skipWhitespace();
  const n = c.peek();
  if (n === ']') {
    c.next();
    return;
  }
  if (n === undefined) c.failAtPeek('EOF while parsing a list');
  if (n === ',') {
    c.next();
    c.skipWhitespace();
    if (c.peek() === ']') c.failAtPeek('trailing comma');
  }
  c.failAtPeek('trailing characters');
}

/** A `Vec<T>`: anything but a list is "invalid type … expected a sequence". */
export function readVec(c: JsonCursor, each: (index: number) => void): void {
  c.skipWhitespace();
  if (c.peek() === undefined) c.fail('EOF while parsing a value');
  if (c.peek() !== '[') failInvalidType(c, 'a sequence');
  readSeq(c, each);
}
