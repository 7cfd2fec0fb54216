import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { toInvocation } from '../../../src/cli/options.js';
import { parseArgs } from '../../../src/cli/parse.js';
import { withStrictFlag } from '../../support/strict-flag.js';

interface Golden {
  readonly argv: readonly string[];
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number;
}

/** Recorded from cfn-guard 3.1.1 by scripts/record-cli-goldens.mjs. */
const GOLDENS = JSON.parse(
  readFileSync(new URL('./clap-goldens.json', import.meta.url), 'utf8'),
) as Golden[];

/**
 * The 3.2.0 help changes (DIVERGENCES.md C5, C7), our version (C6) and our
 * `test --strict` flag applied to a 3.1.1 recording.
 */
function as320(text: string): string {
  return withStrictFlag(text)
    .replace(/^cfn-guard 3\.1\.1$/gm, 'cfn-guard 9.9.9')
    .replace(/^ {19}/gm, ' '.repeat(15))
    .replace(
      'Provide a data file or directory of data files in JSON or YAML that specifies',
      'Provide a parameter file or directory of parameter files in JSON or YAML that specifies',
    );
}

describe('parseArgs reproduces clap (recorded from the reference)', () => {
  test.each(GOLDENS.map((g) => [g.argv.join(' ') || '(no arguments)', g] as const))(
    '%s',
    (_label, golden) => {
      const out = parseArgs(golden.argv, '9.9.9');
      expect(out.kind).toBe('exit');
      if (out.kind !== 'exit') return;
      const got = {
        stdout: out.stream === 'stdout' ? out.text : '',
        stderr: out.stream === 'stderr' ? out.text : '',
        exit: out.exitCode,
      };
      expect(got).toEqual({
        stdout: as320(golden.stdout),
        stderr: as320(golden.stderr),
        exit: golden.exit,
      });
    },
  );

  test('--version prints the given version under the name cfn-guard', () => {
    expect(parseArgs(['--version'], '1.2.3')).toEqual({
      kind: 'exit',
      stream: 'stdout',
      text: 'cfn-guard 1.2.3\n',
      exitCode: 0,
    });
  });
});

describe('crash cases become argument errors (DIVERGENCES.md)', () => {
  test.each([
    {
      argv: ['validate', '-r'],
      stderr:
        "error: a value is required for '--rules [<RULES>...]' but none was supplied\n\nFor more information, try '--help'.\n",
    },
    {
      argv: ['validate', '-r', '-d', 'x.yaml'],
      stderr:
        "error: a value is required for '--rules [<RULES>...]' but none was supplied\n\nFor more information, try '--help'.\n",
    },
    {
      argv: ['test', '-t', 'spec.yaml'],
      stderr:
        "error: the following required arguments were not provided:\n  --rules-file <rules-file>\n\nUsage: cfn-guard test --test-data <test-data> --rules-file <rules-file>\n\nFor more information, try '--help'.\n",
    },
    {
      argv: ['test', '-v'],
      stderr:
        "error: the following required arguments were not provided:\n  --rules-file <rules-file>\n  --test-data <test-data>\n\nUsage: cfn-guard test --verbose --rules-file <rules-file> --test-data <test-data>\n\nFor more information, try '--help'.\n",
    },
  ])('$argv', ({ argv, stderr }) => {
    expect(parseArgs(argv, '0.0.0')).toEqual({
      kind: 'exit',
      stream: 'stderr',
      text: stderr,
      exitCode: 2,
    });
  });
});

function invocation(argv: readonly string[]) {
  const out = parseArgs(argv, '0.0.0');
  if (out.kind !== 'matched') throw new Error(`expected a match for ${argv.join(' ')}`);
  return toInvocation(out.command.name, out.matches);
}

describe('typed options', () => {
  test.each([
    {
      argv: [
        'validate',
        '-r',
        'a.guard',
        'b.guard',
        '--rules=c.guard',
        '-d',
        'x.yaml',
        '-S',
        'pass,fail',
        '-Sskip',
        '-m',
      ],
      want: {
        command: 'validate',
        options: {
          rules: ['a.guard', 'b.guard', 'c.guard'],
          data: ['x.yaml'],
          inputParams: undefined,
          type: undefined,
          outputFormat: 'single-line-summary',
          showSummary: ['pass', 'fail', 'skip'],
          showSummaryExplicit: true,
          order: 'last-modified',
          verbose: false,
          printJson: false,
          payload: false,
          structured: false,
        },
      },
    },
    {
      argv: ['validate', '-P', '-z', '-ojson', '-S', 'none', '-t', 'CFNTemplate', '-i', '-a'],
      want: {
        command: 'validate',
        options: {
          rules: undefined,
          data: undefined,
          inputParams: [],
          type: 'CFNTemplate',
          outputFormat: 'json',
          showSummary: ['none'],
          showSummaryExplicit: true,
          order: 'alphabetical',
          verbose: false,
          printJson: false,
          payload: true,
          structured: true,
        },
      },
    },
    {
      argv: ['validate', '-r', 'x', '-d', '-v', '-p'],
      want: {
        command: 'validate',
        options: {
          rules: ['x'],
          data: [],
          inputParams: undefined,
          type: undefined,
          outputFormat: 'single-line-summary',
          showSummary: ['fail'],
          showSummaryExplicit: false,
          order: 'alphabetical',
          verbose: true,
          printJson: true,
          payload: false,
          structured: false,
        },
      },
    },
    {
      argv: ['test', '-r', 'r.guard', '-t', 'dir', '-a', '-v', '-o', 'junit'],
      want: {
        command: 'test',
        options: {
          rulesFile: 'r.guard',
          testData: 'dir',
          dir: undefined,
          order: 'alphabetical',
          verbose: true,
          outputFormat: 'junit',
          strict: false,
        },
      },
    },
    {
      argv: ['test', '-d', 'rules'],
      want: {
        command: 'test',
        options: {
          rulesFile: undefined,
          testData: undefined,
          dir: 'rules',
          order: 'filesystem',
          verbose: false,
          outputFormat: 'single-line-summary',
          strict: false,
        },
      },
    },
    {
      argv: ['parse-tree', '-pyr', 'x.guard', '--output', 'o.json'],
      want: {
        command: 'parse-tree',
        options: { rules: 'x.guard', output: 'o.json', printJson: true, printYaml: true },
      },
    },
    {
      argv: ['parse-tree', '-y'],
      want: {
        command: 'parse-tree',
        options: { rules: undefined, output: undefined, printJson: false, printYaml: true },
      },
    },
    {
      argv: ['rulegen', '--template', 't.yaml'],
      want: { command: 'rulegen', options: { template: 't.yaml', output: undefined } },
    },
    {
      argv: ['completions', '--shell=zsh'],
      want: { command: 'completions', options: { shell: 'zsh' } },
    },
  ])('$argv', ({ argv, want }) => {
    expect(invocation(argv)).toEqual(want);
  });
});

test('`test --strict` is parsed into TestOptions.strict (tsguard extension)', () => {
  const out = parseArgs(['test', '-d', 'rules', '--strict'], '9.9.9');
  expect(out.kind).toBe('matched');
  if (out.kind !== 'matched') return;
  const invocation = toInvocation(out.command.name, out.matches);
  expect(invocation?.options).toMatchObject({ dir: 'rules', strict: true });
});
