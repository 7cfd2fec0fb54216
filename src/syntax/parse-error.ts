/**
 * Turning a parse failure into the GuardError callers see (ERR-01): the
 * reference's text in `compat`, a specific code and message in `message`.
 */
import type { ErrorCode } from '../diag/codes.js';
import { GuardError } from '../diag/errors.js';
import { CTX_MESSAGE } from './parse-message.js';
import { type Fail, locate, MAX_DEPTH, type State } from './state.js';

export function toGuardError(st: State, fail: Fail): GuardError {
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
