import { describe, expect, test } from 'vitest';
import {
  countJunit,
  formatJunit,
  type JunitReport,
  junitFailure,
  junitTestCase,
} from '../../../src/report/junit.js';
import { escapeXmlText, XmlWriter } from '../../../src/report/xml.js';
import { int, str } from './helpers.js';
import {
  binaryEq,
  DATA,
  emptyBlock,
  fileReport,
  missingProperty,
  ruleReport,
} from './structured-fixtures.js';

// ---------------------------------------------------------------------------
// A minimal XML 1.0 reader, strict on exactly what a writer can get wrong:
// raw `<` or `&` in text, `]]>` in character data, characters XML forbids,
// unknown entities, unbalanced tags, duplicate attributes.

interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting characters XML forbids
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/u;

function decodeEntities(raw: string): string {
  if (raw.includes('<')) throw new Error(`raw < in ${JSON.stringify(raw)}`);
  return raw.replace(/&([a-z]+);|&/g, (whole, name: string | undefined) => {
    const table: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
    const value = name === undefined ? undefined : table[name];
    if (value === undefined) throw new Error(`bad entity ${whole}`);
    return value;
  });
}

function parseXml(doc: string): XmlElement {
  const match = FORBIDDEN.exec(doc);
  if (match) throw new Error(`forbidden character U+${match[0].codePointAt(0)?.toString(16)}`);
  const decl = '<?xml version="1.0" encoding="UTF-8"?>';
  if (!doc.startsWith(decl)) throw new Error('missing declaration');
  let pos = decl.length;
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const tagRe = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"]*")*)\s*(\/?)>/y;
  while (pos < doc.length) {
    const lt = doc.indexOf('<', pos);
    const text = doc.slice(pos, lt === -1 ? doc.length : lt);
    if (text.includes(']]>')) throw new Error(']]> in character data');
    const top = stack[stack.length - 1] as XmlElement;
    top.text += decodeEntities(text);
    if (lt === -1) break;
    tagRe.lastIndex = lt;
    const m = tagRe.exec(doc);
    if (!m) throw new Error(`bad markup at ${lt}: ${doc.slice(lt, lt + 40)}`);
    const [, closing, name = '', attrText = '', selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
    } else {
      const attributes: Record<string, string> = {};
      for (const a of attrText.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
        const key = a[1] ?? '';
        if (key in attributes) throw new Error(`duplicate attribute ${key}`);
        attributes[key] = decodeEntities(a[2] ?? '');
      }
      const el: XmlElement = { name, attributes, children: [], text: '' };
      top.children.push(el);
      if (!selfClosing) stack.push(el);
    }
    pos = tagRe.lastIndex;
  }
  if (stack.length !== 1) throw new Error('unclosed element');
  if (root.children.length !== 1 || root.text.trim() !== '')
    throw new Error('not one root element');
  return root.children[0] as XmlElement;
}

// ---------------------------------------------------------------------------

const size = DATA.at('/Resources/B/Properties/Size');
const props = DATA.at('/Resources/B/Properties');
const nameValue = DATA.at('/Resources/B/Properties/Name');

function report(suites: JunitReport['suites'], timeMs = 0): JunitReport {
  return { timeMs, suites };
}

describe('layout (OUT-JUNIT-01)', () => {
  test('pass, skip and fail test cases, byte for byte', () => {
    const failing = fileReport('/d/a.yaml', 'FAIL', [
      ruleReport('rules.guard/default', [binaryEq(size, int(4), 'Size must be 4')]),
    ]);
    const text = formatJunit(
      report(
        [
          {
            name: '/d/a.yaml',
            timeMs: 12,
            testCases: [
              junitTestCase('rules.guard', failing, 3),
              junitTestCase('p.guard', fileReport('/d/a.yaml', 'PASS'), 4),
              junitTestCase('s.guard', fileReport('/d/a.yaml', 'SKIP'), 5),
            ],
          },
          { name: '/d/empty.yaml', timeMs: 13, testCases: [] },
        ],
        14,
      ),
    );
    expect(text).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="cfn-guard validate report" tests="3" failures="1" errors="0" time="14">',
        '    <testsuite name="/d/a.yaml" errors="0" failures="1" time="12">',
        '        <testcase name="rules.guard" time="3">',
        '            <failure message="default">Size must be 4Check was not compliant as property value [Path=/Resources/B/Properties/Size[L:5,C:12] Value=3] not equal to value [Path=[L:0,C:0] Value=4].</failure>',
        '        </testcase>',
        '        <testcase name="p.guard" time="4" status="pass"/>',
        '        <testcase name="s.guard" time="5" status="skip"/>',
        '    </testsuite>',
        '    <testsuite name="/d/empty.yaml" errors="0" failures="0" time="13">',
        '    </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
    const root = parseXml(text);
    expect(root.name).toBe('testsuites');
    expect(root.children.map((s) => s.attributes.name)).toEqual(['/d/a.yaml', '/d/empty.yaml']);
  });

  test('an error test case carries an <error> element and counts as an error', () => {
    const r = report([
      {
        name: '/d.yaml',
        timeMs: 0,
        testCases: [
          { name: 'x.guard', timeMs: 0, outcome: { kind: 'error', message: 'boom <here>' } },
        ],
      },
    ]);
    expect(countJunit(r)).toEqual({ tests: 1, failures: 0, errors: 1 });
    const text = formatJunit(r);
    expect(text).toContain(
      '        <testcase name="x.guard" time="0" status="error">\n            <error>boom &lt;here&gt;</error>\n        </testcase>',
    );
    const tc = parseXml(text).children[0]?.children[0];
    expect(tc?.children[0]?.text).toBe('boom <here>');
  });

  test('times are integer milliseconds', () => {
    const text = formatJunit(report([{ name: '/d.yaml', timeMs: 2.9, testCases: [] }], 7.5));
    expect(text).toContain('time="7">');
    expect(text).toContain('time="2">');
  });
});

describe('failures (OUT-JUNIT-02)', () => {
  test('the message names the last failing rule; texts run together', () => {
    const f = junitFailure(
      fileReport('/d.yaml', 'FAIL', [
        ruleReport('first', [binaryEq(size, int(1), 'one')]),
        ruleReport('second', [missingProperty(props, 'Tags')]),
      ]),
    );
    expect(f.ruleName).toBe('second');
    expect(f.texts).toHaveLength(4);
    expect(f.texts[0]).toBe('one');
    expect(f.texts[2]).toBe('');
  });

  test.each([
    { name: 'rules.guard/default', shown: 'default' },
    { name: 'RULES_STDIN[1]/default', shown: 'RULES_STDIN[1]/default' },
    { name: 'plain', shown: 'plain' },
  ])('rule name $name shows as $shown', ({ name, shown }) => {
    expect(
      junitFailure(fileReport('/d', 'FAIL', [ruleReport(name, [emptyBlock()])])).ruleName,
    ).toBe(shown);
  });

  test('a null custom message contributes nothing, an empty one an empty piece', () => {
    expect(junitFailure(fileReport('/d', 'FAIL', [ruleReport('r', [emptyBlock()])])).texts).toEqual(
      ['query for block clause did not retrieve any value'],
    );
  });

  test('a failure without messages is an empty <failure/> without a name', () => {
    const failing = fileReport('/d', 'FAIL', [ruleReport('r', [])]);
    const text = formatJunit(
      report([{ name: '/d', timeMs: 0, testCases: [junitTestCase('r.guard', failing, 0)] }]),
    );
    expect(text).toContain(
      '        <testcase name="r.guard" time="0">\n            <failure/>\n        </testcase>',
    );
    expect(parseXml(text).children[0]?.children[0]?.children[0]?.name).toBe('failure');
  });

  test('a top-level failure that is not a rule leaves the name to earlier rules', () => {
    const f = junitFailure(
      fileReport('/d', 'FAIL', [ruleReport('r', [emptyBlock()]), emptyBlock()]),
    );
    expect(f.ruleName).toBe('r');
    expect(f.texts).toHaveLength(2);
  });
});

describe('escaping', () => {
  const tricky = 'a ]]> b ]]> c <d> & \'e\' "f" é 日本 😀';

  test('markup characters become entities, ]]> cannot appear, non-ASCII stays', () => {
    expect(escapeXmlText(tricky)).toBe(
      'a ]]&gt; b ]]&gt; c &lt;d&gt; &amp; &apos;e&apos; &quot;f&quot; é 日本 😀',
    );
  });

  test.each([
    { name: 'C0 control', input: 'x\u0001y', output: 'x\\u0001y' },
    { name: 'escape', input: '\u001b[31m', output: '\\u001b[31m' },
    { name: 'NUL', input: '\u0000', output: '\\u0000' },
    { name: 'U+FFFE', input: '\ufffe', output: '\\ufffe' },
    { name: 'lone surrogate', input: 'a\ud800b', output: 'a\\ud800b' },
    { name: 'tab, LF and CR are legal', input: 'a\tb\nc\rd', output: 'a\tb\nc\rd' },
    { name: 'DEL is legal', input: '\u007f', output: '\u007f' },
    { name: 'astral character kept', input: '😀', output: '😀' },
  ])('$name', ({ input, output }) => {
    expect(escapeXmlText(input)).toBe(output);
  });

  test('a report full of hostile texts parses back to the same texts', () => {
    const hostile = `${tricky} \u0001\u001f`;
    const failing = fileReport(`/d/${tricky}.yaml`, 'FAIL', [
      ruleReport(`rule_${tricky}`, [binaryEq(nameValue, str(tricky), hostile)]),
    ]);
    const text = formatJunit(
      report([
        {
          name: failing.name,
          timeMs: 0,
          testCases: [junitTestCase(`${tricky}.guard`, failing, 0)],
        },
      ]),
    );
    const suite = parseXml(text).children[0];
    expect(suite?.attributes.name).toBe(`/d/${tricky}.yaml`);
    const tc = suite?.children[0];
    expect(tc?.attributes.name).toBe(`${tricky}.guard`);
    const failure = tc?.children[0];
    expect(failure?.attributes.message).toBe(`rule_${tricky}`);
    // Control characters come back as visible escapes; everything else verbatim.
    expect(failure?.text.startsWith(`${tricky} \\u0001\\u001f`)).toBe(true);
    expect(failure?.text).toContain('Value="x<y>&\'"]]>z"');
  });
});

describe('XmlWriter', () => {
  test('nesting, text and empty elements', () => {
    const out: string[] = [];
    const xml = new XmlWriter(out, 2);
    xml.declaration();
    xml.start('a', [['k', 'v"']]);
    xml.start('b');
    xml.text('t');
    xml.end('b');
    xml.empty('c');
    xml.end('a');
    xml.finish();
    expect(out.join('')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<a k="v&quot;">\n  <b>t</b>\n  <c/>\n</a>\n',
    );
  });
});
