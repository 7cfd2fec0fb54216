/**
 * Print-json (OUT-PJ-01) from hand-built record trees. Expected shapes come
 * from `fmt-verbose-print-json` and runs of the reference binary.
 */
import { describe, expect, test } from 'vitest';
import type { Value } from '../../../src/data/value.js';
import { GuardError } from '../../../src/diag/errors.js';
import { literalResult, resolved, unresolved } from '../../../src/eval/query-result.js';
import type { EventRecord, RecordType } from '../../../src/eval/result.js';
import { toJsonCompact } from '../../../src/report/json-writer.js';
import {
  eventRecordJson,
  formatPrintJson,
  recordTypeJson,
  writePrintJson,
} from '../../../src/report/print-json.js';

const at = (path = '') => ({ path, line: 3, col: 4 });
const str = (value: string, path = ''): Value => ({ kind: 'string', value, ...at(path) });
const flt = (value: number, path = ''): Value => ({ kind: 'float', value, ...at(path) });
const blockCheck = { status: 'FAIL', atLeastOneMatches: true, message: null } as const;

describe('container JSON per record type', () => {
  test.each<{ name: string; record: RecordType; expected: string }>([
    {
      name: 'FileCheck',
      record: { kind: 'FileCheck', name: '/d.yaml', status: 'FAIL', message: null },
      expected: '{"FileCheck":{"name":"/d.yaml","status":"FAIL","message":null}}',
    },
    {
      name: 'RuleCheck',
      record: { kind: 'RuleCheck', name: 'r', status: 'SKIP', message: 'm' },
      expected: '{"RuleCheck":{"name":"r","status":"SKIP","message":"m"}}',
    },
    {
      name: 'RuleCondition',
      record: { kind: 'RuleCondition', status: 'PASS' },
      expected: '{"RuleCondition":"PASS"}',
    },
    {
      name: 'TypeCheck',
      record: { kind: 'TypeCheck', typeName: 'AWS::S3::Bucket', block: blockCheck },
      expected:
        '{"TypeCheck":{"type_name":"AWS::S3::Bucket","block":{"at_least_one_matches":true,"status":"FAIL","message":null}}}',
    },
    {
      name: 'TypeCondition',
      record: { kind: 'TypeCondition', status: 'FAIL' },
      expected: '{"TypeCondition":"FAIL"}',
    },
    {
      name: 'TypeBlock',
      record: { kind: 'TypeBlock', status: 'PASS' },
      expected: '{"TypeBlock":"PASS"}',
    },
    { name: 'Filter', record: { kind: 'Filter', status: 'FAIL' }, expected: '{"Filter":"FAIL"}' },
    {
      name: 'WhenCheck',
      record: { kind: 'WhenCheck', block: blockCheck },
      expected: '{"WhenCheck":{"at_least_one_matches":true,"status":"FAIL","message":null}}',
    },
    {
      name: 'WhenCondition',
      record: { kind: 'WhenCondition', status: 'SKIP' },
      expected: '{"WhenCondition":"SKIP"}',
    },
    {
      name: 'Disjunction',
      record: { kind: 'Disjunction', block: blockCheck },
      expected: '{"Disjunction":{"at_least_one_matches":true,"status":"FAIL","message":null}}',
    },
    {
      name: 'BlockGuardCheck',
      record: { kind: 'BlockGuardCheck', block: blockCheck },
      expected: '{"BlockGuardCheck":{"at_least_one_matches":true,"status":"FAIL","message":null}}',
    },
    {
      name: 'GuardClauseBlockCheck',
      record: { kind: 'GuardClauseBlockCheck', block: blockCheck },
      expected:
        '{"GuardClauseBlockCheck":{"at_least_one_matches":true,"status":"FAIL","message":null}}',
    },
    {
      name: 'Success is a bare string',
      record: { kind: 'ClauseValueCheck', check: { kind: 'Success' } },
      expected: '{"ClauseValueCheck":"Success"}',
    },
    {
      name: 'NoValueForEmptyCheck holds the optional message',
      record: {
        kind: 'ClauseValueCheck',
        check: { kind: 'NoValueForEmptyCheck', customMessage: null },
      },
      expected: '{"ClauseValueCheck":{"NoValueForEmptyCheck":null}}',
    },
    {
      name: 'Comparison; a literal right-hand side prints as Resolved; floats stay floats',
      record: {
        kind: 'ClauseValueCheck',
        check: {
          kind: 'Comparison',
          comparison: { op: 'Ge', negated: true },
          from: resolved(flt(2, '/a')),
          to: literalResult(flt(1.5)),
          message: 'msg',
          customMessage: 'custom',
          status: 'FAIL',
        },
      },
      expected:
        '{"ClauseValueCheck":{"Comparison":{"comparison":["Ge",true],"from":{"Resolved":{"path":"/a","value":2.0}},"to":{"Resolved":{"path":"","value":1.5}},"message":"msg","custom_message":"custom","status":"FAIL"}}}',
    },
    {
      name: 'Comparison from an unresolved query has `to: null`',
      record: {
        kind: 'ClauseValueCheck',
        check: {
          kind: 'Comparison',
          comparison: { op: 'Eq', negated: false },
          from: unresolved(str('x', '/r'), 'missing', 'Could not find key missing'),
          to: null,
          message: null,
          customMessage: null,
          status: 'FAIL',
        },
      },
      expected:
        '{"ClauseValueCheck":{"Comparison":{"comparison":["Eq",false],"from":{"UnResolved":{"traversed_to":{"path":"/r","value":"x"},"remaining_query":"missing","reason":"Could not find key missing"}},"to":null,"message":null,"custom_message":null,"status":"FAIL"}}}',
    },
    {
      name: 'InComparison has a list of results',
      record: {
        kind: 'ClauseValueCheck',
        check: {
          kind: 'InComparison',
          comparison: { op: 'In', negated: false },
          from: resolved(str('a', '/a')),
          to: [resolved(str('b')), resolved(str('c'))],
          message: null,
          customMessage: null,
          status: 'FAIL',
        },
      },
      expected:
        '{"ClauseValueCheck":{"InComparison":{"comparison":["In",false],"from":{"Resolved":{"path":"/a","value":"a"}},"to":[{"Resolved":{"path":"","value":"b"}},{"Resolved":{"path":"","value":"c"}}],"message":null,"custom_message":null,"status":"FAIL"}}}',
    },
    {
      name: 'Unary: value first, then comparison',
      record: {
        kind: 'ClauseValueCheck',
        check: {
          kind: 'Unary',
          comparison: { op: 'Exists', negated: false },
          value: {
            from: resolved(str('a', '/a')),
            message: null,
            customMessage: 'must',
            status: 'FAIL',
          },
        },
      },
      expected:
        '{"ClauseValueCheck":{"Unary":{"value":{"from":{"Resolved":{"path":"/a","value":"a"}},"message":null,"custom_message":"must","status":"FAIL"},"comparison":["Exists",false]}}}',
    },
    {
      name: 'DependentRule',
      record: {
        kind: 'ClauseValueCheck',
        check: {
          kind: 'DependentRule',
          rule: 'other',
          message: null,
          customMessage: null,
          status: 'FAIL',
        },
      },
      expected:
        '{"ClauseValueCheck":{"DependentRule":{"rule":"other","message":null,"custom_message":null,"status":"FAIL"}}}',
    },
    {
      name: 'MissingBlockValue',
      record: {
        kind: 'ClauseValueCheck',
        check: {
          kind: 'MissingBlockValue',
          value: {
            from: unresolved(str('x', '/r'), 'P', 'why'),
            message: 'm',
            customMessage: null,
            status: 'FAIL',
          },
        },
      },
      expected:
        '{"ClauseValueCheck":{"MissingBlockValue":{"from":{"UnResolved":{"traversed_to":{"path":"/r","value":"x"},"remaining_query":"P","reason":"why"}},"message":"m","custom_message":null,"status":"FAIL"}}}',
    },
  ])('$name', ({ record, expected }) => {
    expect(toJsonCompact(recordTypeJson(record))).toBe(expected);
  });
});

describe('whole tree', () => {
  const tree: EventRecord = {
    context: 'File(rules=1)',
    record: { kind: 'FileCheck', name: '/CASE_DIR/template.yaml', status: 'SKIP', message: null },
    children: [
      {
        context: 'dynamodb_pitr',
        record: { kind: 'RuleCheck', name: 'dynamodb_pitr', status: 'SKIP', message: null },
        children: [
          {
            context: ' %tables not EMPTY  ',
            record: {
              kind: 'ClauseValueCheck',
              check: { kind: 'NoValueForEmptyCheck', customMessage: null },
            },
            children: [],
          },
        ],
      },
    ],
  };
  // Node layout as in fmt-verbose-print-json, then the `writeln!` newline.
  const expected = `{
  "context": "File(rules=1)",
  "container": {
    "FileCheck": {
      "name": "/CASE_DIR/template.yaml",
      "status": "SKIP",
      "message": null
    }
  },
  "children": [
    {
      "context": "dynamodb_pitr",
      "container": {
        "RuleCheck": {
          "name": "dynamodb_pitr",
          "status": "SKIP",
          "message": null
        }
      },
      "children": [
        {
          "context": " %tables not EMPTY  ",
          "container": {
            "ClauseValueCheck": {
              "NoValueForEmptyCheck": null
            }
          },
          "children": []
        }
      ]
    }
  ]
}
`;

  test('pretty JSON followed by one newline', () => {
    expect(formatPrintJson(tree)).toBe(expected);
  });

  test('writePrintJson appends to existing chunks', () => {
    const out = ['---\n'];
    writePrintJson(tree, out);
    expect(out.join('')).toBe(`---\n${expected}`);
  });

  test('contexts are JSON-escaped', () => {
    const leaf: EventRecord = {
      context: ' Type EQUALS  "A\\B"',
      record: { kind: 'ClauseValueCheck', check: { kind: 'Success' } },
      children: [],
    };
    expect(toJsonCompact(eventRecordJson(leaf))).toBe(
      '{"context":" Type EQUALS  \\"A\\\\B\\"","container":{"ClauseValueCheck":"Success"},"children":[]}',
    );
  });

  test('an open node has a null container', () => {
    expect(toJsonCompact(eventRecordJson({ context: 'x', record: null, children: [] }))).toBe(
      '{"context":"x","container":null,"children":[]}',
    );
  });

  test('a non-finite float fails like the reference (dsl-yaml-inf-nan-values)', () => {
    const leaf: EventRecord = {
      context: 'c',
      record: {
        kind: 'ClauseValueCheck',
        check: {
          kind: 'Unary',
          comparison: { op: 'IsString', negated: false },
          value: {
            from: resolved(flt(Number.POSITIVE_INFINITY, '/v')),
            message: null,
            customMessage: null,
            status: 'FAIL',
          },
        },
      },
      children: [],
    };
    expect(() => formatPrintJson(leaf)).toThrow(GuardError);
    try {
      formatPrintJson(leaf);
    } catch (e) {
      expect((e as GuardError).compat).toBe(
        'Types or variable assignments are incompatible `Could not convert float inf to serde::Value::Number`',
      );
    }
  });
});
