/**
 * The one door between tsguard and the operating system. Commands receive an
 * `Io` and never touch `process` or `node:fs` themselves, so the conformance
 * suite and unit tests can run every command in-process against a temp folder
 * with captured output (architecture.md: "thin CLIs, injected Reader/Writer").
 */
import {
  type Dirent,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { isAbsolute } from 'node:path';

export interface FileStat {
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  /** Modification time in milliseconds since the epoch (CLI-VAL-06 `-m`). */
  readonly mtimeMs: number;
}

/**
 * One directory entry with what the listing already knows of it, so a walk
 * over hundreds of rules files needs no `stat` per file: `other` (a socket,
 * a FIFO…) is skipped like a stat that is neither file nor directory;
 * `unknown` (a symbolic link, or a file system that does not say) must be
 * stat-ed, which follows links.
 */
export interface DirEntry {
  readonly name: string;
  readonly type: 'file' | 'directory' | 'other' | 'unknown';
}

export interface OutputStream {
  write(text: string): void;
}

export interface Io {
  /** Absolute path that relative command-line paths are resolved against. */
  readonly cwd: string;
  /** Raw bytes of a file (callers decide how to decode: rules files must be UTF-8). */
  readFile(path: string): Uint8Array;
  /** The whole of standard input ('' when stdin is empty or closed). */
  readStdin(): string;
  writeFile(path: string, text: string): void;
  /** `undefined` when nothing exists at the path; follows symbolic links. */
  stat(path: string): FileStat | undefined;
  /** Entries of a directory, in no particular order. */
  listDir(path: string): readonly DirEntry[];
  /** Canonical absolute path (symbolic links resolved), like Rust's `canonicalize`. */
  realpath(path: string): string;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Environment variables the commands consult (`TSGUARD_THREADS`); none when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface NodeIoOptions {
  /** Working directory (default: `process.cwd()`). */
  readonly cwd?: string;
  /** Standard input text (default: the process's stdin, read once on demand). */
  readonly stdin?: string;
  readonly stdout?: OutputStream;
  readonly stderr?: OutputStream;
  /** Environment (default: `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The real file system. Without options this is the running process (its cwd
 * and stdio); tests pass a scratch `cwd`, a `stdin` text and capturing streams
 * to run a command in-process exactly as `bin/tsguard.js` would.
 */
export function nodeIo(options: NodeIoOptions = {}): Io {
  const cwd = options.cwd ?? process.cwd();
  // Relative paths are resolved by the kernel, as the reference's Rust
  // std::fs resolves them (`a/../b` climbs from where `a` really is, and
  // fails when `a` does not exist), not lexically by path.resolve; that also
  // saves a resolve per rules file. An empty path stays empty, so it does
  // not exist (as in the reference) instead of naming the working directory.
  const own = cwd === process.cwd();
  const abs = (p: string): string =>
    p === '' || own || isAbsolute(p) ? p : `${cwd.endsWith('/') ? cwd : `${cwd}/`}${p}`;
  const stdinText = options.stdin;
  return {
    cwd,
    env: options.env ?? process.env,
    readFile: (path) => readFileSync(abs(path)),
    readStdin: () => {
      if (stdinText !== undefined) return stdinText;
      try {
        return readFileSync(0, 'utf8');
      } catch {
        // A closed or absent stdin (EAGAIN on a TTY, EOF) reads as empty input.
        return '';
      }
    },
    writeFile: (path, text) => writeFileSync(abs(path), text),
    stat: (path) => {
      try {
        const s = statSync(abs(path));
        return { isFile: s.isFile(), isDirectory: s.isDirectory(), mtimeMs: s.mtimeMs };
      } catch {
        return undefined;
      }
    },
    listDir: (path) => readdirSync(abs(path), { withFileTypes: true }).map(direntOf),
    // The native call (libc realpath) resolves `..` after a link as the kernel
    // does; the JavaScript one resolves the path lexically first.
    realpath: (path) => realpathSync.native(abs(path)),
    stdout: options.stdout ?? { write: (text) => void process.stdout.write(text) },
    stderr: options.stderr ?? { write: (text) => void process.stderr.write(text) },
  };
}

function direntOf(d: Dirent): DirEntry {
  const type = d.isFile()
    ? 'file'
    : d.isDirectory()
      ? 'directory'
      : d.isSymbolicLink() ||
          !(d.isFIFO() || d.isSocket() || d.isBlockDevice() || d.isCharacterDevice())
        ? 'unknown'
        : 'other';
  return { name: d.name, type };
}
