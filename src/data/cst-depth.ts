/**
 * Nesting-depth guard over the `yaml` CST. The CST parser is iterative, but
 * the `yaml` Composer and tsguard's own builders recurse once per level, so a
 * 10k-deep `[[[[…` must be refused before either runs (DATA_TOO_DEEP). This
 * walk keeps its own stack and never recurses.
 */
import type { CST } from 'yaml';

/** Offset of the first collection nested deeper than `maxDepth`, or undefined. */
export function findTooDeep(root: CST.Token | undefined, maxDepth: number): number | undefined {
  if (root === undefined) return undefined;
  const stack: Array<[CST.Token, number]> = [[root, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [token, depth] = next;
    switch (token.type) {
      case 'document':
        if (token.value !== undefined) stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth >= maxDepth) return token.offset;
        for (const item of token.items) {
          if (item.key !== undefined && item.key !== null) stack.push([item.key, depth + 1]);
          if (item.value !== undefined) stack.push([item.value, depth + 1]);
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}
