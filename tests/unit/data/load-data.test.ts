import { describe, expect, test } from 'vitest';
import { loadDataDocument } from '../../../src/data/load-data.js';
import { positionsOf, render, thrown } from './helpers.js';

// Every expected position below was printed by cfn-guard 3.1.1 (`-o json`
// error messages, `Path=/a/b[L:x,C:y]`).
describe('positions (DATA-04)', () => {
  test.each([
    {
      name: 'block and flow collections',
      text: 'a:\n  b: [1, 2.0, x]\n  c:\n    - k: v\n      j: "q"\n  "x/y~z": 3\n',
      expected: [
        '/a/b/0[L:1,C:6]',
        '/a/b/1[L:1,C:9]',
        '/a/b/2[L:1,C:14]',
        '/a/b[L:1,C:5]',
        '/a/c/0/j[L:4,C:9]',
        '/a/c/0/k[L:3,C:9]',
        '/a/c/0[L:3,C:6]',
        '/a/c[L:3,C:4]',
        '/a/x/y~z[L:5,C:11]',
        '/a[L:1,C:2]',
        '[L:0,C:0]',
      ],
    },
    {
      name: 'empty values, tags, anchors, block scalars',
      text: 'A:\n  e1:\n  e2: \n  r: !Ref Thing\n  an: &x 7\n  bl: |\n    l1\n  seq:\n  - a\n  ml: this is\n    multi\n  tm: !Transform\n    Name: X\n  f: {b, c: 1}\n',
      expected: [
        '/A/an[L:4,C:6]',
        '/A/bl[L:5,C:6]',
        '/A/e1[L:1,C:5]',
        '/A/e2[L:2,C:5]',
        '/A/f/b[L:13,C:7]',
        '/A/f/c[L:13,C:12]',
        '/A/f[L:13,C:5]',
        '/A/ml[L:9,C:6]',
        '/A/r/Ref[L:3,C:5]',
        '/A/r[L:3,C:5]',
        '/A/seq/0[L:8,C:4]',
        '/A/seq[L:8,C:2]',
        '/A/tm/Name[L:12,C:10]',
        '/A/tm[L:11,C:6]',
        '/A[L:1,C:2]',
        '[L:0,C:0]',
      ],
    },
    {
      name: 'sequence short forms nest',
      text: 'k: !Select [0, !GetAZs ""]\n',
      expected: [
        '/k/Fn::Select/0[L:0,C:12]',
        '/k/Fn::Select/1/Fn::GetAZs[L:0,C:15]',
        '/k/Fn::Select/1[L:0,C:15]',
        '/k/Fn::Select[L:0,C:3]',
        '/k[L:0,C:3]',
        '[L:0,C:0]',
      ],
    },
    {
      name: 'compact JSON',
      text: '{"a":1,"b":[1,2],"c":{"d":"x"}}',
      expected: [
        '/a[L:0,C:5]',
        '/b/0[L:0,C:12]',
        '/b/1[L:0,C:14]',
        '/b[L:0,C:11]',
        '/c/d[L:0,C:26]',
        '/c[L:0,C:21]',
        '[L:0,C:0]',
      ],
    },
    {
      name: 'tab-indented JSON',
      text: '{\n\t"a": {\n\t\t"b": [\n\t\t\t1,\n\t\t\t"x"\n\t\t]\n\t}\n}\n',
      expected: ['/a/b/0[L:3,C:3]', '/a/b/1[L:4,C:3]', '/a/b[L:2,C:7]', '/a[L:1,C:6]', '[L:0,C:0]'],
    },
    {
      name: 'JSON columns count code points',
      text: '{"😀é": 1, "b": 2}',
      expected: ['/b[L:0,C:15]', '/😀é[L:0,C:7]', '[L:0,C:0]'],
    },
    {
      name: 'a BOM is column 0 of line 0 (JSON)',
      text: '\uFEFF{"a": 1, "b": 2}',
      expected: ['/a[L:0,C:7]', '/b[L:0,C:15]', '[L:0,C:1]'],
    },
    {
      name: 'a BOM shifts line 0 of YAML too',
      text: '\uFEFFa:\n  b: 1\n',
      expected: ['/a/b[L:1,C:5]', '/a[L:1,C:2]', '[L:0,C:1]'],
    },
    {
      name: 'CRLF line ends',
      text: 'a: 1\r\nb:\r\n  c: [1,\r\n   2]\r\n',
      expected: [
        '/a[L:0,C:3]',
        '/b/c/0[L:2,C:6]',
        '/b/c/1[L:3,C:3]',
        '/b/c[L:2,C:5]',
        '/b[L:2,C:2]',
        '[L:0,C:0]',
      ],
    },
    {
      name: 'lone CR line ends',
      text: 'a: 1\rb: 2\r',
      expected: ['/a[L:0,C:3]', '/b[L:1,C:3]', '[L:0,C:0]'],
    },
    { name: 'document marker only', text: '---\n', expected: ['[L:1,C:0]'] },
    { name: 'scalar root after blank lines', text: '\n\n  x\n', expected: ['[L:2,C:2]'] },
    { name: 'tagged root', text: '--- !Ref X\n', expected: ['/Ref[L:0,C:4]', '[L:0,C:4]'] },
    {
      name: 'first document only (DATA-01)',
      text: 'a: 1\n...\n[[[\n',
      expected: ['/a[L:0,C:3]', '[L:0,C:0]'],
    },
    {
      name: 'top-level list',
      text: '- a\n- b\n',
      expected: ['/0[L:0,C:2]', '/1[L:1,C:2]', '[L:0,C:0]'],
    },
  ])('$name', ({ text, expected }) => {
    expect(positionsOf(loadDataDocument(text, 'data.yaml'))).toEqual(expected);
  });
});

describe('typing and tags (YAML-01..07, GOT-17, GOT-18)', () => {
  test.each([
    {
      text: 'a: 1\nb: 1.0\nc: 1e3\nd: "1"\ne: yes\nf: True\ng:\nh: ~',
      out: '{"a":1,"b":1f,"c":1000f,"d":"1","e":true,"f":"True","g":"","h":null}',
    },
    {
      text: 'a: !Ref 5\nb: !GetAtt A.B\nc: !Condition C',
      out: '{"a":{"Ref":"5"},"b":{"Fn::GetAtt":"A.B"},"c":{"Condition":"C"}}',
    },
    {
      text: 'a: !Sub x\nb: !Base64 x\nc: !GetAZs ""\nd: !ImportValue v\ne: !RefAll t',
      out: '{"a":{"Fn::Sub":"x"},"b":{"Fn::Base64":"x"},"c":{"Fn::GetAZs":""},"d":{"Fn::ImportValue":"v"},"e":{"Fn::RefAll":"t"}}',
    },
    { text: 'a: !Join ["", [a, !Ref B]]', out: '{"a":{"Fn::Join":["",["a",{"Ref":"B"}]]}}' },
    {
      text: 'a: !Equals [1, 2]\nb: !If [c, 1, 2]\nc: !Not [x]\nd: !And [x]\ne: !Or [x]',
      out: '{"a":{"Fn::Equals":[1,2]},"b":{"Fn::If":["c",1,2]},"c":{"Fn::Not":["x"]},"d":{"Fn::And":["x"]},"e":{"Fn::Or":["x"]}}',
    },
    {
      text: 'a: !Select [0, x]\nb: !Split [",", x]\nc: !FindInMap [M, K, V]',
      out: '{"a":{"Fn::Select":[0,"x"]},"b":{"Fn::Split":[",","x"]},"c":{"Fn::FindInMap":["M","K","V"]}}',
    },
    {
      text: 'a: !Select 1\nb: !Ref [a]\nc: !Cidr [x, 1]\nd: !Foo 5\ne: !Transform {Name: X}',
      out: '{"a":"1","b":["a"],"c":["x",1],"d":"5","e":{"Name":"X"}}',
    },
    {
      text: 'a: !!str 12\nb: !!int "12"\nc: !!float "12"\nd: !!bool "true"\ne: !!bool "yes"\nf: !!null "x"',
      out: '{"a":"12","b":12,"c":12f,"d":true,"e":"yes","f":null}',
    },
    { text: 'big: 123456789012345678901234567890', out: '{"big":1.2345678901234568e+29f}' },
    {
      text: '{"one": 1, "f": 1.0, "e": 1.5e3, "u": "h\\u00e9llo", "n": null, "b": false}',
      out: '{"one":1,"f":1f,"e":1500f,"u":"héllo","n":null,"b":false}',
    },
    { text: '{"a": "x\ny"}', out: '{"a":"x y"}' },
    { text: '{"a": "tab\there", "b": "\\/\\n"}', out: '{"a":"tab\\there","b":"/\\n"}' },
    { text: '{"Resources": {"B": {"Type": "x"},}}', out: '{"Resources":{"B":{"Type":"x"}}}' },
    { text: 'null', out: 'null' },
  ])('$text', ({ text, out }) => {
    expect(render(loadDataDocument(text, 'data.yaml'))).toBe(out);
  });

  test.each([
    ['YAML', 'Resources:\n  B:\n    Type: A\n  B:\n    Type: C\n'],
    ['JSON', '{"Resources": {"B": {"Type": "A"}, "B": {"Type": "C"}}}'],
  ])('duplicate keys keep the last value at the first position (%s, DATA-05)', (_kind, text) => {
    const root = loadDataDocument(text, 'd');
    expect(root.kind).toBe('map');
    if (root.kind !== 'map') return;
    const res = root.entries.get('Resources');
    expect(res?.kind === 'map' ? [...res.entries.keys()] : []).toEqual(['B']);
    expect(res ? render(res) : '').toBe('{"B":{"Type":"C"}}');
    expect(res?.kind === 'map' ? res.keyLocations.get('B') : undefined).toEqual(
      text.startsWith('{') ? { line: 0, col: 15 } : { line: 1, col: 2 },
    );
  });
});

const NAME = '/CASE_DIR/template.yaml';
const quote = (text: string) =>
  `Parser Error when parsing \`Error encountered while parsing data file: ${NAME}, data beginning with \n${text}\n ...\``;
const nonString = (l: number, c: number) =>
  `Parser Error when parsing \`non string type detected for key in a map at L:${l},C:${c}, cfn-guard only supports keys that are string types\``;

describe('errors (DATA-02, DATA-03, DATA-06, DATA-07, YAML-03)', () => {
  test.each([
    {
      name: 'empty',
      text: '',
      code: 'DATA_EMPTY',
      compat: `Parser Error when parsing \`Unable to parse a template from data file: ${NAME} is empty\``,
    },
    {
      name: 'whitespace only',
      text: '  \n\n',
      code: 'DATA_EMPTY',
      compat: `Parser Error when parsing \`Unable to parse a template from data file: ${NAME} is empty\``,
    },
    {
      name: 'comments only',
      text: '# nothing here\n# at all\n',
      code: 'DATA_EMPTY',
      compat: `Parser Error when parsing \`Unable to parse a template from data file: ${NAME} is empty\``,
    },
    {
      name: 'unclosed flow',
      text: 'Resources:\n  Bucket: [1, 2\n    Type: x\n',
      code: 'DATA_SYNTAX',
      compat: quote('Resources:\n  Bucket: [1, 2\n    Type: x\n'),
    },
    {
      name: 'bad indent',
      text: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n   Properties: {}\n',
      code: 'DATA_SYNTAX',
      compat: quote('Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n   Properties: {}\n'),
    },
    {
      name: 'tab indentation',
      text: 'Resources:\n\tBucket:\n\t\tType: x\n',
      code: 'DATA_SYNTAX',
      compat: quote('Resources:\n\tBucket:\n\t\tType: x\n'),
    },
    {
      name: 'malformed JSON',
      text: '{"Resources": {"Bucket": {"Type": "AWS::S3::Bucket",}}\n',
      code: 'DATA_SYNTAX',
      compat: quote('{"Resources": {"Bucket": {"Type": "AWS::S3::Bucket",}}\n'),
    },
    {
      name: 'surrogate escape',
      text: '{"a": "\\ud83d\\ude00"}',
      code: 'DATA_SYNTAX',
      compat: quote('{"a": "\\ud83d\\ude00"}'),
    },
    {
      name: 'undefined alias',
      text: 'Resources:\n  Bucket: *nope\n',
      code: 'DATA_ALIAS',
      compat: quote('Resources:\n  Bucket: *nope\n'),
    },
    {
      name: 'alias',
      text: 'a: &x 1\nb: *x\n',
      code: 'DATA_ALIAS',
      compat: quote('a: &x 1\nb: *x\n'),
    },
    {
      name: 'quote is 100 bytes',
      text: `a: ${'x'.repeat(120)}\nb: [\n`,
      code: 'DATA_SYNTAX',
      compat: quote(`a: ${'x'.repeat(97)}`),
    },
    { name: 'int key', text: '1: {2: y}\n', code: 'DATA_NON_STRING_KEY', compat: nonString(0, 4) },
    {
      name: 'inf key',
      text: 'inf: 1\nResources: {}\n',
      code: 'DATA_NON_STRING_KEY',
      compat: nonString(0, 0),
    },
    { name: 'true key', text: 'true: 1\n', code: 'DATA_NON_STRING_KEY', compat: nonString(0, 0) },
    {
      name: '3.2.0 y key',
      text: 'a:\n  b:\n    y: 1\n',
      code: 'DATA_NON_STRING_KEY',
      compat: nonString(2, 4),
    },
    {
      name: 'null key',
      text: 'a: {null: 1}\n',
      code: 'DATA_NON_STRING_KEY',
      compat: nonString(0, 4),
    },
    {
      name: 'flow collection key',
      text: '? [a]\n: 1\n',
      code: 'DATA_NON_STRING_KEY',
      compat: nonString(0, 2),
    },
    {
      name: 'tagged key wraps',
      text: '"a": 1\n!!str 5: 2\n!Ref 6: 3\n',
      code: 'DATA_NON_STRING_KEY',
      compat: nonString(2, 0),
    },
    {
      name: 'key error before later syntax error',
      text: 'a: {1: x}\nb: [\n',
      code: 'DATA_NON_STRING_KEY',
      compat: nonString(0, 4),
    },
    {
      name: '!!int bad value',
      text: 'a: !!int 0x10\n',
      code: 'DATA_BAD_TAGGED_VALUE',
      compat:
        'Parser Error when parsing `Bad Value encountered parsing incoming file Value = 0x10, Loc = L:0,C:3`',
    },
    {
      name: '!!float bad value',
      text: 'a: !!float x\n',
      code: 'DATA_BAD_TAGGED_VALUE',
      compat:
        'Parser Error when parsing `Bad Value encountered parsing incoming file Value = x, Loc = L:0,C:3`',
    },
  ])('$name', ({ text, code, compat }) => {
    const e = thrown(() => loadDataDocument(text, NAME));
    expect(e.code).toBe(code);
    expect(e.compat).toBe(compat);
    expect(e.message).toContain(NAME);
  });

  test('quoted keys are strings', () => {
    expect(render(loadDataDocument('"true": 1\n"1": 2\n', NAME))).toBe('{"true":1,"1":2}');
  });

  test('syntax errors name the 1-based line and column', () => {
    const e = thrown(() => loadDataDocument('a: 1\nb: [\n', NAME));
    expect(e.position?.file).toBe(NAME);
    expect(e.describe()).toMatch(/^\/CASE_DIR\/template\.yaml:\d+:\d+: /);
  });
});

describe('limits', () => {
  test.each([
    ['deep JSON', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
    ['deep flow YAML', `a: ${'[ '.repeat(10_000)}${' ]'.repeat(10_000)}`],
    [
      'deep block YAML',
      `${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1`,
    ],
  ])('%s is refused with DATA_TOO_DEEP', (_name, text) => {
    expect(thrown(() => loadDataDocument(text, 'deep')).code).toBe('DATA_TOO_DEEP');
  });

  test('depth at the limit loads', () => {
    const text = `${'['.repeat(20)}${']'.repeat(20)}`;
    expect(loadDataDocument(text, 'd', { limits: { maxDepth: 20 } }).kind).toBe('list');
    expect(thrown(() => loadDataDocument(text, 'd', { limits: { maxDepth: 19 } })).code).toBe(
      'DATA_TOO_DEEP',
    );
  });

  test('input size is limited', () => {
    expect(thrown(() => loadDataDocument('a: 12345', 'd', { limits: { maxChars: 4 } })).code).toBe(
      'DATA_TOO_LARGE',
    );
  });
});
