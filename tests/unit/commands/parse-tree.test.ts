import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { nodeIo } from '../../../src/commands/io.js';
import type { ParseTreeOptions } from '../../../src/commands/options.js';
import { run } from '../../../src/commands/parse-tree.js';

let root = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tsguard-pt-'));
  writeFileSync(join(root, 'empty.guard'), '');
  writeFileSync(join(root, 'bad-utf8.guard'), Buffer.from([0x72, 0x75, 0x6c, 0x65, 0xff, 0x0a]));
  mkdirSync(join(root, 'adir'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const base: ParseTreeOptions = {
  rules: undefined,
  output: undefined,
  printJson: false,
  printYaml: false,
};

// PT-01/PT-03: texts recorded from cfn-guard 3.1.1.
test.each([
  {
    name: 'empty file as YAML',
    options: { rules: 'empty.guard' },
    stdout: 'null\n',
    stderr: '',
    exit: 0,
  },
  {
    name: 'empty stdin as JSON',
    options: { printJson: true },
    stdout: 'null',
    stderr: '',
    exit: 0,
  },
  {
    name: 'missing file',
    options: { rules: 'nope.guard' },
    stdout: '',
    stderr: 'Error occurred I/O error when reading No such file or directory (os error 2)\n',
    exit: 255,
  },
  {
    name: 'a directory',
    options: { rules: 'adir' },
    stdout: '',
    stderr: 'Error occurred I/O error when reading Is a directory (os error 21)\n',
    exit: 255,
  },
  {
    name: 'not UTF-8',
    options: { rules: 'bad-utf8.guard' },
    stdout: '',
    stderr: 'Error occurred I/O error when reading stream did not contain valid UTF-8\n',
    exit: 255,
  },
  {
    name: 'output into a missing folder',
    options: { rules: 'empty.guard', output: 'no/such/dir.yaml' },
    stdout: '',
    stderr:
      'Error: IoError(Os { code: 2, kind: NotFound, message: "No such file or directory" })\n',
    exit: 1,
  },
])('$name', async ({ options, stdout, stderr, exit }) => {
  let out = '';
  let err = '';
  const io = nodeIo({
    cwd: root,
    stdin: '',
    stdout: {
      write: (t) => {
        out += t;
      },
    },
    stderr: {
      write: (t) => {
        err += t;
      },
    },
  });
  const code = await run({ ...base, ...options }, io);
  expect({ stdout: out, stderr: err, exit: code }).toEqual({ stdout, stderr, exit });
});

test('-o writes the tree to the file and nothing to stdout', async () => {
  let out = '';
  const io = nodeIo({
    cwd: root,
    stdin: 'rule r { x exists }\n',
    stdout: {
      write: (t) => {
        out += t;
      },
    },
  });
  expect(await run({ ...base, output: 'tree.json', printJson: true }, io)).toBe(0);
  expect(out).toBe('');
  expect(JSON.parse(readFileSync(join(root, 'tree.json'), 'utf8')).guard_rules[0].rule_name).toBe(
    'r',
  );
});
