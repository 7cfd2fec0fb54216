/**
 * The JSON fallback of the spec reader (TEST-02). The reference reads a spec
 * file as YAML first and, when that fails, as JSON (serde_json into
 * `Vec<TestSpec>`); the error it prints is always the JSON one. Since most
 * spec files are YAML, those messages are what users see for any broken spec
 * (`invalid number at line 1 column 2` for a file starting with `- name:`),
 * so this reader deserializes *while* scanning, as serde does, and reports
 * the first problem with serde_json's wording and position rules:
 * - syntax errors and "invalid type" of scalars point after the consumed
 *   text; "invalid type" of a map or list points before its bracket;
 * - "expected value", "expected `,` or `]`", "key must be a string",
 *   "trailing characters" and "trailing comma" point at the offending
 *   character (one past consumed);
 * - "missing field" points after the closing `}` of the struct.
 * Columns count UTF-16 code units (serde_json counts bytes; they differ only
 * after non-ASCII text on the same line).
 */
import { listValue, mapValue } from '../data/make.js';
import { indexPath, keyPath, ROOT_PATH } from '../data/path.js';
import type { KeyLocation, Value } from '../data/value.js';
import type { SpecParse, TestSpec } from './test-spec-types.js';

class JsonSpecError {
  constructor(readonly message: string) {}
}

type Unexpected = string;

class Reader {
  pos = 0;
  line = 1;
  col = 0;
  constructor(readonly text: string) {}

  peek(): string | undefined {
    return this.text[this.pos];
  }

  next(): string | undefined {
    const c = this.text[this.pos];
    if (c === undefined) return undefined;
    this.pos++;
    if (c === '\n') {
      this.line++;
      this.col = 0;
    } else {
      this.col++;
    }
    return c;
  }

  skipWs(): void {
    for (
      let c = this.peek();
      c === ' ' || c === '\n' || c === '\t' || c === '\r';
      c = this.peek()
    ) {
      this.next();
    }
  }

  /** An error at the consumed position (serde_json `error`). */
  fail(message: string): never {
    throw new JsonSpecError(`${message} at line ${this.line} column ${this.col}`);
  }

  /** An error at the next character (serde_json `peek_error`). */
  failAtPeek(message: string): never {
    const c = this.peek();
    const col = c === undefined || c === '\n' ? this.col : this.col + 1;
    throw new JsonSpecError(`${message} at line ${this.line} column ${col}`);
  }
}

type Scalar =
  | { kind: 'null' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'string'; value: string };

function describe(s: Scalar): Unexpected {
  switch (s.kind) {
    case 'null':
      return 'null';
    case 'bool':
      return `boolean \`${s.value}\``;
    case 'int':
      return `integer \`${s.value}\``;
    case 'float':
      return `floating point \`${Number.isInteger(s.value) ? s.value.toFixed(1) : String(s.value)}\``;
    case 'string':
      return `string ${JSON.stringify(s.value)}`;
  }
}

function parseIdent(r: Reader, rest: string): void {
  r.next();
  for (const expected of rest) {
    const c = r.next();
    if (c === undefined) r.fail('EOF while parsing a value');
    if (c !== expected) r.fail('expected ident');
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function parseNumber(r: Reader): Scalar {
  const start = r.pos;
  if (r.peek() === '-') r.next();
  const first = r.next();
  if (!isDigit(first)) r.fail('invalid number');
  if (first === '0' && isDigit(r.peek())) {
    r.next();
    r.fail('invalid number');
  }
  while (isDigit(r.peek())) r.next();
  let isFloat = false;
  if (r.peek() === '.') {
    isFloat = true;
    r.next();
    if (!isDigit(r.next())) r.fail('invalid number');
    while (isDigit(r.peek())) r.next();
  }
  if (r.peek() === 'e' || r.peek() === 'E') {
    isFloat = true;
    r.next();
    if (r.peek() === '+' || r.peek() === '-') r.next();
    if (!isDigit(r.next())) r.fail('invalid number');
    while (isDigit(r.peek())) r.next();
  }
  const value = Number(r.text.slice(start, r.pos));
  return isFloat || !Number.isSafeInteger(value)
    ? { kind: 'float', value }
    : { kind: 'int', value };
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

function parseString(r: Reader): string {
  r.next(); // opening quote
  let out = '';
  for (;;) {
    const c = r.next();
    if (c === undefined) r.fail('EOF while parsing a string');
    if (c === '"') return out;
    if (c === '\\') {
      const e = r.next();
      if (e === undefined) r.fail('EOF while parsing a string');
      if (e === 'u') {
        let hex = '';
        for (let i = 0; i < 4; i++) {
          const h = r.next();
          if (h === undefined) r.fail('EOF while parsing a string');
          if (!/[0-9a-fA-F]/.test(h)) r.fail('invalid escape');
          hex += h;
        }
        out += String.fromCharCode(Number.parseInt(hex, 16));
        continue;
      }
      const mapped = ESCAPES[e];
      if (mapped === undefined) r.fail('invalid escape');
      out += mapped;
      continue;
    }
    if (c < ' ') r.fail('control character (\\u0000-\\u001F) found while parsing a string');
    out += c;
  }
}

/** A scalar at the cursor, or `undefined` when the next character starts a map or list. */
function parseScalar(r: Reader): Scalar | undefined {
  const c = r.peek();
  switch (c) {
    case undefined:
      return r.fail('EOF while parsing a value');
    case 'n':
      parseIdent(r, 'ull');
      return { kind: 'null' };
    case 't':
      parseIdent(r, 'rue');
      return { kind: 'bool', value: true };
    case 'f':
      parseIdent(r, 'alse');
      return { kind: 'bool', value: false };
    case '"':
      return { kind: 'string', value: parseString(r) };
    case '{':
    case '[':
      return undefined;
    default:
      if (c === '-' || isDigit(c)) return parseNumber(r);
      return r.failAtPeek('expected value');
  }
}

/** `invalid type: <what is here>, expected <expected>` for a value of the wrong shape. */
function invalidType(r: Reader, expected: string): never {
  const c = r.peek();
  if (c === '{') r.fail(`invalid type: map, expected ${expected}`);
  if (c === '[') r.fail(`invalid type: sequence, expected ${expected}`);
  const s = parseScalar(r) as Scalar;
  return r.fail(`invalid type: ${describe(s)}, expected ${expected}`);
}

/** Walks a list's elements: `each` parses one element at the cursor. */
function readList(r: Reader, each: (index: number) => void): void {
  r.next(); // [
  let index = 0;
  r.skipWs();
  if (r.peek() === ']') {
    r.next();
    return;
  }
  for (;;) {
    each(index++);
    r.skipWs();
    const c = r.peek();
    if (c === undefined) r.fail('EOF while parsing a list');
    if (c === ']') {
      r.next();
      return;
    }
    if (c !== ',') r.failAtPeek('expected `,` or `]`');
    r.next();
    r.skipWs();
    if (r.peek() === ']') r.failAtPeek('trailing comma');
  }
}

/** Walks a map's members: `each` gets the key with the cursor on the value. */
function readMap(r: Reader, each: (key: string) => void): void {
  r.next(); // {
  r.skipWs();
  if (r.peek() === '}') {
    r.next();
    return;
  }
  for (;;) {
    const k = r.peek();
    if (k === undefined) r.fail('EOF while parsing an object');
    if (k !== '"') r.failAtPeek('key must be a string');
    const key = parseString(r);
    r.skipWs();
    const colon = r.peek();
    if (colon === undefined) r.fail('EOF while parsing an object');
    if (colon !== ':') r.failAtPeek('expected `:`');
    r.next();
    r.skipWs();
    each(key);
    r.skipWs();
    const c = r.peek();
    if (c === undefined) r.fail('EOF while parsing an object');
    if (c === '}') {
      r.next();
      return;
    }
    if (c !== ',') r.failAtPeek('expected `,` or `}`');
    r.next();
    r.skipWs();
    if (r.peek() === '}') r.failAtPeek('trailing comma');
  }
}

/** Any JSON value as a document Value (the spec's `input`). */
function readValue(r: Reader, path: string): Value {
  const c = r.peek();
  if (c === '[') {
    const items: Value[] = [];
    readList(r, (i) => {
      r.skipWs();
      items.push(readValue(r, indexPath(path, i)));
    });
    return listValue(items, path, 0, 0);
  }
  if (c === '{') {
    const entries = new Map<string, Value>();
    const keyLocations = new Map<string, KeyLocation>();
    readMap(r, (key) => {
      entries.set(key, readValue(r, keyPath(path, key)));
      keyLocations.set(key, { line: 0, col: 0 });
    });
    return mapValue(entries, keyLocations, path, 0, 0);
  }
  const s = parseScalar(r) as Scalar;
  return { ...s, path, line: 0, col: 0 } as Value;
}

function readStringField(r: Reader, nullable: boolean): string | undefined {
  const c = r.peek();
  if (c === '"') return parseString(r);
  if (nullable && c === 'n') {
    parseIdent(r, 'ull');
    return undefined;
  }
  return invalidType(r, 'a string');
}

function readRules(r: Reader): Map<string, string> {
  if (r.peek() !== '{') invalidType(r, 'a map');
  const rules = new Map<string, string>();
  readMap(r, (key) => {
    rules.set(key, readStringField(r, false) as string);
  });
  return rules;
}

/** A derived struct: members in any order, unknown ones skipped, duplicates and missing ones rejected. */
function readStruct(
  r: Reader,
  structName: string,
  fields: Readonly<Record<string, () => void>>,
  required: readonly string[],
): void {
  if (r.peek() !== '{') invalidType(r, `struct ${structName}`);
  const seen = new Set<string>();
  readMap(r, (key) => {
    const field = fields[key];
    if (field === undefined) {
      readValue(r, ROOT_PATH);
      return;
    }
    if (seen.has(key)) r.fail(`duplicate field \`${key}\``);
    seen.add(key);
    field();
  });
  for (const name of required) if (!seen.has(name)) r.fail(`missing field \`${name}\``);
}

function readSpec(r: Reader): TestSpec {
  let name: string | undefined;
  let input: Value = { kind: 'null', path: ROOT_PATH, line: 0, col: 0 };
  let expectations = new Map<string, string>();
  readStruct(
    r,
    'TestSpec',
    {
      name: () => {
        name = readStringField(r, true);
      },
      input: () => {
        input = readValue(r, ROOT_PATH);
      },
      expectations: () => {
        readStruct(
          r,
          'TestExpectations',
          {
            rules: () => {
              expectations = readRules(r);
            },
          },
          ['rules'],
        );
      },
    },
    ['input', 'expectations'],
  );
  return { name, input, expectations };
}

/** Reads a spec file as serde_json would deserialize `Vec<TestSpec>` from it. */
export function parseSpecJson(text: string): SpecParse {
  const r = new Reader(text);
  try {
    r.skipWs();
    if (r.peek() !== '[') invalidType(r, 'a sequence');
    const specs: TestSpec[] = [];
    readList(r, () => {
      r.skipWs();
      specs.push(readSpec(r));
    });
    r.skipWs();
    if (r.peek() !== undefined) r.failAtPeek('trailing characters');
    return { ok: true, specs };
  } catch (e) {
    if (e instanceof JsonSpecError) return { ok: false, message: e.message };
    throw e;
  }
}
