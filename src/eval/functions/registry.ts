/**
 * The built-in function table (FN-01): name → arity and implementation.
 * Names and argument counts are checked by the parser in 3.2.0
 * (syntax/functions.ts); the checks here only guard direct library calls
 * and reproduce the 3.1.1 runtime texts.
 */
import type { Value } from '../../data/value.js';
import { GuardError } from '../../diag/errors.js';
import { count } from './collections.js';
import {
  parseBooleanFunction,
  parseCharFunction,
  parseFloatFunction,
  parseIntFunction,
  parseStringFunction,
} from './converters.js';
import { now, parseEpoch } from './date-time.js';
import {
  join,
  jsonParse,
  regexReplace,
  substring,
  toLower,
  toUpper,
  urlDecode,
} from './strings.js';
import type { FunctionArgs } from './support.js';

export interface CallOptions {
  /** Milliseconds since the epoch, for `now()`; defaults to `Date.now`. */
  readonly clock?: () => number;
}

interface BuiltIn {
  readonly arity: number;
  readonly call: (args: FunctionArgs, options: CallOptions) => Value[];
}

const none: readonly never[] = [];

const BUILT_INS: ReadonlyMap<string, BuiltIn> = new Map<string, BuiltIn>([
  ['count', { arity: 1, call: (a) => count(a[0] ?? none) }],
  ['json_parse', { arity: 1, call: (a) => jsonParse(a[0] ?? none) }],
  ['regex_replace', { arity: 3, call: (a) => regexReplace(a[0] ?? none, a[1], a[2]) }],
  ['join', { arity: 2, call: (a) => join(a[0] ?? none, a[1]) }],
  ['substring', { arity: 3, call: (a) => substring(a[0] ?? none, a[1], a[2]) }],
  ['to_upper', { arity: 1, call: (a) => toUpper(a[0] ?? none) }],
  ['to_lower', { arity: 1, call: (a) => toLower(a[0] ?? none) }],
  ['url_decode', { arity: 1, call: (a) => urlDecode(a[0] ?? none) }],
  ['parse_int', { arity: 1, call: (a) => parseIntFunction(a[0] ?? none) }],
  ['parse_float', { arity: 1, call: (a) => parseFloatFunction(a[0] ?? none) }],
  ['parse_string', { arity: 1, call: (a) => parseStringFunction(a[0] ?? none) }],
  ['parse_boolean', { arity: 1, call: (a) => parseBooleanFunction(a[0] ?? none) }],
  ['parse_char', { arity: 1, call: (a) => parseCharFunction(a[0] ?? none) }],
  ['now', { arity: 0, call: (_a, o) => now(o.clock ?? Date.now) }],
  ['parse_epoch', { arity: 1, call: (a) => parseEpoch(a[0] ?? none) }],
]);

/** Argument count of every built-in function. */
export const FUNCTION_ARITY: ReadonlyMap<string, number> = new Map(
  [...BUILT_INS].map(([name, fn]) => [name, fn.arity]),
);

/**
 * Calls a built-in function on already-resolved arguments (one result set
 * per argument) and returns its result values, dropped entries removed.
 * Runtime failures throw `GuardError` with code `EVAL_FUNCTION`; `compat`
 * holds the reference's text (what it prints after `Error occurred `).
 */
export function callFunction(name: string, args: FunctionArgs, options: CallOptions = {}): Value[] {
  const fn = BUILT_INS.get(name);
  if (fn === undefined) {
    const text = `no such function named ${name} exists`;
    throw new GuardError('EVAL_FUNCTION', `No function with the name '${name}' exists.`, {
      compat: `Parser Error when parsing \`${text}\``,
    });
  }
  if (args.length !== fn.arity) {
    const text = `${name} function requires ${fn.arity} arguments be passed, but received ${args.length}`;
    throw new GuardError(
      'EVAL_FUNCTION',
      `function: ${name} requires: ${fn.arity} parameters to be passed, but received: ${args.length}`,
      { compat: `Parser Error when parsing \`${text}\`` },
    );
  }
  return fn.call(args, options);
}
