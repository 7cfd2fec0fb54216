import { describe, expect, test } from 'vitest';
import {
  compareRuns,
  extractResourceTypes,
  firstHunk,
  formatSummary,
  hasNotEqualBetweenQueries,
  hasYamlBooleanWords,
  normaliseOutput,
  normaliseVersion,
  rewriteYamlBooleanWords,
  sameUpToLineOrder,
  seededRandom,
  selectPairs,
  shuffled,
  sortExpectationRuns,
  templateMentionsType,
} from '../../../scripts/diff/compare.mjs';

describe('normalisation', () => {
  test.each([
    { input: 'cfn-guard 3.1.1', want: 'cfn-guard VERSION' },
    { input: '"semanticVersion": "3.1.1",', want: '"semanticVersion": "VERSION",' },
    { input: '"fullName": "cfn-guard 0.1.0"', want: '"fullName": "cfn-guard VERSION"' },
    { input: 'cfn-guard validate failed', want: 'cfn-guard validate failed' },
    { input: '"version": "3.1.1"', want: '"version": "3.1.1"' },
  ])('normaliseVersion($input)', ({ input, want }) => {
    expect(normaliseVersion(input)).toBe(want);
  });

  test('test-command expectation runs are sorted, other lines stay', () => {
    const text = [
      'Test Case #1',
      'PASS Rules:',
      '    b_rule: Expected = PASS',
      '    a_rule: Expected = PASS',
      'FAIL Rules:',
      '    d_rule: Expected = FAIL',
      '    c_rule: Expected = FAIL',
      '  No Test expectation was set for Rule z',
      '  No Test expectation was set for Rule y',
      '',
    ].join('\n');
    expect(sortExpectationRuns(text).split('\n')).toEqual([
      'Test Case #1',
      'PASS Rules:',
      '    a_rule: Expected = PASS',
      '    b_rule: Expected = PASS',
      'FAIL Rules:',
      '    c_rule: Expected = FAIL',
      '    d_rule: Expected = FAIL',
      '  No Test expectation was set for Rule y',
      '  No Test expectation was set for Rule z',
      '',
    ]);
  });

  test.each([
    { command: 'test', input: '    b: Expected = PASS\n    a: Expected = PASS', sorted: true },
    { command: 'validate', input: '    b: Expected = PASS\n    a: Expected = PASS', sorted: false },
  ])('normaliseOutput sorts expectations only for $command', ({ command, input, sorted }) => {
    const out = normaliseOutput(input, command);
    expect(out.startsWith('    a')).toBe(sorted);
  });
});

describe('comparing runs', () => {
  const run = (stdout: string, exit = 0, stderr = '') => ({ stdout, stderr, exit });

  test('equal runs are identical', () => {
    expect(compareRuns(run('a\nb\n', 19), run('a\nb\n', 19))).toEqual({ identical: true });
  });

  test.each([
    { ref: run('x\n', 19), ts: run('x\n', 0), reason: /^exit 19 \(reference\) vs 0 \(tsguard\)$/ },
    {
      ref: run('a\nb\nc\n'),
      ts: run('a\nB\nc\n'),
      reason: /^stdout line 2: reference "b" vs tsguard "B"$/,
    },
    { ref: run('', 5, 'oops\n'), ts: run('', 5, ''), reason: /^stderr line 1: reference "oops"/ },
    { ref: run('a\n'), ts: run('a'), reason: /^stdout line 2: reference "" vs tsguard "<end>"$/ },
  ])('reason for $reason', ({ ref, ts, reason }) => {
    const got = compareRuns(ref, ts);
    expect(got.identical).toBe(false);
    if (!got.identical) expect(got.reason).toMatch(reason);
  });

  test('the first hunk shows context, removals and additions', () => {
    const a = ['1', '2', '3', '4', '5', '6', '7', '8'].join('\n');
    const b = ['1', '2', '3', '4', 'five', '6', '7', '8'].join('\n');
    expect(firstHunk(`${a}\n`, `${b}\n`).split('\n')).toEqual([
      '@@ line 5 (reference -, tsguard +) @@',
      ' 2',
      ' 3',
      ' 4',
      '-5',
      '+five',
      ' 6',
      ' 7',
      ' 8',
    ]);
  });

  test('only the first of two distant hunks is shown', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `l${i}`);
    const changed = lines.map((l, i) => (i === 5 || i === 25 ? `${l}!` : l));
    const hunk = firstHunk(lines.join('\n'), changed.join('\n'));
    expect(hunk).toContain('+l5!');
    expect(hunk).not.toContain('l25!');
  });

  test('a missing final newline is visible in the hunk', () => {
    expect(firstHunk('a\n', 'a')).toContain('+a \\ (no newline at end)');
  });

  test('equal texts have no hunk', () => {
    expect(firstHunk('same\n', 'same\n')).toBe('');
  });

  test.each([
    { a: run('x\ny\n', 19), b: run('y\nx\n', 19), same: true },
    { a: run('x\ny\n', 19), b: run('y\nx\n', 0), same: false },
    { a: run('x\ny\n'), b: run('x\nx\n'), same: false },
  ])('sameUpToLineOrder %#', ({ a, b, same }) => {
    expect(sameUpToLineOrder(a, b)).toBe(same);
  });
});

describe('choosing pairs', () => {
  test.each([
    {
      rules:
        "let b = Resources.*[ Type == 'AWS::S3::Bucket' ]\nrule r when %b !empty { %b.Properties exists }",
      types: ['AWS::S3::Bucket'],
    },
    {
      rules:
        'Resources.*[ Type in ["AWS::EC2::Instance", \'AWS::AutoScaling::LaunchConfiguration\'] ]',
      types: ['AWS::AutoScaling::LaunchConfiguration', 'AWS::EC2::Instance'],
    },
    { rules: 'rule r { Parameters exists }', types: [] },
  ])('extractResourceTypes finds $types', ({ rules, types }) => {
    expect(extractResourceTypes(rules)).toEqual(types);
  });

  test.each([
    { text: 'Type: AWS::S3::Bucket\n', type: 'AWS::S3::Bucket', hit: true },
    { text: '"Type": "AWS::S3::Bucket"', type: 'AWS::S3::Bucket', hit: true },
    { text: 'Type: AWS::S3::BucketPolicy\n', type: 'AWS::S3::Bucket', hit: false },
    { text: 'Type: Custom::AWS::S3::Bucket\n', type: 'AWS::S3::Bucket', hit: false },
  ])('templateMentionsType($text)', ({ text, type, hit }) => {
    expect(templateMentionsType(text, type)).toBe(hit);
  });

  test('the seeded random source is reproducible and in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(shuffled([1, 2, 3, 4, 5], seededRandom(3)).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  const templates = [
    { path: 't/bucket.yaml', text: 'Type: AWS::S3::Bucket' },
    { path: 't/bucket-big.yaml', text: `Type: AWS::S3::Bucket\n${'#'.repeat(100)}` },
    { path: 't/queue.yaml', text: 'Type: AWS::SQS::Queue' },
    { path: 't/both.yaml', text: 'Type: AWS::SQS::Queue\nType: AWS::S3::Bucket' },
  ];
  const rules = [
    { path: 'r/s3.guard', text: "Resources.*[ Type == 'AWS::S3::Bucket' ]" },
    { path: 'r/sqs.guard', text: "Resources.*[ Type == 'AWS::SQS::Queue' ]" },
    { path: 'r/none.guard', text: "Resources.*[ Type == 'AWS::Nope::Thing' ]" },
  ];

  test('pairs only templates holding the rule’s types, interleaved by rule', () => {
    const pairs = selectPairs(rules, templates, { perRule: 2, seed: 1 });
    const s3 = pairs.filter((p) => p.rules === 'r/s3.guard');
    const sqs = pairs.filter((p) => p.rules === 'r/sqs.guard');
    expect(s3).toHaveLength(2);
    expect(s3.every((p) => p.matched && p.template !== 't/queue.yaml')).toBe(true);
    expect(sqs.map((p) => p.template).sort()).toEqual(['t/both.yaml', 't/queue.yaml']);
    const none = pairs.filter((p) => p.rules === 'r/none.guard');
    expect(none.every((p) => !p.matched)).toBe(true);
    expect(pairs.slice(0, 3).map((p) => p.rules)).toEqual([
      'r/none.guard',
      'r/s3.guard',
      'r/sqs.guard',
    ]);
  });

  test('the same seed gives the same pairs; limit cuts', () => {
    expect(selectPairs(rules, templates, { seed: 9 })).toEqual(
      selectPairs(rules, templates, { seed: 9 }),
    );
    expect(selectPairs(rules, templates, { limit: 2 })).toHaveLength(2);
  });
});

describe('3.2.0 divergence detectors', () => {
  test.each([
    { text: 'a:\n  Enabled: yes\n', has: true, rewritten: 'a:\n  Enabled: true\n' },
    { text: 'list:\n  - off # comment\n', has: true, rewritten: 'list:\n  - false # comment\n' },
    { text: 'Key: "yes"\nOther: n\n', has: true, rewritten: 'Key: "yes"\nOther: false\n' },
    {
      text: 'Key: yesterday\nDesc: say no more\n',
      has: false,
      rewritten: 'Key: yesterday\nDesc: say no more\n',
    },
  ])('YAML boolean words in $text', ({ text, has, rewritten }) => {
    expect(hasYamlBooleanWords(text)).toBe(has);
    expect(rewriteYamlBooleanWords(text)).toBe(rewritten);
  });

  test.each([
    { rules: 'Properties.A != %role', has: true },
    { rules: 'Properties.A != Properties.B', has: true },
    { rules: "Properties.A != 'literal'", has: false },
    { rules: 'Properties.A != 3 # not != %x', has: false },
  ])('`!=` between queries in $rules', ({ rules, has }) => {
    expect(hasNotEqualBetweenQueries(rules)).toBe(has);
  });
});

test('formatSummary counts and lists', () => {
  const summary = formatSummary([
    { rules: 'a.guard', template: 't1.yaml', verdict: 'identical', reason: '' },
    { rules: 'a.guard', template: 't2.yaml', verdict: 'by-design', reason: 'C4' },
    { rules: 'b.guard', template: 't1.yaml', verdict: 'different', reason: 'exit 19 vs 0' },
  ]);
  expect(summary.split('\n')).toEqual([
    '1 identical of 3 pairs',
    '1 agree by documented 3.2.0 design:',
    '  BY-DESIGN a.guard × t2.yaml: C4',
    '1 differ:',
    '  DIFF b.guard × t1.yaml: exit 19 vs 0',
  ]);
});
