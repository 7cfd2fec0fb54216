import { describe, expect, test } from 'vitest';
import { translateRegex, translateRegexDetailed } from '../../../src/syntax/regex.js';
import { SCRIPT_ALIASES } from '../../../src/syntax/regex-scripts.js';

/**
 * [pattern, input, reference result, refused?]
 *
 * The reference result was recorded from cfn-guard 3.1.1 (fancy-regex 0.13,
 * regex 1.10) with `rule r { s == /PATTERN/ }` against `{"s": INPUT}`:
 * true = PASS (the unanchored search matches), false = FAIL, 'error' = the
 * rules file did not parse. `refused` marks patterns the reference accepts
 * but tsguard refuses on purpose because JavaScript cannot reproduce their
 * meaning exactly (each refusal says so in its message).
 */
type Row = readonly [string, string, boolean | 'error', true?];

const ROWS: readonly Row[] = [
  ['\\p{Greek}', '͂', false],
  ['\\p{Script=Greek}', '͂', false],
  ['\\p{sc=Greek}', '͂', false],
  ['\\p{greek}', 'α', true],
  ['\\p{Uppercase Letter}', 'A', true],
  ['\\pL', 'é', true],
  ['\\p{L}', 'é', true],
  ['a{', 'a{', true],
  ['a{,3}', 'aaa', true],
  ['a{,3}', 'a{,3}', true],
  ['x{2,1}', 'xx', 'error'],
  ['\\<a', 'a', true],
  ['\\Z', 'a', 'error'],
  ['\\h', 'a', true],
  ['\\e', '\u001b', true],
  ['(?R)a', 'a', 'error'],
  ['\\0', '\u0000', false, true],
  ['\\b{start}a', 'a', 'error'],
  ['(?<=a+)b', 'ab', 'error'],
  ['(?<=a|bc)d', 'bcd', true],
  ['(a)?b\\1', 'b', false, true],
  ['a++b', 'aab', true],
  ['(?U)a+', 'a', true],
  ['(?x)[a b]', ' ', true],
  ['(?x)a b', 'ab', true],
  ['a\\ b', 'a b', true],
  ['\\!', '!', true],
  ['\\Q', 'Q', 'error'],
  ['\\cA', '\u0001', 'error'],
  ['\\G', 'a', true, true],
  ['\\K', 'a', true, true],
  ['(?i:a)b', 'Ab', true],
  ['(?i)k', 'K', true],
  ['[[:alpha:]]', 'é', false],
  ['[a-z&&[^aeiou]]', 'e', false],
  ['[a-z--aeiou]', 'b', true],
  ['[a-z~~c-e]', 'd', false],
  ['\\x{10FFFF}', '􏿿', true],
  ['$', 'a\n', true],
  ['a$', 'a\n', false],
  ['(?m)a$', 'a\r\n', false],
  ['(?m)a$', 'a\n', true],
  ['.', '\r', true],
  ['^.$', ' ', true],
  ['\\d', '٣', true],
  ['\\w', 'é', true],
  ['\\s', ' ', true],
  ['é\\b', 'é', true],
  ['a\\b', 'aé', false],
  ['(?P<n>a)(?P=n)', 'aa', true],
  ['(?<n>a)\\k<n>', 'aa', true],
  ['(a)\\k<1>', 'aa', true],
  ["(?'n'a)\\k'n'", 'aa', 'error'],
  ['(?#comment)a', 'a', true],
  ['(?(1)a|b)', 'b', 'error'],
  ['(a(?i)b)c', 'abC', true],
  ['(?i)(a)\\1', 'aA', false, true],
  ['\\p{IsGreek}', 'α', true],
  ['\\p{gc=L}', 'a', true],
  ['\\p{General_Category=Letter}', 'a', true],
  ['\\p{scx=Greek}', '͂', true],
  ['\\p{Alphabetic}', 'a', true],
  ['\\p{alpha}', 'a', true],
  ['\\p{^L}', '1', 'error'],
  ['\\p{sc!=Greek}', 'a', false, true],
  ['\\p{Any}', 'a', true],
  ['\\p{Assigned}', 'a', true],
  ['\\p{ascii}', 'a', true],
  ['\\p{Age=3.0}', 'a', true, true],
  ['\\p{Hyphen}', '-', true, true],
  ['\\p{cf}', '­', true],
  ['\\p{lc}', 'a', true],
  ['\\p{Other_Alphabetic}', 'ͅ', true, true],
  ['\\p{Greek Extended}', 'a', 'error'],
  ['\\p{L}', '🄰', false],
  ['^a{,3}$', 'aa', true],
  ['^a{,3}$', 'a{,3}', false],
  ['^a{ 2 }$', 'aa', false],
  ['^a{ 2 }$', 'a{ 2 }', true],
  ['^a{2}{3}$', 'aaaaaa', false],
  ['^a{2}{3}$', 'aa{3}', true],
  ['a{5000}', 'a', false],
  ['a{100000}', 'a', false],
  ['^*', 'a', 'error'],
  ['(?:)*', 'a', 'error'],
  ['()*', 'a', true],
  ['a**', 'a', 'error'],
  ['*a', 'a', 'error'],
  ['a|*', 'a', 'error'],
  ['^()$', '', true],
  ['^(|a)$', 'a', true],
  ['[]a]', ']', true],
  ['[^]a]', 'b', true],
  ['[a-]', '-', true],
  ['[-a]', '-', true],
  ['[a-\\d]', '-', 'error'],
  ['[z-a]', 'b', 'error'],
  ['[\\b]', '\b', true],
  ['[[:alpha:][:digit:]]', '5', true],
  ['[[:^alpha:]]', '5', true],
  ['^[:alpha:]$', 'l', true],
  ['[a&&]', 'a', false],
  ['[&&a]', 'a', false],
  ['[a--]', 'a', true],
  ['[\\w&&\\d]', '5', true],
  ['(?i)[^a]', 'A', false],
  ['(?i)\\P{Lu}', 'a', false],
  ['(?i)\\p{Lu}', 'a', true],
  ['(?i)[[:upper:]]', 'K', true],
  ['(?i)[^\\p{Lu}]', 'a', false],
  ['^\\x41$', 'A', true],
  ['^\\x{41}$', 'A', true],
  ['^\\u0041$', 'A', true],
  ['^\\U00000041$', 'A', true],
  ['^\\u{41}$', 'A', true],
  ['\\x4', '\u0004', 'error'],
  ['\\x{110000}', 'a', 'error'],
  ['\\x{D800}', 'a', 'error'],
  ['(?x)[#]', '#', true],
  ['(?x)a\\ b', 'a b', true],
  ['(?x)a b # c', 'ab', true],
  ['(?s).', '\n', true],
  ['.', '\n', false],
  ['(?m)^b', 'a\nb', true],
  ['(?m)^b', 'a\rb', false],
  ['(?m)a$', 'a\nb', true],
  ['\\Aa\\z', 'a', true],
  ['(?m)(?-m)a$', 'a\nb', false],
  ['(?<=ab)c', 'abc', true],
  ['(?<=a{2})c', 'aac', true],
  ['(?<=a{1,2})c', 'aac', 'error'],
  ['(?<=(?:a|bc))d', 'bcd', true],
  ['(?<=x(?:a|bc))d', 'xbcd', 'error'],
  ['(?<!a)b', 'ab', false],
  ['(?<=\\b)a', 'a', true],
  ['(a)|b\\1', 'bb', false, true],
  ['\\1(a)', 'aa', 'error'],
  ['(a)\\2', 'aa', 'error'],
  ['(?:(a)|b)+\\1', 'aba', true, true],
  ['(?>a+)a', 'aaa', false],
  ['a*+a', 'aaa', false],
  ['a?+a', 'a', false],
  ['(?i)ß', 'ẞ', true],
  ['(?i)ǅ', 'ǆ', true],
  ['(?i)σ', 'ς', true],
  ['(?P<n>a)(?P<n>b)', 'ab', true],
  ['(?P<1a>x)', 'x', true],
  ['(?P<a.b>x)', 'x', 'error'],
  ['(?P<é>x)', 'x', true],
  ['^a{2}?$', 'aa', true],
  ['^a{2}+$', 'aa', true],
  ['\\k<zz>(?<zz>a)', 'a', 'error'],
  ['(?<zz>a)\\k<yy>', 'a', 'error'],
  ['(?i)(?<=A)b', 'ab', true],
  ['a(?i)', 'a', true],
  ['(?i)', 'x', true],
  ['(?)', 'x', 'error'],
  ['(?-)', 'x', 'error'],
  ['(?-u)a', 'a', 'error'],
  ['(?u)a', 'a', true],
  ['(?z)a', 'a', 'error'],
  ['(?i)HELLO', 'hello', true],
  ['(?i)^[a-z]+$', 'ABC', true],
  ['(?i)straße', 'STRASSE', false],
  ['(?i)\\bfoo\\b', 'a FOO b', true],
  ['^\\d{3}$', '١٢٣', true],
  ['^\\w+$', '日本語', true],
  ['\\s', '　', true],
  ['^\\S+$', 'a b', false],
  ['\\D', '٣', false],
  ['(?s)a.b', 'a\nb', true],
  ['a.b', 'a\rb', true],
  ['(?m)^b$', 'a\r\nb', true],
  ['^$', '', true],
  ['\\bend', 'the end', true],
  ['\\Bnd', 'end', true],
  ['a\\>', 'a!', true],
  ['\\<b', 'a b', true],
  ['\\<b', 'ab', false],
  ['(?x) ^ a  b  c $ # trailing', 'abc', true],
  ['[[:digit:]]+', '123', true],
  ['[[:punct:]]', '!', true],
  ['[\\p{Greek}&&\\p{Ll}]', 'Α', false],
  ['[\\d--5]', '5', false],
  ['[^[:space:]]', ' ', false],
  ['^\\x{1F600}$', '😀', true],
  ['^.$', '😀', true],
  ['^[😀-😂]$', '😁', true],
  ['(?P<year>\\d{4})-(?P=year)', '2020-2020', true],
  ['^(?:a|ab)c$', 'abc', true],
  ['^a{2,3}?$', 'aaa', true],
  ['(?=.*\\d)(?=.*[a-z]).{8,}', 'abcdefg1', true],
  ['^(?!.*bad).*$', 'good', true],
  ['(?<![A-Z])[A-Z]{3}', 'ABC', true],
  ['(?i:a)B', 'ab', false],
  ['a(?i)b', 'aB', true],
  ['(?i)(?-i:a)', 'A', false],
  ['^[^a]$', '\n', true],
  ['(?i)[k]', 'K', true],
  ['(?i)\\p{Ll}', 'A', true],
  ['(?i)[^\\P{Lu}]', 'a', true],
  ['^\\p{Nd}+$', '0٣', true],
  ['^[\\w&&[^\\d]]+$', 'ab_', true],
  ['^[a-c[x-z]]+$', 'axc', true],
  ['(?U)^(a+)a$', 'aaa', true],
  ['x*', 'zzz', true],
  ['\\.', 'a', false],
  ['^\\^\\$$', '^$', true],
  ['^\\#\\&\\-\\~$', '#&-~', true],
  ['(?m)^$', 'a\n\nb', true],
  ['(?x)a{2, 3}', 'aa', true],
  ['^[-]$', '-', true],
  ['\\p{Greek}+', 'αβγ', true],
  ['\\p{Han}', '字', true],
];

function run(pattern: string, input: string): boolean | 'error' {
  const t = translateRegex(pattern);
  if (!t.ok) return 'error';
  return new RegExp(t.source, t.flags).test(input);
}

describe('translateRegex matches like cfn-guard 3.1.1', () => {
  const accepted = ROWS.filter((r) => r[3] !== true);
  test.each(accepted)('/%s/ on %j', (pattern, input, expected) => {
    expect(run(String(pattern), String(input))).toBe(expected);
  });
});

describe('translateRegex refuses what it cannot translate exactly', () => {
  const refused = ROWS.filter((r) => r[3] === true);
  test.each(refused)('/%s/', (pattern) => {
    const t = translateRegex(String(pattern));
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.message).toContain('tsguard cannot translate');
  });
});

describe('translateRegex details', () => {
  // Recorded from cfn-guard 3.1.1 (regex_replace): an unclosed group is reported at the
  // end of the pattern, as a byte offset.
  test('reports fancy-regex style positions for invalid patterns', () => {
    expect(translateRegex('(')).toEqual({
      ok: false,
      message: 'Parsing error at position 1: Opening parenthesis without closing parenthesis',
    });
    expect(translateRegex('é(')).toEqual({
      ok: false,
      message: 'Parsing error at position 3: Opening parenthesis without closing parenthesis',
    });
  });

  test('always uses the v flag, adding i only for case-insensitive patterns', () => {
    expect(translateRegex('abc')).toMatchObject({ ok: true, flags: 'v' });
    expect(translateRegex('(?i)abc')).toMatchObject({ ok: true, flags: 'iv' });
  });

  test('maps Rust group numbers to JavaScript ones around atomic-group helpers', () => {
    const t = translateRegexDetailed('(?>a)(?P<x>b)(c)');
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.groupMap).toEqual([0, 2, 3]);
    expect(t.names.get('x')).toBe(1);
    const m = new RegExp(t.source, t.flags).exec('abc');
    expect(m?.[t.groupMap[1] ?? -1]).toBe('b');
    expect(m?.groups?.x).toBe('b');
  });

  test('keeps capture groups for regex_replace', () => {
    const t = translateRegexDetailed('(\\w+)@(\\w+)');
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    const m = new RegExp(t.source, t.flags).exec('user@example');
    expect([m?.[1], m?.[2]]).toEqual(['user', 'example']);
  });

  test('every script alias in the table is valid in JavaScript', () => {
    for (const row of SCRIPT_ALIASES) {
      const code = row.split(' ')[0] ?? '';
      expect(() => new RegExp(`\\p{Script=${code}}`, 'v'), code).not.toThrow();
    }
  });

  test('never throws on arbitrary pattern text', () => {
    const samples = [
      '\\',
      '[',
      '[[',
      '(?',
      '(?P<',
      '\\p{',
      '\\x{',
      'a{1,',
      '(?<=',
      ')',
      '[a-',
      '\\k<',
    ];
    for (const s of samples) expect(() => translateRegex(s)).not.toThrow();
  });
});
