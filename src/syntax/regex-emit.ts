import type { ClassItem, ClassSet, ParsedRegex, RegexNode } from './regex-ast.js';
import {
  caseInsensitiveClass,
  caseInsensitiveLiteral,
  foldsBeyondReference,
  hasCaseVariants,
  rangeHasCaseVariants,
} from './regex-case.js';
import { checkBackrefs, checkLookBehinds, refuse } from './regex-checks.js';

/**
 * Emits a parsed Guard regex as JavaScript RegExp source for the `v` flag
 * (OP-18, GOT-15). Every construct is spelled out so that JavaScript's
 * different defaults cannot leak in:
 *  - `.` is `[^\n]` (JS `.` also stops at `\r`, U+2028, U+2029);
 *  - `$` is JS `$` without the `m` flag (end of input only, as in Rust);
 *    multi-line `^`/`$` are look-arounds on `\n` alone;
 *  - `\d` `\s` `\w` `\b` are Unicode (`\p{Nd}`, `\p{White_Space}`, UTS#18 word);
 *  - atomic groups and possessive repeats become `(?=(X))\k`.
 *  - a pattern that mixes case-sensitive and case-insensitive parts has no
 *    `i` flag; its case-insensitive literals and classes list their case
 *    variants (regex-case.ts).
 * Anything whose meaning would change is refused (RegexSyntaxError).
 */

const WORD_ITEMS = '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}';
const WORD = `[${WORD_ITEMS}]`;

const POSIX: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\u{0}-\\u{7f}',
  blank: '\\u{9}\\u{20}',
  cntrl: '\\u{0}-\\u{1f}\\u{7f}',
  digit: '0-9',
  graph: '\\u{21}-\\u{7e}',
  lower: 'a-z',
  print: '\\u{20}-\\u{7e}',
  punct: '\\u{21}-\\u{2f}\\u{3a}-\\u{40}\\u{5b}-\\u{60}\\u{7b}-\\u{7e}',
  space: '\\u{9}-\\u{d}\\u{20}',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

export interface Emitted {
  readonly source: string;
  readonly flags: string;
  /** Index = Rust group number; value = JavaScript group number (index 0 is 0). */
  readonly groupMap: readonly number[];
}

/** One code point written so that it is literal in and out of `v`-mode classes. */
function char(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) {
    return String.fromCodePoint(cp);
  }
  return `\\u{${cp.toString(16)}}`;
}

/** Does case-insensitivity change what this code point matches? (Unicode simple case folding) */
function hasCase(cp: number): boolean {
  return hasCaseVariants(cp);
}

/** Does case-insensitivity change what this class matches? (conservative: yes when unsure) */
function setHasCase(set: ClassSet): boolean {
  switch (set.kind) {
    case 'Union':
      return set.items.some(itemHasCase);
    case 'SetOp':
      return setHasCase(set.left) || setHasCase(set.right);
    case 'Not':
      return setHasCase(set.set);
  }
}

function itemHasCase(item: ClassItem): boolean {
  switch (item.kind) {
    case 'Char':
      return hasCase(item.cp);
    case 'Range':
      return rangeHasCaseVariants(item.lo, item.hi);
    case 'Perl':
      return false; // \d \s \w and hex digits are closed under case folding
    case 'Prop':
      return true;
    case 'Posix':
      return !['digit', 'space', 'blank', 'cntrl', 'punct'].includes(item.name);
    case 'Nested':
      return setHasCase(item.set);
  }
}

/**
 * How the pattern handles case: 'sensitive' (no flag), 'insensitive' (the
 * whole pattern under the `i` flag) or 'mixed' (no flag; case-insensitive
 * parts list their variants). Parts whose letters have no case variants do
 * not count either way, so `(?i:[0-9]+)x` is simply case-sensitive. A
 * case-insensitive pattern whose `i` flag would fold characters the
 * reference does not (newer Unicode data) is emitted as 'mixed' too.
 */
type CaseMode = 'sensitive' | 'insensitive' | 'mixed';

function caseMode(root: RegexNode): CaseMode {
  let sensitive = false;
  let insensitive = false;
  let backref = false;
  let beyond = false;
  const note = (caseInsensitive: boolean): void => {
    if (caseInsensitive) insensitive = true;
    else sensitive = true;
  };
  const visit = (n: RegexNode): void => {
    switch (n.kind) {
      case 'Literal':
        if (hasCase(n.cp)) note(n.caseInsensitive);
        else if (n.caseInsensitive && foldsBeyondReference(n.cp)) beyond = true;
        return;
      case 'Class':
        if (setHasCase(n.set)) note(n.caseInsensitive);
        if (n.caseInsensitive && !beyond && foldsBeyondReference(emitSet(n.set))) beyond = true;
        return;
      case 'Backref':
        backref = true;
        return;
      case 'Group':
      case 'Look':
      case 'Atomic':
      case 'Repeat':
        visit(n.body);
        return;
      case 'Concat':
      case 'Alt':
        n.items.forEach(visit);
        return;
      case 'Empty':
      case 'Any':
      case 'Assert':
        return;
    }
  };
  visit(root);
  if (insensitive && backref) {
    refuse('backreferences are case-sensitive in Guard even under (?i), but not in JavaScript');
  }
  if (!insensitive) return beyond ? 'mixed' : 'sensitive';
  return sensitive || beyond ? 'mixed' : 'insensitive';
}

function emitSet(set: ClassSet): string {
  switch (set.kind) {
    case 'Union':
      return `[${set.items.map(emitItem).join('')}]`;
    case 'Not':
      return `[^${emitSet(set.set)}]`;
    case 'SetOp': {
      const l = emitSet(set.left);
      const r = emitSet(set.right);
      if (set.op === 'and') return `[${l}&&${r}]`;
      if (set.op === 'minus') return `[${l}--${r}]`;
      return `[[${l}--${r}][${r}--${l}]]`;
    }
  }
}

function emitItem(item: ClassItem): string {
  switch (item.kind) {
    case 'Char':
      return char(item.cp);
    case 'Range':
      return `${char(item.lo)}-${char(item.hi)}`;
    case 'Perl': {
      const body =
        item.which === 'd'
          ? '\\p{Nd}'
          : item.which === 's'
            ? '\\p{White_Space}'
            : item.which === 'w'
              ? WORD_ITEMS
              : '0-9A-Fa-f';
      return item.negated ? `[^${body}]` : `[${body}]`;
    }
    case 'Prop':
      return `\\${item.negated ? 'P' : 'p'}{${item.js}}`;
    case 'Posix': {
      const body = POSIX[item.name] ?? '';
      return item.negated ? `[^${body}]` : `[${body}]`;
    }
    case 'Nested':
      return emitSet(item.set);
  }
}

const ASSERTIONS: Readonly<Record<string, string>> = {
  StartText: '^',
  EndText: '$',
  StartLine: '(?<![^\\n])',
  EndLine: '(?![^\\n])',
  WordBoundary: `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`,
  NotWordBoundary: `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`,
  WordStart: `(?<!${WORD})(?=${WORD})`,
  WordEnd: `(?<=${WORD})(?!${WORD})`,
};

function isValidJsName(name: string): boolean {
  return /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u.test(name);
}

class Emitter {
  private jsGroups = 0;
  readonly groupMap: number[] = [0];
  private readonly usableNames: ReadonlySet<string>;

  /**
   * @param explicitCase emit case-insensitive literals and classes with their
   * case variants spelled out (a 'mixed' pattern, emitted without `i`).
   */
  constructor(
    parsed: ParsedRegex,
    private readonly explicitCase: boolean,
  ) {
    // Rust lets a later group reuse a name (the last one wins); JavaScript
    // rejects duplicates, so only unique, valid names are kept in the source.
    const counts = new Map<string, number>();
    const visit = (n: RegexNode): void => {
      if (n.kind === 'Group' && n.name !== null) counts.set(n.name, (counts.get(n.name) ?? 0) + 1);
      if ('body' in n) visit(n.body);
      if ('items' in n) n.items.forEach(visit);
    };
    visit(parsed.root);
    this.usableNames = new Set(
      [...counts].filter(([k, c]) => c === 1 && isValidJsName(k)).map(([k]) => k),
    );
  }

  emit(n: RegexNode): string {
    switch (n.kind) {
      case 'Empty':
        return '';
      case 'Literal':
        return this.explicitCase && n.caseInsensitive
          ? caseInsensitiveLiteral(n.cp, char)
          : char(n.cp);
      case 'Any':
        return n.dotAll ? '[\\s\\S]' : '[^\\n]';
      case 'Class':
        return this.explicitCase && n.caseInsensitive
          ? caseInsensitiveClass(emitSet(n.set), char)
          : emitSet(n.set);
      case 'Assert':
        return ASSERTIONS[n.which] ?? '';
      case 'Group': {
        if (n.index === null) return `(?:${this.emit(n.body)})`;
        this.jsGroups += 1;
        this.groupMap[n.index] = this.jsGroups;
        const open = n.name !== null && this.usableNames.has(n.name) ? `(?<${n.name}>` : '(';
        return `${open}${this.emit(n.body)})`;
      }
      case 'Look': {
        const open = n.behind ? (n.negated ? '(?<!' : '(?<=') : n.negated ? '(?!' : '(?=';
        return `${open}${this.emit(n.body)})`;
      }
      case 'Atomic': {
        // (?=(X))\N: the look-ahead commits to X's first match, the
        // backreference consumes exactly that text and cannot backtrack into it.
        this.jsGroups += 1;
        const helper = this.jsGroups;
        return `(?:(?=(${this.emit(n.body)}))\\${helper})`;
      }
      case 'Repeat': {
        const body = this.emit(n.body);
        const { min, max } = n;
        let q: string;
        if (min === 0 && max === Number.POSITIVE_INFINITY) q = '*';
        else if (min === 1 && max === Number.POSITIVE_INFINITY) q = '+';
        else if (min === 0 && max === 1) q = '?';
        else if (max === Number.POSITIVE_INFINITY) q = `{${min},}`;
        else if (min === max) q = `{${min}}`;
        else q = `{${min},${max}}`;
        return `(?:${body})${q}${n.greedy ? '' : '?'}`;
      }
      case 'Concat':
        return n.items.map((item) => this.emit(item)).join('');
      case 'Alt':
        return `(?:${n.items.map((item) => this.emit(item)).join('|')})`;
      case 'Backref':
        return `(?:\\${this.groupMap[n.group] ?? 0})`;
    }
  }
}

export function emitJsRegex(parsed: ParsedRegex): Emitted {
  checkLookBehinds(parsed.root);
  checkBackrefs(parsed.root, new Set(), false);
  const mode = caseMode(parsed.root);
  const emitter = new Emitter(parsed, mode === 'mixed');
  const source = emitter.emit(parsed.root);
  return { source, flags: mode === 'insensitive' ? 'iv' : 'v', groupMap: emitter.groupMap };
}
