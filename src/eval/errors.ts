/**
 * Hard errors of evaluation (EVAL-12). The reference prints
 * `Error occurred <Display of its error>`; `compat` holds the part after
 * `Error occurred ` so commands can reproduce it byte for byte (ERR-02).
 */
import type { ErrorCode } from '../diag/codes.js';
import { GuardError } from '../diag/errors.js';

/** The reference's `Error::MissingValue` display. */
export function missingValueError(code: ErrorCode, text: string): GuardError {
  return new GuardError(code, text, {
    compat: `There was no variable or value object to resolve. Error = \`${text}\``,
  });
}

/** The reference's `Error::IncompatibleError` display. */
export function incompatibleError(code: ErrorCode, text: string): GuardError {
  return new GuardError(code, text, {
    compat: `Types or variable assignments are incompatible \`${text}\``,
  });
}

/** The reference's `Error::NotComparable` display. */
export function notComparableError(code: ErrorCode, text: string): GuardError {
  return new GuardError(code, text, {
    compat: `Comparing incoming context with literals or dynamic results wasn't possible \`${text}\``,
  });
}
