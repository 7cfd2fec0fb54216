/**
 * The CST walk of the YAML loader (load-yaml.ts): builds Values from the
 * `yaml` package's CST with libyaml's positions (see load-yaml.ts for the
 * rules) and raises the errors the reference's event loop would, each with
 * the offset where it would have raised it. Its functions recurse into one
 * another, so they stay together here.
 */
import { CST } from 'yaml';
import type { GuardError } from '../diag/errors.js';
import {
  aliasError,
  badTaggedValueError,
  dataSyntaxError,
  nonStringKeyError,
} from './data-errors.js';
import { type DataLimits, tooDeep } from './limits.js';
import { listValue, mapValue, setEntry } from './make.js';
import { indexPath, keyPath } from './path.js';
import type { DataPosition } from './positions.js';
import { invalidUnicodeEscape } from './scan-common.js';
import { taggedList, taggedScalar } from './tagged-values.js';
import type { KeyLocation, Value } from './value.js';
import {
  isCommentOnly,
  isEmptyItem,
  NO_PROPS,
  nextFlowOffset,
  type Props,
  readProps,
  valueIndicator,
} from './yaml-cst-items.js';
import { libyamlDoubleQuoted } from './yaml-fast-quoted.js';
import type { Positions } from './yaml-first-document.js';

/**
 * An error found while walking, with the offset at which the reference's
 * event loop would have raised it; the earliest of this and the Composer's
 * first syntax error wins, as in a single left-to-right pass.
 */
export class WalkError {
  constructor(
    readonly offset: number,
    readonly error: GuardError,
  ) {}
}

/** What one walk needs everywhere: names and positions for errors, limits. */
export interface Ctx {
  readonly name: string;
  /** The file text as given (BOM included), for error quotes. */
  readonly original: string;
  readonly pos: Positions;
  /** libyaml's text of each block scalar (yaml-cst-block.ts), by its indicator's offset. */
  readonly blockTexts: ReadonlyMap<number, string>;
  readonly limits: DataLimits;
  /** First non-string key seen; raised once its map is complete. */
  pendingKeyError: WalkError | undefined;
}

function syntaxAt(ctx: Ctx, offset: number, detail: string): WalkError {
  return new WalkError(offset, dataSyntaxError(ctx.name, ctx.original, detail, ctx.pos.at(offset)));
}

export function buildNode(
  ctx: Ctx,
  token: CST.Token | null | undefined,
  props: Props,
  emptyAt: number,
  path: string,
  depth: number,
): Value {
  if (token === undefined || token === null) {
    const at = ctx.pos.at(props.start ?? emptyAt);
    return buildScalar(ctx, '', true, props.tag, path, at, props.start ?? emptyAt);
  }
  const at = ctx.pos.at(props.start ?? token.offset);
  switch (token.type) {
    case 'alias':
      // DATA-07: any alias is refused (reported like a syntax error).
      throw new WalkError(
        token.offset,
        aliasError(ctx.name, ctx.original, ctx.pos.at(token.offset)),
      );
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'block-scalar': {
      let bad: string | undefined;
      const resolved = CST.resolveAsScalar(token, false, (_o, _c, message) => {
        bad ??= message;
      });
      // A block scalar's errors are libyaml's (yaml-cst-block.ts, raised by load-yaml.ts).
      if (bad !== undefined && token.type !== 'block-scalar')
        throw syntaxAt(ctx, token.offset, bad);
      // libyaml rejects \u escapes naming a UTF-16 surrogate; `yaml` would
      // combine a pair into one character.
      if (token.type === 'double-quoted-scalar' && invalidUnicodeEscape(token.source) >= 0) {
        throw syntaxAt(ctx, token.offset, 'invalid Unicode escape (surrogate code point)');
      }
      const isPlain = token.type === 'scalar';
      const text =
        (token.type === 'double-quoted-scalar' ? libyamlDoubleQuoted(token.source) : undefined) ??
        (token.type === 'block-scalar' ? ctx.blockTexts.get(token.offset) : undefined) ??
        resolved.value;
      return buildScalar(ctx, text, isPlain, props.tag, path, at, token.offset);
    }
    case 'block-map':
    case 'flow-collection':
    case 'block-seq': {
      if (depth >= ctx.limits.maxDepth) {
        throw new WalkError(token.offset, tooDeep(ctx.name, ctx.limits, at.line, at.col));
      }
      // YAML-06: a tag on a mapping is dropped.
      if (token.type === 'block-map') return buildBlockMap(ctx, token, path, at, depth);
      if (token.type === 'flow-collection' && token.start.source !== '[') {
        return buildFlowMap(ctx, token, path, at, depth);
      }
      // YAML-05: a listed function tag wraps the list under its long name.
      return taggedList(props.tag, path, at.line, at.col, (listPath) =>
        token.type === 'block-seq'
          ? buildBlockSeq(ctx, token, listPath, at, depth)
          : buildFlowSeq(ctx, token, listPath, at, depth),
      );
    }
    default: {
      const message = token.type === 'error' ? token.message : `unexpected ${token.type}`;
      throw syntaxAt(ctx, token.offset, message);
    }
  }
}

/** YAML-01/03/04/06: a scalar and its tag; a bad core-tagged value is an error at `offset`. */
function buildScalar(
  ctx: Ctx,
  text: string,
  isPlain: boolean,
  tag: string | undefined,
  path: string,
  at: DataPosition,
  offset: number,
): Value {
  const v = taggedScalar(text, isPlain, tag, path, at.line, at.col);
  if (v === undefined) throw new WalkError(offset, badTaggedValueError(ctx.name, text, at));
  return v;
}

function buildBlockSeq(
  ctx: Ctx,
  token: CST.BlockSequence,
  path: string,
  at: DataPosition,
  depth: number,
): Value {
  const items: Value[] = [];
  for (const item of token.items) {
    const ind = item.start.find((t) => t.type === 'seq-item-ind');
    // A comment indented deeper than the last item becomes an item of its
    // own in the CST; libyaml ignores comments (checked with cfn-guard 3.1.1).
    if (ind === undefined && item.value === undefined) continue;
    const props = readProps(item.start, 0);
    const emptyAt = ind === undefined ? token.offset : ind.offset + 1;
    items.push(
      buildNode(ctx, item.value, props, emptyAt, indexPath(path, items.length), depth + 1),
    );
  }
  return listValue(items, path, at.line, at.col);
}

function buildFlowSeq(
  ctx: Ctx,
  token: CST.FlowCollection,
  path: string,
  at: DataPosition,
  depth: number,
): Value {
  const items: Value[] = [];
  const list = token.items;
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as CST.CollectionItem;
    if (isEmptyItem(item)) continue;
    const itemPath = indexPath(path, items.length);
    if (item.key !== undefined || valueIndicator(item.sep) !== undefined) {
      // `[a: 1]`: a single-pair mapping inside a flow sequence.
      const keyProps = readProps(item.start, 0);
      const pairAt = ctx.pos.at(keyProps.start ?? item.key?.offset ?? token.offset);
      const entries = new Map<string, Value>();
      const keyLocations = new Map<string, KeyLocation>();
      const next = nextFlowOffset(token, i);
      checkFlowKeyLine(ctx, item, keyProps);
      const bad = addPair(ctx, entries, keyLocations, item, keyProps, next, itemPath, depth + 1);
      if (bad !== undefined) holdKeyError(ctx, next, bad);
      items.push(mapValue(entries, keyLocations, itemPath, pairAt.line, pairAt.col));
      continue;
    }
    const props = readProps(item.start, 0);
    items.push(buildNode(ctx, item.value, props, nextFlowOffset(token, i), itemPath, depth + 1));
  }
  return listValue(items, path, at.line, at.col);
}

function buildFlowMap(
  ctx: Ctx,
  token: CST.FlowCollection,
  path: string,
  at: DataPosition,
  depth: number,
): Value {
  const entries = new Map<string, Value>();
  const keyLocations = new Map<string, KeyLocation>();
  const list = token.items;
  let bad: DataPosition | undefined;
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as CST.CollectionItem;
    if (isEmptyItem(item)) continue;
    const props = readProps(item.start, 0);
    const next = nextFlowOffset(token, i);
    checkFlowKeyLine(ctx, item, props);
    bad ??= addPair(ctx, entries, keyLocations, item, props, next, path, depth);
  }
  if (bad !== undefined) holdKeyError(ctx, token.end[0]?.offset ?? token.offset, bad);
  return mapValue(entries, keyLocations, path, at.line, at.col);
}

function buildBlockMap(
  ctx: Ctx,
  token: CST.BlockMap,
  path: string,
  at: DataPosition,
  depth: number,
): Value {
  const entries = new Map<string, Value>();
  const keyLocations = new Map<string, KeyLocation>();
  let bad: DataPosition | undefined;
  let end = token.offset;
  for (const item of token.items) {
    if (isCommentOnly(item)) continue;
    const ind = valueIndicator(item.sep);
    const emptyAt = ind === undefined ? (item.key?.offset ?? token.offset) : ind.offset + 1;
    bad ??= addPair(
      ctx,
      entries,
      keyLocations,
      item,
      readProps(item.start, 0),
      emptyAt,
      path,
      depth,
    );
    end = item.value?.offset ?? emptyAt;
  }
  if (bad !== undefined) holdKeyError(ctx, end, bad);
  return mapValue(entries, keyLocations, path, at.line, at.col);
}

/**
 * libyaml takes an implicit key in a flow collection only when its `:` is
 * on the line where the key starts (`{'k\n  j': 1}` and `{"k"\n: 1}` are
 * errors there, checked with cfn-guard 3.1.1); the `yaml` package takes both.
 * Explicit `? k` keys may span lines.
 */
function checkFlowKeyLine(ctx: Ctx, item: CST.CollectionItem, keyProps: Props): void {
  const ind = valueIndicator(item.sep);
  if (item.key === undefined || item.key === null || ind === undefined) return;
  if (item.start.some((t) => t.type === 'explicit-key-ind')) return;
  const keyLine = ctx.pos.at(keyProps.start ?? item.key.offset).line;
  if (ctx.pos.at(ind.offset).line !== keyLine) {
    throw syntaxAt(ctx, ind.offset, 'an implicit flow key and its ":" must be on one line');
  }
}

/**
 * DATA-06: the reference checks keys when a mapping ends, so the first map to
 * be completed reports its first non-string key; inner maps complete first.
 */
function holdKeyError(ctx: Ctx, endOffset: number, at: DataPosition): void {
  ctx.pendingKeyError ??= new WalkError(endOffset, nonStringKeyError(ctx.name, at));
}

/** Adds one key/value pair; returns the key's position when it is not a string. */
function addPair(
  ctx: Ctx,
  entries: Map<string, Value>,
  keyLocations: Map<string, KeyLocation>,
  item: CST.CollectionItem,
  keyProps: Props,
  emptyAt: number,
  mapPath: string,
  depth: number,
): DataPosition | undefined {
  // A flow item without a key (`{ : v }`) or a value-only item has an empty key.
  const keyToken = item.key ?? (item.sep === undefined ? item.value : undefined);
  const ind = valueIndicator(item.sep);
  const key = buildNode(ctx, keyToken, keyProps, ind?.offset ?? emptyAt, mapPath, depth + 1);
  const valueProps =
    ind === undefined
      ? NO_PROPS
      : readProps(item.sep, (item.sep as CST.SourceToken[]).indexOf(ind));
  const valueToken = item.sep === undefined ? undefined : item.value;
  const valuePath = key.kind === 'string' ? keyPath(mapPath, key.value) : mapPath;
  const value = buildNode(ctx, valueToken, valueProps, emptyAt, valuePath, depth + 1);
  if (key.kind !== 'string') return { line: key.line, col: key.col };
  setEntry(entries, keyLocations, key.value, value, key.line, key.col);
  return undefined;
}
