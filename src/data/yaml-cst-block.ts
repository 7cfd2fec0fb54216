/**
 * Block scalars of one `yaml` CST document, read libyaml's way
 * (libyaml-block-scalar.ts), for both full YAML routes (load-yaml.ts with
 * yaml-cst-values.ts, and load-standard.ts). The routes take a block
 * scalar's text from here instead of the `yaml` package's value, and leave
 * the package's errors inside a block scalar to this reading: libyaml
 * accepts some the package rejects (`|#c`) and rejects others.
 */
import type { CST } from 'yaml';
import { readLibyamlBlockScalar } from './libyaml-block-scalar.js';

/** A libyaml error inside (or right after) a block scalar. */
export interface BlockScalarProblem {
  readonly offset: number;
  readonly problem: string;
  /** Offset of the scalar's indicator (libyaml's context mark). */
  readonly start: number;
  /** Whether libyaml's scanner reported it (else its parser, on what follows the scalar). */
  readonly scanner: boolean;
}

export interface CstBlockScalars {
  /** libyaml's text of each block scalar, by the offset of its indicator. */
  readonly texts: ReadonlyMap<number, string>;
  /** The first libyaml error among the block scalars, in document order. */
  readonly problem: BlockScalarProblem | undefined;
  /** Whether `offset` lies in a block scalar (header to the end of its CST source). */
  covers(offset: number): boolean;
}

/** Reads every block scalar of `doc`, whose offsets point into `src`. */
export function readCstBlockScalars(doc: CST.Document, src: string): CstBlockScalars {
  const texts = new Map<number, string>();
  const ranges: (readonly [number, number])[] = [];
  let problem: BlockScalarProblem | undefined;
  const visit = (token: CST.Token | null | undefined): void => {
    if (token === undefined || token === null) return;
    switch (token.type) {
      case 'block-scalar': {
        const end = cstEnd(token);
        ranges.push([token.offset, end]);
        const found = readBlockScalar(token, src, end);
        if (typeof found === 'string') texts.set(token.offset, found);
        else if (problem === undefined || found.offset < problem.offset) problem = found;
        return;
      }
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        for (const item of token.items) {
          visit(item.key);
          visit(item.value);
        }
        return;
      default:
        return;
    }
  };
  visit(doc.value);
  return {
    texts,
    problem,
    covers: (offset) => ranges.some(([from, to]) => offset >= from && offset < to),
  };
}

/** Where the CST's block scalar ends: its header tokens, then its source. */
function cstEnd(token: CST.BlockScalar): number {
  let end = token.offset + 1;
  for (const p of token.props) {
    if ('source' in p && typeof p.source === 'string')
      end = Math.max(end, p.offset + p.source.length);
  }
  return end + token.source.length;
}

function readBlockScalar(
  token: CST.BlockScalar,
  src: string,
  end: number,
): string | BlockScalarProblem {
  const r = readLibyamlBlockScalar(src, token.offset, token.indent);
  if (r.kind === 'error') {
    return { offset: r.offset, problem: r.problem, start: token.offset, scanner: true };
  }
  if (r.end < end) {
    // libyaml's scalar ended earlier (its indent came from deeper leading
    // empty lines): what the package read as more text is, for libyaml,
    // content deeper than the collection but not in the scalar.
    const stray = firstContent(src, r.end, end);
    if (stray !== undefined) {
      return {
        offset: stray,
        problem: 'found content after a block scalar, less indented than its first lines',
        start: token.offset,
        scanner: false,
      };
    }
  }
  return r.text;
}

/**
 * The first offset in [from, to) holding neither spaces, line breaks nor a
 * comment. A tab counts as content: libyaml does not skip one where a
 * block-context line may start a token.
 */
function firstContent(src: string, from: number, to: number): number | undefined {
  let i = from;
  while (i < to) {
    const c = src.charCodeAt(i);
    if (c === 0x23) {
      while (i < to && !isBreak(src.charCodeAt(i))) i++;
      continue;
    }
    if (c !== 0x20 && !isBreak(c)) return i;
    i++;
  }
  return undefined;
}

/** libyaml's line breaks: LF, CR, NEL, LS, PS. */
function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}
