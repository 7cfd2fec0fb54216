/**
 * The structured JSON output against schemas/validate-report.schema.json,
 * and the SARIF output against the SARIF 2.1.0 JSON schema
 * (tests/fixtures/schemas/sarif-schema-2.1.0.json: the official OASIS SARIF
 * 2.1.0 errata01 schema, whose `id` is the URL tsguard writes as `$schema`;
 * see tests/fixtures/schemas/README.md).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatSarif } from '../../../src/report/sarif.js';
import { formatStructured } from '../../../src/report/structured.js';
import { everyVariant, fileReport } from './structured-fixtures.js';
import { parseCaseCommand, REPO_ROOT } from './structured-pipeline.js';

const ajv = new Ajv({ allErrors: true, strict: true, validateFormats: false });
const reportSchema: unknown = JSON.parse(
  readFileSync(join(REPO_ROOT, 'schemas/validate-report.schema.json'), 'utf8'),
);
const validateReport = ajv.compile(reportSchema as object);

// strict off: the schema's `anyOf: [{ required: [x] }, …]` branches and its
// `["array", "null"]` type trip ajv's strictRequired/strictTypes checks.
// Formats are not checked (no ajv-formats here), as for the report schema.
const sarifAjv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const sarifSchema = JSON.parse(
  readFileSync(join(REPO_ROOT, 'tests/fixtures/schemas/sarif-schema-2.1.0.json'), 'utf8'),
) as Record<string, unknown>;
// The OASIS file is a draft-04 schema (`$schema` draft-04, `id` not `$id`);
// ajv 8 has no draft-04 meta-schema and rejects `id`, so read it as draft-07.
// The keywords it uses mean the same in both (no boolean exclusiveMinimum/Maximum).
sarifSchema.$schema = 'http://json-schema.org/draft-07/schema#';
sarifSchema.$id = sarifSchema.id;
delete sarifSchema.id;
const validateSarif = sarifAjv.compile(sarifSchema);

const CASES = join(REPO_ROOT, 'tests/conformance/cases');

/** Expected stdout of every structured json/yaml/sarif case in the corpus. */
function corpusOutputs(format: string): { name: string; text: string }[] {
  if (!existsSync(CASES)) return [];
  return readdirSync(CASES)
    .filter((name) => {
      const cmd = readFileSync(join(CASES, name, 'cmd'), 'utf8');
      return parseCaseCommand(cmd)?.format === format;
    })
    .sort()
    .map((name) => ({ name, text: readFileSync(join(CASES, name, 'expected.stdout'), 'utf8') }));
}

/** Every externally tagged variant name found in a document (`Clause.Unary`, `Resolved`, …). */
function variantTags(doc: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(doc)) for (const item of doc) variantTags(item, out);
  else if (doc !== null && typeof doc === 'object') {
    // A `{path, value}` pair holds data, not report structure.
    if ('path' in doc && 'value' in doc) return out;
    for (const [key, value] of Object.entries(doc)) {
      if (/^[A-Z]/.test(key)) out.add(key);
      variantTags(value, out);
    }
  }
  return out;
}

describe('validate-report.schema.json', () => {
  test('every ClauseReport variant of a hand-built report validates', () => {
    const doc: unknown = JSON.parse(
      formatStructured([everyVariant(), fileReport('/p.yaml', 'PASS')], 'json'),
    );
    expect(validateReport(doc), JSON.stringify(validateReport.errors)).toBe(true);
    expect([...variantTags(doc)].sort()).toEqual([
      'Binary',
      'Block',
      'Clause',
      'Disjunctions',
      'InResolved',
      'Resolved',
      'Rule',
      'UnResolved',
      'UnResolvedContext',
      'Unary',
    ]);
  });

  const json = corpusOutputs('json');
  const yaml = corpusOutputs('yaml');
  test('the corpus has structured json and yaml outputs', () => {
    expect(json.length).toBeGreaterThan(20);
    expect(yaml.length).toBeGreaterThan(0);
  });

  test.each([
    ...json.map((c) => ({ ...c, format: 'json' })),
    ...yaml.map((c) => ({ ...c, format: 'yaml' })),
  ])('corpus $format output of $name validates', ({ text, format }) => {
    const doc: unknown = format === 'json' ? JSON.parse(text) : parseYaml(text);
    expect(validateReport(doc), JSON.stringify(validateReport.errors)).toBe(true);
  });

  const good = JSON.parse(formatStructured([everyVariant()], 'json')) as Record<string, unknown>[];
  test.each<{ name: string; mutate: (d: Record<string, unknown>[]) => void }>([
    { name: 'unknown status', mutate: (d) => ((d[0] as Record<string, unknown>).status = 'OK') },
    {
      name: 'missing compliant',
      mutate: (d) => delete (d[0] as Record<string, unknown>).compliant,
    },
    { name: 'extra member', mutate: (d) => ((d[0] as Record<string, unknown>).extra = 1) },
    {
      name: 'two variant keys in one enum object',
      mutate: (d) => {
        const nc = (d[0] as { not_compliant: Record<string, unknown>[] }).not_compliant;
        (nc[0] as Record<string, unknown>).Disjunctions = { checks: [] };
      },
    },
    {
      name: 'bad comparison operator',
      mutate: (d) => {
        const text = JSON.stringify(d).replace('"Eq"', '"Equals"');
        d.splice(0, d.length, ...(JSON.parse(text) as Record<string, unknown>[]));
      },
    },
    { name: 'not an array', mutate: (d) => d.splice(0, d.length) },
  ])('rejects: $name', ({ name, mutate }) => {
    const doc = structuredClone(good);
    mutate(doc);
    const subject: unknown = name === 'not an array' ? { reports: doc } : doc;
    expect(validateReport(subject)).toBe(false);
  });
});

describe('SARIF 2.1.0 schema', () => {
  test('tsguard output validates, with and without results', () => {
    for (const reports of [[], [everyVariant()], [fileReport('/p.yaml', 'PASS')]]) {
      const doc: unknown = JSON.parse(formatSarif(reports, { name: 'tsguard', version: '0.1.0' }));
      expect(validateSarif(doc), JSON.stringify(validateSarif.errors)).toBe(true);
    }
  });

  test.each(corpusOutputs('sarif'))('corpus output of $name validates', ({ text }) => {
    expect(validateSarif(JSON.parse(text)), JSON.stringify(validateSarif.errors)).toBe(true);
  });

  test('the schema rejects a broken result (so the checks above mean something)', () => {
    const doc = JSON.parse(
      formatSarif([everyVariant()], { name: 'tsguard', version: '0.1.0' }),
    ) as {
      runs: { results: Record<string, unknown>[] }[];
    };
    const result = doc.runs[0]?.results[0];
    if (result) result.level = 'fatal';
    expect(validateSarif(doc)).toBe(false);
  });
});
