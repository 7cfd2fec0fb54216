/**
 * libyaml's wording for the parse errors the standard loader (YAML-08) meets
 * most: a flow collection or a quoted scalar left open at the end of the
 * text. The reference's serde_yaml route prints libyaml's problem, mark and
 * context, e.g. for `json_parse("{not json")` (FN-json_parse) and rulegen:
 *
 *   did not find expected ',' or '}' at line 2 column 1, while parsing a flow mapping
 *   found unexpected end of stream at line 1 column 5, while scanning a quoted scalar
 *
 * Marks print 1-based; a mark at line 1 column 1 is left out, and so is a
 * context mark equal to the problem mark (serde_yaml's Display). Columns
 * count characters (code points), as libyaml's marks do. Other errors get no
 * libyaml text (undefined): callers keep their own message.
 */

import { BLOCK_SCALAR_CONTEXT } from './libyaml-block-scalar.js';

interface Mark {
  readonly line: number;
  readonly col: number;
}

/** What the `yaml` package reports that this module knows how to restate. */
export interface YamlErrorInfo {
  readonly message: string;
  /** Offset where the `yaml` package puts the error. */
  readonly offset: number;
}

interface Open {
  readonly kind: 'map' | 'seq' | 'single' | 'double';
  readonly at: number;
}

const UNCLOSED_FLOW = /^Flow (map|sequence)\b.*end with a [}\]]/;
const UNCLOSED_QUOTE = /^Missing closing ['"]quote/;

/**
 * The libyaml text for `errors` (the document's errors, in the `yaml`
 * package's order) over `src`, or undefined when they are not an unclosed
 * flow collection or quoted scalar at the end of the text.
 */
export function libyamlProblem(src: string, errors: readonly YamlErrorInfo[]): string | undefined {
  const atEnd = errors.filter((e) => e.offset >= src.trimEnd().length);
  const known = atEnd.some((e) => UNCLOSED_FLOW.test(e.message) || UNCLOSED_QUOTE.test(e.message));
  if (!known || atEnd.length !== errors.length) return undefined;
  const open = innermostOpen(src);
  if (open === undefined) return undefined;
  const context = markAt(src, open.at);
  if (open.kind === 'single' || open.kind === 'double') {
    // The scanner fails on the end of the text itself: no forced line break.
    return format(
      'found unexpected end of stream',
      markAt(src, src.length),
      'while scanning a quoted scalar',
      context,
    );
  }
  const closer = open.kind === 'map' ? '}' : ']';
  return format(
    `did not find expected ',' or '${closer}'`,
    streamEndMark(src),
    `while parsing a flow ${open.kind === 'map' ? 'mapping' : 'sequence'}`,
    context,
  );
}

/**
 * libyaml's error for a `\u`/`\U` escape naming no character (found by
 * scan-common.ts invalidUnicodeEscape): the problem is marked after the
 * `\u`, the context at the scalar's opening quote.
 */
export function invalidEscapeProblem(src: string, quoteAt: number, escapeAt: number): string {
  return format(
    'found invalid Unicode character escape code',
    markAt(src, escapeAt + 2),
    'while parsing a quoted scalar',
    markAt(src, quoteAt),
  );
}

function format(problem: string, mark: Mark, context: string, contextMark: Mark): string {
  let text = problem;
  if (mark.line !== 0 || mark.col !== 0) text += ` at ${showMark(mark)}`;
  text += `, ${context}`;
  const isOrigin = contextMark.line === 0 && contextMark.col === 0;
  const isSame = contextMark.line === mark.line && contextMark.col === mark.col;
  if (!isOrigin && !isSame) text += ` at ${showMark(contextMark)}`;
  return text;
}

function showMark(mark: Mark): string {
  return `line ${mark.line + 1} column ${mark.col + 1}`;
}

/** 0-based line and code-point column of `offset` (CRLF is one break). */
function markAt(src: string, offset: number): Mark {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && src.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: [...src.slice(lineStart, offset)].length };
}

/** libyaml ends the stream on a fresh line: a last line without a break counts as ended. */
function streamEndMark(src: string): Mark {
  const end = markAt(src, src.length);
  return end.col === 0 ? end : { line: end.line + 1, col: 0 };
}

/**
 * Scans for the innermost flow collection or quoted scalar still open at the
 * end of the text. Brackets and quotes only start a token where YAML lets a
 * token start (line start, after blanks, or after a flow indicator), so
 * `a: b[c` or `it's` in block context are plain text. Comments are skipped.
 */
function innermostOpen(src: string): Open | undefined {
  const stack: Open[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    const prev = i === 0 ? '\n' : (src[i - 1] as string);
    const inFlow = stack.length > 0;
    const tokenStart = /[\s,[{]/.test(prev) || (inFlow && prev === ':');
    if (c === '#' && /\s/.test(prev)) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if ((c === '"' || c === "'") && tokenStart) {
      const end = closingQuote(src, i);
      if (end === undefined) {
        stack.push({ kind: c === '"' ? 'double' : 'single', at: i });
        return stack[stack.length - 1];
      }
      i = end + 1;
      continue;
    }
    if ((c === '[' || c === '{') && (inFlow || tokenStart)) {
      stack.push({ kind: c === '{' ? 'map' : 'seq', at: i });
    } else if ((c === ']' || c === '}') && inFlow) {
      stack.pop();
    }
    i++;
  }
  return stack[stack.length - 1];
}

/** Offset of the quote closing the scalar opened at `start`, or undefined. */
function closingQuote(src: string, start: number): number | undefined {
  const q = src[start];
  for (let i = start + 1; i < src.length; i++) {
    const c = src[i];
    if (q === '"' && c === '\\') {
      i++;
    } else if (c === q) {
      if (q === "'" && src[i + 1] === "'") i++;
      else return i;
    }
  }
  return undefined;
}

/**
 * libyaml's text for an error its scanner raises in a block scalar
 * (libyaml-block-scalar.ts): the problem at `offset`, in the context of the
 * scalar's indicator at `start`. Undefined for an error its parser raises
 * on what follows the scalar (`scanner` false), whose text is not known here.
 */
export function blockScalarProblem(
  src: string,
  found: {
    readonly offset: number;
    readonly problem: string;
    readonly start: number;
    readonly scanner: boolean;
  },
): string | undefined {
  if (!found.scanner) return undefined;
  return format(
    found.problem,
    markAt(src, found.offset),
    BLOCK_SCALAR_CONTEXT,
    markAt(src, found.start),
  );
}
