/**
 * `test -d DIR` layout (TEST-06) in the reference's order. files.ts finds
 * the rules files and attaches specs from `tests/` folders; the reference
 * then keys rules files by their parent folder in a sorted map, so rules
 * files are grouped by folder path (string order) before name order. A
 * plain depth-first walk differs when a folder name sorts before a sibling
 * rules file (`rules/a/x.guard` vs `rules/a.guard`): `rules` < `rules/a`.
 */
import { collectTestDirectory, type TestDirEntry } from './files.js';
import type { Io } from './io.js';

export interface OrderedTestEntry extends TestDirEntry {
  /**
   * File name without `.guard`/`.ruleset`: the name the rules are parsed
   * under in this mode, so the default rule is `<stem>/default` (DSL-02).
   */
  readonly prefix: string;
}

function parentOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at === -1 ? '' : path.slice(0, at);
}

function stemOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.endsWith('.guard')) return name.slice(0, -'.guard'.length);
  if (name.endsWith('.ruleset')) return name.slice(0, -'.ruleset'.length);
  return name;
}

export function collectOrderedTestDirectory(io: Io, dir: string): OrderedTestEntry[] {
  const entries = collectTestDirectory(io, dir).map((e) => ({ ...e, prefix: stemOf(e.rulesFile) }));
  // Array.prototype.sort is stable: within one folder the walk's name order stays.
  return entries.sort((a, b) => {
    const pa = parentOf(a.rulesFile);
    const pb = parentOf(b.rulesFile);
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  });
}
