/**
 * Exit statuses (CLI-03), named after what they mean. The numbers are the
 * reference's; the conformance corpus pins every one of them.
 */
export const EXIT = {
  /** Everything passed or skipped; help and version. */
  SUCCESS: 0,
  /** test: a spec or rules file could not be read or parsed (TEST-08); rulegen errors (RG-03);
   * an output file that cannot be written. */
  GENERAL_ERROR: 1,
  /** Argument errors and help printed because arguments are missing (CLI-02). */
  USAGE: 2,
  /** validate: a rules file did not parse (CLI-VAL-13). */
  VALIDATE_PARSE_ERROR: 5,
  /** test: an expectation did not match (TEST-08). */
  TEST_FAILED: 7,
  /** validate: some rule FAILed (CLI-VAL-14). */
  VALIDATE_FAILED: 19,
  /** Every other error: `Error occurred …` on stderr (ERR-02). */
  ERROR: 255,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** ERR-02: how a hard error is printed; `text` is the reference's Display of the error. */
export function hardErrorText(text: string): string {
  return `Error occurred ${text}\n`;
}
