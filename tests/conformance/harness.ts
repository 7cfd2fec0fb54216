/**
 * Runs one corpus case in-process, the way the corpus's run-case.sh runs it
 * against a binary: a scratch copy of the case folder (without expected.*),
 * the cmd line split into shell words, stdin from the `stdin` file (else
 * empty), cwd = the scratch folder; then the corpus's normalisation
 * (README.md "Normalisation") plus the version normalisation of
 * DIVERGENCES.md C6 on both sides.
 */

import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli.js';
import { nodeIo } from '../../src/commands/io.js';
import { withStrictFlag } from '../support/strict-flag.js';

export const CASES_DIR = new URL('./cases/', import.meta.url).pathname;

export interface CaseResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number;
  /** Normalised content of each file named in expected.files/ (undefined: not written). */
  readonly files: ReadonlyMap<string, string | undefined>;
}

export interface CaseExpectation extends CaseResult {
  readonly cmd: string;
}

export function listCases(): string[] {
  return readdirSync(CASES_DIR)
    .filter((n) => existsSync(join(CASES_DIR, n, 'cmd')))
    .sort();
}

/** Split a cmd line into words: plain words, '…' and "…" (with \\ escapes in double quotes). */
export function splitShellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) throw new Error(`unterminated ' in: ${line}`);
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1] as string)) i++;
        word += line[i];
        i++;
      }
      if (i >= line.length) throw new Error(`unterminated " in: ${line}`);
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (c === ' ' || c === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

const EXPECTATION_LINE = /^ {4}\S.*: Expected = /;
const NO_EXPECTATION_LINE = /^ {2}No Test expectation was set for Rule /;

function lineGroup(line: string): string {
  if (EXPECTATION_LINE.test(line)) return 'exp';
  if (NO_EXPECTATION_LINE.test(line)) return 'noexp';
  return '';
}

/** Byte-order sort, as perl's default `sort`. */
function byteSort(lines: readonly string[]): string[] {
  return [...lines].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/**
 * The corpus normalisation: the scratch folder's path (without its leading
 * `/`) → CASE_DIR, JUnit `time="<digits>"` → `time="0"`, and each run of
 * `test` expectation lines sorted.
 */
export function normalise(text: string, scratchNoSlash: string): string {
  if (text === '') return '';
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  let out = '';
  let run: string[] = [];
  let key = '';
  const flush = (end: string): void => {
    if (run.length > 0) out += byteSort(run).join('\n') + end;
    run = [];
  };
  lines.forEach((raw, index) => {
    const isLast = index === lines.length - 1;
    const hasNewline = !isLast || endsWithNewline;
    const line = raw.replaceAll(scratchNoSlash, 'CASE_DIR').replace(/time="\d+"/g, 'time="0"');
    const group = lineGroup(line);
    if (group !== '' && group === key) {
      run.push(line);
      return;
    }
    flush('\n');
    if (group !== '') {
      key = group;
      run.push(line);
      return;
    }
    key = '';
    out += line + (hasNewline ? '\n' : '');
  });
  flush(endsWithNewline ? '\n' : '');
  return out;
}

/**
 * DIVERGENCES.md C6 and issue 4: the version is tsguard's own, and SARIF names
 * the tool `tsguard`, so `--version` and the SARIF driver's name, full name
 * and version are compared masked, on both sides.
 */
export function normaliseVersion(text: string): string {
  return text
    .replace(/^cfn-guard \S+$/gm, 'cfn-guard VERSION')
    .replace(/"semanticVersion": "[^"]*"/g, '"semanticVersion": "VERSION"')
    .replace(/"fullName": "(?:cfn-guard|tsguard) [^"]*"/g, '"fullName": "TOOL VERSION"')
    .replace(/("driver": \{\n\s*)"name": "(?:cfn-guard|tsguard)"/g, '$1"name": "TOOL"');
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

function expectedFileNames(caseDir: string): string[] {
  const dir = join(caseDir, 'expected.files');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

export function loadExpectation(name: string): CaseExpectation {
  const dir = join(CASES_DIR, name);
  const files = new Map<string, string | undefined>();
  for (const f of expectedFileNames(dir)) {
    files.set(f, readFileSync(join(dir, 'expected.files', f), 'utf8'));
  }
  return {
    cmd: (readFileSync(join(dir, 'cmd'), 'utf8').split('\n')[0] ?? '').trim(),
    // tsguard's `test --strict` appears in test help and usage texts (support/strict-flag.ts).
    stdout: withStrictFlag(readFileSync(join(dir, 'expected.stdout'), 'utf8')),
    stderr: withStrictFlag(readIfExists(join(dir, 'expected.stderr')) ?? ''),
    exit: Number(readFileSync(join(dir, 'expected.exit'), 'utf8').trim()),
    files,
  };
}

function makeWritable(path: string): void {
  const st = statSync(path);
  chmodSync(path, st.mode | 0o200);
  if (st.isDirectory()) for (const e of readdirSync(path)) makeWritable(join(path, e));
}

/** Run a case through the CLI entry in-process and normalise what it printed and wrote. */
export async function runCase(name: string): Promise<CaseResult> {
  const source = join(CASES_DIR, name);
  const work = mkdtempSync(join(tmpdir(), 'tsguard-case-'));
  try {
    const scratch = join(work, 'case');
    cpSync(source, scratch, {
      recursive: true,
      filter: (src) => !/^expected\./.test(src.slice(source.length + 1).split('/')[0] ?? ''),
    });
    // The corpus files are read-only; the scratch copy must accept written outputs.
    makeWritable(scratch);
    const real = realpathSync(scratch);
    const words = splitShellWords(loadExpectation(name).cmd);
    if (words[0] !== 'cfn-guard') throw new Error(`${name}: cmd must start with cfn-guard`);
    let stdout = '';
    let stderr = '';
    const io = nodeIo({
      cwd: real,
      stdin: readIfExists(join(real, 'stdin')) ?? '',
      stdout: {
        write: (t) => {
          stdout += t;
        },
      },
      stderr: {
        write: (t) => {
          stderr += t;
        },
      },
    });
    const exit = await runCli(words.slice(1), io);
    const noSlash = real.slice(1);
    const files = new Map<string, string | undefined>();
    for (const f of expectedFileNames(source)) {
      const written = readIfExists(join(real, f));
      files.set(f, written === undefined ? undefined : normalise(written, noSlash));
    }
    return { stdout: normalise(stdout, noSlash), stderr: normalise(stderr, noSlash), exit, files };
  } finally {
    makeWritable(work);
    rmSync(work, { recursive: true, force: true });
  }
}
