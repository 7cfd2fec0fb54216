/**
 * The shared serde_json-style reader (src/commands/serde-json.ts), through
 * both of its users: `validate --payload` (CLI-VAL-05) and the JSON route of
 * test specs (TEST-02). Every expected message below was printed by
 * cfn-guard 3.1.1 for the same text (payload on stdin; spec files that are
 * not valid YAML specs either, so the reference reached its JSON reader).
 * Most rows are places where the two former readers disagreed or both
 * differed from the reference.
 */
import { describe, expect, test } from 'vitest';
import { parsePayload } from '../../../src/commands/payload.js';
import { rustDebugString, rustFloat } from '../../../src/commands/serde-json-rust-text.js';
import { parseSpecJson } from '../../../src/commands/test-spec-json.js';

const ONE_POINT_FIVE_E300 = `15${'0'.repeat(299)}.0`;

describe('payload errors (serde_json wording and position)', () => {
  test.each([
    // Columns count UTF-8 bytes.
    { text: '{"a": "é", x}', message: 'key must be a string at line 1 column 13' },
    {
      text: '{"rules": ["é"], "data": [], x}',
      message: 'key must be a string at line 1 column 31',
    },
    { text: '{"é":x}', message: 'expected value at line 1 column 7' },
    {
      text: '"é\u0001"',
      message:
        'control character (\\u0000-\\u001F) found while parsing a string at line 1 column 4',
    },
    // A list or map of the wrong type is reported before its bracket, unread.
    {
      text: '{"rules": [[1,]], "data": []}',
      message: 'invalid type: sequence, expected a string at line 1 column 11',
    },
    {
      text: '{"rules": {"a":1,}, "data": []}',
      message: 'invalid type: map, expected a sequence at line 1 column 10',
    },
    {
      text: '{"rules": [5], "data": []}',
      message: 'invalid type: integer `5`, expected a string at line 1 column 12',
    },
    // Number syntax.
    { text: '-a', message: 'invalid number at line 1 column 2' },
    { text: '{"rules": [1e], "data": []}', message: 'invalid number at line 1 column 14' },
    { text: '{"rules": 1., "data": []}', message: 'invalid number at line 1 column 13' },
    { text: '1.', message: 'EOF while parsing a value at line 1 column 2' },
    { text: '1e400', message: 'number out of range at line 1 column 5' },
    // Unknown fields are skipped, but their syntax is checked.
    { text: '{"x": 01, "rules": [], "data": []}', message: 'invalid number at line 1 column 8' },
    { text: '{"data": [], "x": 1.}', message: 'invalid number at line 1 column 21' },
    {
      text: '{"x": "a\tb", "rules": [], "data": []}',
      message:
        'control character (\\u0000-\\u001F) found while parsing a string at line 1 column 8',
    },
    { text: '{"x": [1,], "rules": [], "data": []}', message: 'expected value at line 1 column 10' },
    {
      text: '{"x": {"a":1,}, "rules": [], "data": []}',
      message: 'key must be a string at line 1 column 14',
    },
    { text: '{"a":1,}', message: 'trailing comma at line 1 column 8' },
    // A duplicate is reported after its key and the blanks after it.
    { text: '{"rules": [], "rules": 5}', message: 'duplicate field `rules` at line 1 column 21' },
    {
      text: '{"rules": [], "rules"   : 5}',
      message: 'duplicate field `rules` at line 1 column 24',
    },
    // Unexpected values in serde's words: Rust's float and string formatting.
    {
      text: '{"rules": "é", "data": []}',
      message: 'invalid type: string "é", expected a sequence at line 1 column 14',
    },
    {
      text: '{"rules": 1e3, "data": []}',
      message: 'invalid type: floating point `1000.0`, expected a sequence at line 1 column 13',
    },
    {
      text: '{"rules": -0, "data": []}',
      message: 'invalid type: floating point `-0.0`, expected a sequence at line 1 column 12',
    },
    {
      text: '{"rules": 3.0e-7, "data": []}',
      message: 'invalid type: floating point `0.0000003`, expected a sequence at line 1 column 16',
    },
    {
      text: '1.5e300',
      message: `invalid type: floating point \`${ONE_POINT_FIVE_E300}\`, expected struct Payload at line 1 column 7`,
    },
    {
      text: '18446744073709551616',
      message:
        'invalid type: floating point `18446744073709552000.0`, expected struct Payload at line 1 column 20',
    },
    {
      text: '{"rules": "\\/\\b\\f\\n\\r\\t", "data": []}',
      message:
        'invalid type: string "/\\u{8}\\u{c}\\n\\r\\t", expected a sequence at line 1 column 24',
    },
    // Escapes.
    { text: '"\\u12g4"', message: 'invalid escape at line 1 column 6' },
    {
      text: '{"rules": "\\ud800", "data": []}',
      message: 'unexpected end of hex escape at line 1 column 18',
    },
    {
      text: '{"rules": "\\ud800\\u0041", "data": []}',
      message: 'lone leading surrogate in hex escape at line 1 column 23',
    },
    { text: '{"rules": "\\u00', message: 'EOF while parsing a string at line 1 column 15' },
    // A derived struct may be a list of its fields.
    { text: '[1,]', message: 'invalid type: integer `1`, expected a sequence at line 1 column 2' },
    {
      text: '[]',
      message: 'invalid length 0, expected struct Payload with 2 elements at line 1 column 2',
    },
    {
      text: '[[]]',
      message: 'invalid length 1, expected struct Payload with 2 elements at line 1 column 4',
    },
    { text: '[[], [], 1]', message: 'trailing characters at line 1 column 10' },
    { text: '[[], [],]', message: 'trailing comma at line 1 column 9' },
    { text: '{"rules": ["a", ', message: 'EOF while parsing a value at line 1 column 16' },
  ])('$text', ({ text, message }) => {
    expect(parsePayload(text)).toEqual({ ok: false, message });
  });
});

describe('payloads the reference accepts', () => {
  test.each([
    { text: '[["r"], ["d"]]', rules: ['r'], data: ['d'] },
    {
      text: '{"x": "\\ud800", "x": 1e400, "data": ["é\\n"], "rules": []}',
      rules: [],
      data: ['é\n'],
    },
    { text: '{"rules": ["\\ud83d\\ude00"], "data": []}', rules: ['😀'], data: [] },
  ])('$text', ({ text, rules, data }) => {
    expect(parsePayload(text)).toEqual({ ok: true, payload: { rules, data } });
  });
});

describe('spec JSON errors (serde_json wording and position)', () => {
  test.each([
    { text: '[{"a": "é", x}]', message: 'key must be a string at line 1 column 14' },
    {
      text: '["é", x]',
      message: 'invalid type: string "é", expected struct TestSpec at line 1 column 5',
    },
    {
      text: '["éé", 1.]',
      message: 'invalid type: string "éé", expected struct TestSpec at line 1 column 7',
    },
    { text: '[{"input": ["éé", 1.]}]', message: 'invalid number at line 1 column 23' },
    { text: '[{"input": {}, "input": 5}]', message: 'duplicate field `input` at line 1 column 22' },
    { text: '[{"name": "é", "name": 5}]', message: 'duplicate field `name` at line 1 column 22' },
    {
      text: '[[]]',
      message: 'invalid length 0, expected struct TestSpec with 3 elements at line 1 column 3',
    },
    { text: '[[1,]]', message: 'invalid type: integer `1`, expected a string at line 1 column 3' },
    {
      text: '[[null, {}, []]]',
      message:
        'invalid length 0, expected struct TestExpectations with 1 element at line 1 column 14',
    },
    { text: '[[null, {}, {"rules": {}}, 1]]', message: 'trailing characters at line 1 column 28' },
    { text: '[', message: 'EOF while parsing a list at line 1 column 1' },
    { text: '-', message: 'EOF while parsing a value at line 1 column 1' },
    { text: '[{"input": {}, ', message: 'EOF while parsing a value at line 1 column 15' },
    { text: '[{"input": 1e400}]', message: 'number out of range at line 1 column 16' },
    { text: '[{"input": "\\ud800"}]', message: 'unexpected end of hex escape at line 1 column 19' },
    { text: '"\\u12"', message: 'EOF while parsing a string at line 1 column 6' },
    { text: '"\\udc00"', message: 'lone leading surrogate in hex escape at line 1 column 7' },
    {
      text: '[-0.0]',
      message: 'invalid type: floating point `-0.0`, expected struct TestSpec at line 1 column 5',
    },
    {
      text: '9007199254740993',
      message: 'invalid type: integer `9007199254740993`, expected a sequence at line 1 column 16',
    },
    {
      text: '18446744073709551615',
      message:
        'invalid type: integer `18446744073709551615`, expected a sequence at line 1 column 20',
    },
    {
      text: '-9223372036854775808',
      message:
        'invalid type: integer `-9223372036854775808`, expected a sequence at line 1 column 20',
    },
    {
      text: '-9223372036854775809',
      message:
        'invalid type: floating point `-9223372036854776000.0`, expected a sequence at line 1 column 20',
    },
    {
      text: '1e21',
      message:
        'invalid type: floating point `1000000000000000000000.0`, expected a sequence at line 1 column 4',
    },
  ])('$text', ({ text, message }) => {
    expect(parseSpecJson(text)).toEqual({ ok: false, message });
  });

  test('a spec written as a list of its fields is read', () => {
    const r = parseSpecJson('[[null, {"a": 1}, {"rules": {"r": "PASS"}}]]');
    if (!r.ok) throw new Error(r.message);
    expect(r.specs[0]?.name).toBeUndefined();
    expect(r.specs[0]?.input.kind).toBe('map');
    expect([...(r.specs[0]?.expectations ?? [])]).toEqual([['r', 'PASS']]);
  });
});

describe('Rust formatting used in "invalid type" messages', () => {
  test.each([
    { n: 5, text: '5.0' },
    { n: -0, text: '-0.0' },
    { n: 0.1, text: '0.1' },
    { n: 123456789.12345679, text: '123456789.12345679' },
    { n: 1e-7, text: '0.0000001' },
    { n: 1e21, text: '1000000000000000000000.0' },
    { n: 1.5e300, text: ONE_POINT_FIVE_E300 },
  ])('float $n → $text', ({ n, text }) => {
    expect(rustFloat(n)).toBe(text);
  });

  test('str Debug escapes what Rust does not print, and nothing else', () => {
    const s =
      "\u00a0\u00ad\u0301a\u0301\ue000\uffff\u2028\u200b\u007f\u0085\u0000'\\ \ufeffé\u0378";
    expect(rustDebugString(s)).toBe(
      '"\\u{a0}\\u{ad}\\u{301}a\\u{301}\\u{e000}\\u{ffff}\\u{2028}\\u{200b}\\u{7f}\\u{85}\\0\'\\\\ \\u{feff}é\\u{378}"',
    );
  });
});
