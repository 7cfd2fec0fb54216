/**
 * Block scalars (`|`, `>`) read the way libyaml's scanner reads them, for
 * every YAML route: the fast scanner (load-yaml-fast.ts) and the full ones
 * (load-yaml.ts via yaml-cst-values.ts, and load-standard.ts). The reference (cfn-guard 3.1.1) reads data through
 * libyaml, and the `yaml` package differs from it at the edges (checked
 * with the reference binary):
 * - a scalar running into the end of a text without a final line break
 *   keeps no final `\n` (`a: |\n  x` is "x"); blanks on that last line,
 *   when deeper than the content indent, are content (`a: |\n  x\n   `
 *   is "x\n ");
 * - `#` right after the header's indicators starts a comment (`a: |#c`);
 * - the auto-detected indent is the deepest of the leading empty lines and
 *   the first content line (at least one more than the enclosing
 *   collection): `a: |\n    \n  x` ends the scalar before `x` (then `x` is
 *   an error, a comment there is not);
 * - a tab where an indentation space is expected is an error; `|0`, `|12`
 *   and `|-+` are header errors;
 * - `\r`, NEL, LS and PS break lines too (NEL reads as `\n`, LS and PS as
 *   themselves).
 * Otherwise the rules are YAML's. The fast scanner (load-yaml-fast.ts)
 * reads block scalars with this same function, without the `yaml` package.
 */

/** libyaml's reading of one block scalar. */
export type LibyamlBlockScalar =
  | {
      readonly kind: 'scalar';
      readonly text: string;
      /** Where libyaml's scanner resumes: after the indentation of the line ending the scalar. */
      readonly end: number;
    }
  | {
      readonly kind: 'error';
      /** Where libyaml reports the problem. */
      readonly offset: number;
      /** libyaml's problem text (its context is "while scanning a block scalar"). */
      readonly problem: string;
    };

/** libyaml's context for every error raised here. */
export const BLOCK_SCALAR_CONTEXT = 'while scanning a block scalar';

const SPACE = 0x20;
const TAB = 0x09;

/**
 * Reads the block scalar whose indicator is at `at` in `src`. `parent` is
 * the indent of the block collection holding it (libyaml's current indent;
 * 0 for a scalar at the root, which reads the same as libyaml's -1 there).
 */
export function readLibyamlBlockScalar(
  src: string,
  at: number,
  parent: number,
): LibyamlBlockScalar {
  const r = new BlockReader(src, at, parent);
  try {
    return r.read();
  } catch (e) {
    if (e instanceof BlockScalarError)
      return { kind: 'error', offset: e.offset, problem: e.problem };
    throw e;
  }
}

class BlockScalarError {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {}
}

class BlockReader {
  private i: number;
  private readonly n: number;
  /** Offset where the current line starts (columns count from here). */
  private lineStart = 0;
  /** 0 until known (libyaml's convention: a content indent is at least 1). */
  private indent = 0;
  /** Line breaks read by the last run of empty lines. */
  private breaks = '';

  constructor(
    private readonly s: string,
    private readonly at: number,
    private readonly parent: number,
  ) {
    this.i = at + 1;
    this.n = s.length;
  }

  read(): LibyamlBlockScalar {
    const { s, n } = this;
    const literal = s.charCodeAt(this.at) === 0x7c;
    const { chomping, increment } = this.header();
    // Blanks, then an optional comment (no blank needed before it), then
    // the end of the line.
    while (isBlank(s.charCodeAt(this.i))) this.i++;
    if (s.charCodeAt(this.i) === 0x23) {
      while (this.i < n && breakLength(s, this.i) === 0) this.i++;
    }
    if (this.i >= n) return { kind: 'scalar', text: '', end: n };
    const brk = breakLength(s, this.i);
    if (brk === 0) {
      throw new BlockScalarError(this.i, 'did not find expected comment or line break');
    }
    this.i += brk;
    this.lineStart = this.i;
    if (increment > 0) this.indent = Math.max(this.parent, 0) + increment;
    this.emptyLines();

    let out = '';
    let leadingBreak = '';
    let leadingBlank = false;
    while (this.i - this.lineStart === this.indent && this.i < n) {
      const trailingBlank = isBlank(s.charCodeAt(this.i));
      if (!literal && leadingBreak === '\n' && !leadingBlank && !trailingBlank) {
        // Folding: one line break becomes a space, or vanishes before empty lines.
        if (this.breaks === '') out += ' ';
      } else {
        out += leadingBreak;
      }
      leadingBreak = '';
      out += this.breaks;
      this.breaks = '';
      leadingBlank = trailingBlank;
      const from = this.i;
      while (this.i < n && breakLength(s, this.i) === 0) this.i++;
      out += s.slice(from, this.i);
      if (this.i < n) {
        leadingBreak = breakText(s, this.i);
        this.i += breakLength(s, this.i);
        this.lineStart = this.i;
      }
      this.emptyLines();
    }
    if (chomping !== 'strip') out += leadingBreak;
    if (chomping === 'keep') out += this.breaks;
    return { kind: 'scalar', text: out, end: this.i };
  }

  /** The chomping and indentation indicators, in either order. */
  private header(): { chomping: 'strip' | 'clip' | 'keep'; increment: number } {
    let chomping: 'strip' | 'clip' | 'keep' = 'clip';
    let increment = 0;
    const chomp = (): boolean => {
      const c = this.s.charCodeAt(this.i);
      if (c !== 0x2b && c !== 0x2d) return false;
      chomping = c === 0x2b ? 'keep' : 'strip';
      this.i++;
      return true;
    };
    const digit = (): boolean => {
      const c = this.s.charCodeAt(this.i);
      if (c < 0x30 || c > 0x39) return false;
      if (c === 0x30) {
        throw new BlockScalarError(this.i, 'found an indentation indicator equal to 0');
      }
      increment = c - 0x30;
      this.i++;
      return true;
    };
    if (chomp()) digit();
    else if (digit()) chomp();
    return { chomping, increment };
  }

  /**
   * Eats indentation spaces and empty lines, collecting their line breaks;
   * sets the indent, when still unknown, from the deepest line seen.
   */
  private emptyLines(): void {
    const { s } = this;
    let deepest = 0;
    for (;;) {
      while ((this.indent === 0 || this.column() < this.indent) && s.charCodeAt(this.i) === SPACE) {
        this.i++;
      }
      deepest = Math.max(deepest, this.column());
      if ((this.indent === 0 || this.column() < this.indent) && s.charCodeAt(this.i) === TAB) {
        throw new BlockScalarError(
          this.i,
          'found a tab character where an indentation space is expected',
        );
      }
      const brk = breakLength(s, this.i);
      if (brk === 0) break;
      this.breaks += breakText(s, this.i);
      this.i += brk;
      this.lineStart = this.i;
    }
    if (this.indent === 0) this.indent = Math.max(deepest, this.parent + 1, 1);
  }

  private column(): number {
    return this.i - this.lineStart;
  }
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** Length of the line break at `k` (CRLF, CR, LF, NEL, LS, PS), 0 when there is none. */
function breakLength(s: string, k: number): number {
  const c = s.charCodeAt(k);
  if (c === 0x0d) return s.charCodeAt(k + 1) === 0x0a ? 2 : 1;
  return c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029 ? 1 : 0;
}

/** How libyaml copies a line break into a scalar: LS and PS stay, the rest read as `\n`. */
function breakText(s: string, k: number): string {
  const c = s.charCodeAt(k);
  return c === 0x2028 || c === 0x2029 ? (s[k] as string) : '\n';
}
