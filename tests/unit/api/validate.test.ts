import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatResultJson, GuardError, loadData, validate } from '../../../src/index.js';

const root = new URL('../../../', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), 'utf8');

const rules = { name: 'ecs.guard', text: read('examples/no-capabilities-for-tasks.guard') };
const good = { name: 'good.yaml', text: read('examples/template-good.yaml') };
const bad = { name: 'bad.yaml', text: read('examples/template-bad.yaml') };

describe('validate() in-process API', () => {
  test('evaluates every rules file against every document, in order', () => {
    const out = validate({ rules: [rules], data: [good, bad] });
    expect(out.ruleErrors).toEqual([]);
    expect(out.results.map((r) => [r.dataFileName, r.status])).toEqual([
      ['good.yaml', 'PASS'],
      ['bad.yaml', 'FAIL'],
    ]);
    expect(out.status).toBe('FAIL');
  });

  test('the failing result names the offending property path', () => {
    const [, failing] = validate({ rules: [rules], data: [good, bad] }).results;
    const json = JSON.parse(formatResultJson(failing!));
    expect(json.status).toBe('FAIL');
    expect(JSON.stringify(json.not_compliant)).toContain(
      '/Resources/WebTask/Properties/ContainerDefinitions/1/LinuxParameters/Capabilities/Add',
    );
  });

  test('a rules file that does not parse is reported, the others still run', () => {
    const broken = { name: 'broken.guard', text: 'rule r {\n  x ==\n}\n' };
    const out = validate({ rules: [broken, rules], data: [good] });
    expect(out.ruleErrors).toHaveLength(1);
    expect(out.ruleErrors[0]?.rulesFileName).toBe('broken.guard');
    expect(out.ruleErrors[0]?.error.position?.line).toBeGreaterThan(0);
    expect(out.results).toHaveLength(1);
  });

  test('parameters are merged in front of each document', () => {
    const r = { name: 'p.guard', text: 'rule env { Env == "prod" }\n' };
    const out = validate({
      rules: [r],
      data: [{ name: 'd.yaml', text: 'x: 1\n' }],
      parameters: [{ name: 'p.yaml', text: 'Env: prod\n' }],
    });
    expect(out.results[0]?.status).toBe('PASS');
  });

  test('malformed data throws a GuardError naming the document', () => {
    expect(() =>
      validate({ rules: [rules], data: [{ name: 'x.yaml', text: 'a: [1, 2\n' }] }),
    ).toThrow(GuardError);
    expect(() => loadData({ name: 'x.yaml', text: '' })).toThrow(/x\.yaml/);
  });

  test('the standard loader types YAML 1.2 words the way `test` inputs need', () => {
    const v = loadData({ name: 'in.yaml', text: 'a: True\n' }, 'standard');
    expect(v.kind).toBe('map');
    if (v.kind === 'map') expect(v.entries.get('a')?.kind).toBe('bool');
  });
});
