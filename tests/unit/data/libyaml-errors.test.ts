import { describe, expect, test } from 'vitest';
import { libyamlProblem } from '../../../src/data/libyaml-errors.js';
import { loadStandardDocument } from '../../../src/data/load-standard.js';
import { GuardError } from '../../../src/diag/errors.js';

function compatOf(text: string): string | undefined {
  try {
    loadStandardDocument(text, '/J');
  } catch (e) {
    if (e instanceof GuardError) return e.compat;
    throw e;
  }
  throw new Error('expected the text not to parse');
}

// Expected texts recorded with cfn-guard 3.1.1 (`json_parse` of the text:
// `Error occurred Error parsing incoming YAML context <text>`).
describe('libyaml wording of unclosed flow collections and quotes', () => {
  test.each([
    [
      '{not json',
      "did not find expected ',' or '}' at line 2 column 1, while parsing a flow mapping",
    ],
    [
      'Resources:\n  A: [1, 2\n',
      "did not find expected ',' or ']' at line 3 column 1, while parsing a flow sequence at line 2 column 6",
    ],
    [
      '{a: [1, 2',
      "did not find expected ',' or ']' at line 2 column 1, while parsing a flow sequence at line 1 column 5",
    ],
    [
      '[1, {a: b',
      "did not find expected ',' or '}' at line 2 column 1, while parsing a flow mapping at line 1 column 5",
    ],
    [
      '{a: b c',
      "did not find expected ',' or '}' at line 2 column 1, while parsing a flow mapping",
    ],
    ['"abc', 'found unexpected end of stream at line 1 column 5, while scanning a quoted scalar'],
    [
      "{a: 'x",
      'found unexpected end of stream at line 1 column 7, while scanning a quoted scalar at line 1 column 5',
    ],
    [
      '{a: 1,\n b: 2\n',
      "did not find expected ',' or '}' at line 3 column 1, while parsing a flow mapping",
    ],
    [
      ' [1, 2',
      "did not find expected ',' or ']' at line 2 column 1, while parsing a flow sequence at line 1 column 2",
    ],
    // Columns count characters, not UTF-8 bytes.
    [
      '{\u00e9: [1',
      "did not find expected ',' or ']' at line 2 column 1, while parsing a flow sequence at line 1 column 5",
    ],
    // Brackets and quotes inside plain text or comments open nothing.
    [
      "a: it's [x\nb: {c",
      "did not find expected ',' or '}' at line 3 column 1, while parsing a flow mapping at line 2 column 4",
    ],
    [
      'a: "x # y"\nb: [c # ]',
      "did not find expected ',' or ']' at line 3 column 1, while parsing a flow sequence at line 2 column 4",
    ],
  ])('%j', (text, expected) => {
    expect(compatOf(text)).toBe(expected);
  });

  test.each([
    'a: b: c', // mapping values not allowed: libyaml wording not reproduced
    '- a\nb: c',
    '{a: 1}}',
  ])('no libyaml text for other errors: %j', (text) => {
    expect(compatOf(text)).toBeUndefined();
  });

  test('errors that do not reach the end of the text are left alone', () => {
    expect(
      libyamlProblem('{a: b\n', [{ message: 'Flow map must end with a }', offset: 2 }]),
    ).toBeUndefined();
  });
});
