import { describe, expect, test } from 'vitest';
import type { AccessClause, Rule, RuleClause } from '../../../src/syntax/index.js';
import { parseRulesFile } from '../../../src/syntax/index.js';

function parseOk(text: string) {
  const outcome = parseRulesFile(text, 'r.guard');
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.compat}`);
  return outcome.file;
}

function firstClause(text: string): RuleClause {
  const file = parseOk(text);
  const rule = file?.rules[0] as Rule;
  return rule.block.conjunctions[0]?.[0] as RuleClause;
}

describe('parseRulesFile: accepted inputs', () => {
  test.each([
    { name: 'empty file', text: '' },
    { name: 'comments only (LEX-02)', text: '# a\n   # b\n' },
  ])('$name has no rules', ({ text }) => {
    expect(parseOk(text)).toBeNull();
  });

  test.each([
    { text: 'x == 1e+5', kind: 'Float', value: 1e5 },
    { text: 'x == 1.5e2', kind: 'Float', value: 150 },
    { text: 'x == -7', kind: 'Int', value: -7 },
    { text: "x == 'it\\'s'", kind: 'String', value: "it's" },
    { text: 'x == "a\\b"', kind: 'String', value: 'a\\b' },
    { text: 'x == True', kind: 'Bool', value: true },
    { text: 'x == NULL', kind: 'Null', value: undefined },
  ])('literal $text (LIT-*)', ({ text, kind, value }) => {
    const clause = firstClause(text) as AccessClause;
    expect(clause.compareWith?.kind).toBe('LiteralValue');
    const lit = clause.compareWith?.kind === 'LiteralValue' ? clause.compareWith.literal : null;
    expect(lit?.kind).toBe(kind);
    if (value !== undefined) expect((lit as { value: unknown }).value).toBe(value);
  });

  test.each([
    { text: 'x !exists', op: 'Exists', negated: true },
    { text: 'x NOT EXISTS', op: 'Exists', negated: true },
    { text: 'x not  in [1]', op: 'In', negated: true },
    { text: 'x !in [1]', op: 'In', negated: true },
    { text: 'x is_struct', op: 'IsMap', negated: false },
    { text: 'x != 1', op: 'Eq', negated: true },
    { text: 'x >= 1', op: 'Ge', negated: false },
  ])('operator in $text (OP-02)', ({ text, op, negated }) => {
    const clause = firstClause(text) as AccessClause;
    expect(clause.comparator).toEqual({ op, negated });
  });

  test('locations are 1-based and count characters, function calls count bytes', () => {
    const file = parseOk('let f = count(x)\nrule r {\n  "é" == 1 or y == to_upper(z)\n}\n');
    const rule = file?.rules[0] as Rule;
    const [a, b] = rule.block.conjunctions[0] as [AccessClause, AccessClause];
    expect(a.location).toEqual({ line: 3, column: 3 });
    expect(b.location).toEqual({ line: 3, column: 15 });
    expect(b.compareWith?.kind === 'FunctionCall' && b.compareWith.location).toEqual({
      line: 3,
      column: 21,
    });
  });

  test('a variable followed by more parts gets an implicit [*] (QRY-10)', () => {
    const clause = firstClause('%v.x exists') as AccessClause;
    expect(clause.query.parts.map((p) => p.kind)).toEqual(['Variable', 'AllIndices', 'Key']);
    expect(clause.query.parts[1]).toMatchObject({ implicit: true });
  });

  test('top-level clauses, when and type blocks form the default rule first (DSL-02)', () => {
    const file = parseOk(
      'rule a { x exists }\nAWS::S3::Bucket { y exists }\nwhen z exists { w exists }\n',
    );
    expect(file?.rules.map((r) => r.name)).toEqual(['default', 'a']);
    expect(file?.rules[0]?.block.conjunctions.map((d) => d[0]?.kind)).toEqual([
      'TypeBlock',
      'WhenBlock',
    ]);
  });

  test('parameterized rules and calls (DSL-09, DSL-10)', () => {
    const file = parseOk('rule p(a, b) { %a == %b }\nrule u { p(1, x.y) <<m>> }\n');
    expect(file?.parameterizedRules[0]?.parameters).toEqual(['a', 'b']);
    const call = file?.rules[0]?.block.conjunctions[0]?.[0];
    expect(call).toMatchObject({ kind: 'ParameterizedRuleCall', rule: 'p', customMessage: 'm' });
  });

  test('now() parses in 3.2.0 (FN-14)', () => {
    const file = parseOk('let t = now()\nrule r { %t exists }\n');
    expect(file?.assignments[0]?.value).toMatchObject({
      kind: 'FunctionCall',
      name: 'now',
      args: [],
    });
  });
});

const RHS =
  'expecting either a property access "engine.core" or value like "string" or ["this", "that"]';

describe('parseRulesFile: rejected inputs (ERR-01)', () => {
  test.each([
    {
      name: 'unclosed rule block',
      text: 'rule broken {\n    Resources exists\n',
      code: 'SYNTAX_UNEXPECTED_TOKEN',
      line: 3,
      column: 1,
      context: '',
    },
    {
      name: 'empty rule block',
      text: 'rule empty {\n}\n',
      code: 'SYNTAX_UNEXPECTED_TOKEN',
      line: 1,
      column: 13,
      context: '',
    },
    {
      name: 'missing right-hand side',
      text: 'rule r {\n    Resources.*.Type ==\n}\n',
      code: 'SYNTAX_UNEXPECTED_TOKEN',
      line: 2,
      column: 24,
      context: RHS,
    },
    {
      name: 'unterminated message',
      text: 'rule r {\n    Resources exists << never closed\n}\n',
      code: 'SYNTAX_UNTERMINATED_MESSAGE',
      line: 2,
      column: 24,
      context: 'Unable to find a closing >> tag for message',
    },
    {
      name: 'unterminated string',
      text: "rule r {\n    Resources.*.Type == 'AWS::S3::Bucket\n}\n",
      code: 'SYNTAX_UNTERMINATED_STRING',
      line: 2,
      column: 24,
      context: RHS,
    },
    {
      name: 'unknown operator read as a rule reference',
      text: 'rule r {\n    Resources.*.Type ~= "x"\n}\n',
      code: 'SYNTAX_UNEXPECTED_TOKEN',
      line: 2,
      column: 14,
      context: '',
    },
    {
      name: 'rule reference before } on one line (DSL-08)',
      text: 'rule x { other }\n',
      code: 'SYNTAX_UNEXPECTED_TOKEN',
      line: 1,
      column: 16,
      context: '',
    },
    {
      name: 'mixed range bounds (LIT-07)',
      text: 'x in r[1,a]\n',
      code: 'SYNTAX_INVALID_RANGE',
      line: 1,
      column: 5,
      context: `${RHS}/Could not parse range`,
    },
    {
      name: 'keyword prefix trap (LEX-07)',
      text: 'x == nullable\n',
      code: 'SYNTAX_UNEXPECTED_TOKEN',
      line: 1,
      column: 10,
      context: '',
    },
  ])('$name', ({ text, code, line, column, context }) => {
    const outcome = parseRulesFile(text, 'rules.guard');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const { error } = outcome;
    expect(error.code).toBe(code);
    expect(error.position).toEqual({ file: 'rules.guard', line, column });
    const offset =
      text
        .split('\n')
        .slice(0, line - 1)
        .join('\n').length +
      (line > 1 ? 1 : 0) +
      column -
      1;
    expect(error.compat).toBe(
      `Parsing Error Error parsing file rules.guard at line ${line} at column ${column}, when handling ${context}, fragment ${text.slice(offset)}`,
    );
    expect(error.message.length).toBeGreaterThan(0);
  });

  // FN-01 (3.2.0 parse-time checks): tsguard names the function and points at the
  // call instead of 3.2.0's generic failure at the `(` (issue 3).
  test.each([
    {
      text: 'let x = no_such_fn(Resources.*)\n',
      code: 'SYNTAX_UNKNOWN_FUNCTION',
      message: "No function with the name 'no_such_fn' exists.",
    },
    {
      text: 'let x = substring(Resources.*.Properties.BucketName, 0)\n',
      code: 'SYNTAX_FUNCTION_ARITY',
      message: 'function: substring requires: 3 parameters to be passed, but received: 2',
    },
  ])('bad call $code names the function at its start', ({ text, code, message }) => {
    const outcome = parseRulesFile(text, 'rules.guard');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe(code);
    expect(outcome.error.message).toBe(message);
    expect(outcome.error.position).toEqual({ file: 'rules.guard', line: 1, column: 9 });
    expect(outcome.error.compat).toBe(
      `Parsing Error Error parsing file rules.guard at line 1 at column 9, when handling function call, ${message}`,
    );
  });

  test.each([
    { name: 'nested filters', text: `${'a[ '.repeat(400)}x == 1${' ] exists'.repeat(400)}` },
    { name: 'nested lists', text: `x == ${'['.repeat(20000)}${']'.repeat(20000)}` },
    { name: 'nested blocks', text: `rule a { ${'x { '.repeat(3000)}${'}'.repeat(3001)}` },
  ])('too deep: $name', ({ text }) => {
    const outcome = parseRulesFile(text, '');
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('SYNTAX_TOO_DEEP');
  });
});
