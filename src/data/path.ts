/**
 * JSON-pointer-like value paths (DATA-04). The reference joins raw key text
 * with `/` and does NOT escape `/` or `~` inside keys: a key `x/y~z` under
 * `a` prints as `/a/x/y~z` (checked against cfn-guard 3.1.1). tsguard prints
 * the same, so paths are for display only and never parsed back.
 */

/** Path of the root value (and of rule literals). */
export const ROOT_PATH = '';

export function keyPath(parent: string, key: string): string {
  return `${parent}/${key}`;
}

export function indexPath(parent: string, index: number): string {
  return `${parent}/${index}`;
}
