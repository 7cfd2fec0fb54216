/**
 * The read position over a Guard regex pattern, shared by the parser's
 * pieces (regex-parse.ts, regex-parse-class.ts, regex-parse-escape.ts). It
 * steps by code points, as the reference's parser does.
 */
import { RegexSyntaxError } from './regex-ast.js';

export class RegexCursor {
  pos = 0;

  constructor(readonly src: string) {}

  fail(message: string, at = this.pos): never {
    throw new RegexSyntaxError(message, at);
  }

  peek(offset = 0): string | undefined {
    const at = this.pos + offset;
    // Past either end there is nothing; only a high surrogate can start a
    // two-unit code point, so any other unit is its own character.
    if (at < 0 || at >= this.src.length) return undefined;
    const c = this.src.charCodeAt(at);
    if (c < 0xd800 || c > 0xdbff) return this.src.charAt(at);
    return String.fromCodePoint(this.src.codePointAt(at) as number);
  }

  next(): string {
    const c = this.peek();
    if (c === undefined) this.fail('General parsing error: unexpected end of pattern');
    this.pos += c.length;
    return c;
  }

  startsWith(text: string): boolean {
    return this.src.startsWith(text, this.pos);
  }
}

export function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
