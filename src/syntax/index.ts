/** Public API of the syntax layer: parse a rules file, print its parse tree. */
export type * from './ast.js';
export { assertNever, UNARY_OPERATORS } from './ast.js';
export { BUILTIN_FUNCTIONS, functionArity } from './functions.js';
export { type ParseOutcome, parseRulesFile } from './parser.js';
export { parseTreeJson, parseTreeYaml } from './serialize.js';
