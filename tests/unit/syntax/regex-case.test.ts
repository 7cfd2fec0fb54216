import { describe, expect, test } from 'vitest';
import { translateRegex } from '../../../src/syntax/regex.js';
import { caseVariants, hasCaseVariants } from '../../../src/syntax/regex-case.js';
import {
  CASE_FOLDING_RANGES,
  IRREGULAR_CASE_CLASSES,
  NOT_FOLDED_BY_REFERENCE,
} from '../../../src/syntax/regex-case-folds.js';

/**
 * Patterns mixing case-sensitive and case-insensitive parts (OP-18), and the
 * other inline flags used mid-pattern and scoped. [pattern, input, result]
 * was recorded from cfn-guard 3.1.1 with `rule r0 { k == /PATTERN/ }`
 * against `{"k": INPUT}` and `-S all`: true = PASS, false = FAIL.
 */
const ROWS: readonly (readonly [string, string, boolean])[] = [
  ['ab(?i)cd', 'ABCD', false],
  ['ab(?i)cd', 'abCD', true],
  ['(?i:AB)cd', 'abCD', false],
  ['(?i:AB)cd', 'abcd', true],
  ['(?i:ab)CD', 'ABCD', true],
  ['(?i:ab)CD', 'abcd', false],
  ['^x(?i)yz$', 'xYZ', true],
  ['^x(?i)yz$', 'XYZ', false],
  ['^(?i:a(?-i:b)c)$', 'AbC', true],
  ['^(?i:a(?-i:b)c)$', 'ABC', false],
  ['^(?i:a(?-i:b)c)$', 'abc', true],
  ['^(?i:[a-c])x$', 'Bx', true],
  ['^(?i:[a-c])x$', 'BX', false],
  ['^[A-C]x$', 'bx', false],
  ['^(?i:[^a])x$', 'Ax', false],
  ['^(?i:[^a])x$', 'bx', true],
  ['^(?i:[^a])x$', 'ax', false],
  ['^(?i:k)x$', 'Kx', true],
  ['^(?i:k)x$', 'Kx', true],
  ['^(?i:K)x$', 'Kx', true],
  ['^(?i:K)x$', 'kx', true],
  ['^(?i:s)x$', 'ſx', true],
  ['^(?i:ſ)x$', 'Sx', true],
  ['^(?i:[a-z])x$', 'ſx', true],
  ['^(?i:[a-z])x$', 'Kx', true],
  ['^(?i:σ)x$', 'Σx', true],
  ['^(?i:σ)x$', 'ςx', true],
  ['^(?i:ς)x$', 'Σx', true],
  ['^(?i:Σ)x$', 'σx', true],
  ['^(?i:Σ)X$', 'σx', false],
  ['^(?i:1)x$', '1x', true],
  ['^(?i:[0-9_-])x$', '-x', true],
  ['^(?i:1-)X$', '1-x', false],
  ['^(?i)ab|CD$', 'xCD', true],
  ['^(?i)ab|CD$', 'xcd', true],
  ['^(?:(?i)ab|CD)e$', 'cdE', false],
  ['^(?:(?i)ab|CD)e$', 'cde', true],
  ['^(?:(?i:ab)|CD)e$', 'cde', false],
  ['^(?:(?i:ab)|CD)e$', 'abe', true],
  ['^(?:(?i:ab)|CD)e$', 'ABe', true],
  ['^(?:(?i:ab)|CD)e$', 'ABE', false],
  ['^(?i)a(?-i)b$', 'Ab', true],
  ['^(?i)a(?-i)b$', 'AB', false],
  ['^a(?s:.)b$', 'a\nb', true],
  ['^a(?s:.).$', 'a\n\n', false],
  ['(?m:^x)', 'a\nx', true],
  ['(?m:^x)y$', 'a\nxy', true],
  ['(?m:x$)\ny', 'x\ny', true],
  ['(?m:x$)', 'x\ny', true],
  ['^(?U:a+)a+$', 'aaa', true],
  ['^(?U)(a+)(?-U)(a+)b$', 'aaab', true],
  ['(?x: a b )c d', 'abc d', true],
  ['(?x: a b )c d', 'abcd', false],
  ['^(?i:ǅ)x$', 'ǆx', true],
  ['^(?i:ǅ)x$', 'Ǆx', true],
  ['^(?i:ß)x$', 'ẞx', true],
  ['^(?i:ß)x$', 'SSx', false],
  ['^(?i:ϐ)x$', 'Βx', true],
  ['^(?i:ͅ)x$', 'Ιx', true],
  ['^(?i:ι)x$', 'ιx', true],
  ['^(?i:µ)x$', 'Μx', true],
  ['^(?i:ẛ)x$', 'Ṡx', true],
  ['^(?i:в)x$', 'ᲀx', true],
  ['^(?i:ı)x$', 'Ix', false],
  ['^(?i:i)x$', 'İx', false],
  ['^(?i:\\p{Lu})x$', 'ax', true],
  ['^(?i:\\P{Lu})x$', 'ax', false],
  ['^(?i:\\P{Lu})x$', '1x', true],
  ['^(?i:[[:upper:]])x$', 'ax', true],
  ['^(?i:[[:^lower:]])x$', 'Ax', false],
  ['^(?i:[[:^lower:]])x$', 'ſx', false],
  ['^(?i:[a-z&&[^aeiou]])X$', 'BX', true],
  ['^(?i:[a-z&&[^aeiou]])X$', 'EX', false],
  ['^(?i:[a-z--[aeiou]])X$', 'EX', false],
  ['^(?i:[a-z~~[e-z]])X$', 'DX', true],
  ['^(?i:[a-z~~[e-z]])X$', 'EX', false],
  ['^(?i:\\x41)x$', 'ax', true],
  ['^(?i:\\u{1F600})x$', '😀x', true],
  ['^(?i:𐐀)x$', '𐐨x', true],
  ['^(?i:[𐐀-𐐂])x$', '𐐩x', true],
  ['^(?i:[\\x{0}-\\x{FFFF}])x$', '𐐨x', false],
  ['^(?i:[\\x{0}-\\x{FFFF}])x$', 'Ax', true],
  ['^(?i:.)X$', 'aX', true],
  ['^(?i:\\w)X$', 'aX', true],
  ['^(?i:\\bfoo\\b)X$', 'FOOX', false],
  ['^(?i:(a)b)C$', 'ABC', true],
  ['^(?i:a)*B$', 'aAaB', true],
  ['^(?i:a)*B$', 'aAab', false],
  ['^(?i:a{2})B$', 'aAB', true],
  ['(?<=(?i:a))B', 'AB', true],
  ['(?i:a)(?<=A)', 'a', false],
  ['(?=(?i:A))aB', 'aB', true],
  ['^(?i)[^\\p{Lu}]x', 'ax', false],
  ['^(?i:[^[^a]])x$', 'Ax', true],
  ['^(?i:[^[^a]])X$', 'Ax', false],
  ['^(?i:[^a-z])X$', 'KX', false],
  ['^(?i:\\W)X$', 'KX', false],
  ['^ﬅ(?i)x$', 'ﬅX', true],
  ['^(?i:ﬅ)x$', 'ﬆx', false],
  ['^(?i:ᲊ)x$', 'Ᲊx', false],
  ['(?i)ﬅ', 'ﬆ', false],
  ['(?i)ᲊ', 'Ᲊ', false],
  ['(?i)[ᲊ]', 'Ᲊ', false],
  ['(?i)[^ᲊ]', 'Ᲊ', true],
  ['(?i)[a-zᲊ]', 'Ᲊ', false],
  ['(?i)ƛ', 'Ƛ', false],
  ['(?i)ƛ', 'ƛ', true],
  ['^(?i)[^ƛ]$', '꟝', true],
  ['(?i)ab', 'AB', true],
  ['(?i:ƛ)', '꟝', false],
];

function run(pattern: string, input: string): boolean | string {
  const t = translateRegex(pattern);
  if (!t.ok) return t.message;
  return new RegExp(t.source, t.flags).test(input);
}

describe('mixed case-sensitivity matches like cfn-guard 3.1.1', () => {
  test.each(ROWS)('/%s/ on %j', (pattern, input, expected) => {
    expect(run(pattern, input)).toBe(expected);
  });
});

function* codePoints(ranges: readonly number[]): Generator<number> {
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    for (let cp = ranges[i] ?? 0; cp <= (ranges[i + 1] ?? -1); cp++) yield cp;
  }
}

describe('the generated case-folding table', () => {
  const cased = [...codePoints(CASE_FOLDING_RANGES)];
  const casedSet = new Set(cased);
  const text = cased.map((cp) => String.fromCodePoint(cp)).join('');
  const classOf = (cp: number): number[] =>
    (text.match(new RegExp(`[\\u{${cp.toString(16)}}]`, 'giv')) ?? []).map(
      (s) => s.codePointAt(0) ?? 0,
    );

  test('ranges are sorted and disjoint', () => {
    for (let i = 2; i < CASE_FOLDING_RANGES.length; i += 2) {
      expect(CASE_FOLDING_RANGES[i] ?? 0).toBeGreaterThan((CASE_FOLDING_RANGES[i - 1] ?? 0) + 1);
    }
  });

  test('every listed code point has another case variant, also listed (closed under /iv)', () => {
    for (const cp of cased) {
      const members = classOf(cp);
      expect(members.length, cp.toString(16)).toBeGreaterThan(1);
      expect(members.every((m) => casedSet.has(m))).toBe(true);
    }
  });

  test('no code point outside the table has a case variant', () => {
    // \p{Changes_When_Casefolded} also holds for code points that only full
    // folding changes (U+0149 -> U+02BC n), so each such code point outside
    // the table must match none of its case mappings under /iv, unless the
    // reference does not fold it.
    const newer = new Set(codePoints(NOT_FOLDED_BY_REFERENCE));
    const changes = /\p{Changes_When_Casefolded}/u;
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp === 0xd800) cp = 0xe000;
      const s = String.fromCodePoint(cp);
      if (casedSet.has(cp) || newer.has(cp) || !changes.test(s)) continue;
      const re = new RegExp(`^[\\u{${cp.toString(16)}}]$`, 'iv');
      const others = [...s.toLowerCase(), ...s.toUpperCase(), ...s.normalize('NFKD')];
      if (others.some((o) => o !== s && re.test(o))) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  test('irregular classes are exact V8 classes that toLowerCase/toUpperCase miss', () => {
    expect(IRREGULAR_CASE_CLASSES).toContainEqual([0x4b, 0x6b, 0x212a]);
    expect(IRREGULAR_CASE_CLASSES).toContainEqual([0x53, 0x73, 0x17f]);
    for (const c of IRREGULAR_CASE_CLASSES) expect(classOf(c[0] ?? 0)).toEqual(c);
  });

  test.each([
    [0x6b, [0x4b, 0x6b, 0x212a]],
    [0x3c3, [0x3a3, 0x3c2, 0x3c3]],
    [0x3b8, [0x398, 0x3b8, 0x3d1, 0x3f4]],
    [0x3b9, [0x345, 0x399, 0x3b9, 0x1fbe]],
    [0xb5, [0xb5, 0x39c, 0x3bc]],
    [0x31, [0x31]],
    [0x131, [0x131]],
    [0x19b, [0x19b]], // U+A7DC pairs with it only in Unicode 16+
  ])('caseVariants(%s)', (cp, expected) => {
    expect(caseVariants(cp)).toEqual(expected);
    expect(hasCaseVariants(cp)).toBe(expected.length > 1);
  });
});

describe('emission of mixed patterns', () => {
  test('a mixed pattern has no i flag; a uniform one keeps it', () => {
    expect(translateRegex('ab(?i)cd')).toEqual({ ok: true, source: 'ab[Cc][Dd]', flags: 'v' });
    expect(translateRegex('(?i)abcd')).toEqual({ ok: true, source: 'abcd', flags: 'iv' });
    expect(translateRegex('(?i:[0-9])x')).toMatchObject({ flags: 'v' });
  });

  test('large case-insensitive ranges stay cheap', () => {
    const t = translateRegex('(?i:[\\x{0}-\\x{10FFFF}])x');
    expect(t.ok && new RegExp(t.source, t.flags).test('\u{10428}x')).toBe(true);
    const u = translateRegex('^(?i:[\\x{0}-\\x{FFFF}])x$');
    expect(u.ok && new RegExp(u.source, u.flags).test('\u{10428}x')).toBe(false);
  });

  test('backreferences under (?i) stay refused', () => {
    const t = translateRegex('(a)(?i:b)\\1');
    expect(t.ok).toBe(false);
  });
});
