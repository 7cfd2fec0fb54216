/**
 * The rules-file grammar's top level (DSL-01..DSL-03, DSL-09, DSL-11) and the
 * conversion of a parse failure into a GuardError whose `compat` text is the
 * reference's (ERR-01).
 */
import type { ErrorCode } from '../diag/codes.js';
import { GuardError } from '../diag/errors.js';
import { span } from '../diag/span.js';
import type {
  Block,
  GuardClause,
  LetExpr,
  ParameterizedRule,
  QueryPart,
  Rule,
  RuleClause,
  RulesFile,
  TypeBlock,
  WhenBlock,
} from './ast.js';
import {
  CTX_MESSAGE,
  parseBlock,
  parseClause,
  parseClauseOrRuleRef,
  parseDisjunction,
  parseOptionalWhen,
  parseWhenBlock,
} from './parse-clause.js';
import { parseAssignment } from './parse-let.js';
import {
  afterTrivia,
  commit,
  Fail,
  isBlank,
  locate,
  MAX_DEPTH,
  miss,
  nameEnd,
  parseName,
  requireTrivia,
  State,
  skipTrivia,
} from './state.js';

export type ParseOutcome =
  | { readonly ok: true; readonly file: RulesFile | null }
  | { readonly ok: false; readonly error: GuardError };

/** `Name::Name::Name[::MODULE]` or `Name::Name` (DSL-11). */
function parseTypeName(st: State): string | Fail {
  const start = st.pos;
  const parts: string[] = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0 && !st.eat('::')) break;
    const name = parseName(st);
    if (name instanceof Fail) break;
    parts.push(name);
  }
  if (parts.length === 3) {
    st.eat('::MODULE');
    return parts.join('::');
  }
  st.pos = start;
  const first = parseName(st);
  if (first instanceof Fail) return first;
  if (!st.eat('::')) return miss(st.pos);
  const second = parseName(st);
  if (second instanceof Fail) return second;
  return `${first}::${second}`;
}

/** The query a type block stands for: `Resources.*[ Type == '<name>' ]` (DSL-11). */
function typeBlockQuery(
  typeName: string,
  start: number,
  location: { line: number; column: number },
): QueryPart[] {
  const at = span(start, start);
  return [
    { kind: 'Key', name: 'Resources', span: at },
    { kind: 'AllValues', capture: null, span: at },
    {
      kind: 'Filter',
      capture: null,
      conjunctions: [
        [
          {
            kind: 'AccessClause',
            query: { parts: [{ kind: 'Key', name: 'Type', span: at }], matchAll: true, span: at },
            comparator: { op: 'Eq', negated: false },
            compareWith: {
              kind: 'LiteralValue',
              literal: { kind: 'String', value: typeName, span: at },
              span: at,
            },
            customMessage: null,
            negation: false,
            location,
            span: at,
          },
        ],
      ],
      span: at,
    },
  ];
}

/** `AWS::S3::Bucket [when …] { … }` or `AWS::S3::Bucket clause` (DSL-11). */
function parseTypeBlock(st: State): TypeBlock | Fail {
  const start = st.pos;
  const typeName = parseTypeName(st);
  if (typeName instanceof Fail) return typeName;
  // Located before the block is read, which `locate` finds cheaper (it
  // counts lines from its previous lookup).
  const location = locate(st, start);
  const ws = requireTrivia(st);
  if (ws) return commit(ws);
  const conditions = parseOptionalWhen(st);
  if (conditions instanceof Fail) return conditions;
  let block: Block<GuardClause>;
  if (conditions !== null) {
    const b = parseBlock(st, parseClause);
    if (b instanceof Fail) return commit(b);
    block = b;
  } else {
    const beforeBlock = st.pos;
    const b = parseBlock(st, parseClause);
    if (!(b instanceof Fail)) {
      block = b;
    } else {
      if (b.fatal) return b;
      st.pos = beforeBlock;
      skipTrivia(st);
      const single = parseClause(st);
      if (single instanceof Fail) return commit(single);
      block = { assignments: [], conjunctions: [[single]] };
    }
  }
  return {
    kind: 'TypeBlock',
    typeName,
    conditions,
    block,
    query: typeBlockQuery(typeName, start, location),
    span: span(start, st.pos),
  };
}

/** A `when` block directly in a rule body (its body may hold rule references). */
function parseRuleWhen(st: State): WhenBlock | Fail {
  return parseWhenBlock(st, parseClauseOrRuleRef);
}

/**
 * Whether a type name (`Name::…`) starts after trivia: a type block cannot
 * get past its first token otherwise, and fails recoverably untried.
 */
function typeNameAhead(st: State): boolean {
  const text = st.text;
  const at = afterTrivia(text, st.pos);
  const end = nameEnd(text, at);
  return end > at && text.charCodeAt(end) === 0x3a && text.charCodeAt(end + 1) === 0x3a;
}

/** Whether `when`/`WHEN` starts after trivia. */
function whenAhead(st: State): boolean {
  const text = st.text;
  const at = afterTrivia(text, st.pos);
  return text.startsWith('when', at) || text.startsWith('WHEN', at);
}

/**
 * Anything a rule body may hold (DSL-03): a type block, a when block, else a
 * clause or rule reference, whose failure is the one reported. The first two
 * are only tried when their opening token is there (they would otherwise fail
 * recoverably, with no side effect).
 */
function parseRuleBodyClause(st: State): RuleClause | Fail {
  const start = st.pos;
  if (typeNameAhead(st)) {
    skipTrivia(st);
    const t = parseTypeBlock(st);
    if (!(t instanceof Fail) || t.fatal) return t;
    st.pos = start;
  }
  if (whenAhead(st)) {
    const w = parseRuleWhen(st);
    if (!(w instanceof Fail) || w.fatal) return w;
    st.pos = start;
  }
  skipTrivia(st);
  const c = parseClauseOrRuleRef(st);
  if (c instanceof Fail && !c.fatal) st.pos = start;
  return c;
}

/** `rule` followed by at least one blank; recoverable when absent. */
function parseRuleKeyword(st: State): Fail | null {
  skipTrivia(st);
  if (!st.eat('rule')) return miss(st.pos);
  return requireTrivia(st);
}

/**
 * `(a, b, …)`: names separated by commas, blanks allowed; repeats are dropped.
 * Once `(` is read, each name and the `)` are required (fatal otherwise).
 */
function parseParameterNames(st: State): string[] | Fail {
  if (!st.eat('(')) return miss(st.pos);
  const names: string[] = [];
  for (;;) {
    while (isBlank(st.peek())) st.pos++;
    const name = parseName(st);
    if (name instanceof Fail) return commit(name);
    while (isBlank(st.peek())) st.pos++;
    if (!names.includes(name)) names.push(name);
    if (!st.eat(',')) break;
  }
  if (!st.eat(')')) return commit(miss(st.pos));
  return names;
}

/** `rule name(params) { body }` (DSL-09). */
function parseParameterizedRule(st: State): ParameterizedRule | Fail {
  const kw = parseRuleKeyword(st);
  if (kw) return kw;
  const start = st.pos;
  const name = parseName(st);
  if (name instanceof Fail) return commit(name);
  const parameters = parseParameterNames(st);
  if (parameters instanceof Fail) return parameters;
  const block = parseBlock(st, parseRuleBodyClause);
  if (block instanceof Fail) return commit(block);
  const rule: Rule = {
    kind: 'Rule',
    name,
    implicit: false,
    conditions: null,
    block,
    span: span(start, st.pos),
  };
  return { kind: 'ParameterizedRule', parameters, rule, span: span(start, st.pos) };
}

/** `rule name [when …] { body }` (DSL-03). */
function parseNamedRule(st: State): Rule | Fail {
  const kw = parseRuleKeyword(st);
  if (kw) return kw;
  const start = st.pos;
  const name = parseName(st);
  if (name instanceof Fail) return commit(name);
  const conditions = parseOptionalWhen(st);
  if (conditions instanceof Fail) return conditions;
  const block = parseBlock(st, parseRuleBodyClause);
  if (block instanceof Fail) return commit(block);
  return { kind: 'Rule', name, implicit: false, conditions, block, span: span(start, st.pos) };
}

type TopItem =
  | { readonly kind: 'let'; readonly value: LetExpr }
  | { readonly kind: 'rule'; readonly value: Rule }
  | { readonly kind: 'param'; readonly value: ParameterizedRule }
  | { readonly kind: 'default'; readonly value: readonly RuleClause[] };

/**
 * One top-level item, the first of these that parses: `let`, parameterized
 * rule, named rule, type blocks, a when block, clauses (DSL-01). The last
 * alternative's failure is the one reported, so those before it are only
 * tried when their opening token is there.
 */
function parseTopItem(st: State): TopItem | Fail {
  skipTrivia(st);
  const start = st.pos;
  const text = st.text;
  if (text.startsWith('let', start)) {
    const r = parseAssignment(st);
    if (!(r instanceof Fail)) return topItem(st, { kind: 'let', value: r });
    if (r.fatal) return r;
    st.pos = start;
  }
  if (text.startsWith('rule', start)) {
    const p = parseParameterizedRule(st);
    if (!(p instanceof Fail)) return topItem(st, { kind: 'param', value: p });
    if (p.fatal) return p;
    st.pos = start;
    const r = parseNamedRule(st);
    if (!(r instanceof Fail)) return topItem(st, { kind: 'rule', value: r });
    if (r.fatal) return r;
    st.pos = start;
  }
  if (typeNameAhead(st)) {
    const t = parseDisjunction(st, parseTypeBlock);
    if (!(t instanceof Fail)) return topItem(st, { kind: 'default', value: t });
    if (t.fatal) return t;
    st.pos = start;
  }
  if (whenAhead(st)) {
    const w = parseRuleWhen(st);
    if (!(w instanceof Fail)) return topItem(st, { kind: 'default', value: [w] });
    if (w.fatal) return w;
    st.pos = start;
  }
  const c = parseDisjunction(st, parseClause);
  if (!(c instanceof Fail)) return topItem(st, { kind: 'default', value: c });
  if (!c.fatal) st.pos = start;
  return c;
}

/** A parsed item, with the trivia after it consumed. */
function topItem(st: State, item: TopItem): TopItem {
  skipTrivia(st);
  return item;
}

function parseFile(st: State): RulesFile | null | Fail {
  skipTrivia(st);
  if (st.atEnd) return null;
  const fileStart = st.pos;
  const assignments: LetExpr[] = [];
  const rules: Rule[] = [];
  const parameterizedRules: ParameterizedRule[] = [];
  const defaults: (readonly RuleClause[])[] = [];
  let count = 0;
  for (;;) {
    const before = st.pos;
    const item = parseTopItem(st);
    if (item instanceof Fail) {
      if (item.fatal) return item;
      st.pos = before;
      // The first item's own failure is reported as a failure at the start.
      if (count === 0) return miss(fileStart);
      break;
    }
    count++;
    switch (item.kind) {
      case 'let':
        assignments.push(item.value);
        break;
      case 'rule':
        rules.push(item.value);
        break;
      case 'param':
        parameterizedRules.push(item.value);
        break;
      case 'default':
        defaults.push(item.value);
        break;
    }
    if (st.atEnd) break;
  }
  if (!st.atEnd) return miss(st.pos);
  if (defaults.length > 0) {
    // DSL-02: top-level clauses form an implicit rule, evaluated first.
    rules.unshift({
      kind: 'Rule',
      name: 'default',
      implicit: true,
      conditions: null,
      block: { assignments: [], conjunctions: defaults },
      span: span(fileStart, st.text.length),
    });
  }
  return {
    kind: 'RulesFile',
    assignments,
    rules,
    parameterizedRules,
    span: span(0, st.text.length),
  };
}

/**
 * Parses a Guard rules file. Returns `file: null` for a file with no rules
 * (empty, or only blanks and comments, LEX-02). Never throws.
 */
export function parseRulesFile(text: string, fileName: string): ParseOutcome {
  const st = new State(text, fileName);
  let result: RulesFile | null | Fail;
  try {
    result = parseFile(st);
  } catch (e) {
    // A stack overflow from some input the depth guard does not cover.
    if (e instanceof RangeError) result = new Fail(true, st.pos, '', true);
    else throw e;
  }
  if (!(result instanceof Fail)) return { ok: true, file: result };
  return { ok: false, error: toGuardError(st, result) };
}

function toGuardError(st: State, fail: Fail): GuardError {
  const bad = st.badCall;
  if (bad && bad.at === fail.pos) return functionCallError(st, bad);
  const at = locate(st, fail.pos);
  const context = fail.context;
  const fragment = st.text.slice(fail.pos);
  const compat =
    `Parsing Error Error parsing file ${st.fileName} at line ${at.line} at column ${at.column}, ` +
    `when handling ${context}, fragment ${fragment}`;
  const position = { file: st.fileName, line: at.line, column: at.column };
  const { code, message } = describe(st, fail, fragment);
  return new GuardError(code, message, { position, compat });
}

/**
 * An unknown function or a wrong argument count (FN-01). cfn-guard 3.2.0
 * detects these at parse time but then re-reads the name as a query and
 * reports a generic failure at the `(` (DIVERGENCES.md C2). tsguard keeps the
 * reference's envelope but says what is wrong, where the call starts.
 */
function functionCallError(st: State, bad: NonNullable<State['badCall']>): GuardError {
  const at = locate(st, bad.start);
  const compat =
    `Parsing Error Error parsing file ${st.fileName} at line ${at.line} at column ${at.column}, ` +
    `when handling function call, ${bad.message}`;
  return new GuardError(
    bad.unknown ? 'SYNTAX_UNKNOWN_FUNCTION' : 'SYNTAX_FUNCTION_ARITY',
    bad.message,
    {
      position: { file: st.fileName, line: at.line, column: at.column },
      compat,
    },
  );
}

function describe(st: State, fail: Fail, fragment: string): { code: ErrorCode; message: string } {
  if (fail.tooDeep) {
    return { code: 'SYNTAX_TOO_DEEP', message: `rules nest more than ${MAX_DEPTH} levels deep` };
  }
  const ctx = fail.context;
  if (ctx.includes(CTX_MESSAGE)) {
    return {
      code: 'SYNTAX_UNTERMINATED_MESSAGE',
      message: 'custom message opened with << has no closing >>',
    };
  }
  if (ctx.includes('Could not parse range')) {
    return {
      code: 'SYNTAX_INVALID_RANGE',
      message: 'range bounds must both be integers, floats or single characters',
    };
  }
  const bad = st.badCall;
  if (bad && bad.at === fail.pos) {
    return {
      code: bad.unknown ? 'SYNTAX_UNKNOWN_FUNCTION' : 'SYNTAX_FUNCTION_ARITY',
      message: bad.message,
    };
  }
  const rest = fragment.trimStart();
  const regex = st.badRegex;
  if (regex && regex.at >= fail.pos && rest.startsWith('/')) {
    return {
      code: 'SYNTAX_INVALID_REGEX',
      message: `invalid regular expression: ${regex.message}`,
    };
  }
  const quote = rest.charAt(0);
  if ((quote === "'" || quote === '"') && !hasClosingQuote(rest, quote)) {
    return {
      code: 'SYNTAX_UNTERMINATED_STRING',
      message: `string starting with ${quote} is never closed`,
    };
  }
  const what = rest === '' ? 'end of file' : `\`${firstToken(rest)}\``;
  const expecting = ctx === '' ? '' : ` (${ctx})`;
  return { code: 'SYNTAX_UNEXPECTED_TOKEN', message: `unexpected ${what}${expecting}` };
}

function hasClosingQuote(text: string, quote: string): boolean {
  for (let i = text.indexOf(quote, 1); i !== -1; i = text.indexOf(quote, i + 1)) {
    if (text.charAt(i - 1) !== '\\') return true;
  }
  return false;
}

function firstToken(text: string): string {
  const m = /^[\p{L}\p{N}_]+|^\S/u.exec(text);
  return m ? m[0] : text.charAt(0);
}
