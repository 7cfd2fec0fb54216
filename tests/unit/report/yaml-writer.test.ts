/**
 * serde_yaml 0.9.34 output. Every expected text below was recorded with the
 * reference binary (cfn-guard 3.1.1, `validate -o yaml`, strings as data
 * values), with the one 0.9.17 → 0.9.34 change of DIVERGENCES C11 applied:
 * digit strings with a leading zero (`007`) are single-quoted.
 */
import { describe, expect, test } from 'vitest';
import { JsonFloat, type JsonValue } from '../../../src/data/display.js';
import { toYaml, writeYaml } from '../../../src/report/yaml-writer.js';

/** [string value, `toYaml({k: value})` without the trailing `z: 1` line]. */
const STRING_CASES: readonly (readonly [string, string])[] = [
  ['', "k: ''\n"],
  [' ', "k: ' '\n"],
  ['a b', 'k: a b\n'],
  [' lead', "k: ' lead'\n"],
  ['trail ', "k: 'trail '\n"],
  ['007', "k: '007'\n"],
  ['-007', "k: '-007'\n"],
  ['0', "k: '0'\n"],
  ['1', "k: '1'\n"],
  ['-1', "k: '-1'\n"],
  ['+1', "k: '+1'\n"],
  ['1.5', "k: '1.5'\n"],
  ['1e5', "k: '1e5'\n"],
  ['1E5', "k: '1E5'\n"],
  ['.5', "k: '.5'\n"],
  ['1.', "k: '1.'\n"],
  ['0x1F', "k: '0x1F'\n"],
  ['0o17', "k: '0o17'\n"],
  ['0b101', "k: '0b101'\n"],
  ['-0x1F', "k: '-0x1F'\n"],
  ['+0x1F', "k: '+0x1F'\n"],
  ['0x', 'k: 0x\n'],
  ['true', "k: 'true'\n"],
  ['True', "k: 'True'\n"],
  ['TRUE', "k: 'TRUE'\n"],
  ['tRUE', 'k: tRUE\n'],
  ['false', "k: 'false'\n"],
  ['yes', 'k: yes\n'],
  ['no', 'k: no\n'],
  ['on', 'k: on\n'],
  ['off', 'k: off\n'],
  ['y', 'k: y\n'],
  ['n', 'k: n\n'],
  ['Y', 'k: Y\n'],
  ['null', "k: 'null'\n"],
  ['Null', "k: 'Null'\n"],
  ['NULL', "k: 'NULL'\n"],
  ['~', "k: '~'\n"],
  ['.inf', "k: '.inf'\n"],
  ['-.inf', "k: '-.inf'\n"],
  ['.nan', "k: '.nan'\n"],
  ['.NaN', "k: '.NaN'\n"],
  ['inf', 'k: inf\n'],
  ['nan', 'k: nan\n'],
  ['NaN', 'k: NaN\n'],
  ['infinity', 'k: infinity\n'],
  ['1e400', 'k: 1e400\n'],
  ['1_000', 'k: 1_000\n'],
  ['123456789012345678901234567890', "k: '123456789012345678901234567890'\n"],
  [
    '99999999999999999999999999999999999999999999',
    "k: '99999999999999999999999999999999999999999999'\n",
  ],
  ['-', "k: '-'\n"],
  ['- a', "k: '- a'\n"],
  ['-a', 'k: -a\n'],
  ['--', 'k: --\n'],
  ['---', "k: '---'\n"],
  ['...', "k: '...'\n"],
  ['?', "k: '?'\n"],
  ['? a', "k: '? a'\n"],
  ['?a', 'k: ?a\n'],
  [':', "k: ':'\n"],
  [': a', "k: ': a'\n"],
  [':a', 'k: :a\n'],
  ['a:', "k: 'a:'\n"],
  ['a: b', "k: 'a: b'\n"],
  ['a:b', 'k: a:b\n'],
  ['a #b', "k: 'a #b'\n"],
  ['a#b', 'k: a#b\n'],
  ['#a', "k: '#a'\n"],
  [',a', "k: ',a'\n"],
  ['a,b', 'k: a,b\n'],
  ['[a', "k: '[a'\n"],
  ['a[', 'k: a[\n'],
  [']', "k: ']'\n"],
  ['{', "k: '{'\n"],
  ['a}', 'k: a}\n'],
  ['&a', "k: '&a'\n"],
  ['*a', "k: '*a'\n"],
  ['!a', "k: '!a'\n"],
  ['|a', "k: '|a'\n"],
  ['>a', "k: '>a'\n"],
  ["'a", "k: '''a'\n"],
  ["a'b", "k: a'b\n"],
  ['"a', "k: '\"a'\n"],
  ['a"b', 'k: a"b\n'],
  ['%a', "k: '%a'\n"],
  ['@a', "k: '@a'\n"],
  ['`a', "k: '`a'\n"],
  ['a\tb', 'k: "a\\tb"\n'],
  ['a\nb', 'k: |-\n  a\n  b\n'],
  ['a\n', 'k: |\n  a\n'],
  ['a\n\n', 'k: |+\n  a\n\n'],
  ['\na', 'k: |2-\n\n  a\n'],
  ['a \nb', 'k: "a \\nb"\n'],
  ['a\n b', 'k: |-\n  a\n   b\n'],
  ['a\\b', 'k: a\\b\n'],
  ['\u00e9t\u00e9', 'k: \u00e9t\u00e9\n'],
  ['\ud83d\ude00', 'k: \ud83d\ude00\n'],
  ['a\u0007b', 'k: "a\\ab"\n'],
  ['a\u001bb', 'k: "a\\eb"\n'],
  ['\u0085', 'k: "\\N"\n'],
  ['a\u2028b', "k: 'a\u2028  b'\n"],
  ['\ufeffa', 'k: "\\uFEFFa"\n'],
  ['\u00a0', 'k: \u00a0\n'],
  ['a\rb', 'k: "a\\rb"\n'],
  ['line1\nline2\n', 'k: |\n  line1\n  line2\n'],
  ['  x\ny', 'k: |2-\n    x\n  y\n'],
  ['x\n\ny', 'k: |-\n  x\n\n  y\n'],
  ['=', 'k: =\n'],
  ['<<', 'k: <<\n'],
  ['a  b', 'k: a  b\n'],
  ['a\u007fb', 'k: "a\\x7Fb"\n'],
  ['2001-01-01', 'k: 2001-01-01\n'],
  ['1:20', 'k: 1:20\n'],
  ['0.0', "k: '0.0'\n"],
  ['-0', "k: '-0'\n"],
  ['00', "k: '00'\n"],
  ['+', 'k: +\n'],
  ['.', 'k: .\n'],
  ['1e', 'k: 1e\n'],
  ['e5', 'k: e5\n'],
  ['+-1', 'k: +-1\n'],
  ['1__', 'k: 1__\n'],
];

describe('yaml-writer: strings as mapping values', () => {
  test.each(STRING_CASES)('%j', (value, expected) => {
    // A second key follows so block scalars are checked for the line break
    // before the next entry (and never end the document).
    expect(
      toYaml(
        new Map<string, JsonValue>([
          ['k', value],
          ['z', 1],
        ]),
      ),
    ).toBe(`${expected}z: 1\n`);
  });
});

describe('yaml-writer: layout', () => {
  test('keys, nested collections, numbers (recorded with the reference)', () => {
    const root = new Map<string, JsonValue>([
      ['true', 1],
      ['a: b', 2],
      ['', 3],
      ['x'.repeat(130), 4],
      ['y'.repeat(128), 5],
      ['multi\nline', 6],
      ['007', 7],
      ['1.5', 8],
      ['nested', [[1, 2], [[]], [{}], { a: [] }, [{ p: 1, q: [1, { r: 2 }] }]]],
      [
        'floats',
        [
          1.0, 1.5, 1e16, 1e15, 123456789.123, 1e-5, 1e-7, -0.0, 0.1, 2.5e-10,
          1.7976931348623157e308,
        ].map((f) => new JsonFloat(f)),
      ],
      ['ints', [0, -5, 9007199254740992]],
      ['n', null],
      ['b', [true, false]],
      ['emptys', { l: [], m: {} }],
      ['lm', [{ a: { b: [1] } }]],
      ['ml', { k: 'two\nlines' }],
      ['seqml', ['a\nb', 'c']],
    ]);
    const expected = [
      "'true': 1",
      "'a: b': 2",
      "'': 3",
      `? ${'x'.repeat(130)}`,
      ': 4',
      `${'y'.repeat(128)}: 5`,
      '? |-',
      '  multi',
      '  line',
      ': 6',
      "'007': 7",
      "'1.5': 8",
      'nested:',
      '- - 1',
      '  - 2',
      '- - []',
      '- - {}',
      '- a: []',
      '- - p: 1',
      '    q:',
      '    - 1',
      '    - r: 2',
      'floats:',
      '- 1.0',
      '- 1.5',
      '- 1e16',
      '- 1000000000000000.0',
      '- 123456789.123',
      '- 0.00001',
      '- 1e-7',
      '- -0.0',
      '- 0.1',
      '- 2.5e-10',
      '- 1.7976931348623157e308',
      'ints:',
      '- 0',
      '- -5',
      '- 9007199254740992',
      'n: null',
      'b:',
      '- true',
      '- false',
      'emptys:',
      '  l: []',
      '  m: {}',
      'lm:',
      '- a:',
      '    b:',
      '    - 1',
      'ml:',
      '  k: |-',
      '    two',
      '    lines',
      'seqml:',
      '- |-',
      '  a',
      '  b',
      '- c',
      '',
    ].join('\n');
    expect(toYaml(root)).toBe(expected);
  });

  test.each([
    { name: 'empty list document', value: [], expected: '[]\n' },
    { name: 'empty map document', value: {}, expected: '{}\n' },
    { name: 'plain scalar document', value: 'abc', expected: 'abc\n' },
    { name: 'quoted scalar document', value: 'true', expected: "'true'\n" },
    { name: 'list of maps', value: [{ a: 1, b: 2 }], expected: '- a: 1\n  b: 2\n' },
    { name: 'list of lists', value: [[1], [2, [3]]], expected: '- - 1\n- - 2\n  - - 3\n' },
    { name: 'map in map', value: { a: { b: { c: 'd' } } }, expected: 'a:\n  b:\n    c: d\n' },
    { name: 'undefined members left out', value: { a: undefined, b: 1 }, expected: 'b: 1\n' },
    {
      name: 'non-finite floats',
      value: [new JsonFloat(Infinity), new JsonFloat(-Infinity), new JsonFloat(NaN)],
      expected: '- .inf\n- -.inf\n- .nan\n',
    },
    {
      // Recorded with the reference: keys with line breaks take the `?` form,
      // and a mapping value then starts on the `:` line.
      name: 'keys with line breaks or control characters',
      value: new Map<string, JsonValue>([
        ['a\u2028b', 1],
        ['c\u0007', 2],
        ['x\n', { p: 'q\n\n' }],
        ['z', 1],
      ]),
      expected: '? \'a\u2028  b\'\n: 1\n"c\\a": 2\n? |\n  x\n: p: |+\n    q\n\nz: 1\n',
    },
  ] as { name: string; value: JsonValue; expected: string }[])('$name', ({ value, expected }) => {
    expect(toYaml(value)).toBe(expected);
  });

  test('parse-tree style message with surrounding line breaks (pt-messages-multiline)', () => {
    const value = {
      custom_message: '\n      first line\n      second line\n    ',
      location: { line: 2 },
    };
    expect(toYaml(value)).toBe(
      'custom_message: "\\n      first line\\n      second line\\n    "\nlocation:\n  line: 2\n',
    );
  });

  test('writeYaml appends to a chunk array', () => {
    const out: string[] = ['before\n'];
    writeYaml({ a: 1 }, out);
    expect(out.join('')).toBe('before\na: 1\n');
  });
});
