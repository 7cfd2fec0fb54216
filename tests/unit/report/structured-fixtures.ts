/**
 * Hand-built file reports for the structured/JUnit/SARIF tests: one
 * failure of every ClauseReport variant, with real values (loaded from a
 * small YAML document, so paths and 0-based positions are the loader's).
 */
import { formatPathValue } from '../../../src/data/display.js';
import type { Value } from '../../../src/data/value.js';
import { unresolved } from '../../../src/eval/query-result.js';
import type { Status } from '../../../src/eval/status.js';
import type {
  BinaryClauseReport,
  BlockReport,
  ClauseReport,
  FileReport,
  Messages,
  RuleReport,
  UnaryClauseReport,
} from '../../../src/report/file-report.js';
import { int, load, str } from './helpers.js';

export const DATA = load(`Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      Name: "x<y>&'\\"]]>z"
      Size: 3
`);

export function messages(
  customMessage: string | null,
  errorMessage: string | null,
  location: { line: number; col: number } | null = null,
): Messages {
  return { customMessage, errorMessage, location };
}

export function binaryEq(from: Value, to: Value, custom = ''): BinaryClauseReport {
  return {
    kind: 'BinaryClause',
    context: ' x EQUALS  y',
    messages: messages(
      custom,
      `Check was not compliant as property value [${formatPathValue(from)}] not equal to value [${formatPathValue(to)}].`,
      { line: to.line, col: to.col },
    ),
    check: { kind: 'Resolved', from, to, comparison: { op: 'Eq', negated: false } },
  };
}

export function inClause(
  from: Value,
  to: Value[],
  custom: string | null = null,
): BinaryClauseReport {
  return {
    kind: 'BinaryClause',
    context: ' x IN  y',
    messages: messages(
      custom,
      'Check was not compliant as property [/x] was not present in [...]',
      {
        line: from.line,
        col: from.col,
      },
    ),
    check: { kind: 'InResolved', from, to, comparison: { op: 'In', negated: false } },
  };
}

export function missingProperty(at: Value, remaining: string, custom = ''): UnaryClauseReport {
  return {
    kind: 'UnaryClause',
    context: ` ${remaining} EXISTS  `,
    messages: messages(
      custom,
      `Check was not compliant as property [${remaining}] is missing. Value traversed to [${formatPathValue(at)}].`,
      { line: at.line, col: at.col },
    ),
    check: {
      kind: 'UnResolved',
      value: unresolved(at, remaining, `Could not find key ${remaining}`),
      comparison: { op: 'Exists', negated: false },
    },
  };
}

export function dependentRule(name: string): UnaryClauseReport {
  return {
    kind: 'UnaryClause',
    context: name,
    messages: messages(
      '',
      `Check was not compliant as dependent rule [${name}] did not PASS. Context [${name}]`,
    ),
    check: { kind: 'UnResolvedContext', context: name },
  };
}

export function emptyBlock(): BlockReport {
  return {
    kind: 'Block',
    context: 'GuardAccessClause#block Resources.*',
    messages: messages(null, 'query for block clause did not retrieve any value'),
    unresolved: null,
  };
}

export function unresolvedBlock(at: Value, remaining: string): BlockReport {
  return {
    kind: 'Block',
    context: `GuardAccessClause#block ${remaining}`,
    messages: messages(
      '',
      `Check was not compliant as property [${remaining}] is missing. Value traversed to [${formatPathValue(at)}]`,
    ),
    unresolved: unresolved(at, remaining, 'gone'),
  };
}

export function ruleReport(name: string, checks: ClauseReport[]): RuleReport {
  return { kind: 'Rule', name, metadata: new Map(), messages: messages(null, null), checks };
}

export function fileReport(
  name: string,
  status: Status,
  notCompliant: ClauseReport[] = [],
  compliant: string[] = [],
  notApplicable: string[] = [],
): FileReport {
  return { name, metadata: new Map(), status, notCompliant, notApplicable, compliant };
}

/** A FAIL report holding every ClauseReport variant once. */
export function everyVariant(name = '/data/template.yaml'): FileReport {
  const bucket = DATA.at('/Resources/B/Properties');
  const size = DATA.at('/Resources/B/Properties/Size');
  const nameValue = DATA.at('/Resources/B/Properties/Name');
  return fileReport(
    name,
    'FAIL',
    [
      ruleReport('rules.guard/default', [binaryEq(size, int(4), 'size must be 4')]),
      ruleReport('in_rule', [inClause(nameValue, [str('a'), str('b')])]),
      ruleReport('exists_rule', [missingProperty(bucket, 'Encryption', 'needs encryption')]),
      ruleReport('or_rule', [
        { kind: 'Disjunctions', checks: [binaryEq(size, int(1)), missingProperty(bucket, 'Tags')] },
      ]),
      ruleReport('block_rule', [emptyBlock(), unresolvedBlock(bucket, 'Logging.Bucket')]),
      ruleReport('ref_rule', [dependentRule('other_rule')]),
      ruleReport('resolved_unary', [
        {
          kind: 'UnaryClause',
          context: ' Size EMPTY  ',
          messages: messages(
            '',
            'Check was not compliant as property [/Resources/B/Properties/Size] was not empty.',
            { line: 0, col: 0 },
          ),
          check: { kind: 'Resolved', value: size, comparison: { op: 'Empty', negated: true } },
        },
      ]),
      ruleReport('unresolved_rhs', [
        {
          kind: 'BinaryClause',
          context: ' Size EQUALS  %x',
          messages: messages(
            '',
            'Check was not compliant as property [y] to compare to is missing.',
            { line: 3, col: 4 },
          ),
          check: {
            kind: 'UnResolved',
            value: unresolved(bucket, 'y', 'missing'),
            comparison: { op: 'Eq', negated: false },
          },
        },
      ]),
    ],
    ['pass_rule'],
    ['skip_rule'],
  );
}
