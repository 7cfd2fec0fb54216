// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are bash source, where ${…} is bash syntax
/**
 * Completion scripts (CMP-01): the bash one is loaded into a real bash and
 * asked for completions; zsh and fish must name every sub-command, flag and
 * enumerated value of the CLI spec.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { completionScript } from '../../../src/cli/completions.js';
import { SUBCOMMANDS } from '../../../src/cli/spec.js';
import { run } from '../../../src/commands/completions.js';
import type { Io } from '../../../src/commands/io.js';

const dir = mkdtempSync(join(tmpdir(), 'tsguard-completions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs bash's completion function for the words typed so far; returns COMPREPLY. */
function bashComplete(words: readonly string[]): string[] {
  const file = join(dir, 'tsguard.bash');
  writeFileSync(file, completionScript('bash'));
  const script = [
    `source ${JSON.stringify(file)}`,
    `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    '_tsguard',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  return execFileSync('bash', ['-c', script], { encoding: 'utf8', cwd: dir })
    .split('\n')
    .filter((l) => l !== '');
}

describe('bash', () => {
  test('is valid bash and registers the tsguard completion', () => {
    const file = join(dir, 'check.bash');
    writeFileSync(file, completionScript('bash'));
    execFileSync('bash', ['-n', file]);
    const out = execFileSync(
      'bash',
      ['-c', `source ${JSON.stringify(file)} && complete -p tsguard`],
      {
        encoding: 'utf8',
      },
    );
    expect(out.trim()).toBe('complete -o bashdefault -o default -F _tsguard tsguard');
  });

  test.each([
    {
      words: ['tsguard', ''],
      has: ['validate', 'test', 'parse-tree', 'rulegen', 'completions', 'help'],
    },
    { words: ['tsguard', 'te'], has: ['test'] },
    { words: ['tsguard', 'validate', '--out'], has: ['--output-format'] },
    {
      words: ['tsguard', 'validate', '-o', ''],
      has: ['json', 'yaml', 'junit', 'sarif', 'single-line-summary'],
    },
    {
      words: ['tsguard', 'test', '-'],
      has: ['-r', '--rules-file', '-t', '--test-data', '-d', '--dir', '-h'],
    },
    { words: ['tsguard', 'completions', '--shell', ''], has: ['bash', 'zsh', 'fish'] },
    { words: ['tsguard', 'validate', '-S', 'p'], has: ['pass'] },
  ])('$words', ({ words, has }) => {
    const got = bashComplete(words);
    for (const w of has) expect(got).toContain(w);
  });
});

describe.each(['bash', 'zsh', 'fish'] as const)('%s names the whole CLI', (shell) => {
  const script = completionScript(shell);
  test.each(SUBCOMMANDS.map((c) => [c.name, c] as const))('%s', (_name, cmd) => {
    expect(script).toContain(cmd.name);
    for (const arg of cmd.args) {
      // fish spells flags as `-s r -l rules`; bash and zsh as `-r` / `--rules`.
      if (arg.short !== '') {
        expect(script).toContain(shell === 'fish' ? `-s ${arg.short} ` : `-${arg.short}`);
      }
      expect(script).toContain(shell === 'fish' ? `-l ${arg.long} ` : `--${arg.long}`);
      for (const v of arg.possibleValues ?? []) expect(script).toContain(v);
    }
  });
});

test('the command prints the script for the requested shell', async () => {
  let stdout = '';
  const io = {
    stdout: {
      write: (t: string) => {
        stdout += t;
      },
    },
    stderr: { write: () => undefined },
  } as unknown as Io;
  expect(await run({ shell: 'fish' }, io, completionScript)).toBe(0);
  expect(stdout).toBe(completionScript('fish'));
});
