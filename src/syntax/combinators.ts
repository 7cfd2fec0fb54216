/**
 * Backtracking helpers shared by the grammar files: a production returns its
 * node or a Fail, and these decide where the cursor goes after a recoverable
 * failure (a fatal one always propagates).
 */
import { Fail, type State } from './state.js';

export type Parser<T> = (st: State) => T | Fail;

/** Runs `p`; a recoverable failure puts the cursor back where it was. */
export function attempt<T>(st: State, p: Parser<T>): T | Fail {
  const start = st.pos;
  const r = p(st);
  if (r instanceof Fail && !r.fatal) st.pos = start;
  return r;
}

/**
 * `(sep item)*`: hands each item to `add` while both parts succeed. A
 * separator or item that fails recoverably ends the run with the cursor put
 * back before that separator. Returns a fatal failure, else null.
 */
export function parseRest<T>(
  st: State,
  sep: (st: State) => boolean,
  item: Parser<T>,
  add: (item: T) => void,
): Fail | null {
  for (;;) {
    const before = st.pos;
    if (!sep(st)) {
      st.pos = before;
      return null;
    }
    const next = item(st);
    if (next instanceof Fail) {
      if (next.fatal) return next;
      st.pos = before;
      return null;
    }
    add(next);
  }
}

/**
 * `[item (sep item)*]`: a first item that fails recoverably means an empty
 * run (cursor unmoved). Returns a fatal failure, else null.
 */
export function parseSeparated<T>(
  st: State,
  sep: (st: State) => boolean,
  item: Parser<T>,
  add: (item: T) => void,
): Fail | null {
  const first = attempt(st, item);
  if (first instanceof Fail) return first.fatal ? first : null;
  add(first);
  return parseRest(st, sep, item, add);
}
