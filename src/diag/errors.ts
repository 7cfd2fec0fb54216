import { categoryOf, type ErrorCategory, type ErrorCode } from './codes.js';

/** Where in a named source an error points; line and column are 1-based. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface GuardErrorOptions {
  readonly position?: SourcePosition;
  /**
   * The text cfn-guard prints for the same failure, where tsguard reproduces it
   * byte for byte (e.g. `Parser Error when parsing \`...\``). Commands print
   * this in their compatibility output; `message` stays the readable form.
   */
  readonly compat?: string;
  readonly cause?: unknown;
}

/**
 * The one error type of tsguard. Layers throw it (or collect it) for broken
 * input and exhausted limits; failing rules are results, never errors.
 */
export class GuardError extends Error {
  override readonly name = 'GuardError';
  readonly code: ErrorCode;
  readonly position: SourcePosition | undefined;
  readonly compat: string | undefined;

  constructor(code: ErrorCode, message: string, options: GuardErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.position = options.position;
    this.compat = options.compat;
  }

  get category(): ErrorCategory {
    return categoryOf(this.code);
  }

  /** `file:line:column: message` when the position is known, else the message. */
  describe(): string {
    const p = this.position;
    return p ? `${p.file}:${p.line}:${p.column}: ${this.message}` : this.message;
  }
}

export function isGuardError(value: unknown): value is GuardError {
  return value instanceof GuardError;
}
