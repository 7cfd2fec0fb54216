import { describe, expect, test } from 'vitest';
import {
  formatCfnReport,
  formatConsoleReport,
  resourceNameCandidate,
} from '../../../src/report/cfn.js';
import { excerptStart, ReadCursor, rustLines } from '../../../src/report/file-report-excerpts.js';
import { emitMessages } from '../../../src/report/file-report-resources.js';
import { formatTerraformReport, propertyOf } from '../../../src/report/tf.js';
import { plainStyle, type SummaryKind } from '../../../src/report/types.js';
import {
  block,
  clause,
  cmp,
  failedEq,
  fileResult,
  int,
  load,
  missing,
  resolved,
  rule,
  str,
  TEMPLATE,
} from './helpers.js';

const template = load(TEMPLATE);
const ctx = (kinds: SummaryKind[] = []) => ({
  rulesFileName: 'r.guard',
  dataFileName: 'DATA',
  showSummary: new Set(kinds),
  data: template.root,
  dataText: TEMPLATE,
});

describe('ReadCursor (Code: excerpts)', () => {
  test('rustLines drops one trailing empty line and CRs', () => {
    expect(rustLines('a\r\nb\n')).toEqual(['a', 'b']);
    expect(rustLines('')).toEqual([]);
    expect(rustLines('a\n\n')).toEqual(['a', '']);
  });

  test('seeks forward, re-reads remembered lines, stops at the end', () => {
    const cursor = new ReadCursor('1\n2\n3\n4\n5\n');
    expect(cursor.seekLine(2)).toEqual([2, '2']);
    expect(cursor.next()).toEqual([3, '3']);
    expect(cursor.seekLine(1)).toEqual([1, '1']);
    expect(cursor.next()).toEqual([2, '2']);
    // Lines read while seeking are numbered from the current position (2), not from the count read (3).
    expect(cursor.seekLine(99)).toBeUndefined();
    expect(cursor.next()).toEqual([4, '5']);
    expect(cursor.next()).toBeUndefined();
  });

  test('seeking past remembered lines from an earlier position numbers from there (reference quirk)', () => {
    const cursor = new ReadCursor('a\nb\nc\nd\ne\nf\n');
    cursor.seekLine(3);
    cursor.seekLine(1);
    // 3 lines remembered, position 1: fresh lines are numbered 2, 3 while the remembered line 3 is returned.
    expect(cursor.seekLine(3)).toEqual([3, 'c']);
    expect(cursor.next()).toEqual([2, 'd']);
  });

  test.each([
    { line: 0, start: Number.MAX_SAFE_INTEGER },
    { line: 1, start: Number.MAX_SAFE_INTEGER },
    { line: 2, start: 1 },
    { line: 3, start: 1 },
    { line: 9, start: 7 },
  ])('excerptStart($line) = $start (GOT-29)', ({ line, start }) => {
    expect(excerptStart(line)).toBe(start);
  });
});

describe('emitMessages', () => {
  test.each([
    { message: 'one', error: '', width: 16, text: '  Message          = one\n' },
    { message: 'a;b', error: 'E', width: 0, text: '  Message {\n    a\n    b\n  }\n  Error = E\n' },
    {
      message: '\n  x\n  y\n',
      error: '',
      width: 16,
      text: '  Message          {\n    x\n    y\n  }\n',
    },
    { message: '', error: 'E', width: 19, text: '  Error               = E\n' },
  ])('$message / $error', ({ message, error, width, text }) => {
    expect(emitMessages('  ', message, error, width)).toBe(text);
  });
});

describe('formatCfnReport (OUT-CFN)', () => {
  test.each([
    { key: '/Resources/B/Properties/X', count: 1, slashes: 4, name: 'B/Properties' },
    { key: '/Resources/B/Properties/X', count: 2, slashes: 4, name: 'B' },
    { key: '/Resources/B/X', count: 1, slashes: 3, name: 'B' },
    { key: '/Transform/a/b', count: 1, slashes: 3, name: null },
  ])('resourceNameCandidate($key, $count)', ({ key, count, slashes, name }) => {
    expect(resourceNameCandidate(key, count, slashes)).toBe(name);
  });

  test('one resource block with a comparison and a missing property; /Parameters failures are left out', () => {
    const { at } = template;
    const result = fileResult('DATA', 'FAIL', [
      rule('s3', 'FAIL', [
        block('FAIL', [
          failedEq(
            ' Resources.B.Properties.BucketName EQUALS  "bar"',
            at('/Resources/B/Properties/BucketName'),
            str('bar'),
            'line1\nline2',
          ),
        ]),
      ]),
      rule('params', 'FAIL', [
        block('FAIL', [
          failedEq(' Parameters.P.Type EQUALS  "Number"', at('/Parameters/P/Type'), str('Number')),
        ]),
      ]),
      rule('multi', 'FAIL', [
        block('FAIL', [
          missing(
            ' Resources.*.Properties.Name EXISTS  ',
            'Exists',
            at('/Resources/B/Properties'),
            'Name',
            'Could not find key Name inside struct at path /Resources/B/Properties[L:9,C:6]',
          ),
        ]),
      ]),
    ]);
    expect(formatCfnReport(result, ctx())).toBe(`Evaluating data DATA against rules r.guard
Number of non-compliant resources 1
Resource = B {
  Type      = AWS::S3::Bucket
  CDK-Path  = Stack/B/Resource
  Rule = s3 {
    ALL {
      Check =  Resources.B.Properties.BucketName EQUALS  "bar" {
        ComparisonError {
          Message          {
            line1
            line2
          }
          Error            = Check was not compliant as property value [Path=/Resources/B/Properties/BucketName[L:9,C:18] Value="foo"] not equal to value [Path=[L:0,C:0] Value="bar"].
          PropertyPath    = /Resources/B/Properties/BucketName[L:9,C:18]
          Operator        = EQUAL
          Value           = "foo"
          ComparedWith    = "bar"
          Code:
                7.    Metadata:
                8.      aws:cdk:path: Stack/B/Resource
                9.    Properties:
               10.      BucketName: foo
               11.      Tags:
               12.        - Key: a

        }
      }
    }
  }
  Rule = multi {
    ALL {
      Check =  Resources.*.Properties.Name EXISTS   {
        RequiredPropertyError {
          PropertyPath = /Resources/B/Properties[L:9,C:6]
          MissingProperty = Name
          Reason = Could not find key Name inside struct at path /Resources/B/Properties[L:9,C:6]
          Code:
                7.    Metadata:
                8.      aws:cdk:path: Stack/B/Resource
                9.    Properties:
               10.      BucketName: foo
               11.      Tags:
               12.        - Key: a
        }
      }
    }
  }
}
`);
  });

  test('only non-resource failures: header with a zero count, even with -S none (GOT-25)', () => {
    const result = fileResult('DATA', 'FAIL', [
      rule('params', 'FAIL', [
        block('FAIL', [
          failedEq(
            ' Parameters.P.Type EQUALS  "Number"',
            template.at('/Parameters/P/Type'),
            str('Number'),
          ),
        ]),
      ]),
    ]);
    expect(formatConsoleReport(result, ctx())).toBe(
      'Evaluating data DATA against rules r.guard\nNumber of non-compliant resources 0\n',
    );
  });

  test('nothing failed: nothing printed', () => {
    expect(
      formatConsoleReport(fileResult('DATA', 'PASS', [rule('ok', 'PASS')]), ctx(['pass'])),
    ).toBe('');
  });

  test('a failing path under /Resources that names no resource falls back to the generic report (OUT-CFN-06)', () => {
    const { root, at } = load('Resources:\n  x: 1\n');
    const result = fileResult('DATA', 'FAIL', [
      rule('r', 'FAIL', [
        block('FAIL', [failedEq(' Resources.x EQUALS  2', at('/Resources/x'), int(2))]),
      ]),
    ]);
    const text = formatConsoleReport(result, { ...ctx(['fail']), data: root, dataText: '' });
    expect(text).toBe(`Evaluation of rules r.guard against data DATA
--
Property [/Resources/x] in data [DATA] is not compliant with [r] because provided value [1] did not match expected value [2]. Error Message []
--
`);
    expect(formatCfnReport(result, { ...ctx(), data: root })).toBeNull();
  });

  test('style hooks decorate names (CLI-04 ready)', () => {
    const result = fileResult('DATA', 'FAIL', [
      rule('s3', 'FAIL', [
        block('FAIL', [
          failedEq(' c', template.at('/Resources/B/Properties/BucketName'), str('bar')),
        ]),
      ]),
    ]);
    const style = {
      ...plainStyle,
      resourceName: (t: string) => `<${t}>`,
      ruleName: (t: string) => `{${t}}`,
    };
    const text = formatCfnReport(result, { ...ctx(), style }) ?? '';
    expect(text).toContain('Resource = <B> {');
    expect(text).toContain('Rule = {s3} {');
  });
});

describe('formatTerraformReport (OUT-TF)', () => {
  const PLAN = JSON.stringify({
    resource_changes: [
      { address: 'aws_s3_bucket.logs', change: { after: { force_destroy: false } } },
      { address: 'aws_s3_bucket.tmp', change: { after: { force_destroy: true } } },
    ],
  });
  const plan = load(PLAN, 'plan.json');

  test('property paths relative to change/after, no Code: (dsl-terraform-plan-text)', () => {
    const result = fileResult('DATA', 'FAIL', [
      rule('s3_no_force_destroy', 'FAIL', [
        block('FAIL', [
          failedEq(
            ' %s3_buckets[*].change.after.force_destroy EQUALS  false',
            plan.at('/resource_changes/1/change/after/force_destroy'),
            { kind: 'bool', value: false, path: '', line: 0, col: 0 },
          ),
        ]),
      ]),
    ]);
    const text = formatConsoleReport(result, { ...ctx(), data: plan.root, dataText: PLAN });
    expect(text).toBe(`Evaluating data DATA against rules r.guard
Number of non-compliant resources 1
Resource = tmp {
  Type      = aws_s3_bucket
  Rule = s3_no_force_destroy {
    ALL {
      Check =  %s3_buckets[*].change.after.force_destroy EQUALS  false {
        ComparisonError {
          Error            = Check was not compliant as property value [Path=/resource_changes/1/change/after/force_destroy[L:0,C:163] Value=true] not equal to value [Path=[L:0,C:0] Value=false].
          PropertyPath    = force_destroy
          Operator        = EQUAL
          Value           = true
          ComparedWith    = false

        }
      }
    }
  }
}
`);
  });

  test('a path outside change/after falls back (null)', () => {
    const result = fileResult('DATA', 'FAIL', [
      rule('r', 'FAIL', [
        block('FAIL', [failedEq(' x', plan.at('/resource_changes/0/address'), str('y'))]),
      ]),
    ]);
    expect(formatTerraformReport(result, { ...ctx(), data: plan.root })).toBeNull();
  });

  test.each([
    { path: '/resource_changes/0/change/after/tags/env', shown: 'tags.env' },
    { path: '/resource_changes/0/type', shown: '' },
  ])('propertyOf($path)', ({ path, shown }) => {
    expect(propertyOf(path)).toBe(shown);
  });

  test('in checks render like comparisons instead of aborting', () => {
    const result = fileResult('DATA', 'FAIL', [
      rule('r', 'FAIL', [
        clause(' c', {
          kind: 'InComparison',
          comparison: cmp('In'),
          from: resolved(plan.at('/resource_changes/1/change/after/force_destroy')),
          to: [resolved(str('a')), resolved(str('b'))],
          message: null,
          customMessage: null,
          status: 'FAIL',
        }),
      ]),
    ]);
    const text = formatTerraformReport(result, { ...ctx(), data: plan.root }) ?? '';
    expect(text).toContain('          ComparedWith    = ["a", "b"]\n');
  });
});
