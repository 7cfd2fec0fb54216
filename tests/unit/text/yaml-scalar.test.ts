/**
 * The shared serde_yaml/libyaml string rules (src/text/). Every expected
 * text was checked against the reference binary (cfn-guard 3.1.1,
 * `validate -o yaml` with the string as a data value, and `parse-tree -y`
 * with it in a rule's map literal), with DIVERGENCES C11 applied: serde_yaml
 * 0.9.34 single-quotes digit strings with a leading zero.
 */
import { describe, expect, test } from 'vitest';
import { YamlEmitter } from '../../../src/text/yaml-emitter.js';
import { analyzeScalar, isSimpleKey, stringScalar } from '../../../src/text/yaml-scalar.js';
import { requestedStringStyle } from '../../../src/text/yaml-string-style.js';

/** A one-entry mapping `k: <s>` through the emitter, as the reporters and parse-tree drive it. */
function valueDoc(s: string): string {
  const out: string[] = [];
  const e = new YamlEmitter(out);
  e.beginMapping();
  e.mappingKey('k', requestedStringStyle('k'));
  e.scalar(s, requestedStringStyle(s));
  e.endMapping();
  e.endDocument();
  return out.join('');
}

function keyDoc(key: string): string {
  const out: string[] = [];
  const e = new YamlEmitter(out);
  e.beginMapping();
  e.mappingKey(key, requestedStringStyle(key));
  e.scalar('1', 'plain');
  e.endMapping();
  e.endDocument();
  return out.join('');
}

describe('string values', () => {
  test.each([
    ['yes', 'k: yes\n'],
    ['0x1F', "k: '0x1F'\n"],
    ['1_000', 'k: 1_000\n'],
    ['+.inf', "k: '+.inf'\n"],
    ['~', "k: '~'\n"],
    ['- a', "k: '- a'\n"],
    ['a: b', "k: 'a: b'\n"],
    [' lead', "k: ' lead'\n"],
    ['trail ', "k: 'trail '\n"],
    ['multi\nline', 'k: |-\n  multi\n  line\n'],
    ['a\n', 'k: |\n  a\n'],
    ['a\n\n', 'k: |+\n  a\n\n'],
    ['\n', 'k: |2+\n\n'],
    ['  a\n', 'k: |2\n    a\n'],
    ['a \nb', 'k: "a \\nb"\n'],
    ['tab\there', 'k: "tab\\there"\n'],
    ['\x01\x02', 'k: "\\x01\\x02"\n'],
    ['p\u0085q', 'k: "p\\Nq"\n'],
    ['x\u2028y', "k: 'x\u2028  y'\n"],
    ['\ufeffa', 'k: "\\uFEFFa"\n'],
    ['😀', 'k: 😀\n'],
    ['null', "k: 'null'\n"],
    ['Null', "k: 'Null'\n"],
    ['NULL', "k: 'NULL'\n"],
    ['0o17', "k: '0o17'\n"],
    ['1e3', "k: '1e3'\n"],
    ['.5', "k: '.5'\n"],
    ['-.5e-3', "k: '-.5e-3'\n"],
    ['1e400', 'k: 1e400\n'],
    ['9223372036854775808', "k: '9223372036854775808'\n"],
    ['340282366920938463463374607431768211456', "k: '340282366920938463463374607431768211456'\n"],
    [`0x${'f'.repeat(32)}`, `k: '0x${'f'.repeat(32)}'\n`],
    [`0x${'f'.repeat(33)}`, `k: 0x${'f'.repeat(33)}\n`],
    ['0123', "k: '0123'\n"],
    ["'", "k: ''''\n"],
    ['"', `k: '"'\n`],
    ['#x', "k: '#x'\n"],
    ['x #y', "k: 'x #y'\n"],
    ['x#y', 'k: x#y\n'],
    ['@a', "k: '@a'\n"],
    ['`a', "k: '`a'\n"],
    ['%a', "k: '%a'\n"],
    ['!a', "k: '!a'\n"],
    ['&a', "k: '&a'\n"],
    ['*a', "k: '*a'\n"],
    ['|', "k: '|'\n"],
    ['>', "k: '>'\n"],
    ['?', "k: '?'\n"],
    ['-', "k: '-'\n"],
    ['-a', 'k: -a\n'],
    ['[a]', "k: '[a]'\n"],
    ['{a}', "k: '{a}'\n"],
    [',', "k: ','\n"],
    ['---', "k: '---'\n"],
    ['', "k: ''\n"],
  ])('%j', (s, expected) => {
    expect(valueDoc(s)).toBe(expected);
  });
});

describe('string keys', () => {
  test.each([
    ['a', 'a: 1\n'],
    ['', "'': 1\n"],
    ['007', "'007': 1\n"],
    ['true', "'true': 1\n"],
    ['a b', 'a b: 1\n'],
    ['a\nb', '? |-\n  a\n  b\n: 1\n'],
    ['k'.repeat(129), `? ${'k'.repeat(129)}\n: 1\n`],
    ['k'.repeat(128), `${'k'.repeat(128)}: 1\n`],
    // The 128 limit counts UTF-8 bytes: 65 × 'é' is 130 bytes.
    ['é'.repeat(65), `? ${'é'.repeat(65)}\n: 1\n`],
    ['é'.repeat(64), `${'é'.repeat(64)}: 1\n`],
  ])('%j', (key, expected) => {
    expect(keyDoc(key)).toBe(expected);
  });
});

describe('pieces', () => {
  test.each([
    ['plain', 'any'],
    ['a\nb', 'literal'],
    ['', 'single'],
    ['-0x1F', 'single'],
    ['+0x1F', 'single'],
    ['0x', 'any'],
    ['-007', 'single'],
    ['inf', 'any'],
    ['.NaN', 'single'],
    ['+-1', 'any'],
  ] as const)('serde_yaml requests %j as %s', (s, style) => {
    expect(requestedStringStyle(s)).toBe(style);
  });

  test.each([
    ['a', true],
    ['a\u2028b', false],
    ['x'.repeat(129), false],
  ] as const)('%j is a simple key: %s', (s, simple) => {
    expect(isSimpleKey(analyzeScalar(s))).toBe(simple);
  });

  test('continuation lines start at the given indent', () => {
    expect(stringScalar('a\nb', 6, false)).toBe('|-\n      a\n      b');
    expect(stringScalar('a\nb', 6, true)).toBe('"a\\nb"');
  });
});
