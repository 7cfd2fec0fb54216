/**
 * The scanner's fast paths (issue 6, docs/performance.md "Rules loading"):
 * char-code scanning, first-character dispatch of literals and operators,
 * integer parsing without BigInt, cached regex translation and columns
 * counted without slicing. Each must give what the slow, general form gave.
 */
import { describe, expect, test } from 'vitest';
import type { Rule } from '../../../src/syntax/ast.js';
import { parseRulesFile } from '../../../src/syntax/index.js';
import { parseInt64, parseValue } from '../../../src/syntax/parse-literal.js';
import { translateRegex, translateRegexDetailed } from '../../../src/syntax/regex.js';
import {
  afterTrivia,
  Fail,
  locate,
  nameEnd,
  parseName,
  State,
  skipTrivia,
} from '../../../src/syntax/state.js';

describe('locate counts columns in code points, or UTF-8 bytes for calls', () => {
  test.each([
    { text: 'abc', offset: 2, column: 3, bytes: 3 },
    { text: 'x\nab', offset: 4, column: 3, bytes: 3, line: 2 },
    { text: 'é-', offset: 1, column: 2, bytes: 3 },
    { text: '€-', offset: 1, column: 2, bytes: 4 },
    { text: 'a😀b', offset: 3, column: 3, bytes: 6 },
    // An offset inside a surrogate pair counts the high half alone (3 bytes).
    { text: 'a😀b', offset: 2, column: 3, bytes: 5 },
    { text: '\udc00x', offset: 1, column: 2, bytes: 4 },
    { text: '\ud800x', offset: 1, column: 2, bytes: 4 },
  ])('$text at $offset', ({ text, offset, column, bytes, line = 1 }) => {
    const st = new State(text, 'f');
    expect(locate(st, offset)).toEqual({ line, column });
    expect(locate(st, offset, true)).toEqual({ line, column: bytes });
  });
});

describe('locate keeps a cursor but answers in any order', () => {
  const text = 'ab\n\ncdé\r\n  x\n€y\n';
  const offsets = [0, 1, 2, 3, 4, 6, 7, 8, 10, 11, 12, 13, 14, text.length];
  // Each offset located by a fresh state (no cursor) is the expected answer.
  const fresh = offsets.map((o) => locate(new State(text, 'f'), o));
  test.each([
    { name: 'forwards', order: offsets.map((_, i) => i) },
    { name: 'backwards', order: offsets.map((_, i) => offsets.length - 1 - i) },
    { name: 'shuffled', order: [5, 0, 13, 7, 7, 2, 11, 1, 12, 3, 9, 4, 10, 6, 8] },
  ])('$name', ({ order }) => {
    const st = new State(text, 'f');
    for (const i of order) {
      expect(locate(st, offsets[i] as number)).toEqual(fresh[i]);
      expect(locate(st, offsets[i] as number, true)).toEqual(
        locate(new State(text, 'f'), offsets[i] as number, true),
      );
    }
  });

  test('columns on ASCII and non-ASCII lines', () => {
    const st = new State(text, 'f');
    expect(locate(st, 7)).toEqual({ line: 3, column: 4 });
    expect(locate(st, 14)).toEqual({ line: 5, column: 2 });
    expect(locate(st, 14, true)).toEqual({ line: 5, column: 4 });
    expect(locate(st, 12)).toEqual({ line: 4, column: 4 });
  });
});

describe('locate agrees with a line-by-line count in any lookup order', () => {
  /** The answer computed naively: lines before the offset, code points since the line start. */
  function naive(text: string, offset: number): { line: number; column: number } {
    const before = text.slice(0, offset).split('\n');
    const last = before[before.length - 1] as string;
    return { line: before.length, column: [...last].length + 1 };
  }
  test.each([
    { name: 'ASCII', text: 'rule a {\n  x == 1\n\n  y exists\n}\n# end' },
    { name: 'leading newline', text: '\n\nab\n' },
    { name: 'non-ASCII', text: 'é\n  a == "€"\n😀 b\n\n' },
    { name: 'CRLF', text: 'a\r\nb\r\n\r\nc' },
  ])('$name', ({ text }) => {
    const offsets = Array.from({ length: text.length + 1 }, (_, i) => i);
    // Forwards, backwards, then a fixed scramble (a multiplicative step).
    const orders = [
      offsets,
      [...offsets].reverse(),
      offsets.map((_, i) => (i * 7) % offsets.length),
    ];
    for (const order of orders) {
      const st = new State(text, 'f');
      for (const o of order) expect(locate(st, o)).toEqual(naive(text, o));
    }
  });
});

describe('look-ahead helpers do not move the cursor', () => {
  test.each([
    { text: 'abc', at: 0, end: 3 },
    { text: 'x1_y.z', at: 0, end: 4 },
    { text: '1x', at: 0, end: 0 },
    { text: 'a', at: 1, end: 1 },
    { text: 'aé😀', at: 0, end: 2 },
  ])('nameEnd($text, $at) = $end', ({ text, at, end }) => {
    expect(nameEnd(text, at)).toBe(end);
  });

  test.each([
    { text: '  x', at: 0, end: 2 },
    { text: '# c\n\t# d\r\n y', at: 0, end: 11 },
    { text: '# only', at: 0, end: 6 },
    { text: 'x ', at: 1, end: 2 },
  ])('afterTrivia($text, $at) = $end', ({ text, at, end }) => {
    expect(afterTrivia(text, at)).toBe(end);
    const st = new State(text, 'f');
    st.pos = at;
    skipTrivia(st);
    expect(st.pos).toBe(end);
  });
});

describe('names and trivia', () => {
  test.each([
    { text: 'abc def', name: 'abc' },
    { text: 'a_1.b', name: 'a_1' },
    { text: 'aé2ß x', name: 'aé2ß' },
    { text: 'x😀', name: 'x' },
    { text: 'A٣', name: 'A٣' },
  ])('parseName($text)', ({ text, name }) => {
    const st = new State(text, 'f');
    expect(parseName(st)).toBe(name);
    expect(st.pos).toBe(name.length);
  });

  test.each(['_a', '1a', 'éa', ' a', ''])('parseName refuses %j at its start', (text) => {
    const st = new State(text, 'f');
    const r = parseName(st);
    expect(r).toBeInstanceOf(Fail);
    expect((r as Fail).pos).toBe(0);
    expect(st.pos).toBe(0);
  });

  test('skipTrivia skips blanks and comments up to the next token', () => {
    const st = new State(' \t\r\n# c\n  # d\nx', 'f');
    skipTrivia(st);
    expect(st.peek()).toBe('x');
  });
});

describe('parseInt64', () => {
  test.each([
    { text: '0', value: 0 },
    { text: '-0', value: 0 },
    { text: '007', value: 7 },
    { text: '-42', value: -42 },
    { text: '999999999999999', value: 999999999999999 },
    { text: '9223372036854775807', value: Number(9223372036854775807n) },
    { text: '-9223372036854775808', value: Number(-9223372036854775808n) },
  ])('$text', ({ text, value }) => {
    const r = parseInt64(new State(text, 'f'));
    expect(r).not.toBeInstanceOf(Fail);
    // Object.is: `-0` must read as 0, as the BigInt path gave.
    expect(Object.is((r as { value: number }).value, value)).toBe(true);
  });

  test.each(['9223372036854775808', '-9223372036854775809', '-', 'x'])('refuses %s', (text) => {
    expect(parseInt64(new State(text, 'f'))).toBeInstanceOf(Fail);
  });
});

describe('parseValue dispatches on the first character', () => {
  test.each([
    { text: 'null', kind: 'Null', end: 4 },
    { text: 'NULLx', kind: 'Null', end: 4 },
    { text: "'a'", kind: 'String', end: 3 },
    { text: '1.5', kind: 'Float', end: 3 },
    { text: '15', kind: 'Int', end: 2 },
    { text: '-15', kind: 'Int', end: 3 },
    { text: 'True', kind: 'Bool', end: 4 },
    { text: 'false', kind: 'Bool', end: 5 },
    { text: '/a+/', kind: 'Regex', end: 4 },
    { text: 'r[1,2]', kind: 'IntRange', end: 6 },
    { text: '[1, "a"]', kind: 'List', end: 8 },
    { text: '{a: 1}', kind: 'Map', end: 6 },
    { text: '  # c\n 7', kind: 'Int', end: 8 },
  ])('$text', ({ text, kind, end }) => {
    const st = new State(text, 'f');
    const r = parseValue(st);
    expect(r).not.toBeInstanceOf(Fail);
    expect((r as { kind: string }).kind).toBe(kind);
    expect(st.pos).toBe(end);
  });

  // Recoverable failures are reported at the value's start, with no context.
  test.each([
    { text: 'x', at: 0 },
    { text: '  nul', at: 2 },
    { text: 'trux', at: 0 },
    { text: 'r', at: 0 },
    { text: '-x', at: 0 },
    // A string whose last character escapes the missing closing quote.
    { text: "'abc\\", at: 0 },
    // Inside a map the map's own failure is the one reported.
    { text: '{ : }', at: 2, start: 0 },
  ])('recoverable failure on $text', ({ text, at, start = at }) => {
    const st = new State(text, 'f');
    const r = parseValue(st);
    expect(r).toBeInstanceOf(Fail);
    expect({
      fatal: (r as Fail).fatal,
      pos: (r as Fail).pos,
      context: (r as Fail).context,
    }).toEqual({ fatal: false, pos: at, context: '' });
    // The cursor goes back to where the value started.
    expect(st.pos).toBe(start);
  });

  test.each(["'abc", "'abc\\'", '1.5e+', 'r[1,a]'])('fatal failure on %s', (text) => {
    const r = parseValue(new State(text, 'f'));
    expect(r).toBeInstanceOf(Fail);
    expect((r as Fail).fatal).toBe(true);
  });
});

describe('operators', () => {
  test.each([
    ['a == 1', 'Eq', false],
    ['a != 1', 'Eq', true],
    ['a >= 1', 'Ge', false],
    ['a < 1', 'Lt', false],
    ['a not in [1]', 'In', true],
    ['a !in [1]', 'In', true],
    ['a NOT EXISTS', 'Exists', true],
    ['a is_string', 'IsString', false],
    ['a !IS_STRUCT', 'IsMap', true],
    ['a empty', 'Empty', false],
  ])('%s', (text, op, negated) => {
    const outcome = parseRulesFile(`rule r { ${text} }`, 'f');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const rule = outcome.file?.rules[0] as Rule;
    const clause = rule.block.conjunctions[0]?.[0];
    expect(clause).toMatchObject({ kind: 'AccessClause', comparator: { op, negated } });
  });
});

describe('regex translations are cached per pattern text', () => {
  test('the same pattern gives the same translation object', () => {
    const a = translateRegexDetailed('^arn:aws:[a-z0-9-]+$');
    expect(translateRegexDetailed('^arn:aws:[a-z0-9-]+$')).toBe(a);
    expect(translateRegex('^arn:aws:[a-z0-9-]+$')).toEqual({
      ok: true,
      source: a.ok ? a.source : '',
      flags: 'v',
    });
  });

  test('refusals are cached too and keep their message', () => {
    const first = translateRegex('(');
    expect(translateRegex('(')).toEqual(first);
    expect(first.ok).toBe(false);
  });

  test('a regex literal that does not compile is reported the same on every parse', () => {
    const text = 'rule r { a == /(/ }';
    const one = parseRulesFile(text, 'f');
    const two = parseRulesFile(text, 'f');
    expect(one.ok).toBe(false);
    if (one.ok || two.ok) return;
    expect(two.error.compat).toBe(one.error.compat);
    expect(two.error.code).toBe('SYNTAX_INVALID_REGEX');
  });
});
