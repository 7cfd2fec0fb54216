/**
 * The `yaml` package's side of the YAML loader (load-yaml.ts): parsing up to
 * the first document, the depth check before composing, the Composer run
 * that finds syntax errors, and the offset → line/column mapping they share.
 * Kept apart from the CST walk because none of it builds Values.
 */
import { Composer, type CST, type Document, Parser } from 'yaml';
import type { GuardError } from '../diag/errors.js';
import { findTooDeep } from './cst-depth.js';
import { dataSyntaxError } from './data-errors.js';
import { type DataLimits, tooDeep } from './limits.js';
import type { DataPosition } from './positions.js';

/** Offsets of the text the `yaml` package reads → libyaml's line and column. */
export interface Positions {
  at(offset: number): DataPosition;
}

export function mappedPositions(pos: Positions, toOriginal: (offset: number) => number): Positions {
  return { at: (offset) => pos.at(toOriginal(offset)) };
}

export interface FirstDocument {
  /** The tokens up to and including the first document. */
  readonly tokens: readonly CST.Token[];
  readonly docToken: CST.Document | undefined;
  /** Where the next document (or the end of input) starts. */
  readonly nextOffset: number;
}

/** Parses up to the first document only (later documents are never read, DATA-01). */
export function parseFirstDocument(src: string): FirstDocument {
  const tokens: CST.Token[] = [];
  let docToken: CST.Document | undefined;
  let nextOffset = src.length;
  let ended = false;
  // A stray `]` or `}` after the last node still belongs to the first
  // document for libyaml (an error there, checked with cfn-guard 3.1.1);
  // `yaml` ends the document before it, and may emit the error token before
  // the next document's token although it comes after that one's `---`.
  const strays: CST.Token[] = [];
  let limit = src.length;
  for (const token of new Parser().parse(src)) {
    if (docToken !== undefined) {
      if (!ended) nextOffset = token.offset;
      ended = true;
      if (token.type === 'error') strays.push(token);
      else if (token.type !== 'comment' && token.type !== 'newline' && token.type !== 'space') {
        limit = token.offset;
        break;
      }
      continue;
    }
    if (token.type === 'document') docToken = token;
    tokens.push(token);
  }
  // An explicit end (`...`) is a token of its own: strays after it are not kept.
  for (const t of strays) if (t.offset < limit) tokens.push(t);
  return { tokens, docToken, nextOffset };
}

/** Refuses deep nesting before the (recursive) Composer sees it. */
export function checkDepth(
  first: FirstDocument,
  name: string,
  limits: DataLimits,
  pos: Positions,
): void {
  if (first.docToken === undefined) return;
  const deep = findTooDeep(first.docToken, limits.maxDepth);
  if (deep !== undefined) {
    const at = pos.at(deep);
    throw tooDeep(name, limits, at.line, at.col);
  }
}

/** The `yaml` Composer over the first document's tokens: its syntax errors. */
export function composeFirst(tokens: readonly CST.Token[]): Document.Parsed | undefined {
  const composer = new Composer({ uniqueKeys: false, schema: 'failsafe' });
  for (const token of tokens) {
    for (const _ of composer.next(token)) {
      // Nothing is yielded before the first document is complete.
    }
  }
  return [...composer.end(true)][0];
}

export function syntaxFromComposer(
  name: string,
  text: string,
  pos: Positions,
  err: { readonly message: string; readonly pos: readonly [number, number] } | undefined,
): GuardError {
  if (err === undefined) return dataSyntaxError(name, text, 'invalid YAML');
  const firstLine = err.message.split('\n')[0] ?? err.message;
  return dataSyntaxError(name, text, firstLine, pos.at(err.pos[0]));
}
