/**
 * `validate --payload` (CLI-VAL-05): stdin holds
 * `{"rules": ["<rules text>", …], "data": ["<data text>", …]}`.
 *
 * The reference decodes it with serde_json into a struct, and its error
 * messages (`expected ident at line 1 column 2`, `missing field \`rules\` at
 * line 3 column 1`) are part of what users see, so this is a small strict
 * JSON reader that reports failures in serde_json's words and positions.
 * JSON.parse would accept the same documents but word every error differently.
 */

export interface Payload {
  readonly rules: readonly string[];
  readonly data: readonly string[];
}

export type PayloadOutcome =
  | { readonly ok: true; readonly payload: Payload }
  | { readonly ok: false; readonly message: string };

class PayloadError extends Error {}

/** serde_json's reader state: an offset plus the line/column it reports. */
class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  /** serde_json reports the position of the last character it consumed (1-based column). */
  fail(message: string, at = this.pos): never {
    let line = 1;
    let column = 0;
    for (let i = 0; i < at && i < this.text.length; i++) {
      if (this.text[i] === '\n') {
        line++;
        column = 0;
      } else {
        column++;
      }
    }
    throw new PayloadError(`${message} at line ${line} column ${column}`);
  }

  skipWhitespace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos] as string)) {
      this.pos++;
    }
  }

  peek(): string | undefined {
    return this.text[this.pos];
  }
}

function parseString(r: Reader): string {
  // r.peek() is the opening quote.
  r.pos++;
  let out = '';
  for (;;) {
    const c = r.peek();
    if (c === undefined) r.fail('EOF while parsing a string', r.text.length);
    r.pos++;
    if (c === '"') return out;
    if (c === '\\') {
      const e = r.peek();
      if (e === undefined) r.fail('EOF while parsing a string', r.text.length);
      r.pos++;
      const simple: Record<string, string> = {
        '"': '"',
        '\\': '\\',
        '/': '/',
        b: '\b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
      };
      if (e in simple) {
        out += simple[e];
      } else if (e === 'u') {
        const hex = r.text.slice(r.pos, r.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) r.fail('invalid escape', r.pos + 1);
        out += String.fromCharCode(Number.parseInt(hex, 16));
        r.pos += 4;
      } else {
        r.fail('invalid escape');
      }
    } else if (c < ' ') {
      r.fail('control character (\\u0000-\\u001F) found while parsing a string');
    } else {
      out += c;
    }
  }
}

/** Skips any JSON value (used for unknown fields, which serde ignores). */
function skipValue(r: Reader): void {
  r.skipWhitespace();
  const c = r.peek();
  if (c === undefined) r.fail('EOF while parsing a value', r.text.length);
  if (c === '"') {
    parseString(r);
    return;
  }
  if (c === '[' || c === '{') {
    const close = c === '[' ? ']' : '}';
    r.pos++;
    r.skipWhitespace();
    if (r.peek() === close) {
      r.pos++;
      return;
    }
    for (;;) {
      if (c === '{') {
        r.skipWhitespace();
        if (r.peek() !== '"') r.fail('key must be a string', r.pos + 1);
        parseString(r);
        r.skipWhitespace();
        if (r.peek() !== ':') r.fail('expected `:`', r.pos + 1);
        r.pos++;
      }
      skipValue(r);
      r.skipWhitespace();
      const n = r.peek();
      if (n === ',') {
        r.pos++;
        continue;
      }
      if (n === close) {
        r.pos++;
        return;
      }
      if (n === undefined)
        r.fail(`EOF while parsing ${c === '[' ? 'a list' : 'an object'}`, r.text.length);
      r.fail(`expected \`,\` or \`${close}\``, r.pos + 1);
    }
  }
  const literal = /^(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?)/.exec(r.text.slice(r.pos));
  if (literal) {
    r.pos += literal[0].length;
    return;
  }
  failOnBadValue(r);
}

/** What serde_json says when a value starts with something it cannot read. */
function failOnBadValue(r: Reader): never {
  const c = r.peek() as string;
  const words: Record<string, string> = { t: 'true', f: 'false', n: 'null' };
  const word = words[c];
  if (word !== undefined) {
    for (let i = 1; i < word.length; i++) {
      if (r.text[r.pos + i] !== word[i]) {
        if (r.pos + i >= r.text.length) r.fail('EOF while parsing a value', r.text.length);
        r.fail('expected ident', r.pos + i + 1);
      }
    }
  }
  r.fail('expected value', r.pos + 1);
}

function typeName(r: Reader): string {
  const c = r.peek();
  if (c === '{') return 'map';
  if (c === '[') return 'sequence';
  if (c === '"') return 'string';
  if (c === 't' || c === 'f') return 'boolean';
  if (c === 'n') return 'null';
  return 'number';
}

function describeUnexpected(r: Reader): string {
  const start = r.pos;
  const kind = typeName(r);
  skipValue(r);
  const raw = r.text.slice(start, r.pos);
  switch (kind) {
    case 'boolean':
      return `boolean \`${raw}\``;
    case 'null':
      return 'null';
    case 'number':
      return /[.eE]/.test(raw) ? `floating point \`${Number(raw)}\`` : `integer \`${raw}\``;
    default:
      return kind;
  }
}

function parseStringList(r: Reader): string[] {
  r.skipWhitespace();
  if (r.peek() === undefined) r.fail('EOF while parsing a value', r.text.length);
  if (r.peek() !== '[') {
    const what = describeUnexpected(r);
    r.fail(`invalid type: ${what}, expected a sequence`);
  }
  r.pos++;
  const out: string[] = [];
  r.skipWhitespace();
  if (r.peek() === ']') {
    r.pos++;
    return out;
  }
  for (;;) {
    r.skipWhitespace();
    if (r.peek() === undefined) r.fail('EOF while parsing a list', r.text.length);
    if (r.peek() !== '"') {
      const what = describeUnexpected(r);
      r.fail(`invalid type: ${what}, expected a string`);
    }
    out.push(parseString(r));
    r.skipWhitespace();
    const n = r.peek();
    if (n === ',') {
      r.pos++;
      continue;
    }
    if (n === ']') {
      r.pos++;
      return out;
    }
    if (n === undefined) r.fail('EOF while parsing a list', r.text.length);
    r.fail('expected `,` or `]`', r.pos + 1);
  }
}

function parsePayloadObject(r: Reader): Payload {
  r.skipWhitespace();
  const c = r.peek();
  if (c === undefined) r.fail('EOF while parsing a value', r.text.length);
  if (c !== '{') {
    if (c === '"' || c === '[' || /[-0-9]/.test(c)) {
      const what = describeUnexpected(r);
      r.fail(`invalid type: ${what}, expected struct Payload`);
    }
    if (/[tfn]/.test(c)) {
      const start = r.pos;
      failOnBadValueOrType(r, start);
    }
    r.fail('expected value', r.pos + 1);
  }
  r.pos++;
  let rules: string[] | undefined;
  let data: string[] | undefined;
  r.skipWhitespace();
  if (r.peek() === '}') {
    r.pos++;
  } else {
    for (;;) {
      r.skipWhitespace();
      if (r.peek() === undefined) r.fail('EOF while parsing an object', r.text.length);
      if (r.peek() !== '"') r.fail('key must be a string', r.pos + 1);
      const key = parseString(r);
      r.skipWhitespace();
      if (r.peek() === undefined) r.fail('EOF while parsing an object', r.text.length);
      if (r.peek() !== ':') r.fail('expected `:`', r.pos + 1);
      r.pos++;
      if (key === 'rules') {
        if (rules !== undefined) r.fail('duplicate field `rules`');
        rules = parseStringList(r);
      } else if (key === 'data') {
        if (data !== undefined) r.fail('duplicate field `data`');
        data = parseStringList(r);
      } else {
        skipValue(r);
      }
      r.skipWhitespace();
      const n = r.peek();
      if (n === ',') {
        r.pos++;
        continue;
      }
      if (n === '}') {
        r.pos++;
        break;
      }
      if (n === undefined) r.fail('EOF while parsing an object', r.text.length);
      r.fail('expected `,` or `}`', r.pos + 1);
    }
  }
  if (rules === undefined) r.fail('missing field `rules`');
  if (data === undefined) r.fail('missing field `data`');
  r.skipWhitespace();
  if (r.pos < r.text.length) r.fail('trailing characters', r.pos + 1);
  return { rules, data };
}

function failOnBadValueOrType(r: Reader, start: number): never {
  const word = /^(true|false|null)/.exec(r.text.slice(start));
  if (word) {
    const what = word[0] === 'null' ? 'null' : `boolean \`${word[0]}\``;
    r.pos = start + word[0].length;
    r.fail(`invalid type: ${what}, expected struct Payload`);
  }
  failOnBadValue(r);
}

/** Decodes the payload; the failure message is serde_json's Display of the error. */
export function parsePayload(text: string): PayloadOutcome {
  try {
    return { ok: true, payload: parsePayloadObject(new Reader(text)) };
  } catch (err) {
    if (err instanceof PayloadError) return { ok: false, message: err.message };
    throw err;
  }
}
