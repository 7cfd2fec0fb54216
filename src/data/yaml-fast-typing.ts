/**
 * The hooks through which a loader types and builds what the fast
 * block-YAML scanner (load-yaml-fast.ts) reads: VALIDATE_TYPING in
 * tagged-values.ts, STANDARD_TYPING in standard-values.ts.
 */
import type { Value } from './value.js';

/**
 * How one loader types and builds what the scanner reads. Every hook may
 * refuse (return undefined / false) to send the document to the full route.
 * `line`/`col` are libyaml's 0-based positions (a tagged node starts at its
 * tag); a typing without positions ignores them.
 */
export interface ScanTyping {
  /** Whether the scanner takes a tag as written (`!Ref`, `!!int`); else the full route. */
  acceptsTag(source: string): boolean;
  /** Whether a plain mapping key types as a string (a non-string key is an error there). */
  isStringKey(text: string): boolean;
  /**
   * A scalar; an empty node is `('', true, …)` at the indicator (or its tag).
   * Undefined when the typing fails (a bad `!!int`): the full route reports it.
   */
  scalar(
    text: string,
    isPlain: boolean,
    tag: string | undefined,
    path: string,
    line: number,
    col: number,
  ): Value | undefined;
  /**
   * A sequence node at `path`: the list of `items` at `listPath`, wrapped
   * when its tag is a sequence function (YAML-05; `listPath` is then the
   * wrapper key's path, from listPathOf in cfn-tags.ts).
   */
  list(
    tag: string | undefined,
    path: string,
    line: number,
    col: number,
    items: readonly Value[],
    listPath: string,
  ): Value;
  /** A mapping; `keyPos` holds each key's line and col, in key order. */
  map(
    entries: ReadonlyMap<string, Value>,
    keyPos: readonly number[],
    path: string,
    line: number,
    col: number,
  ): Value;
  /**
   * `'last-wins'`: DATA-05 (a repeated key keeps its first position and last
   * value); `'fallback'`: a repeated key goes to the full route.
   */
  readonly duplicateKeys: 'last-wins' | 'fallback';
}
