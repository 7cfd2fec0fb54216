/**
 * The built-in functions a rules file may call, with the number of arguments
 * each takes (FN-01). cfn-guard 3.2.0 checks both at parse time: a call whose
 * name or argument count is wrong is not a function call at all, and the parser
 * falls back to reading the name as a query (so the file then fails at `(`).
 */
export const BUILTIN_FUNCTIONS: ReadonlyMap<string, number> = new Map<string, number>([
  ['count', 1],
  ['json_parse', 1],
  ['regex_replace', 3],
  ['join', 2],
  ['substring', 3],
  ['to_upper', 1],
  ['to_lower', 1],
  ['url_decode', 1],
  ['parse_int', 1],
  ['parse_float', 1],
  ['parse_string', 1],
  ['parse_boolean', 1],
  ['parse_char', 1],
  ['now', 0],
  ['parse_epoch', 1],
]);

/** Expected argument count of a built-in function, or undefined for an unknown name. */
export function functionArity(name: string): number | undefined {
  return BUILTIN_FUNCTIONS.get(name);
}

/** The 3.2.0 text for an unknown function name (FN-01). */
export function unknownFunctionText(name: string): string {
  return `No function with the name '${name}' exists.`;
}

/** The 3.2.0 text for a call with the wrong number of arguments (FN-01). */
export function arityText(name: string, expected: number, received: number): string {
  return `function: ${name} requires: ${expected} parameters to be passed, but received: ${received}`;
}
