/**
 * YAML output exactly as serde_yaml 0.9.34 prints it (3.2.0's version, see
 * DIVERGENCES C11) through libyaml's emitter: the `-o yaml` reports
 * (OUT-JSON-02/03) and parse-tree YAML.
 *
 * Two layers decide how a string looks, and both are modelled here:
 * - serde_yaml picks a *requested* style: a string with `\n` asks for a
 *   literal block (`|`); a string that would read back as something else
 *   (null, `~`, bool, int incl. `0x…`, float, a digit string with a leading
 *   zero such as `007`) asks for single quotes; anything else asks for
 *   "any" (plain if possible).
 * - libyaml analyses the characters and downgrades what is not allowed:
 *   plain → single quotes (indicators, leading/trailing spaces, `: `, ` #`),
 *   single → double quotes (non-printable characters, space next to a line
 *   break), literal → double quotes (trailing space, keys).
 * Layout follows libyaml in block style with a 2-space indent: sequences
 * under a mapping key are not indented (`key:\n- a`), `- ` items hold
 * mappings inline, empty collections are flow `[]` / `{}`, keys longer than
 * 128 bytes or spanning lines use the `? key\n: value` form, there is no
 * `---` marker and no line folding (serde_yaml disables the width limit),
 * and the document ends with one newline.
 */
import { formatFloatJson, intText, JsonFloat, type JsonValue } from '../data/display.js';
import { jsonObjectEntries, type TextChunks, type TextSink } from './json-writer.js';

const BEST_INDENT = 2;

type ScalarStyle = 'any' | 'plain' | 'single' | 'double' | 'literal';

/** What libyaml's `yaml_emitter_analyze_scalar` finds out about a text. */
interface ScalarAnalysis {
  readonly multiline: boolean;
  readonly blockPlainAllowed: boolean;
  readonly singleQuotedAllowed: boolean;
  readonly blockAllowed: boolean;
  /** UTF-8 length: libyaml's simple-key limit (128) counts bytes. */
  readonly byteLength: number;
}

function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** libyaml's IS_BLANKZ: space, tab, a line break, or the end of the text. */
function isBlankOrEnd(c: number | undefined): boolean {
  return c === undefined || c === 0x20 || c === 0x09 || isBreak(c);
}

/**
 * libyaml's IS_PRINTABLE (by code point). Characters beyond the BMP count
 * as printable: cfn-guard's emitter writes emoji unescaped (checked with
 * the reference binary).
 */
function isPrintable(c: number): boolean {
  if (c === 0x0a) return true;
  if (c >= 0x20 && c <= 0x7e) return true;
  if (c >= 0xa0 && c <= 0xd7ff) return true;
  if (c >= 0xe000 && c <= 0xfffd) return c !== 0xfeff;
  return c >= 0x10000;
}

function utf8Length(codePoints: readonly number[]): number {
  let n = 0;
  for (const c of codePoints) n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  return n;
}

const FIRST_CHAR_INDICATORS = new Set('#,[]{}&*!|>\'"%@`');

function analyzeScalar(text: string): ScalarAnalysis {
  const cps = Array.from(text, (ch) => ch.codePointAt(0) ?? 0);
  const byteLength = utf8Length(cps);
  if (cps.length === 0) {
    return {
      multiline: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
      byteLength,
    };
  }
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  const last = cps.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = cps[i] ?? 0;
    const followedByWhitespace = isBlankOrEnd(cps[i + 1]);
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if (FIRST_CHAR_INDICATORS.has(ch)) blockIndicators = true;
      if ((ch === '?' || ch === ':') && followedByWhitespace) blockIndicators = true;
      if (ch === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWhitespace) blockIndicators = true;
      if (ch === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(c)) specialCharacters = true;
    if (isBreak(c)) lineBreaks = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i === last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(c);
  }
  // Only block context is ever used (flow collections are always empty), so
  // the flow-plain flag libyaml also computes is not needed.
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks || blockIndicators) blockPlainAllowed = false;
  return {
    multiline: lineBreaks,
    blockPlainAllowed,
    singleQuotedAllowed,
    blockAllowed,
    byteLength,
  };
}

// ---------------------------------------------------------------------------
// serde_yaml's choice of style for a string

/** YAML 1.2: leading zeros followed by digits only is a string (`007`, `-00`). */
function isDigitsButNotNumber(s: string): boolean {
  const body = s.startsWith('-') || s.startsWith('+') ? s.slice(1) : s;
  return body.length > 1 && body.startsWith('0') && /^[0-9]+$/.test(body);
}

const RADIX_DIGITS: Readonly<Record<number, RegExp>> = {
  2: /^[01]+$/,
  8: /^[0-7]+$/,
  10: /^[0-9]+$/,
  16: /^[0-9a-fA-F]+$/,
};

/** Rust's `from_str_radix` for u128/i128: an optional sign, then digits. */
function fitsRustInt(text: string, radix: number, signed: boolean): boolean {
  let digits = text;
  let negative = false;
  if (digits.startsWith('+')) digits = digits.slice(1);
  else if (digits.startsWith('-')) {
    if (!signed) return false;
    negative = true;
    digits = digits.slice(1);
  }
  if (!RADIX_DIGITS[radix]?.test(digits)) return false;
  const prefix = radix === 16 ? '0x' : radix === 8 ? '0o' : radix === 2 ? '0b' : '';
  const magnitude = BigInt(prefix + digits);
  const bits = signed ? 127n : 128n;
  const limit = 1n << bits;
  return negative ? magnitude <= limit : magnitude < limit;
}

/**
 * Would serde_yaml read this plain scalar back as an integer? It tries u64,
 * i64, u128, i128 with `0x`/`0o`/`0b` prefixes and an optional sign; the
 * widest types decide, as every narrower success is also a success there.
 */
function readsAsInt(s: string): boolean {
  const unsigned = (text: string): boolean => {
    const body = text.startsWith('+') ? text.slice(1) : text;
    for (const [prefix, radix] of [
      ['0x', 16],
      ['0o', 8],
      ['0b', 2],
    ] as const) {
      if (body.startsWith(prefix)) {
        const rest = body.slice(2);
        if (rest.startsWith('+') || rest.startsWith('-')) return false;
        if (fitsRustInt(rest, radix, false)) return true;
      }
    }
    if (body.startsWith('+') || body.startsWith('-')) return false;
    if (isDigitsButNotNumber(text)) return false;
    return fitsRustInt(body, 10, false);
  };
  const negative = (text: string): boolean => {
    for (const [prefix, radix] of [
      ['-0x', 16],
      ['-0o', 8],
      ['-0b', 2],
    ] as const) {
      if (text.startsWith(prefix) && fitsRustInt(`-${text.slice(3)}`, radix, true)) return true;
    }
    if (isDigitsButNotNumber(text)) return false;
    return fitsRustInt(text, 10, true);
  };
  // i128 covers every negative value that u128 does not.
  return unsigned(s) || (s.startsWith('-') && negative(s));
}

/** Rust's `f64::from_str` syntax for finite decimal numbers. */
const RUST_DECIMAL = /^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/** Would serde_yaml read this plain scalar back as a float (finite, or `.inf`/`.nan` spellings)? */
function readsAsFloat(s: string): boolean {
  let body = s;
  if (body.startsWith('+')) {
    body = body.slice(1);
    if (body.startsWith('+') || body.startsWith('-')) return false;
  }
  if (body === '.inf' || body === '.Inf' || body === '.INF') return true;
  if (s === '-.inf' || s === '-.Inf' || s === '-.INF') return true;
  if (s === '.nan' || s === '.NaN' || s === '.NAN') return true;
  // Rust also accepts `inf`/`nan`, but those are not finite and serde_yaml
  // then keeps the text a string.
  return RUST_DECIMAL.test(body) && Number.isFinite(Number(body));
}

/** The style serde_yaml 0.9.34 requests for a string (its `serialize_str`). */
function requestedStringStyle(s: string): ScalarStyle {
  if (s.includes('\n')) return 'literal';
  if (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return 'single';
  if (s === 'true' || s === 'True' || s === 'TRUE') return 'single';
  if (s === 'false' || s === 'False' || s === 'FALSE') return 'single';
  if (readsAsInt(s)) return 'single';
  if (isDigitsButNotNumber(s)) return 'single'; // C11: new in 0.9.34 (`'007'`)
  if (readsAsFloat(s)) return 'single';
  return 'any';
}

// ---------------------------------------------------------------------------
// The emitter

function doubleQuotedEscape(c: number): string | null {
  switch (c) {
    case 0x00:
      return '\\0';
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x09:
      return '\\t';
    case 0x0a:
      return '\\n';
    case 0x0b:
      return '\\v';
    case 0x0c:
      return '\\f';
    case 0x0d:
      return '\\r';
    case 0x1b:
      return '\\e';
    case 0x22:
      return '\\"';
    case 0x5c:
      return '\\\\';
    case 0x85:
      return '\\N';
    case 0xa0:
      return '\\_';
    case 0x2028:
      return '\\L';
    case 0x2029:
      return '\\P';
    default:
      return null;
  }
}

function hexEscape(c: number): string {
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (c <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/** The libyaml emitter state that decides spaces and line breaks. */
class YamlEmitter {
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;

  constructor(private readonly out: TextSink) {}

  private put(text: string): void {
    this.out.push(text);
    // Columns count characters, as libyaml's do; only comparisons with the
    // indent use them (no line folding).
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
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  document(root: JsonValue): void {
    this.node(root, false, false);
    // Document end (implicit): one final line break unless a block scalar
    // already ended the last line.
    this.indent = -1;
    this.writeIndent();
  }

  private node(v: JsonValue, mappingContext: boolean, simpleKey: boolean): void {
    if (v === null) this.scalar('null', 'plain', simpleKey);
    else if (typeof v === 'boolean') this.scalar(v ? 'true' : 'false', 'plain', simpleKey);
    else if (typeof v === 'number') this.scalar(yamlNumber(v), 'plain', simpleKey);
    else if (typeof v === 'bigint') this.scalar(v.toString(), 'plain', simpleKey);
    else if (v instanceof JsonFloat) this.scalar(yamlFloat(v.value), 'plain', simpleKey);
    else if (typeof v === 'string') this.scalar(v, requestedStringStyle(v), simpleKey);
    else if (Array.isArray(v)) this.sequence(v as readonly JsonValue[], mappingContext);
    else this.mapping(jsonObjectEntries(v));
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private sequence(items: readonly JsonValue[], mappingContext: boolean): void {
    if (items.length === 0) {
      this.emptyFlow('[', ']');
      return;
    }
    const saved = this.indent;
    this.increaseIndent(false, mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, false, false);
    }
    this.indent = saved;
  }

  private mapping(entries: readonly [string, JsonValue][]): void {
    if (entries.length === 0) {
      this.emptyFlow('{', '}');
      return;
    }
    const saved = this.indent;
    this.increaseIndent(false, false);
    for (const [key, value] of entries) {
      this.writeIndent();
      const analysis = analyzeScalar(key);
      if (!analysis.multiline && analysis.byteLength <= 128) {
        this.scalar(key, requestedStringStyle(key), true, analysis);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.scalar(key, requestedStringStyle(key), false, analysis);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(value, true, false);
    }
    this.indent = saved;
  }

  private scalar(
    text: string,
    requested: ScalarStyle,
    simpleKey: boolean,
    analysis: ScalarAnalysis = analyzeScalar(text),
  ): void {
    let style = requested === 'any' ? 'plain' : requested;
    if (simpleKey && analysis.multiline) style = 'double';
    if (style === 'plain') {
      if (!analysis.blockPlainAllowed) style = 'single';
      if (text.length === 0 && simpleKey) style = 'single';
    }
    if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!analysis.blockAllowed || simpleKey)) style = 'double';

    const saved = this.indent;
    this.increaseIndent(true, false);
    switch (style) {
      case 'plain':
        this.plain(text);
        break;
      case 'single':
        this.singleQuoted(text);
        break;
      case 'double':
        this.doubleQuoted(text);
        break;
      case 'literal':
        this.literal(text);
        break;
    }
    this.indent = saved;
  }

  private plain(text: string): void {
    if (!this.whitespace && text.length > 0) this.put(' ');
    if (text.length > 0) this.put(text);
    this.whitespace = false;
    this.indention = false;
  }

  /** Line breaks other than `\n` (U+2028/2029) can reach here; they are written raw. */
  private writeBreakChar(ch: string): void {
    if (ch === '\n') this.putBreak();
    else {
      this.out.push(ch);
      this.column = 0;
    }
  }

  private singleQuoted(text: string): void {
    this.writeIndicator("'", true, false, false);
    let breaks = false;
    for (const ch of text) {
      const c = ch.codePointAt(0) ?? 0;
      if (isBreak(c)) {
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreakChar(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch === "'" ? "''" : ch);
        this.indention = false;
        breaks = false;
      }
    }
    if (breaks) this.writeIndent();
    this.writeIndicator("'", false, false, false);
  }

  private doubleQuoted(text: string): void {
    this.writeIndicator('"', true, false, false);
    const parts: string[] = [];
    for (const ch of text) {
      const c = ch.codePointAt(0) ?? 0;
      if (!isPrintable(c) || c === 0xfeff || isBreak(c) || c === 0x22 || c === 0x5c) {
        parts.push(doubleQuotedEscape(c) ?? hexEscape(c));
      } else {
        parts.push(ch);
      }
    }
    this.put(parts.join(''));
    this.writeIndicator('"', false, false, false);
  }

  private literal(text: string): void {
    this.writeIndicator('|', true, false, false);
    const cps = Array.from(text);
    const first = cps[0];
    if (first !== undefined && (first === ' ' || isBreak(first.codePointAt(0) ?? 0))) {
      this.writeIndicator(String(BEST_INDENT), false, false, false);
    }
    const lastCp = cps.at(-1)?.codePointAt(0);
    const beforeLastCp = cps.at(-2)?.codePointAt(0);
    let chomp = '';
    if (lastCp === undefined || !isBreak(lastCp)) chomp = '-';
    else if (cps.length === 1 || (beforeLastCp !== undefined && isBreak(beforeLastCp))) chomp = '+';
    if (chomp !== '') this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of cps) {
      if (isBreak(ch.codePointAt(0) ?? 0)) {
        this.writeBreakChar(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

function yamlNumber(n: number): string {
  if (Number.isInteger(n) && !Object.is(n, -0)) return intText(n);
  return yamlFloat(n);
}

/** serde_yaml's `serialize_f64`: ryu digits, `.inf` / `-.inf` / `.nan`. */
function yamlFloat(x: number): string {
  if (Number.isNaN(x)) return '.nan';
  if (!Number.isFinite(x)) return x > 0 ? '.inf' : '-.inf';
  return formatFloatJson(x);
}

/** Appends the YAML document for `value` to `out` (ends with a newline). */
export function writeYaml(value: JsonValue, out: TextSink): void {
  new YamlEmitter(out).document(value);
}

/** serde_yaml's `to_string`. */
export function toYaml(value: JsonValue): string {
  const out: TextChunks = [];
  writeYaml(value, out);
  return out.join('');
}
