/**
 * Escapes that stand for characters in the Guard regex dialect (LIT-06,
 * OP-18): literal escapes, hex and Unicode code points, Perl classes and
 * Unicode properties, inside or outside a class. Behaviour checked against
 * cfn-guard 3.1.1 (see regex-parse.ts).
 */
import type { ClassItem, PerlClass } from './regex-ast.js';
import { isDigit, type RegexCursor } from './regex-cursor.js';
import { lookupProperty } from './regex-unicode.js';

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

/**
 * An escape that stands for characters: a literal, a Perl class or a Unicode
 * property. `cur.pos` is just after the backslash; `at` is the backslash.
 */
export function parseEscapeItem(cur: RegexCursor, at: number, inClass: boolean): ClassItem {
  const c = cur.next();
  switch (c) {
    case 'd':
    case 's':
    case 'w':
    case 'h':
      return { kind: 'Perl', which: c as PerlClass, negated: false };
    case 'D':
    case 'S':
    case 'W':
    case 'H':
      return { kind: 'Perl', which: c.toLowerCase() as PerlClass, negated: true };
    case 'x':
      return { kind: 'Char', cp: hexEscape(cur, 2) };
    case 'u':
      return { kind: 'Char', cp: hexEscape(cur, 4) };
    case 'U':
      return { kind: 'Char', cp: hexEscape(cur, 8) };
    case 'p':
    case 'P':
      return propertyEscape(cur, at, c === 'P');
    case 'a':
      return { kind: 'Char', cp: 0x07 };
    case 'f':
      return { kind: 'Char', cp: 0x0c };
    case 'n':
      return { kind: 'Char', cp: 0x0a };
    case 'r':
      return { kind: 'Char', cp: 0x0d };
    case 't':
      return { kind: 'Char', cp: 0x09 };
    case 'v':
      return { kind: 'Char', cp: 0x0b };
    case 'e':
      return { kind: 'Char', cp: 0x1b };
    case 'b':
      // only reached inside a class, where `\b` is backspace
      return { kind: 'Char', cp: 0x08 };
    default:
      if (isDigit(c)) cur.fail('Invalid character class', at);
      if (/^[A-Za-z]$/.test(c) && !(inClass && 'kAzBKG'.includes(c))) {
        cur.fail(`Invalid escape: \\${c}`, at);
      }
      return { kind: 'Char', cp: c.codePointAt(0) ?? 0 };
  }
}

function hexEscape(cur: RegexCursor, digits: number): number {
  const at = cur.pos;
  const fixed = cur.src.slice(cur.pos, cur.pos + digits);
  let text: string;
  if (fixed.length === digits && [...fixed].every(isHex)) {
    text = fixed;
    cur.pos += digits;
  } else if (cur.peek() === '{') {
    const m = /^\{([0-9a-fA-F]{1,8})\}/.exec(cur.src.slice(cur.pos));
    if (m === null || m[1] === undefined) cur.fail('Invalid hex escape', at);
    text = m[1];
    cur.pos += m[0].length;
  } else {
    cur.fail('Invalid hex escape', at);
  }
  const cp = Number.parseInt(text, 16);
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
    cur.fail('Invalid codepoint for hex or unicode escape', at);
  }
  return cp;
}

function propertyEscape(cur: RegexCursor, at: number, negated: boolean): ClassItem {
  let text: string;
  if (cur.peek() === '{') {
    const end = cur.src.indexOf('}', cur.pos);
    if (end < 0) cur.fail('Unclosed Unicode property name', at);
    text = cur.src.slice(cur.pos + 1, end);
    cur.pos = end + 1;
    // cfn-guard 3.1.1 refuses the `\p{^X}` negation form.
    if (text.startsWith('^')) cur.fail('Unicode property not found', at);
    // cfn-guard 3.1.1 answers `\p{sc!=Greek}` in a way we could not pin down
    // (it does not match "a"), so the `!=` form is refused rather than guessed.
    if (text.includes('!=')) {
      cur.fail(
        'the \\p{name!=value} form has no verified equivalent; tsguard cannot translate it',
        at,
      );
    }
  } else {
    const c = cur.peek();
    if (c === undefined) cur.fail('Unclosed Unicode property name', at);
    text = c;
    cur.pos += c.length;
  }
  const found = lookupProperty(text, negated);
  if (!found.ok) cur.fail(found.message, at);
  return { kind: 'Prop', js: found.js, negated: found.negated };
}
