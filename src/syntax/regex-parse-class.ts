/**
 * Bracketed character classes of the Guard regex dialect (LIT-06, OP-18), in
 * Rust regex-syntax grammar: unions, ranges, POSIX `[:name:]` items, nested
 * classes and the `&&`, `--`, `~~` set operators. Behaviour checked against
 * cfn-guard 3.1.1 (see regex-parse.ts); in `(?x)` mode whitespace inside
 * `[...]` stays literal, so nothing here skips it.
 */
import type { ClassItem, ClassSet } from './regex-ast.js';
import type { RegexCursor } from './regex-cursor.js';
import { parseEscapeItem } from './regex-parse-escape.js';

const POSIX_NAMES = new Set([
  'alnum',
  'alpha',
  'ascii',
  'blank',
  'cntrl',
  'digit',
  'graph',
  'lower',
  'print',
  'punct',
  'space',
  'upper',
  'word',
  'xdigit',
]);

/** `[...]`; `cur.pos` is at `[`. */
export function parseClass(cur: RegexCursor): ClassSet {
  const open = cur.pos;
  cur.pos += 1;
  let negated = false;
  if (cur.peek() === '^') {
    negated = true;
    cur.pos += 1;
  }
  const set = parseClassOps(cur, true, open);
  if (cur.peek() !== ']') cur.fail('Invalid character class', open);
  cur.pos += 1;
  return negated ? { kind: 'Not', set } : set;
}

function classOp(cur: RegexCursor): 'and' | 'minus' | 'xor' | null {
  if (cur.startsWith('&&')) return 'and';
  if (cur.startsWith('--')) return 'minus';
  if (cur.startsWith('~~')) return 'xor';
  return null;
}

function parseClassOps(cur: RegexCursor, first: boolean, open: number): ClassSet {
  let left = parseClassUnion(cur, first, open);
  for (let op = classOp(cur); op !== null; op = classOp(cur)) {
    cur.pos += 2;
    const right = parseClassUnion(cur, false, open);
    left = { kind: 'SetOp', op, left, right };
  }
  return left;
}

function parseClassUnion(cur: RegexCursor, first: boolean, open: number): ClassSet {
  const items: ClassItem[] = [];
  let atStart = first;
  for (;;) {
    const c = cur.peek();
    if (c === undefined) cur.fail('Invalid character class', open);
    if (c === ']' && !atStart) break;
    atStart = false;
    if (classOp(cur) !== null) break;
    if (c === '[') {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(cur.src.slice(cur.pos));
      if (posix?.[2] !== undefined && POSIX_NAMES.has(posix[2])) {
        cur.pos += posix[0].length;
        items.push({ kind: 'Posix', name: posix[2], negated: posix[1] === '^' });
      } else {
        items.push({ kind: 'Nested', set: parseClass(cur) });
      }
      continue;
    }
    const lo = classAtom(cur);
    if (
      lo.kind === 'Char' &&
      cur.peek() === '-' &&
      cur.peek(1) !== ']' &&
      cur.peek(1) !== '-' &&
      cur.peek(1) !== undefined
    ) {
      const dash = cur.pos;
      cur.pos += 1;
      const hi = classAtom(cur);
      if (hi.kind !== 'Char') cur.fail('Invalid character class range', dash);
      if (hi.cp < lo.cp) cur.fail('Invalid character class range', dash);
      items.push({ kind: 'Range', lo: lo.cp, hi: hi.cp });
    } else {
      items.push(lo);
    }
  }
  return { kind: 'Union', items };
}

function classAtom(cur: RegexCursor): ClassItem {
  const at = cur.pos;
  const c = cur.next();
  if (c === '\\') {
    if (cur.peek() === undefined) cur.fail('Backslash without following character', at);
    return parseEscapeItem(cur, at, true);
  }
  return { kind: 'Char', cp: c.codePointAt(0) ?? 0 };
}
