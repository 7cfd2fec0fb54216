/**
 * The tree a Guard regex (Rust `regex` + `fancy-regex` dialect, OP-18) parses
 * into before it is emitted as a JavaScript `RegExp` source. Flags are
 * resolved while parsing, so every node carries the behaviour it must have
 * (case-insensitive, dot-matches-newline, multi-line) and the emitter never
 * has to track inline flag scopes.
 */

/** A set of characters inside `[...]` (Rust class syntax, including set operations). */
export type ClassSet =
  | { readonly kind: 'Union'; readonly items: readonly ClassItem[] }
  | {
      readonly kind: 'SetOp';
      readonly op: 'and' | 'minus' | 'xor';
      readonly left: ClassSet;
      readonly right: ClassSet;
    }
  | { readonly kind: 'Not'; readonly set: ClassSet };

export type PerlClass = 'd' | 's' | 'w' | 'h';

export type ClassItem =
  | { readonly kind: 'Char'; readonly cp: number }
  | { readonly kind: 'Range'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'Perl'; readonly which: PerlClass; readonly negated: boolean }
  /** `js` is the text inside `\p{…}` in JavaScript spelling, e.g. `Lu` or `Script=Grek`. */
  | { readonly kind: 'Prop'; readonly js: string; readonly negated: boolean }
  | { readonly kind: 'Posix'; readonly name: string; readonly negated: boolean }
  | { readonly kind: 'Nested'; readonly set: ClassSet };

export type AssertKind =
  | 'StartText'
  | 'EndText'
  | 'StartLine'
  | 'EndLine'
  | 'WordBoundary'
  | 'NotWordBoundary'
  | 'WordStart'
  | 'WordEnd';

export type RegexNode =
  | { readonly kind: 'Empty' }
  | { readonly kind: 'Literal'; readonly cp: number; readonly caseInsensitive: boolean }
  | { readonly kind: 'Any'; readonly dotAll: boolean }
  | { readonly kind: 'Class'; readonly set: ClassSet; readonly caseInsensitive: boolean }
  | { readonly kind: 'Assert'; readonly which: AssertKind }
  /** `index` is the Rust capture number (1-based); null for a non-capturing group. */
  | {
      readonly kind: 'Group';
      readonly index: number | null;
      readonly name: string | null;
      readonly body: RegexNode;
    }
  | {
      readonly kind: 'Look';
      readonly behind: boolean;
      readonly negated: boolean;
      readonly body: RegexNode;
    }
  | { readonly kind: 'Atomic'; readonly body: RegexNode }
  | {
      readonly kind: 'Repeat';
      readonly body: RegexNode;
      readonly min: number;
      /** `Infinity` when unbounded. */
      readonly max: number;
      readonly greedy: boolean;
    }
  | { readonly kind: 'Concat'; readonly items: readonly RegexNode[] }
  | { readonly kind: 'Alt'; readonly items: readonly RegexNode[] }
  /** `position` is the pattern offset of the backreference, for error messages. */
  | {
      readonly kind: 'Backref';
      readonly group: number;
      readonly caseInsensitive: boolean;
      readonly position: number;
    };

export interface ParsedRegex {
  readonly root: RegexNode;
  readonly groupCount: number;
  /** Capture name → Rust group number. */
  readonly names: ReadonlyMap<string, number>;
}

/** A reason the pattern is refused, with the offset it refers to. */
export class RegexSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'RegexSyntaxError';
  }
}
