/**
 * `TSGUARD_THREADS` (docs/cli.md "Threads"): how many threads `validate`
 * uses, counting the main one. Read up front by every validate run, so a
 * mistyped value is an error whatever the number of data files, rather
 * than a setting silently ignored; the thread code itself loads only when
 * a run has several data files (parallel-validate.ts).
 */

export type ThreadsSetting =
  | { readonly ok: true; readonly threads: number | undefined }
  | { readonly ok: false; readonly message: string };

/** Unset or empty: undefined (tsguard chooses); a whole number ≥ 1: that; else an error text. */
export function readThreadsSetting(value: string | undefined): ThreadsSetting {
  if (value === undefined || value.trim() === '') return { ok: true, threads: undefined };
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (n >= 1 && Number.isSafeInteger(n)) return { ok: true, threads: n };
  return {
    ok: false,
    message: `TSGUARD_THREADS must be a whole number of threads of at least 1 (1 turns threads off), not \`${value}\``,
  };
}

/** The environment, where the Io provides one (nodeIo does). */
export function envOf(io: object): Readonly<Record<string, string | undefined>> | undefined {
  const env = (io as { readonly env?: unknown }).env;
  return typeof env === 'object' && env !== null
    ? (env as Readonly<Record<string, string | undefined>>)
    : undefined;
}
