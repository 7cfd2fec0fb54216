/**
 * Keeps the layering of architecture.md honest: reads every import under
 * src/ and fails on an edge the layers do not allow, and on `node:fs` or
 * `process` outside src/commands/io.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** Layer of a file, by its path under src/: `diag`, `syntax`, …, `cli` (cli.ts and cli/), `index`. */
function layerOf(pathUnderSrc: string): string {
  if (pathUnderSrc === 'cli.ts' || pathUnderSrc.startsWith('cli/')) return 'cli';
  if (pathUnderSrc === 'index.ts') return 'index';
  return pathUnderSrc.split('/')[0] ?? '';
}

/** Which layers each layer may import (itself always allowed). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  diag: [],
  // text: leaf helpers for output text (the YAML emitter) that syntax and report share.
  text: [],
  syntax: ['diag', 'text'],
  data: ['diag'],
  eval: ['syntax', 'data', 'diag', 'text'],
  // report reads AST operator/type names that the result tree carries (type-only, see below).
  report: ['eval', 'data', 'diag', 'text'],
  commands: ['report', 'eval', 'syntax', 'data', 'diag', 'text'],
  cli: ['commands', 'report', 'eval', 'syntax', 'data', 'diag', 'text'],
  index: ['report', 'eval', 'syntax', 'data', 'diag', 'commands', 'text'],
};

const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm;
const TYPE_IMPORT = /^\s*(?:import|export)\s+type\s[^;]*?from\s+['"]([^'"]+)['"]/gm;

/**
 * Type-only edges that are allowed on top of ALLOWED: they vanish at run time,
 * so they add no coupling of behaviour. The result tree speaks in the AST's
 * operator names, so reporters may name those types; index.ts re-exports the
 * command option types as the library's option objects.
 */
const TYPE_ONLY_ALLOWED: Readonly<Record<string, readonly string[]>> = {
  report: ['syntax'],
  index: ['commands'],
};

function typeImportsOf(text: string): Set<string> {
  return new Set([...text.matchAll(TYPE_IMPORT)].map((m) => m[1] as string));
}
const SIDE_EFFECT_IMPORT = /^\s*import\s+['"]([^'"]+)['"]/gm;

function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT), ...text.matchAll(SIDE_EFFECT_IMPORT)].map(
    (m) => m[1] as string,
  );
}

interface Edge {
  readonly from: string;
  readonly to: string;
}

/** Edges between layers that the table above does not allow. */
function forbiddenEdges(files: readonly { path: string; text: string }[]): Edge[] {
  const bad: Edge[] = [];
  for (const { path, text } of files) {
    const from = layerOf(path);
    const typeOnly = typeImportsOf(text);
    for (const spec of importsOf(text)) {
      if (!spec.startsWith('.')) continue;
      const target = relative('/src', resolve('/src', dirname(path), spec)).replace(/\.js$/, '.ts');
      const to = layerOf(target);
      if (to === from) continue;
      if (typeOnly.has(spec) && (TYPE_ONLY_ALLOWED[from] ?? []).includes(to)) continue;
      // index.ts may reach commands/files.ts only (path inputs), never the CLI or io.
      if (from === 'index' && to === 'commands' && target !== 'commands/files.ts') {
        bad.push({ from: path, to: target });
        continue;
      }
      if (!(ALLOWED[from] ?? []).includes(to)) bad.push({ from: path, to: target });
    }
  }
  return bad;
}

/** Files other than src/commands/io.ts that use node:fs or the `process` global. */
function ambientAccess(files: readonly { path: string; text: string }[]): string[] {
  return files
    .filter(({ path }) => path !== 'commands/io.ts')
    .filter(({ text }) => {
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      return /['"](node:)?fs(\/promises)?['"]/.test(code) || /\bprocess\s*\./.test(code);
    })
    .map(({ path }) => path);
}

const FILES = sourceFiles(SRC).map((full) => ({
  path: relative(SRC, full),
  text: readFileSync(full, 'utf8'),
}));

describe('layering of src/', () => {
  test('there is source to check', () => {
    expect(FILES.length).toBeGreaterThan(5);
  });

  test('imports only point down the layers', () => {
    expect(forbiddenEdges(FILES)).toEqual([]);
  });

  test('only commands/io.ts touches node:fs or process', () => {
    expect(ambientAccess(FILES)).toEqual([]);
  });
});

describe('the checker itself catches violations', () => {
  test.each([
    { path: 'syntax/parser.ts', text: "import { x } from '../data/value.js';", bad: true },
    { path: 'diag/errors.ts', text: "import type { Y } from '../syntax/ast.js';", bad: true },
    { path: 'eval/evaluate.ts', text: "import { z } from '../syntax/ast.js';", bad: false },
    { path: 'commands/validate.ts', text: "import { runCli } from '../cli.js';", bad: true },
    { path: 'index.ts', text: "import { nodeIo } from './commands/io.js';", bad: true },
    {
      path: 'index.ts',
      text: "export { expandDataPaths } from './commands/files.js';",
      bad: false,
    },
    { path: 'cli/parse.ts', text: "import { run } from '../commands/test.js';", bad: false },
  ])('$path: $text', ({ path, text, bad }) => {
    expect(forbiddenEdges([{ path, text }]).length > 0).toBe(bad);
  });

  test.each([
    { text: "import { readFileSync } from 'node:fs';", bad: true },
    { text: 'const cwd = process.cwd();', bad: true },
    { text: '// process.cwd() is not called here', bad: false },
  ])('$text', ({ text, bad }) => {
    expect(ambientAccess([{ path: 'report/json.ts', text }]).length > 0).toBe(bad);
  });
});
