/**
 * Small readers over the `yaml` package's CST for load-yaml.ts: node
 * properties, separators and the items the CST keeps but libyaml never
 * reports (comment-only and empty items).
 */
import type { CST } from 'yaml';

/** Anchor/tag properties written before a node. */
export interface Props {
  readonly tag: string | undefined;
  /** Offset of the first property, which is where libyaml starts the node. */
  readonly start: number | undefined;
}

export const NO_PROPS: Props = { tag: undefined, start: undefined };

/** The properties among `tokens` from index `from` on. */
export function readProps(tokens: readonly CST.SourceToken[] | undefined, from: number): Props {
  if (tokens === undefined) return NO_PROPS;
  let tag: string | undefined;
  let start: number | undefined;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i] as CST.SourceToken;
    if (t.type === 'tag') {
      tag = t.source;
      start ??= t.offset;
    } else if (t.type === 'anchor') {
      start ??= t.offset;
    }
  }
  return tag === undefined && start === undefined ? NO_PROPS : { tag, start };
}

/** The `:` token of a map item's separator, if any. */
export function valueIndicator(
  sep: readonly CST.SourceToken[] | undefined,
): CST.SourceToken | undefined {
  return sep?.find((t) => t.type === 'map-value-ind');
}

/** Where an empty value of flow item `i` sits: the next `,` or the closing bracket. */
export function nextFlowOffset(token: CST.FlowCollection, i: number): number {
  const next = token.items[i + 1];
  const comma = next?.start.find((t) => t.type === 'comma');
  if (comma !== undefined) return comma.offset;
  return token.end[0]?.offset ?? token.offset;
}

/** An item with no key, separator or value (only props, commas or comments). */
export function isEmptyItem(item: CST.CollectionItem): boolean {
  return item.key === undefined && item.sep === undefined && item.value === undefined;
}

/**
 * A block-map item holding only comments (one indented deeper than the last
 * value): the CST keeps it as an item, libyaml ignores comments.
 */
export function isCommentOnly(item: CST.BlockMap['items'][number]): boolean {
  return isEmptyItem(item) && !item.start.some((t) => t.type === 'explicit-key-ind');
}
