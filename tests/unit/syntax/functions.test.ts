import { describe, expect, test } from 'vitest';
import { BUILTIN_FUNCTIONS, functionArity } from '../../../src/syntax/functions.js';
import { parseRulesFile } from '../../../src/syntax/index.js';

describe('built-in function table (FN-01)', () => {
  test.each([...BUILTIN_FUNCTIONS])(
    '%s takes %i argument(s) and parses with them',
    (name, arity) => {
      expect(functionArity(name)).toBe(arity);
      const args = Array.from({ length: arity }, () => 'x').join(', ');
      const outcome = parseRulesFile(`let v = ${name}(${args})\n`, '');
      expect(outcome.ok).toBe(true);
    },
  );

  test.each([
    { text: 'let v = count(x, y)\n', code: 'SYNTAX_FUNCTION_ARITY' },
    { text: 'let v = nope(x)\n', code: 'SYNTAX_UNKNOWN_FUNCTION' },
  ])('$text is rejected with $code', ({ text, code }) => {
    const outcome = parseRulesFile(text, '');
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe(code);
  });
});
