/**
 * serde_yaml 0.9's block-style output (it drives libyaml's emitter): mappings
 * `key: value`, sequences nested in mappings are not indented, `[]`/`{}` when
 * empty, and strings plain unless they would read back as something else or
 * contain characters plain style cannot hold.
 */
import { formatRyu, type SerdeNode } from './serde-tree.js';

type Style = 'plain' | 'single' | 'double' | 'literal';

// A leading-zero run like `0123` stays plain (confirmed against the reference).
const INT_LIKE = /^[-+]?(?:0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+|0|[1-9][0-9]*)$/;
const FLOAT_LIKE = /^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;

/** Whether serde_yaml would read the plain text back as a non-string. */
function readsAsNonString(s: string): boolean {
  switch (s) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
    case 'true':
    case 'True':
    case 'TRUE':
    case 'false':
    case 'False':
    case 'FALSE':
      return true;
  }
  if (INT_LIKE.test(s)) return true;
  // Digits with a leading zero ("0123") read back as a string, so stay plain.
  const digits = s.replace(/^[-+]/, '');
  if (digits.length > 1 && digits.startsWith('0') && /^[0-9]+$/.test(digits)) return false;
  const unsigned = s.startsWith('+') ? s.slice(1) : s;
  if (/^-?\.(?:inf|Inf|INF)$/.test(unsigned) || /^\.(?:nan|NaN|NAN)$/.test(s)) return true;
  if (FLOAT_LIKE.test(unsigned) && !unsigned.startsWith('+') && !unsigned.startsWith('-+')) {
    return true;
  }
  return false;
}

function isBreak(ch: string): boolean {
  return ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
}

function isBlankZ(ch: string): boolean {
  return ch === '' || ch === ' ' || ch === '\t' || isBreak(ch);
}

function isPrintable(ch: string): boolean {
  const c = ch.codePointAt(0) as number;
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    c === 0x85 ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

interface Analysis {
  readonly plain: boolean;
  readonly single: boolean;
  readonly block: boolean;
}

/** libyaml's scalar analysis, block context only. */
function analyze(s: string): Analysis {
  if (s === '') return { plain: false, single: true, block: false };
  const chars = Array.from(s);
  let blockIndicators = s.startsWith('---') || s.startsWith('...');
  let special = false;
  let lineBreaks = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  chars.forEach((ch, i) => {
    const next = chars[i + 1] ?? '';
    const followedByWhitespace = isBlankZ(next);
    const first = i === 0;
    const last = i === chars.length - 1;
    if (first) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ((ch === '?' || ch === ':') && followedByWhitespace) blockIndicators = true;
      if (ch === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWhitespace) blockIndicators = true;
      if (ch === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(ch) || ch === '\ufeff') special = true;
    if (isBreak(ch)) lineBreaks = true;
    if (ch === ' ') {
      if (first) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      if (first) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankZ(ch);
  });
  let plain = true;
  let single = true;
  let block = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) plain = false;
  if (trailingSpace) block = false;
  if (breakSpace) {
    plain = false;
    single = false;
  }
  if (spaceBreak || special) {
    plain = false;
    single = false;
    block = false;
  }
  if (lineBreaks || blockIndicators) plain = false;
  return { plain, single, block };
}

function chooseStyle(s: string, isKey: boolean): Style {
  let style: Style = s.includes('\n') ? 'literal' : readsAsNonString(s) ? 'single' : 'plain';
  const a = analyze(s);
  if (style === 'plain' && (!a.plain || (s === '' && isKey))) style = 'single';
  if (style === 'single' && !a.single) style = 'double';
  if (style === 'literal' && (!a.block || isKey)) style = 'double';
  return style;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\x0b': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
  '"': '\\"',
  '\\': '\\\\',
  '\u0085': '\\N',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const escaped = ESCAPES[ch];
    if (escaped !== undefined) out += escaped;
    else if (!isPrintable(ch) || ch === '\ufeff') {
      const c = ch.codePointAt(0) as number;
      const hex = c.toString(16).toUpperCase();
      if (c <= 0xff) out += `\\x${hex.padStart(2, '0')}`;
      else if (c <= 0xffff) out += `\\u${hex.padStart(4, '0')}`;
      else out += `\\U${hex.padStart(8, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

/** A literal block scalar: `|`, chomping and indentation hints, then the lines. */
function literal(s: string, indent: number): string {
  let header = '|';
  if (s.startsWith(' ') || isBreak(s.charAt(0))) header += '2';
  if (!s.endsWith('\n')) header += '-';
  else if (s === '\n' || s.endsWith('\n\n')) header += '+';
  const pad = ' '.repeat(indent);
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  const lines = body.split('\n').map((line) => (line === '' ? '' : pad + line));
  return `${header}\n${lines.join('\n')}`;
}

/** A string scalar; `indent` is where a literal block's lines start. */
function scalarString(s: string, indent: number, isKey: boolean): string {
  switch (chooseStyle(s, isKey)) {
    case 'plain':
      return s;
    case 'single':
      return `'${s.replaceAll("'", "''")}'`;
    case 'double':
      return doubleQuoted(s);
    case 'literal':
      return literal(s, indent);
  }
}

function scalar(node: SerdeNode, indent: number): string | null {
  switch (node.t) {
    case 'null':
      return 'null';
    case 'bool':
      return node.v ? 'true' : 'false';
    case 'int':
      return String(node.v);
    case 'float':
      if (Number.isNaN(node.v)) return '.nan';
      if (!Number.isFinite(node.v)) return node.v > 0 ? '.inf' : '-.inf';
      return formatRyu(node.v);
    case 'str':
      return scalarString(node.v, indent, false);
    case 'seq':
      return node.items.length === 0 ? '[]' : null;
    case 'map':
      return node.entries.length === 0 ? '{}' : null;
  }
}

/** Lines of a block node whose content starts at column `indent`. */
function lines(node: SerdeNode, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const single = scalar(node, indent + 2);
  if (single !== null) return [pad + single];
  const out: string[] = [];
  if (node.t === 'seq') {
    for (const item of node.items) {
      const s = scalar(item, indent + 2);
      if (s !== null) {
        out.push(`${pad}- ${s}`);
        continue;
      }
      const inner = lines(item, indent + 2);
      out.push(`${pad}- ${(inner[0] as string).slice(indent + 2)}`, ...inner.slice(1));
    }
  } else if (node.t === 'map') {
    for (const [key, value] of node.entries) {
      const k = scalarString(key, indent + 2, true);
      const s = scalar(value, indent + 2);
      if (s !== null) {
        out.push(`${pad}${k}: ${s}`);
        continue;
      }
      out.push(`${pad}${k}:`);
      // A sequence under a mapping key is not indented (libyaml's indentless sequence).
      out.push(...lines(value, value.t === 'seq' ? indent : indent + 2));
    }
  }
  return out;
}

export function toYaml(node: SerdeNode): string {
  return `${lines(node, 0).join('\n')}\n`;
}
