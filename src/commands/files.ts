/**
 * Turning command-line paths into the list of files a command reads, in the
 * reference's order (CLI-VAL-01/02/06/15 for validate, TEST-03/06 for test).
 * Everything goes through `Io`, so the walk is testable on temp folders.
 */
import { GuardError } from '../diag/errors.js';
import type { DirEntry, Io } from './io.js';
import { describeIoError } from './io-errors.js';

/** Directory scans keep only these rules files (CLI-VAL-01). */
export const RULES_EXTENSIONS: readonly string[] = ['.guard', '.ruleset'];
/** Data files, directly named or found in a directory, must end with one of these (CLI-VAL-02); case-sensitive. */
export const DATA_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json', '.jsn', '.template'];
/** `test -t` keeps these (TEST-03); the upper-case pair is the reference's own list. */
export const TEST_DATA_EXTENSIONS: readonly string[] = [
  '.json',
  '.yaml',
  '.yml',
  '.jsn',
  '.JSON',
  '.YAML',
];
/** Test specs found in a `-d` layout's `tests/` folders (TEST-06). */
export const TEST_SPEC_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json', '.jsn'];

/**
 * Sibling order inside a directory walk: by file name (default, `-a`), by
 * modification time, oldest first (`-m`), or as the directory lists them
 * (`test -t DIR` without `-a`/`-m`).
 */
export type FileOrder = 'alphabetical' | 'last-modified' | 'filesystem';

export interface FoundFile {
  /** Path to read, built from the command-line argument (relative stays relative). */
  readonly path: string;
  /** Name the reports show: base name for rules, canonical absolute path for data. */
  readonly name: string;
}

/** CLI-VAL-15 / TEST-01: the reference checks each path before it reads anything from it. */
export function pathNotFound(path: string): GuardError {
  const text = `The path \`${path}\` does not exist`;
  return new GuardError('IO_NOT_FOUND', text, { compat: text });
}

export function assertPathExists(io: Io, path: string): void {
  if (io.stat(path) === undefined) throw pathNotFound(path);
}

export function hasExtension(name: string, extensions: readonly string[]): boolean {
  return extensions.some((ext) => name.endsWith(ext));
}

export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const at = trimmed.lastIndexOf('/');
  return at === -1 ? trimmed : trimmed.slice(at + 1);
}

/** `dir` + `/` + `name`, without doubling a trailing slash (like Rust's `Path::join`). */
export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

/** Byte-order comparison of names, as Rust compares `OsStr`s (equal to code-unit order for BMP text). */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortEntries(
  io: Io,
  dir: string,
  entries: readonly DirEntry[],
  order: FileOrder,
): DirEntry[] {
  if (order === 'filesystem') return [...entries];
  const byName = [...entries].sort((a, b) => compareNames(a.name, b.name));
  if (order === 'alphabetical') return byName;
  const mtime = (e: DirEntry): number => io.stat(joinPath(dir, e.name))?.mtimeMs ?? 0;
  return byName.sort((a, b) => mtime(a) - mtime(b));
}

/**
 * Every regular file under `root` (or `root` itself when it is a file),
 * depth-first, siblings in `order`; directories are entered where they sort.
 */
export function walkFiles(io: Io, root: string, order: FileOrder): string[] {
  const stat = io.stat(root);
  if (stat === undefined) return [];
  if (stat.isFile) return [root];
  if (!stat.isDirectory) return [];
  const out: string[] = [];
  walkDirectory(io, root, order, out);
  return out;
}

/** The files under directory `dir`, by the listing's entry types (stat only where it cannot tell). */
function walkDirectory(io: Io, dir: string, order: FileOrder, out: string[]): void {
  for (const entry of sortEntries(io, dir, listDirectory(io, dir), order)) {
    const path = joinPath(dir, entry.name);
    switch (entry.type) {
      case 'file':
        out.push(path);
        break;
      case 'directory':
        walkDirectory(io, path, order, out);
        break;
      case 'unknown':
        for (const file of walkFiles(io, path, order)) out.push(file);
        break;
      case 'other':
        break;
    }
  }
}

/** A directory that cannot be listed is an I/O error naming it, not a crash. */
function listDirectory(io: Io, dir: string): readonly DirEntry[] {
  try {
    return io.listDir(dir);
  } catch (err) {
    const text = `I/O error when reading ${dir}: ${describeIoError(err)}`;
    throw new GuardError('IO_READ', text, { compat: text });
  }
}

/**
 * validate `-r` (CLI-VAL-01): a file is used whatever its extension, a
 * directory contributes its `.guard`/`.ruleset` files. Names are base names.
 */
export function expandRulesPaths(io: Io, paths: readonly string[], order: FileOrder): FoundFile[] {
  const out: FoundFile[] = [];
  for (const path of paths) {
    assertPathExists(io, path);
    const isDirectFile = io.stat(path)?.isFile === true;
    for (const file of walkFiles(io, path, order)) {
      if (isDirectFile || hasExtension(baseName(file), RULES_EXTENSIONS)) {
        out.push({ path: file, name: baseName(file) });
      }
    }
  }
  return out;
}

/**
 * validate `-d` and `-i` (CLI-VAL-02/04): only files with a data extension,
 * even when named directly; names are canonical absolute paths.
 */
export function expandDataPaths(io: Io, paths: readonly string[], order: FileOrder): FoundFile[] {
  const out: FoundFile[] = [];
  for (const path of paths) {
    assertPathExists(io, path);
    for (const file of walkFiles(io, path, order)) {
      if (hasExtension(baseName(file), DATA_EXTENSIONS)) {
        out.push({ path: file, name: io.realpath(file) });
      }
    }
  }
  return out;
}

/** test `-t` (TEST-03): spec files under a file or directory, extension-filtered. */
export function expandTestDataPath(io: Io, path: string, order: FileOrder): string[] {
  assertPathExists(io, path);
  return walkFiles(io, path, order).filter((f) => hasExtension(baseName(f), TEST_DATA_EXTENSIONS));
}

export interface TestDirEntry {
  /** Rules file path as the reference prints it (`rules/s3_logging.guard`). */
  readonly rulesFile: string;
  /** Spec files attached to it, in name order. */
  readonly specs: readonly string[];
}

function parentOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at === -1 ? '' : path.slice(0, at);
}

function stem(name: string): string {
  const at = name.lastIndexOf('.');
  return at <= 0 ? name : name.slice(0, at);
}

/**
 * test `-d DIR` (TEST-06): rules files anywhere under DIR, in name order; a
 * spec lives in a `tests` folder next to its rules file and belongs to the
 * first rules file (in name order) of that folder whose stem starts its name.
 */
export function collectTestDirectory(io: Io, dir: string): TestDirEntry[] {
  assertPathExists(io, dir);
  const files = walkFiles(io, dir, 'alphabetical');
  const rules = files.filter((f) => hasExtension(baseName(f), RULES_EXTENSIONS));
  const specsOf = new Map<string, string[]>(rules.map((r) => [r, []]));
  for (const file of files) {
    const name = baseName(file);
    const folder = parentOf(file);
    if (baseName(folder) !== 'tests' || !hasExtension(name, TEST_SPEC_EXTENSIONS)) continue;
    const home = parentOf(folder);
    const owner = rules.find((r) => parentOf(r) === home && name.startsWith(stem(baseName(r))));
    if (owner !== undefined) specsOf.get(owner)?.push(file);
  }
  return rules.map((r) => ({ rulesFile: r, specs: specsOf.get(r) ?? [] }));
}
