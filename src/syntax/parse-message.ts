/**
 * Custom messages `<< … >>` (DSL-12), shared by every clause kind that may
 * carry one; the unterminated-message context text is also what the error
 * describer recognises (ERR-01).
 */
import { commit, Fail, miss, type State, skipTrivia } from './state.js';

export const CTX_MESSAGE = 'Unable to find a closing >> tag for message';

/**
 * `<< text >>` (DSL-12): everything up to the first `>>`, newlines included. A
 * missing `>>` is fatal.
 */
export function parseMessage(st: State): string | Fail {
  if (!st.startsWith('<<')) return miss(st.pos);
  const from = st.pos + 2;
  const close = st.text.indexOf('>>', from);
  if (close === -1) return commit(miss(from, CTX_MESSAGE));
  st.pos = close + 2;
  return st.text.slice(from, close);
}

/** `[trivia] [<<message>>]`: trivia is consumed either way; null when there is no message. */
export function optionalMessageAfterTrivia(st: State): string | null | Fail {
  skipTrivia(st);
  const at = st.pos;
  // Most clauses carry no message: settled without a call or a Fail.
  if (st.text.charCodeAt(at) !== 0x3c || st.text.charCodeAt(at + 1) !== 0x3c) return null;
  const m = parseMessage(st);
  if (m instanceof Fail) {
    if (m.fatal) return m;
    st.pos = at;
    return null;
  }
  return m;
}
