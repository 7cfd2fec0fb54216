import { describe, expect, test } from 'vitest';
import { translateLiteral, translateUncached } from '../../../src/syntax/regex.js';

/**
 * The plain-text fast path (regex.ts `translateLiteral`) must give exactly
 * what the full parse-and-emit route gives, or decline.
 */
const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

const TAKEN: readonly string[] = [
  'abc',
  '^aws-',
  '^arn:aws:iam::',
  '^i3\\.metal$',
  '^$',
  '^',
  '$',
  'a b#c&d~e-f/g_h',
  '\\^\\$\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\\\',
  'x\\$',
  'it\'s "quoted"',
  ...PRINTABLE.map((c) => `^${c}$`),
  ...PRINTABLE.map((c) => `\\${c}`),
];

const DECLINED: readonly string[] = [
  '^c5\\..+?$',
  'a|b',
  '\\d',
  'a$b',
  'a^',
  'é',
  '(?i)abc',
  'a{2}',
  '[ab]',
  '\\',
  'a\nb',
];

describe('translateLiteral', () => {
  test.each(TAKEN.map((p) => [p]))('%j matches the full translation, or declines', (pattern) => {
    const fast = translateLiteral(pattern);
    const full = translateUncached(pattern);
    if (fast === null) {
      // Declined: only escapes of non-metacharacters and lone symbols may be.
      expect(/\\[^\\.+*?()|[\]{}^$]|[.+*?()|[\]{}^]|\$./.test(pattern)).toBe(true);
    } else {
      expect(fast).toEqual(full);
    }
  });

  test.each(DECLINED.map((p) => [p]))('declines %j', (pattern) => {
    expect(translateLiteral(pattern)).toBeNull();
  });

  test('takes plain text with anchors and escaped dots', () => {
    expect(translateLiteral('^i3\\.metal$')).toEqual({
      ok: true,
      source: '^i3\\u{2e}metal$',
      flags: 'v',
      groupMap: [0],
      names: new Map(),
    });
  });
});
