/**
 * The libyaml emitter as serde_yaml 0.9 drives it, reduced to what tsguard
 * prints: block style, 2-space indent, no `---` marker, no line folding
 * (serde_yaml disables the width limit). Callers walk their own value model
 * and send events, as serde_yaml does; scalar styles come from
 * ./yaml-scalar.ts. Leaf layer: imports nothing outside src/text/.
 *
 * Layout rules kept here: sequences under a mapping key are not indented
 * (`key:\n- a`), `- ` items hold mappings inline, empty collections are flow
 * `[]` / `{}`, keys longer than 128 bytes or spanning lines use the
 * `? key\n: value` form, and the document ends with one newline.
 */
import {
  analyzeScalar,
  BEST_INDENT,
  isBreak,
  isSimpleKey,
  renderScalar,
  type ScalarAnalysis,
  selectScalarStyle,
} from './yaml-scalar.js';
import type { RequestedStyle } from './yaml-string-style.js';

/** Where the emitter appends text (report/json-writer's `TextSink` fits). */
export interface YamlSink {
  push(...chunks: string[]): unknown;
}

/** Column after `text` if it holds a raw line break, else -1. */
function columnAfterBreak(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    if (isBreak(text.charCodeAt(i))) return text.length - 1 - i;
  }
  return -1;
}

/** The libyaml emitter state that decides spaces and line breaks. */
export class YamlEmitter {
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];

  constructor(private readonly out: YamlSink) {}

  private put(text: string): void {
    this.out.push(text);
    // Columns count UTF-16 units; they are only compared with the indent
    // right after a line break or indentation, where that is exact.
    this.column += text.length;
  }

  private putBreak(): void {
    this.out.push('\n');
    this.column = 0;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    if (this.column < indent) this.put(' '.repeat(indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private restoreIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  /** Ends the (implicit) document: one final line break unless a block scalar already ended the line. */
  endDocument(): void {
    this.indent = -1;
    this.indents.length = 0;
    this.writeIndent();
  }

  /** An empty sequence, `[]`. */
  emptySequence(): void {
    this.writeIndicator('[', true, true, false);
    this.writeIndicator(']', false, false, false);
  }

  /** An empty mapping, `{}`. */
  emptyMapping(): void {
    this.writeIndicator('{', true, true, false);
    this.writeIndicator('}', false, false, false);
  }

  /** Starts a non-empty block sequence; `mappingValue` when it is the value of a mapping key. */
  beginSequence(mappingValue: boolean): void {
    this.increaseIndent(false, mappingValue && !this.indention);
  }

  /** Starts the next item of the current sequence (`- `); then send the item's events. */
  sequenceItem(): void {
    this.writeIndent();
    this.writeIndicator('-', true, false, true);
  }

  endSequence(): void {
    this.restoreIndent();
  }

  /** Starts a non-empty block mapping. */
  beginMapping(): void {
    this.increaseIndent(false, false);
  }

  /** Writes a string key and its `:`; then send the value's events (a sequence with `mappingValue`). */
  mappingKey(key: string, requested: RequestedStyle): void {
    this.writeIndent();
    const analysis = analyzeScalar(key);
    if (isSimpleKey(analysis)) {
      this.scalarWith(key, requested, true, analysis);
      this.writeIndicator(':', false, false, false);
    } else {
      this.writeIndicator('?', true, false, true);
      this.scalarWith(key, requested, false, analysis);
      this.writeIndent();
      this.writeIndicator(':', true, false, true);
    }
  }

  endMapping(): void {
    this.restoreIndent();
  }

  /** A scalar in value position: `requested` is `plain` for numbers, bools and null. */
  scalar(text: string, requested: RequestedStyle): void {
    this.scalarWith(text, requested, false, analyzeScalar(text));
  }

  private scalarWith(
    text: string,
    requested: RequestedStyle,
    simpleKey: boolean,
    analysis: ScalarAnalysis,
  ): void {
    const style = selectScalarStyle(text, requested, simpleKey, analysis);
    // libyaml raises the indent for the scalar itself (as if flow): its
    // continuation lines start one step in from the enclosing block.
    const indent = this.indent < 0 ? BEST_INDENT : this.indent + BEST_INDENT;
    const rendered = renderScalar(text, style, indent);
    if (!this.whitespace && rendered.length > 0) this.put(' ');
    if (rendered.length > 0) this.out.push(rendered);
    const column = columnAfterBreak(rendered);
    this.column = column < 0 ? this.column + rendered.length : column;
    if (style === 'literal') {
      // A block scalar leaves the line open after its last break.
      this.whitespace = true;
      this.indention = rendered.length > 0 && isBreak(rendered.charCodeAt(rendered.length - 1));
    } else {
      this.whitespace = false;
      this.indention = false;
    }
  }
}
