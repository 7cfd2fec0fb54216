/**
 * Operators of an access clause (OP-02, LEX-06): the `not`/`!` prefix and
 * the comparison operators, symbols and words.
 */
import type { CmpOperator, Comparator } from './ast.js';
import { type Fail, miss, type State, skipSpaces } from './state.js';

/**
 * `not`/`NOT` followed by a space or tab, or `!` (LEX-06). Consumes and
 * returns true when present.
 */
export function parseNot(st: State): boolean {
  const c = st.code();
  if (c === 0x21) {
    st.pos++;
    return true;
  }
  if (c !== 0x6e && c !== 0x4e) return false; // n N
  const start = st.pos;
  if (st.eat('not') || st.eat('NOT')) {
    const ch = st.peek();
    if (ch === ' ' || ch === '\t') {
      skipSpaces(st);
      return true;
    }
    st.pos = start;
  }
  return st.eat('!');
}

const WORD_OPERATORS: readonly (readonly [string, CmpOperator])[] = [
  ['in', 'In'],
  ['IN', 'In'],
  ['exists', 'Exists'],
  ['EXISTS', 'Exists'],
  ['empty', 'Empty'],
  ['EMPTY', 'Empty'],
  ['is_string', 'IsString'],
  ['IS_STRING', 'IsString'],
  ['is_list', 'IsList'],
  ['IS_LIST', 'IsList'],
  ['is_struct', 'IsMap'],
  ['IS_STRUCT', 'IsMap'],
  ['is_bool', 'IsBool'],
  ['IS_BOOL', 'IsBool'],
  ['is_int', 'IsInt'],
  ['IS_INT', 'IsInt'],
  ['is_null', 'IsNull'],
  ['IS_NULL', 'IsNull'],
  ['is_float', 'IsFloat'],
  ['IS_FLOAT', 'IsFloat'],
];

const SYMBOL_OPERATORS: readonly (readonly [string, Comparator])[] = [
  ['==', { op: 'Eq', negated: false }],
  ['!=', { op: 'Eq', negated: true }],
  ['>=', { op: 'Ge', negated: false }],
  ['<=', { op: 'Le', negated: false }],
  ['>', { op: 'Gt', negated: false }],
  ['<', { op: 'Lt', negated: false }],
];

/** A comparison operator (OP-02). `<<` is a message, never `<` (the reference checks first). */
export function parseComparator(st: State): Comparator | Fail {
  const start = st.pos;
  if (st.startsWith('<<')) return miss(start, 'Custom message tag detected');
  const c = st.code();
  // Symbols start with = ! > <; trying them in order is only worth it then.
  if (c === 0x3d || c === 0x21 || c === 0x3e || c === 0x3c) {
    for (const [text, cmp] of SYMBOL_OPERATORS) {
      if (st.eat(text)) return cmp;
    }
  }
  const negated = parseNot(st);
  const at = st.pos;
  // Every word operator starts with i, I, e or E.
  const w = st.code();
  if (w === 0x69 || w === 0x49 || w === 0x65 || w === 0x45) {
    for (const [word, op] of WORD_OPERATORS) {
      if (st.eat(word)) return { op, negated };
    }
  }
  st.pos = start;
  return miss(at);
}
