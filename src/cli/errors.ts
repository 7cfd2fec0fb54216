/**
 * clap 4.5's argument-error texts (CLI-02). Every argument error goes to
 * stderr and exits 2; the layout is
 *   error: <message>[\n\n  tip: <tip>][\n\nUsage: <usage>]\n\nFor more information, try '--help'.\n
 */

/** Exit status of every argument error and of help printed because arguments are missing. */
export const USAGE_EXIT = 2;

export interface ClapErrorText {
  readonly message: string;
  readonly tip?: string;
  readonly usage?: string;
}

export function formatClapError(e: ClapErrorText): string {
  let out = `error: ${e.message}`;
  if (e.tip !== undefined) out += `\n\n  tip: ${e.tip}`;
  if (e.usage !== undefined) out += `\n\nUsage: ${e.usage}`;
  return `${out}\n\nFor more information, try '--help'.\n`;
}

const quoteAll = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

export function possibleValuesLine(values: readonly string[] | undefined): string {
  return values ? `\n  [possible values: ${values.join(', ')}]` : '';
}

export function unknownArgument(arg: string, usage: string, similar?: string): string {
  return formatClapError({
    message: `unexpected argument '${arg}' found`,
    ...(similar === undefined ? {} : { tip: `a similar argument exists: '${similar}'` }),
    usage,
  });
}

export function unknownSubcommand(name: string, usage: string, similar: readonly string[]): string {
  const tip =
    similar.length === 0
      ? undefined
      : similar.length === 1
        ? `a similar subcommand exists: ${quoteAll(similar)}`
        : `some similar subcommands exist: ${quoteAll(similar)}`;
  return formatClapError({
    message: `unrecognized subcommand '${name}'`,
    ...(tip === undefined ? {} : { tip }),
    usage,
  });
}

export function invalidValue(
  value: string,
  argText: string,
  possible: readonly string[],
  similar?: string,
): string {
  return formatClapError({
    message: `invalid value '${value}' for '${argText}'${possibleValuesLine(possible)}`,
    ...(similar === undefined ? {} : { tip: `a similar value exists: '${similar}'` }),
  });
}

export function valueRequired(argText: string, possible: readonly string[] | undefined): string {
  return formatClapError({
    message: `a value is required for '${argText}' but none was supplied${possibleValuesLine(possible)}`,
  });
}

export function unexpectedValue(value: string, argText: string, usage: string): string {
  return formatClapError({
    message: `unexpected value '${value}' for '${argText}' found; no more were expected`,
    usage,
  });
}

export function usedMultipleTimes(argText: string, usage: string): string {
  return formatClapError({
    message: `the argument '${argText}' cannot be used multiple times`,
    usage,
  });
}

export function argumentConflict(
  argText: string,
  others: readonly string[],
  usage: string,
): string {
  const message =
    others.length === 1
      ? `the argument '${argText}' cannot be used with '${others[0]}'`
      : `the argument '${argText}' cannot be used with:${others.map((o) => `\n  ${o}`).join('')}`;
  return formatClapError({ message, usage });
}

export function missingRequired(missing: readonly string[], usage: string): string {
  return formatClapError({
    message: `the following required arguments were not provided:${missing.map((m) => `\n  ${m}`).join('')}`,
    usage,
  });
}
