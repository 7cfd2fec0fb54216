/**
 * Every error tsguard can raise has one code. The prefix says which layer
 * raised it; the category decides how a command reports it and which exit
 * code it maps to (commands own the mapping, see commands/exit-codes.ts).
 */
export const ERROR_CODES = {
  // syntax: the rules file does not parse
  SYNTAX_UNEXPECTED_TOKEN: 'syntax',
  SYNTAX_UNTERMINATED_STRING: 'syntax',
  SYNTAX_UNTERMINATED_REGEX: 'syntax',
  SYNTAX_UNTERMINATED_MESSAGE: 'syntax',
  SYNTAX_INVALID_NUMBER: 'syntax',
  SYNTAX_INVALID_RANGE: 'syntax',
  SYNTAX_INVALID_REGEX: 'syntax',
  SYNTAX_UNKNOWN_FUNCTION: 'syntax',
  SYNTAX_FUNCTION_ARITY: 'syntax',
  SYNTAX_TOO_DEEP: 'syntax',
  // data: a JSON/YAML document cannot be loaded
  DATA_EMPTY: 'data',
  DATA_SYNTAX: 'data',
  DATA_ALIAS: 'data',
  DATA_NON_STRING_KEY: 'data',
  DATA_BAD_TAGGED_VALUE: 'data',
  DATA_TOO_DEEP: 'data',
  DATA_TOO_LARGE: 'data',
  DATA_ALIAS_LIMIT: 'data',
  DATA_MERGE_CONFLICT: 'data',
  DATA_MERGE_TYPES: 'data',
  // eval: evaluation aborted (the reference's "hard errors")
  EVAL_UNDEFINED_VARIABLE: 'eval',
  EVAL_UNDEFINED_RULE: 'eval',
  EVAL_UNDEFINED_PARAMETERIZED_RULE: 'eval',
  EVAL_ARITY_MISMATCH: 'eval',
  EVAL_INCOMPATIBLE_TYPES: 'eval',
  EVAL_RETRIEVAL: 'eval',
  EVAL_FUNCTION: 'eval',
  EVAL_CYCLIC_RULE: 'eval',
  EVAL_REGEX_TIMEOUT: 'eval',
  EVAL_CYCLIC_VARIABLE: 'eval',
  EVAL_TYPE_BLOCK_UNRESOLVED: 'eval',
  EVAL_NOT_COMPARABLE: 'eval',
  // io: files and streams
  IO_NOT_FOUND: 'io',
  IO_READ: 'io',
  IO_WRITE: 'io',
  IO_INVALID_UTF8: 'io',
  // usage: the command line is wrong
  USAGE_INVALID_ARGUMENTS: 'usage',
  USAGE_CONFLICT: 'usage',
  // a bug in tsguard
  INTERNAL_ERROR: 'internal',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
export type ErrorCategory = (typeof ERROR_CODES)[ErrorCode];

export function categoryOf(code: ErrorCode): ErrorCategory {
  return ERROR_CODES[code];
}
