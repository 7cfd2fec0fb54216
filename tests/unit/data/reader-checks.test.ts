/**
 * What libyaml refuses before or while scanning, through every route: the
 * reader's printable-character check (libyaml-reader.ts) and `\u`/`\U`
 * escapes naming no character (scan-common.ts invalidUnicodeEscape).
 * Checked with cfn-guard 3.1.1: validate refuses each document with its
 * generic data parse error (exit 255, whatever the route: JSON data is read
 * through libyaml too), and `json_parse` shows the standard loader's
 * serde_yaml text, quoted below.
 */
import { describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src/data/limits.js';
import { loadDataDocument } from '../../../src/data/load-data.js';
import { loadStandardDocument } from '../../../src/data/load-standard.js';
import { loadYamlDocument } from '../../../src/data/load-yaml.js';
import { invalidUnicodeEscape } from '../../../src/data/scan-common.js';
import { thrown } from './helpers.js';

const REFUSED: readonly (readonly [string, string])[] = [
  ['C0 control in a double-quoted scalar', 'a: "x\u0001y"\n'],
  ['C0 control in a single-quoted scalar', "a: 'x\u0001y'\n"],
  ['C0 control in a plain scalar', 'a: x\u0001y\n'],
  ['DEL', 'a: b\nc: "x\u007fy"\n'],
  ['control character in a comment', 'a: b\n# c\u0001\nd: 1\n'],
  ['C1 control other than NEL', 'a: "x\u0080y"\n'],
  ['U+FFFE', 'a: "x\ufffey"\n'],
  ['in a second document', 'a: 1\n---\nb: "x\u0001y"\n'],
  ['after the end marker', 'a: 1\n...\n\u0001\n'],
  ['raw control in a JSON string', '{"a": "x\u0001y"}\n'],
  ['DEL in a JSON string', '{"a": "x\u007fy"}\n'],
  ['surrogate escape', 'a: "\\ud800"\n'],
  ['escape beyond U+10FFFF', 'a: "\\U0010FFFF \\U00110000"\n'],
];

describe('validate refuses what libyaml refuses', () => {
  test.each(REFUSED)('%s', (_name, text) => {
    for (const load of [
      () => loadDataDocument(text, '/d.yaml'),
      () => loadYamlDocument(text, '/d.yaml', DEFAULT_LIMITS),
    ]) {
      const err = thrown(load);
      expect(err.code).toBe('DATA_SYNTAX');
      expect(err.compat).toContain('Error encountered while parsing data file: /d.yaml');
    }
  });

  test('a control character is named with its line and column', () => {
    const err = thrown(() => loadDataDocument('a: b\nc: "x\u0001y"\n', '/d.yaml'));
    expect(err.message).toContain('control characters are not allowed');
    expect(err.position).toMatchObject({ line: 2, column: 6 });
  });

  test.each([
    ['NEL', 'a: "x\u0085y"\n'],
    ['tab and CR', 'a: "x\ty"\r\nb: 1\r\n'],
    ['escaped backslash before u', 'a: "\\\\ud800"\n'],
    ['a surrogate pair written as such', 'a: "\ud83d\ude00"\n'],
  ])('accepts %s', (_name, text) => {
    expect(() => loadYamlDocument(text, '/d.yaml', DEFAULT_LIMITS)).not.toThrow();
  });
});

describe('the standard loader gives serde_yaml’s texts', () => {
  test.each([
    ['a: b\nc: "x\u0001y"', 'control characters are not allowed at position 10'],
    // A byte offset: é is two bytes of UTF-8.
    ['é: "\u0001"', 'control characters are not allowed at position 5'],
    [
      'a: b\nc: "x\\ud800y"',
      'found invalid Unicode character escape code at line 2 column 8, while parsing a quoted scalar at line 2 column 4',
    ],
  ])('%j', (text, compat) => {
    const err = thrown(() => loadStandardDocument(text, 'v'));
    expect(err.code).toBe('DATA_SYNTAX');
    expect(err.compat).toBe(compat);
  });
});

describe('invalidUnicodeEscape', () => {
  test.each([
    ['"plain"', -1],
    ['"\\ud7ff \\ue000"', -1],
    ['"\\ud800"', 1],
    ['"x\\uDFFF"', 2],
    ['"\\\\ud800"', -1],
    ['"\\\\\\ud800"', 3],
    ['"\\U0010ffff"', -1],
    ['"\\U00110000"', 1],
    ['"\\u12"', -1],
  ] as const)('%s → %d', (source, want) => {
    expect(invalidUnicodeEscape(source)).toBe(want);
  });
});
