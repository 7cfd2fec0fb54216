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
  const c = st.text.charCodeAt(st.pos);
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

const EQ: Comparator = { op: 'Eq', negated: false };
const NE: Comparator = { op: 'Eq', negated: true };
const GE: Comparator = { op: 'Ge', negated: false };
const LE: Comparator = { op: 'Le', negated: false };
const GT: Comparator = { op: 'Gt', negated: false };
const LT: Comparator = { op: 'Lt', negated: false };

/**
 * Word operators by first letter, each list in the order they are tried
 * (prefix matches, LEX-07: `in` wins over a longer word starting with it).
 */
const LOWER_I = [
  'in',
  'is_string',
  'is_list',
  'is_struct',
  'is_bool',
  'is_int',
  'is_null',
  'is_float',
];
const UPPER_I = [
  'IN',
  'IS_STRING',
  'IS_LIST',
  'IS_STRUCT',
  'IS_BOOL',
  'IS_INT',
  'IS_NULL',
  'IS_FLOAT',
];
const I_OPS: readonly CmpOperator[] = [
  'In',
  'IsString',
  'IsList',
  'IsMap',
  'IsBool',
  'IsInt',
  'IsNull',
  'IsFloat',
];
const LOWER_E = ['exists', 'empty'];
const UPPER_E = ['EXISTS', 'EMPTY'];
const E_OPS: readonly CmpOperator[] = ['Exists', 'Empty'];

/**
 * A comparison operator (OP-02). `<<` is a message, never `<` (the reference
 * checks first). Symbols are `==`, `!=`, `>=`, `<=`, `>`, `<`; words (after an
 * optional `not`) are the unary checks and `in`, in either case.
 */
export function parseComparator(st: State): Comparator | Fail {
  const start = st.pos;
  const text = st.text;
  const c = text.charCodeAt(start);
  const next = text.charCodeAt(start + 1);
  switch (c) {
    case 0x3d: // =
      if (next === 0x3d) {
        st.pos = start + 2;
        return EQ;
      }
      break;
    case 0x21: // !
      if (next === 0x3d) {
        st.pos = start + 2;
        return NE;
      }
      break;
    case 0x3e: // >
      st.pos = start + (next === 0x3d ? 2 : 1);
      return next === 0x3d ? GE : GT;
    case 0x3c: // <
      if (next === 0x3c) return miss(start, 'Custom message tag detected');
      st.pos = start + (next === 0x3d ? 2 : 1);
      return next === 0x3d ? LE : LT;
  }
  const negated = parseNot(st);
  const at = st.pos;
  let words: readonly string[];
  let ops: readonly CmpOperator[];
  switch (text.charCodeAt(at)) {
    case 0x69: // i
      words = LOWER_I;
      ops = I_OPS;
      break;
    case 0x49: // I
      words = UPPER_I;
      ops = I_OPS;
      break;
    case 0x65: // e
      words = LOWER_E;
      ops = E_OPS;
      break;
    case 0x45: // E
      words = UPPER_E;
      ops = E_OPS;
      break;
    default:
      st.pos = start;
      return miss(at);
  }
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (text.startsWith(word, at)) {
      st.pos = at + word.length;
      return { op: ops[i] as CmpOperator, negated };
    }
  }
  st.pos = start;
  return miss(at);
}
