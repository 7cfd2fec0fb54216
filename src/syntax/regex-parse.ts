import type { AssertKind, ParsedRegex, RegexNode } from './regex-ast.js';
import { isDigit, RegexCursor } from './regex-cursor.js';
import { parseClass } from './regex-parse-class.js';
import { parseEscapeItem } from './regex-parse-escape.js';

/**
 * Parser for the Guard regex dialect (LIT-06, OP-18): fancy-regex 0.13 on top
 * of Rust regex 1.10. It follows the reference's observable behaviour, which
 * was checked case by case against cfn-guard 3.1.1 (see tests/unit/syntax/
 * regex.test.ts), including its quirks:
 *  - an inline flag group `(?i)` inside a capturing group, look-around or
 *    atomic group stays in force after that group closes; only `(?:…)` and
 *    `(?flags:…)` restore the flags (`(a(?i)b)c` matches `abC`);
 *  - `{` that does not start a valid repetition is a literal, and so is a
 *    second repetition (`a{2}{3}` matches `aa{3}`); `{,n}` means `{0,n}`;
 *  - in `(?x)` mode whitespace inside `[...]` is still literal;
 *  - backreferences must name a group that is already open.
 * This file holds the structure (alternation, repetition, groups, flags,
 * assertions, backreferences); classes and character escapes have their own
 * files.
 */

const MAX_DEPTH = 64;

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
  x: boolean;
}

class Parser extends RegexCursor {
  private flags: Flags = { i: false, m: false, s: false, U: false, x: false };
  private groupCount = 0;
  private readonly names = new Map<string, number>();

  parse(): ParsedRegex {
    const root = this.parseAlt(0);
    if (this.pos < this.src.length) this.fail('General parsing error: end of string not reached');
    return { root, groupCount: this.groupCount, names: this.names };
  }

  /** In `(?x)` mode whitespace and `#` comments are skipped between tokens. */
  private skipSpace(): void {
    if (!this.flags.x) return;
    for (;;) {
      const c = this.peek();
      if (c !== undefined && /^\s$/u.test(c)) {
        this.pos += c.length;
      } else if (c === '#') {
        const nl = this.src.indexOf('\n', this.pos);
        this.pos = nl < 0 ? this.src.length : nl + 1;
      } else {
        return;
      }
    }
  }

  private parseAlt(depth: number): RegexNode {
    const first = this.parseBranch(depth);
    this.skipSpace();
    if (this.peek() !== '|') return first;
    const items = [first];
    while (this.peek() === '|') {
      this.pos += 1;
      items.push(this.parseBranch(depth));
      this.skipSpace();
    }
    return { kind: 'Alt', items };
  }

  private parseBranch(depth: number): RegexNode {
    const items: RegexNode[] = [];
    while (this.pos < this.src.length) {
      const before = this.pos;
      const piece = this.parsePiece(depth);
      if (this.pos === before) break;
      if (piece.kind !== 'Empty') items.push(piece);
    }
    if (items.length === 0) return { kind: 'Empty' };
    if (items.length === 1 && items[0] !== undefined) return items[0];
    return { kind: 'Concat', items };
  }

  private parsePiece(depth: number): RegexNode {
    const atom = this.parseAtom(depth);
    this.skipSpace();
    const c = this.peek();
    let min: number;
    let max: number;
    const opAt = this.pos;
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (c === '+') [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (c === '{') {
      const rep = this.tryRepeatBraces();
      if (rep === null) return atom;
      [min, max] = rep;
    } else return atom;
    if (atom.kind === 'Empty' || atom.kind === 'Assert' || atom.kind === 'Look') {
      this.fail('Target of repeat operator is invalid', opAt);
    }
    if (c !== '{') this.pos += 1;
    if (max < min) this.fail('Invalid repeat syntax: minimum greater than maximum', opAt);
    this.skipSpace();
    let greedy = true;
    if (this.peek() === '?') {
      greedy = false;
      this.pos += 1;
    }
    if (this.flags.U) greedy = !greedy;
    const node: RegexNode = { kind: 'Repeat', body: atom, min, max, greedy };
    if (this.peek() === '+') {
      this.pos += 1;
      return { kind: 'Atomic', body: node };
    }
    return node;
  }

  /** Parses `{n}`, `{n,}`, `{n,m}`, `{,m}`; on anything else leaves `{` to be a literal. */
  private tryRepeatBraces(): [number, number] | null {
    const save = this.pos;
    this.pos += 1;
    this.skipSpace();
    const num = (): number | null => {
      const m = /^[0-9]+/.exec(this.src.slice(this.pos));
      if (m === null) return null;
      this.pos += m[0].length;
      return Number(m[0]);
    };
    let lo: number | null = 0;
    if (this.peek() !== ',') lo = num();
    if (lo === null) {
      this.pos = save;
      return null;
    }
    this.skipSpace();
    let hi: number | null = lo;
    if (this.peek() === ',') {
      this.pos += 1;
      this.skipSpace();
      hi = num() ?? Number.POSITIVE_INFINITY;
      this.skipSpace();
    }
    if (this.peek() !== '}') {
      this.pos = save;
      return null;
    }
    this.pos += 1;
    return [lo, hi];
  }

  private parseAtom(depth: number): RegexNode {
    this.skipSpace();
    const c = this.peek();
    switch (c) {
      case undefined:
        return { kind: 'Empty' };
      case '.':
        this.pos += 1;
        return { kind: 'Any', dotAll: this.flags.s };
      case '^':
        this.pos += 1;
        return { kind: 'Assert', which: this.flags.m ? 'StartLine' : 'StartText' };
      case '$':
        this.pos += 1;
        return { kind: 'Assert', which: this.flags.m ? 'EndLine' : 'EndText' };
      case '(':
        return this.parseGroup(depth);
      case '\\':
        return this.parseEscape();
      case '+':
      case '*':
      case '?':
      case '|':
      case ')':
        return { kind: 'Empty' };
      case '[':
        return { kind: 'Class', set: parseClass(this), caseInsensitive: this.flags.i };
      default:
        this.pos += c.length;
        return this.literal(c.codePointAt(0) ?? 0);
    }
  }

  private literal(cp: number): RegexNode {
    return { kind: 'Literal', cp, caseInsensitive: this.flags.i };
  }

  private parseGroup(depth: number): RegexNode {
    const open = this.pos;
    if (depth + 1 >= MAX_DEPTH) this.fail('Recursion exceeded', open);
    this.pos += 1;
    this.skipSpace();
    const look = (behind: boolean, negated: boolean, skip: number): RegexNode => {
      this.pos += skip;
      const body = this.parseAlt(depth + 1);
      this.closeParen(open);
      return { kind: 'Look', behind, negated, body };
    };
    if (this.startsWith('?=')) return look(false, false, 2);
    if (this.startsWith('?!')) return look(false, true, 2);
    if (this.startsWith('?<=')) return look(true, false, 3);
    if (this.startsWith('?<!')) return look(true, true, 3);
    if (this.startsWith('?>')) {
      this.pos += 2;
      const body = this.parseAlt(depth + 1);
      this.closeParen(open);
      return { kind: 'Atomic', body };
    }
    if (this.startsWith('?#')) {
      // `(?#…)` comment group: ignored up to the next `)`.
      const end = this.src.indexOf(')', this.pos);
      if (end < 0) this.fail('Opening parenthesis without closing parenthesis', open);
      this.pos = end + 1;
      return { kind: 'Empty' };
    }
    if (this.startsWith('?P=')) {
      this.pos += 3;
      const node = this.namedBackref(')', open);
      return node;
    }
    let name: string | null = null;
    if (this.startsWith('?P<') || this.startsWith('?<')) {
      this.pos += this.startsWith('?P<') ? 3 : 2;
      const end = this.src.indexOf('>', this.pos);
      const text = end < 0 ? '' : this.src.slice(this.pos, end);
      if (!/^[\p{L}\p{N}_]+$/u.test(text)) this.fail('Could not parse group name', open + 1);
      name = text;
      this.pos = end + 1;
    } else if (this.startsWith('?')) {
      return this.parseFlags(open, depth);
    }
    this.groupCount += 1;
    const index = this.groupCount;
    if (name !== null) this.names.set(name, index);
    const body = this.parseAlt(depth + 1);
    this.closeParen(open);
    return { kind: 'Group', index, name, body };
  }

  private closeParen(open: number): void {
    this.skipSpace();
    if (this.pos >= this.src.length) {
      // fancy-regex reports where the `)` was expected: the end of the pattern.
      void open;
      this.fail('Opening parenthesis without closing parenthesis', this.pos);
    }
    if (this.peek() !== ')') this.fail('General parsing error: expected close paren');
    this.pos += 1;
  }

  /** `(?flags)` or `(?flags:…)`; `open` is the offset of `(`. */
  private parseFlags(open: number, depth: number): RegexNode {
    const start = this.pos + 1;
    this.pos = start;
    const saved = { ...this.flags };
    let negate = false;
    const unknown = (): never =>
      this.fail(`Unknown group flag: (${this.src.slice(start - 1, this.pos + 1)}`, start);
    for (;;) {
      this.skipSpace();
      const c = this.peek();
      if (c === undefined) this.fail('Opening parenthesis without closing parenthesis', open);
      switch (c) {
        case 'i':
        case 'm':
        case 's':
        case 'U':
        case 'x':
          this.flags[c] = !negate;
          break;
        case 'u':
          if (negate) this.fail('Unicode mode cannot be turned off (?-u)', this.pos);
          break;
        case '-':
          if (negate) unknown();
          negate = true;
          break;
        case ')':
          if (this.pos === start || (negate && this.pos === start + 1)) unknown();
          this.pos += 1;
          return { kind: 'Empty' };
        case ':': {
          if (negate && this.pos === start + 1) unknown();
          this.pos += 1;
          const body = this.parseAlt(depth + 1);
          this.closeParen(open);
          this.flags = saved;
          // A bare `(?:)` is the empty expression, which cannot be repeated.
          return body.kind === 'Empty' ? body : { kind: 'Group', index: null, name: null, body };
        }
        default:
          unknown();
      }
      this.pos += c.length;
    }
  }

  private namedBackref(close: string, at: number): RegexNode {
    const end = this.src.indexOf(close, this.pos);
    const id = end < 0 ? '' : this.src.slice(this.pos, end);
    if (id === '') this.fail('Could not parse group name', at);
    this.pos = end + close.length;
    let group = this.names.get(id);
    if (group === undefined && /^[0-9]+$/.test(id)) group = Number(id);
    if (group === undefined || group > this.groupCount || group === 0) {
      this.fail(`Invalid group name in back reference: ${id}`, at);
    }
    return { kind: 'Backref', group, caseInsensitive: this.flags.i, position: at };
  }

  private parseEscape(): RegexNode {
    const at = this.pos;
    this.pos += 1;
    const c = this.peek();
    if (c === undefined) this.fail('Backslash without following character', at);
    if (isDigit(c)) {
      const m = /^[0-9]+/.exec(this.src.slice(this.pos));
      const digits = m?.[0] ?? '';
      this.pos += digits.length;
      const group = Number(digits);
      if (group === 0) {
        this.fail(
          'a backreference to group 0 has no JavaScript equivalent; tsguard cannot translate it',
          at,
        );
      }
      if (group > this.groupCount) this.fail('Invalid back reference', at);
      return { kind: 'Backref', group, caseInsensitive: this.flags.i, position: at };
    }
    if (c === 'k') {
      this.pos += 1;
      if (this.peek() !== '<') this.fail('Could not parse group name', at);
      this.pos += 1;
      return this.namedBackref('>', at);
    }
    const simple: Partial<Record<string, AssertKind>> = {
      A: 'StartText',
      z: 'EndText',
      b: 'WordBoundary',
      B: 'NotWordBoundary',
      '<': 'WordStart',
      '>': 'WordEnd',
    };
    const assertion = simple[c];
    if (assertion !== undefined) {
      this.pos += 1;
      if ((c === 'b' || c === 'B') && this.peek() === '{') this.fail(`Invalid escape: \\${c}`, at);
      return { kind: 'Assert', which: assertion };
    }
    if (c === 'K' || c === 'G') {
      this.fail(`\\${c} has no JavaScript equivalent; tsguard cannot translate it`, at);
    }
    const item = parseEscapeItem(this, at, false);
    if (item.kind === 'Char') return this.literal(item.cp);
    return {
      kind: 'Class',
      set: { kind: 'Union', items: [item] },
      caseInsensitive: this.flags.i,
    };
  }
}

/** Parses a Guard regex; throws RegexSyntaxError when the reference would refuse it. */
export function parseGuardRegex(pattern: string): ParsedRegex {
  return new Parser(pattern).parse();
}
