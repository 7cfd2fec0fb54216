/**
 * Type blocks (DSL-11): `AWS::S3::Bucket [when …] { … }` and the single-clause
 * form, with the `Resources.*[ Type == … ]` query they stand for.
 */
import type { Block, GuardClause, QueryPart, TypeBlock } from './ast.js';
import { parseClause } from './parse-clause.js';
import { parseBlock } from './parse-cnf.js';
import { parseOptionalWhen } from './parse-when.js';
import {
  afterTrivia,
  commit,
  Fail,
  locate,
  miss,
  nameEnd,
  parseName,
  requireTrivia,
  type State,
  skipTrivia,
} from './state.js';

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
  const at = { start: start, end: start };
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
export function parseTypeBlock(st: State): TypeBlock | Fail {
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
  const sp = { start: start, end: st.pos };
  return {
    kind: 'TypeBlock',
    typeName,
    conditions,
    block,
    query: typeBlockQuery(typeName, start, location),
    span: sp,
  };
}

/**
 * Whether a type name (`Name::…`) starts after trivia: a type block cannot
 * get past its first token otherwise, and fails recoverably untried.
 */
export function typeNameAhead(st: State): boolean {
  const text = st.text;
  const at = afterTrivia(text, st.pos);
  const end = nameEnd(text, at);
  return end > at && text.charCodeAt(end) === 0x3a && text.charCodeAt(end + 1) === 0x3a;
}
