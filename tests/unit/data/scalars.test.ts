import { describe, expect, test } from 'vitest';
import { resolveStandardPlain, resolveValidatePlain } from '../../../src/data/scalars.js';

// Expected types recorded with the reference (cfn-guard 3.1.1 validate, plus
// the 3.2.0 boolean words of YAML-02).
describe('validate loader plain scalars (YAML-01, YAML-02)', () => {
  test.each([
    ['123', 'int', 123],
    ['+5', 'int', 5],
    ['-0', 'int', 0],
    ['0755', 'int', 755],
    ['9223372036854775807', 'int', 2 ** 63],
    ['9223372036854775808', 'float', 2 ** 63],
    ['123456789012345678901234567890', 'float', 1.2345678901234568e29],
    ['1e3', 'float', 1000],
    ['2.50', 'float', 2.5],
    ['5.', 'float', 5],
    ['.5', 'float', 0.5],
    ['-.5', 'float', -0.5],
    ['1e-400', 'float', 0],
    ['inf', 'float', Number.POSITIVE_INFINITY],
    ['-inf', 'float', Number.NEGATIVE_INFINITY],
    ['Infinity', 'float', Number.POSITIVE_INFINITY],
    ['true', 'bool', true],
    ['yes', 'bool', true],
    ['on', 'bool', true],
    ['y', 'bool', true],
    ['false', 'bool', false],
    ['no', 'bool', false],
    ['off', 'bool', false],
    ['n', 'bool', false],
    ['True', 'string', 'True'],
    ['YES', 'string', 'YES'],
    ['~', 'null', undefined],
    ['null', 'null', undefined],
    ['NULL', 'null', undefined],
    ['Null', 'null', undefined],
    ['', 'string', ''],
    ['0x1F', 'string', '0x1F'],
    ['0o14', 'string', '0o14'],
    ['1_000', 'string', '1_000'],
    ['.inf', 'string', '.inf'],
    ['2012-10-17', 'string', '2012-10-17'],
    ['1e', 'string', '1e'],
    ['.', 'string', '.'],
  ])('%j → %s', (text, kind, value) => {
    const r = resolveValidatePlain(text);
    expect(r.kind).toBe(kind);
    if (r.kind !== 'null') expect(r.value).toBe(value);
  });

  test('nan is a float NaN', () => {
    const r = resolveValidatePlain('NaN');
    expect(r.kind).toBe('float');
    expect(r.kind === 'float' && Number.isNaN(r.value)).toBe(true);
  });
});

// Recorded with `cfn-guard test` (serde_yaml route).
describe('standard loader plain scalars (YAML-08)', () => {
  test.each([
    ['~', 'null', undefined],
    ['', 'null', undefined],
    ['NULL', 'null', undefined],
    ['TRUE', 'bool', true],
    ['False', 'bool', false],
    ['tRue', 'string', 'tRue'],
    ['yes', 'string', 'yes'],
    ['y', 'string', 'y'],
    ['0x1F', 'int', 31],
    ['-0x10', 'int', -16],
    ['0o7', 'int', 7],
    ['0b101', 'int', 5],
    ['0X1F', 'string', '0X1F'],
    ['0755', 'string', '0755'],
    ['-01', 'string', '-01'],
    ['00', 'string', '00'],
    ['+5', 'int', 5],
    ['18446744073709551615', 'int', -1],
    ['1e3', 'float', 1000],
    ['01.5', 'float', 1.5],
    ['5.', 'float', 5],
    ['.inf', 'float', Number.POSITIVE_INFINITY],
    ['-.Inf', 'float', Number.NEGATIVE_INFINITY],
    ['inf', 'string', 'inf'],
    ['1e400', 'string', '1e400'],
    ['1_000', 'string', '1_000'],
    ['2001-01-01', 'string', '2001-01-01'],
  ])('%j → %s', (text, kind, value) => {
    const r = resolveStandardPlain(text);
    expect(r).not.toBe('range');
    if (r === 'range') return;
    expect(r.kind).toBe(kind);
    if (r.kind !== 'null') expect(r.value).toBe(value);
  });

  test('integers beyond u64 are out of range', () => {
    expect(resolveStandardPlain('123456789012345678901234567890')).toBe('range');
    expect(resolveStandardPlain('-9223372036854775809')).toBe('range');
  });
});
