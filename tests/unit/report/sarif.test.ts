import { describe, expect, test } from 'vitest';
import {
  buildSarifReport,
  formatSarif,
  GUARD_DESCRIPTION,
  SARIF_SCHEMA_URL,
  sarifRuleId,
  sarifUri,
} from '../../../src/report/sarif.js';
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

const TOOL = { name: 'tsguard', version: '9.8.7' };
const size = DATA.at('/Resources/B/Properties/Size');
const props = DATA.at('/Resources/B/Properties');

describe('rule ids and uris (OUT-SARIF-02/03)', () => {
  test.each([
    { name: 'rules.guard/default', id: 'RULES' },
    { name: 'RULES_STDIN[1]/default', id: 'RULES_STDIN[1]/DEFAULT' },
    { name: 's3_bucket_versioning', id: 'S3_BUCKET_VERSIONING' },
    { name: 'a.b.c', id: 'A' },
    { name: 'straße', id: 'STRASSE' },
  ])('$name → $id', ({ name, id }) => {
    expect(sarifRuleId(name)).toBe(id);
  });

  test.each([
    { name: '/home/me/t.yaml', uri: 'home/me/t.yaml' },
    { name: '//x', uri: '/x' },
    { name: 'DATA_STDIN[1]', uri: 'DATA_STDIN[1]' },
  ])('$name → $uri', ({ name, uri }) => {
    expect(sarifUri(name)).toBe(uri);
  });
});

describe('buildSarifReport', () => {
  test('envelope and driver (OUT-SARIF-01): name and version are the caller’s', () => {
    const sarif = buildSarifReport([], TOOL);
    expect(sarif.$schema).toBe(SARIF_SCHEMA_URL);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0]?.tool.driver).toEqual({
      name: 'tsguard',
      semanticVersion: '9.8.7',
      fullName: 'tsguard 9.8.7',
      organization: 'Amazon Web Services',
      downloadUri: 'https://github.com/aws-cloudformation/cloudformation-guard',
      informationUri: 'https://github.com/aws-cloudformation/cloudformation-guard',
      shortDescription: { text: GUARD_DESCRIPTION },
    });
    expect(sarif.runs[0]?.artifacts).toEqual([]);
    expect(sarif.runs[0]?.results).toEqual([]);
  });

  test('other driver fields can be overridden', () => {
    const driver = buildSarifReport([], {
      ...TOOL,
      organization: 'Org',
      informationUri: 'https://x',
    }).runs[0]?.tool.driver;
    expect(driver?.organization).toBe('Org');
    expect(driver?.informationUri).toBe('https://x');
  });

  test('PASS and SKIP data files contribute nothing', () => {
    const run = buildSarifReport(
      [fileReport('/a.yaml', 'PASS', [], ['r']), fileReport('/b.yaml', 'SKIP', [], [], ['s'])],
      TOOL,
    ).runs[0];
    expect(run?.artifacts).toEqual([]);
    expect(run?.results).toEqual([]);
  });

  test('one artifact per distinct failing file; repeated files repeat their results', () => {
    const failing = fileReport('/a.yaml', 'FAIL', [ruleReport('r', [binaryEq(size, int(1))])]);
    const run = buildSarifReport([failing, fileReport('/b.yaml', 'PASS'), failing], TOOL).runs[0];
    expect(run?.artifacts).toEqual([{ location: { uri: 'a.yaml' } }]);
    expect(run?.results).toHaveLength(2);
  });

  test('results: one per flattened message, message joined with a space (OUT-SARIF-03)', () => {
    const report = fileReport('/d/t.yaml', 'FAIL', [
      ruleReport('rules.guard/default', [
        binaryEq(size, int(4), 'Size must be 4'),
        { kind: 'Disjunctions', checks: [missingProperty(props, 'Tags'), emptyBlock()] },
      ]),
      emptyBlock(),
    ]);
    const results = buildSarifReport([report], TOOL).runs[0]?.results ?? [];
    expect(results.map((r) => r.ruleId)).toEqual(['RULES', 'RULES', 'RULES', '']);
    expect(results.map((r) => r.level)).toEqual(['error', 'error', 'error', 'error']);
    expect(results[0]?.message.text).toBe(
      'Check was not compliant as property value [Path=/Resources/B/Properties/Size[L:5,C:12] Value=3] not equal to value [Path=[L:0,C:0] Value=4]. Size must be 4',
    );
    // Empty custom message: the joining space stays.
    expect(results[1]?.message.text).toMatch(
      /^Check was not compliant as property \[Tags\] is missing\..*\]\. $/,
    );
    // Null custom message (block that selected nothing): also a trailing space.
    expect(results[2]?.message.text).toBe('query for block clause did not retrieve any value ');
    expect(results[3]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('d/t.yaml');
  });

  test('regions use the recorded 0-based location clamped to 1 (OUT-SARIF-04)', () => {
    const report = fileReport('/t.yaml', 'FAIL', [
      ruleReport('r', [binaryEq(size, int(4)), missingProperty(props, 'Tags'), emptyBlock()]),
    ]);
    const regions = (buildSarifReport([report], TOOL).runs[0]?.results ?? []).map(
      (r) => r.locations[0]?.physicalLocation.region,
    );
    expect(regions).toEqual([
      // The RHS literal's (0,0).
      { startLine: 1, startColumn: 1 },
      // The map under `Properties`: its recorded 0-based position, used as is.
      { startLine: props.line, startColumn: props.col },
      // No location recorded.
      { startLine: 1, startColumn: 1 },
    ]);
    expect(props.line).toBeGreaterThan(1);
    expect(props.col).toBeGreaterThan(1);
  });

  test('formatSarif prints pretty JSON without a trailing newline', () => {
    const text = formatSarif([everyVariant()], TOOL);
    expect(text.startsWith('{\n  "$schema": ')).toBe(true);
    expect(text.endsWith('\n}')).toBe(true);
    expect(JSON.parse(text)).toEqual(
      JSON.parse(JSON.stringify(buildSarifReport([everyVariant()], TOOL))),
    );
  });
});
