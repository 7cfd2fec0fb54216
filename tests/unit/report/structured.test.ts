import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { FileReport } from '../../../src/report/file-report.js';
import {
  clauseMessages,
  combineDataFileReports,
  formatFileReport,
  formatStructured,
  structuredExitCode,
} from '../../../src/report/structured.js';
import { int } from './helpers.js';
import {
  binaryEq,
  DATA,
  emptyBlock,
  everyVariant,
  fileReport,
  missingProperty,
  ruleReport,
} from './structured-fixtures.js';

const size = DATA.at('/Resources/B/Properties/Size');
const props = DATA.at('/Resources/B/Properties');

describe('combineDataFileReports (EVAL-11)', () => {
  const fail = fileReport(
    '/d.yaml',
    'FAIL',
    [ruleReport('a', [binaryEq(size, int(1))])],
    ['z', 'b'],
    ['s'],
  );
  const pass = fileReport('/d.yaml', 'PASS', [], ['b', 'a']);
  const skip = fileReport('/d.yaml', 'SKIP', [], [], ['s', 'q']);

  test.each<{
    name: string;
    reports: FileReport[];
    status: string;
    compliant: string[];
    notApplicable: string[];
    failures: number;
  }>([
    {
      name: 'no rules files',
      reports: [],
      status: 'SKIP',
      compliant: [],
      notApplicable: [],
      failures: 0,
    },
    {
      name: 'skip only',
      reports: [skip],
      status: 'SKIP',
      compliant: [],
      notApplicable: ['q', 's'],
      failures: 0,
    },
    {
      name: 'pass beats skip',
      reports: [skip, pass],
      status: 'PASS',
      compliant: ['a', 'b'],
      notApplicable: ['q', 's'],
      failures: 0,
    },
    {
      name: 'fail dominates',
      reports: [pass, fail, skip],
      status: 'FAIL',
      compliant: ['a', 'b', 'z'],
      notApplicable: ['q', 's'],
      failures: 1,
    },
    {
      name: 'failures concatenate',
      reports: [fail, fail],
      status: 'FAIL',
      compliant: ['b', 'z'],
      notApplicable: ['s'],
      failures: 2,
    },
  ])('$name', ({ reports, status, compliant, notApplicable, failures }) => {
    const combined = combineDataFileReports('/d.yaml', reports);
    expect(combined.name).toBe('/d.yaml');
    expect(combined.status).toBe(status);
    expect(combined.compliant).toEqual(compliant);
    expect(combined.notApplicable).toEqual(notApplicable);
    expect(combined.notCompliant).toHaveLength(failures);
  });
});

describe('formatStructured / formatFileReport (OUT-JSON-02/03)', () => {
  test('JSON is pretty, two-space, without a trailing newline', () => {
    const text = formatStructured([fileReport('/a.yaml', 'PASS', [], ['r'])], 'json');
    expect(text).toBe(
      '[\n  {\n    "name": "/a.yaml",\n    "metadata": {},\n    "status": "PASS",\n    "not_compliant": [],\n    "not_applicable": [],\n    "compliant": [\n      "r"\n    ]\n  }\n]',
    );
  });

  test('YAML is one document ending in a newline', () => {
    const text = formatStructured([fileReport('/a.yaml', 'SKIP', [], [], ['r'])], 'yaml');
    expect(text).toBe(
      '- name: /a.yaml\n  metadata: {}\n  status: SKIP\n  not_compliant: []\n  not_applicable:\n  - r\n  compliant: []\n',
    );
  });

  test('an empty run is an empty array', () => {
    expect(formatStructured([], 'json')).toBe('[]');
    expect(formatStructured([], 'yaml')).toBe('[]\n');
  });

  test.each(['json', 'yaml'] as const)('%s: JSON and YAML carry the same document', (format) => {
    const report = everyVariant();
    const text = formatFileReport(report, format);
    const parsed: unknown = format === 'json' ? JSON.parse(text) : parseYaml(text);
    const other = formatFileReport(report, format === 'json' ? 'yaml' : 'json');
    const otherParsed: unknown = format === 'json' ? parseYaml(other) : JSON.parse(other);
    expect(parsed).toEqual(otherParsed);
    expect(formatStructured([report], format)).toContain('size must be 4');
  });

  test('externally tagged variants and field order follow the reference', () => {
    const parsed = JSON.parse(formatFileReport(everyVariant(), 'json')) as {
      not_compliant: Record<string, { checks: Record<string, unknown>[] }>[];
    };
    const tags = parsed.not_compliant.map((c) => Object.keys(c)[0]);
    expect(new Set(tags)).toEqual(new Set(['Rule']));
    const inner = parsed.not_compliant
      .flatMap((c) => c.Rule?.checks ?? [])
      .map((c) => Object.keys(c)[0]);
    expect(new Set(inner)).toEqual(new Set(['Clause', 'Disjunctions', 'Block']));
    const text = formatFileReport(everyVariant(), 'json');
    // Binary: context, messages, check; Unary: check, context, messages.
    expect(text).toMatch(/"Binary": \{\n\s+"context"/);
    expect(text).toMatch(/"Unary": \{\n\s+"check"/);
  });
});

describe('clauseMessages (what JUnit and SARIF read)', () => {
  test('rules and disjunctions flatten, their own messages left out', () => {
    const a = binaryEq(size, int(1), 'first');
    const b = missingProperty(props, 'Tags', 'second');
    const c = emptyBlock();
    const report = ruleReport('r', [
      a,
      { kind: 'Disjunctions', checks: [b, ruleReport('inner', [c])] },
    ]);
    expect(clauseMessages(report)).toEqual([a.messages, b.messages, c.messages]);
  });

  test('a lone clause is its own message', () => {
    const a = binaryEq(size, int(1));
    expect(clauseMessages(a)).toEqual([a.messages]);
  });
});

describe('structuredExitCode (CLI-VAL-14, GOT-24)', () => {
  test.each([
    { format: 'json', anyFailed: false, anyRulesError: false, code: 0 },
    { format: 'json', anyFailed: true, anyRulesError: false, code: 19 },
    { format: 'json', anyFailed: false, anyRulesError: true, code: 5 },
    { format: 'json', anyFailed: true, anyRulesError: true, code: 19 },
    { format: 'yaml', anyFailed: true, anyRulesError: true, code: 19 },
    { format: 'sarif', anyFailed: true, anyRulesError: true, code: 19 },
    { format: 'sarif', anyFailed: false, anyRulesError: true, code: 5 },
    { format: 'junit', anyFailed: true, anyRulesError: true, code: 5 },
    { format: 'junit', anyFailed: true, anyRulesError: false, code: 19 },
    { format: 'junit', anyFailed: false, anyRulesError: false, code: 0 },
  ] as const)(
    '$format failed=$anyFailed rulesError=$anyRulesError → $code',
    ({ format, code, ...outcome }) => {
      expect(structuredExitCode(format, outcome)).toBe(code);
    },
  );
});
