/**
 * The cursor of the serde_json-style reader (serde-json.ts): where it stands
 * in the text and how an error is placed. Every other part of the reader
 * moves through it, so the position rules live in one spot.
 *
 * Position rules (checked against cfn-guard 3.1.1):
 * - `fail` reports where the cursor stands: after the consumed text
 *   (serde_json `error`); `failAtPeek` one byte further, on the offending
 *   character (serde_json `peek_error`).
 * - Columns count UTF-8 bytes since the last newline, as serde_json slices
 *   bytes; lines are 1-based, columns 0-based before the first byte.
 */

/** A failure with serde_json's text, position included. */
export class SerdeJsonError {
  constructor(readonly message: string) {}
}

/** UTF-8 length of one UTF-16 code unit (a surrogate pair is 2 + 2 bytes). */
export function utf8Width(unit: number): number {
  if (unit < 0x80) return 1;
  if (unit < 0x800) return 2;
  if (unit >= 0xd800 && unit <= 0xdfff) return 2;
  return 3;
}

export class JsonCursor {
  pos = 0;
  line = 1;
  /** Bytes consumed on the current line. */
  col = 0;
  constructor(readonly text: string) {}

  peek(): string | undefined {
    return this.text[this.pos];
  }

  next(): string | undefined {
    const c = this.text[this.pos];
    if (c === undefined) return undefined;
    this.advance(c.charCodeAt(0));
    return c;
  }

  private advance(unit: number): void {
    this.pos++;
    if (unit === 10) {
      this.line++;
      this.col = 0;
    } else {
      this.col += utf8Width(unit);
    }
  }

  skipWhitespace(): void {
    for (;;) {
      const u = this.text.charCodeAt(this.pos);
      if (u !== 0x20 && u !== 0x0a && u !== 0x09 && u !== 0x0d) return;
      this.advance(u);
    }
  }

  /** Moves to the end of the text (serde_json's EOF errors point there). */
  toEnd(): void {
    while (this.pos < this.text.length) this.advance(this.text.charCodeAt(this.pos));
  }

  /** An error at the consumed position (serde_json `error`). */
  fail(message: string): never {
    throw new SerdeJsonError(`${message} at line ${this.line} column ${this.col}`);
  }

  /**
   * An error one byte past the consumed position (serde_json `peek_error`):
   * on the next character, whatever its UTF-8 width; a newline starts the
   * next line; at the end of the text it is the end.
   */
  failAtPeek(message: string): never {
    const c = this.peek();
    if (c === '\n') throw new SerdeJsonError(`${message} at line ${this.line + 1} column 0`);
    const col = c === undefined ? this.col : this.col + 1;
    throw new SerdeJsonError(`${message} at line ${this.line} column ${col}`);
  }
}

/** Runs `read` over the whole text; anything but whitespace after it is an error. */
export function readJsonDocument<T>(
  text: string,
  read: (c: JsonCursor) => T,
): { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string } {
  const c = new JsonCursor(text);
  try {
    const value = read(c);
    c.skipWhitespace();
    if (c.peek() !== undefined) c.failAtPeek('trailing characters');
    return { ok: true, value };
  } catch (e) {
    if (e instanceof SerdeJsonError) return { ok: false, message: e.message };
    throw e;
  }
}
