/**
 * A small streaming XML writer for the JUnit reports (OUT-JUNIT-01), laid
 * out byte for byte like the reference's writer (quick_xml with a 4-space
 * indent):
 * - every start, end and empty tag goes on a new line at the current depth,
 *   except an end tag that directly follows text (`<failure …>text</failure>`);
 * - the document ends with one newline;
 * - `< > & ' "` are written as `&lt; &gt; &amp; &apos; &quot;` in text and
 *   attribute values alike, so `]]>` can never appear raw in character data.
 *
 * One deliberate difference (see docs/output-formats.md): characters XML 1.0
 * does not allow at all (C0 controls other than tab, LF and CR, U+FFFE,
 * U+FFFF, unpaired surrogates) are written as the visible text `\uXXXX`.
 * The reference writes them raw, which makes the document unreadable to any
 * conforming parser; character references (`&#1;`) are no way out, XML 1.0
 * forbids them too. Everything else, non-ASCII included, is written as is.
 */
import type { TextSink } from './json-writer.js';

export type XmlAttributes = readonly (readonly [name: string, value: string])[];

// `u` flag: the surrogate range then matches unpaired halves only.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the characters XML 1.0 forbids is the point
const SPECIAL = /[<>&'"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/u;
const SPECIAL_GLOBAL = new RegExp(SPECIAL.source, 'gu');

function escapeChar(ch: string): string {
  switch (ch) {
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '&':
      return '&amp;';
    case "'":
      return '&apos;';
    case '"':
      return '&quot;';
    default:
      return `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
  }
}

/** Character data: markup characters as entities, characters XML 1.0 forbids as `\uXXXX`. */
export function escapeXmlText(text: string): string {
  // Most texts have nothing to escape: skip the rebuild.
  return SPECIAL.test(text) ? text.replace(SPECIAL_GLOBAL, escapeChar) : text;
}

/** Attribute values use the same escaping (quotes included, as the reference does). */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value);
}

/** Stateful only in its depth and whether the next tag starts a new line. */
export class XmlWriter {
  private depth = 0;
  private lineBreakNext = false;
  private readonly indents: string[] = [''];

  constructor(
    private readonly out: TextSink,
    private readonly indentWidth = 4,
  ) {}

  /** `<?xml version="1.0" encoding="UTF-8"?>` */
  declaration(version = '1.0', encoding = 'UTF-8'): void {
    this.tag(`<?xml version="${version}" encoding="${encoding}"?>`);
  }

  start(name: string, attributes: XmlAttributes = []): void {
    this.tag(`<${name}${attributeText(attributes)}>`);
    this.depth++;
  }

  end(name: string): void {
    this.depth = Math.max(0, this.depth - 1);
    this.tag(`</${name}>`);
  }

  empty(name: string, attributes: XmlAttributes = []): void {
    this.tag(`<${name}${attributeText(attributes)}/>`);
  }

  /** Escaped character data; the following end tag stays on the same line. */
  text(content: string): void {
    this.out.push(escapeXmlText(content));
    this.lineBreakNext = false;
  }

  /** Ends the document with a newline, as the reference does. */
  finish(): void {
    this.out.push('\n', this.indent(this.depth));
    this.lineBreakNext = false;
  }

  private tag(markup: string): void {
    if (this.lineBreakNext) this.out.push('\n', this.indent(this.depth));
    this.out.push(markup);
    this.lineBreakNext = true;
  }

  private indent(depth: number): string {
    let cached = this.indents[depth];
    if (cached === undefined) {
      cached = ' '.repeat(depth * this.indentWidth);
      this.indents[depth] = cached;
    }
    return cached;
  }
}

function attributeText(attributes: XmlAttributes): string {
  let text = '';
  for (const [name, value] of attributes) text += ` ${name}="${escapeXmlAttribute(value)}"`;
  return text;
}
