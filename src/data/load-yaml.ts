/**
 * validate's YAML loader (DATA-01..07, YAML-01..07): the reference reads every
 * data file through libyaml events; tsguard reads the `yaml` package's CST and
 * builds Values itself, because positions must follow libyaml's marks:
 * - a node starts at its first property (anchor or tag) if it has one
 *   (`r: !Ref X` puts both the wrapper map and `X` at the tag);
 * - a block mapping starts at its first key, a block sequence at its first
 *   `-`, a flow collection at its bracket;
 * - an empty value in a block mapping or sequence sits right after its `:` or
 *   `-`; in a flow collection at the next `,` or closing bracket; an empty
 *   document at the next token (end of input for `---` alone).
 *
 * The `yaml` Composer runs over the same first document purely to detect
 * syntax errors (libyaml-style rejections such as tab indentation). Only the
 * first document is read (DATA-01): later documents are never composed, so
 * errors in them are not reported, like the reference.
 *
 * Where the `yaml` package and libyaml disagree on quoted scalars: a
 * continuation line left of its block is repaired before composing
 * (quoted-indent.ts; positions map back to the original text), as is one
 * of a flow collection (flow-indent.ts), and empty
 * lines after an escaped line break fold libyaml's way (libyamlDoubleQuoted
 * in yaml-fast-quoted.ts). An implicit flow key whose `:` is on a later line
 * is an error, as in libyaml (checkFlowKeyLine). Block scalars take libyaml's
 * text and errors (yaml-cst-block.ts), not the package's.
 *
 * This file runs the steps; the `yaml` package's parse, depth check and
 * Composer are in yaml-first-document.ts, the CST walk in yaml-cst-values.ts.
 */
import { dataSyntaxError, emptyDataError } from './data-errors.js';
import { checkControlCharacters } from './libyaml-reader.js';
import type { DataLimits } from './limits.js';
import { ROOT_PATH } from './path.js';
import { PositionIndex } from './positions.js';
import { repairQuotedIndent } from './quoted-indent.js';
import type { Value } from './value.js';
import { readCstBlockScalars } from './yaml-cst-block.js';
import { readProps } from './yaml-cst-items.js';
import { buildNode, type Ctx, WalkError } from './yaml-cst-values.js';
import {
  checkDepth,
  composeFirst,
  mappedPositions,
  type Positions,
  parseFirstDocument,
  syntaxFromComposer,
} from './yaml-first-document.js';

/** Loads the first YAML document of `text` the way `cfn-guard validate` does. */
export function loadYamlDocument(text: string, name: string, limits: DataLimits): Value {
  checkControlCharacters(text, name);
  const bom = text.charCodeAt(0) === 0xfeff;
  // libyaml also breaks lines at a lone CR; `yaml` does not. Replacing it
  // with LF keeps every offset unchanged.
  const src = (bom ? text.slice(1) : text).replace(/\r(?!\n)/g, '\n');
  let pos: Positions = new PositionIndex(src, bom);
  let first = parseFirstDocument(src);
  let parsed = src;
  checkDepth(first, name, limits, pos);
  let doc = composeFirst(first.tokens);
  if (first.docToken !== undefined && doc !== undefined && doc.errors.length > 0) {
    // libyaml takes quoted scalars and flow collections continued left of
    // their block; `yaml` does not.
    const repair = repairQuotedIndent(src, first.docToken, (t) => parseFirstDocument(t).docToken);
    if (repair !== undefined) {
      pos = mappedPositions(pos, repair.toOriginal);
      parsed = repair.text;
      first = parseFirstDocument(repair.text);
      checkDepth(first, name, limits, pos);
      doc = composeFirst(first.tokens);
    }
  }
  const { docToken, nextOffset } = first;
  if (docToken === undefined || doc === undefined) {
    if (doc !== undefined && doc.errors.length > 0) {
      throw syntaxFromComposer(name, text, pos, doc.errors[0]);
    }
    // No document at all: only comments (the reference panics here; see
    // DIVERGENCES.md "err-data-comments-only") – report it as empty (DATA-02).
    throw emptyDataError(name);
  }
  // Block scalars read libyaml's way; the package's errors inside them do not count.
  const blocks = readCstBlockScalars(docToken, parsed);
  const firstSyntax = doc.errors.find((e) => !blocks.covers(e.pos[0]));
  const syntaxOffset = firstSyntax === undefined ? Number.POSITIVE_INFINITY : firstSyntax.pos[0];

  const ctx: Ctx = {
    name,
    original: text,
    pos,
    limits,
    blockTexts: blocks.texts,
    pendingKeyError: undefined,
  };
  let root: Value | undefined;
  let walkError: WalkError | undefined;
  try {
    const props = readProps(docToken.start, 0);
    const emptyAt = docToken.end?.[0]?.offset ?? nextOffset;
    root = buildNode(ctx, docToken.value, props, emptyAt, ROOT_PATH, 0);
    walkError = ctx.pendingKeyError;
  } catch (e) {
    if (!(e instanceof WalkError)) throw e;
    walkError = e;
  }
  const bad = blocks.problem;
  if (bad !== undefined && (walkError === undefined || bad.offset < walkError.offset)) {
    const at = pos.at(bad.offset);
    walkError = new WalkError(bad.offset, dataSyntaxError(name, text, bad.problem, at));
  }
  if (walkError !== undefined && walkError.offset < syntaxOffset) throw walkError.error;
  if (firstSyntax !== undefined) throw syntaxFromComposer(name, text, pos, firstSyntax);
  if (walkError !== undefined) throw walkError.error;
  return root as Value;
}
