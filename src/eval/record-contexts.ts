/**
 * Memoised record-context strings for clause nodes: these texts depend only on
 * a rules-file node (and the file's name), so they are built once per node
 * rather than once per evaluation. Kept out of blocks.ts, which only reads them.
 */
import type { BlockClause, NamedRuleRef, Rule, TypeBlock } from '../syntax/ast.js';
import { locationDisplay } from './display.js';

// Record contexts that depend only on a rules-file node and the file's name:
// built once per node instead of once per evaluation.
type TextMemo = WeakMap<object, { readonly file: string; readonly text: string }>;

export function memoText<N extends object>(
  memo: TextMemo,
  node: N,
  file: string,
  build: (node: N, file: string) => string,
): string {
  const hit = memo.get(node);
  if (hit !== undefined && hit.file === file) return hit.text;
  const text = build(node, file);
  memo.set(node, { file, text });
  return text;
}

export const namedRuleContexts: TextMemo = new WeakMap();
export const blockClauseContexts: TextMemo = new WeakMap();
export const missingBlockContexts: TextMemo = new WeakMap();

export const namedRuleContext = (ref: NamedRuleRef, file: string): string =>
  `Rule(${ref.rule}@${locationDisplay(file, ref.location)})`;
export const blockClauseContext = (clause: BlockClause, file: string): string =>
  `BlockGuardClause#${locationDisplay(file, clause.location)}`;
export const missingBlockContext = (clause: BlockClause, file: string): string =>
  `GuardBlockAccessClause#${locationDisplay(file, clause.location)}`;

/** Record contexts that depend on the node alone, built once per node. */
export function nodeText<N extends object>(
  memo: WeakMap<N, string>,
  node: N,
  build: (node: N) => string,
): string {
  let text = memo.get(node);
  if (text === undefined) {
    text = build(node);
    memo.set(node, text);
  }
  return text;
}

export const ruleWhenContexts = new WeakMap<Rule, string>();
export const typeBlockContexts = new WeakMap<TypeBlock, string>();
export const typeWhenContexts = new WeakMap<TypeBlock, string>();
export const ruleWhenContext = (rule: Rule): string => `Rule#${rule.name}/When`;
export const typeBlockContext = (block: TypeBlock): string => `TypeBlock#${block.typeName}`;
export const typeWhenContext = (block: TypeBlock): string => `TypeBlock#${block.typeName}/When`;
