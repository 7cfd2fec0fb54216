/**
 * Re-roots a value: the same tree with paths starting at `path`. The `test`
 * command reads a whole spec file with the standard loader and evaluates each
 * test's `input` as a document of its own, whose paths start at the root.
 */
import { KeyPaths } from './key-positions.js';
import { listValue, mapValue } from './make.js';
import { indexPath, keyPath, ROOT_PATH } from './path.js';
import type { KeyLocation, Value } from './value.js';

export function rebaseValue(v: Value, path: string = ROOT_PATH): Value {
  switch (v.kind) {
    case 'list':
      return listValue(
        v.items.map((item, i) => rebaseValue(item, indexPath(path, i))),
        path,
        v.line,
        v.col,
      );
    case 'map': {
      const entries = new Map<string, Value>();
      for (const [k, item] of v.entries) entries.set(k, rebaseValue(item, keyPath(path, k)));
      // The standard loader's keys derive their paths from the map's: re-root that.
      if (v.keyLocations instanceof KeyPaths) {
        return mapValue(entries, new KeyPaths(entries, path), path, v.line, v.col);
      }
      const keyLocations = new Map<string, KeyLocation>();
      for (const [k, loc] of v.keyLocations) {
        // A key that carried its own path keeps doing so, under the new root.
        keyLocations.set(k, loc.path === undefined ? loc : { ...loc, path: keyPath(path, k) });
      }
      return mapValue(entries, keyLocations, path, v.line, v.col);
    }
    default:
      return { ...v, path };
  }
}
