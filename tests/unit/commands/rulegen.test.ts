/** rulegen (RG-01..03): generation text, ordering and error texts, checked against cfn-guard 3.1.1 outputs. */
import { describe, expect, test } from 'vitest';
import { generateRules, renderValue, typeVariable } from '../../../src/commands/rulegen.js';
import { loadStandardDocument } from '../../../src/data/load-standard.js';

describe('typeVariable', () => {
  test.each([
    ['AWS::S3::Bucket', 'aws_s3_bucket'],
    ['Custom::MyThing', 'custom_mything'],
    ['AWS::EC2::VPCGatewayAttachment', 'aws_ec2_vpcgatewayattachment'],
  ])('%s', (type, want) => expect(typeVariable(type)).toBe(want));
});

describe('renderValue', () => {
  test.each([
    ['v: my-bucket', '"my-bucket"'],
    ['v: "a\\nb"', '"ab"'],
    ['v: true', 'true'],
    ['v: ~', 'null'],
    ['v: 2.0', '2.0'],
    ['v: 1.5', '1.5'],
    ['v: [1, "x"]', '[1,"x"]'],
    ['v: {A: true, B: x}', '{"A":true,"B":"x"}'],
  ])('%s', (yaml, want) => {
    const doc = loadStandardDocument(yaml, 't.yaml');
    if (doc.kind !== 'map') throw new Error('map expected');
    const v = doc.entries.get('v');
    if (v === undefined) throw new Error('no v');
    expect(renderValue(v)).toBe(want);
  });
});

describe('generateRules', () => {
  test('one rule per type in template order; several values use IN', () => {
    const text = [
      'Resources:',
      '  A: {Type: X::Y, Properties: {P: 1}}',
      '  B: {Type: Z::W, Properties: {P: "a b"}}',
      '  C: {Type: X::Y, Properties: {P: 2, Q: [1]}}',
      '  D: {Type: X::Y, Properties: {P: 1}}',
      '  E: {Type: X::Y}',
      '',
    ].join('\n');
    expect(generateRules(text, 't.yaml')).toBe(
      [
        "let x_y_resources = Resources.*[ Type == 'X::Y' ]",
        'rule x_y when %x_y_resources !empty {',
        '  %x_y_resources.Properties.P IN [1, 2]',
        '  %x_y_resources.Properties.Q == [1]',
        '}',
        "let z_w_resources = Resources.*[ Type == 'Z::W' ]",
        'rule z_w when %z_w_resources !empty {',
        '  %z_w_resources.Properties.P == "a b"',
        '}',
        '',
      ].join('\n'),
    );
  });

  test.each([
    { text: '', error: 'Template lacks a Resources section' },
    { text: 'apiVersion: v1\n', error: 'Template lacks a Resources section' },
    {
      text: 'Resources: [1]\n',
      error:
        'Template Resources section has an invalid structure: invalid type: sequence, expected a map',
    },
    {
      text: 'Resources: 5\n',
      error:
        'Template Resources section has an invalid structure: invalid type: integer `5`, expected a map',
    },
    {
      text: 'Parameters:\n  Name:\n    Type: String\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Name\n',
      error:
        'Parsing error handling template file, Error = Resources.Bucket.Properties.BucketName: invalid type: enum, expected any valid JSON value at line 8 column 19',
    },
    {
      text: 'Resources:\n  A:\n    Type: X::Y\n    Properties:\n      T: [!Ref a]\n',
      error:
        'Parsing error handling template file, Error = Resources.A.Properties.T[0]: invalid type: enum, expected any valid JSON value at line 5 column 11',
    },
  ])('error: $error', ({ text, error }) => {
    expect(() => generateRules(text, 't.yaml')).toThrow(expect.objectContaining({ text: error }));
  });
});
