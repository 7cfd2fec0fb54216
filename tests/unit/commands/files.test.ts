import {
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  collectTestDirectory,
  expandDataPaths,
  expandRulesPaths,
  expandTestDataPath,
  joinPath,
  walkFiles,
} from '../../../src/commands/files.js';
import { type DirEntry, type Io, nodeIo } from '../../../src/commands/io.js';
import { GuardError } from '../../../src/diag/errors.js';

let root = '';
let io: Io;

/** Layout under a fresh temp dir; mtimes make `-m` order differ from name order. */
const FILES: Record<string, number> = {
  'rules/b.guard': 300,
  'rules/a.ruleset': 200,
  'rules/notes.txt': 100,
  'rules/sub/c.guard': 100,
  'rules/explicit.rules': 100,
  'data/t.yaml': 200,
  'data/s.json': 100,
  'data/u.YAML': 100,
  'data/nested/v.template': 300,
  'data/x.txt': 100,
  'specs/one.yaml': 100,
  'specs/two.JSON': 100,
  'specs/three.txt': 100,
  'layout/s3.guard': 100,
  'layout/s3_logging.guard': 100,
  'layout/tags.guard': 100,
  'layout/tests/s3_logging_tests.yaml': 100,
  'layout/tests/tags_tests.yaml': 100,
  'layout/tests/readme.md': 100,
};

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'tsguard-files-')));
  for (const [path, mtime] of Object.entries(FILES)) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, path);
    utimesSync(full, mtime, mtime);
  }
  // Directories take part in the mtime sort with their own time.
  utimesSync(join(root, 'rules/sub'), 250, 250);
  utimesSync(join(root, 'data/nested'), 50, 50);
  io = nodeIo({ cwd: root, stdin: '' });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('walkFiles', () => {
  test.each([
    {
      order: 'alphabetical' as const,
      want: ['a.ruleset', 'b.guard', 'explicit.rules', 'notes.txt', 'sub/c.guard'],
    },
    {
      order: 'last-modified' as const,
      want: ['explicit.rules', 'notes.txt', 'a.ruleset', 'sub/c.guard', 'b.guard'],
    },
  ])('$order', ({ order, want }) => {
    expect(walkFiles(io, 'rules', order)).toEqual(want.map((w) => `rules/${w}`));
  });

  test('a file is its own walk', () => {
    expect(walkFiles(io, 'rules/b.guard', 'alphabetical')).toEqual(['rules/b.guard']);
  });

  test('symbolic links are followed; a dangling one is skipped', () => {
    const dir = join(root, 'links');
    mkdirSync(dir);
    symlinkSync(join(root, 'rules/sub'), join(dir, 'b-dir'));
    symlinkSync(join(root, 'rules/b.guard'), join(dir, 'a-file.guard'));
    symlinkSync(join(root, 'missing'), join(dir, 'c-dangling.guard'));
    writeFileSync(join(dir, 'd.guard'), 'x');
    expect(walkFiles(io, 'links', 'alphabetical')).toEqual([
      'links/a-file.guard',
      'links/b-dir/c.guard',
      'links/d.guard',
    ]);
  });

  test.each([
    ['unknown', ['t/a', 't/dir/x', 't/dir/y']],
    ['other', ['t/dir/x', 't/dir/y']],
  ] as const)('an entry typed %s is stat-ed or skipped', (type, want) => {
    // A listing that cannot tell (some file systems) must not lose files;
    // sockets and FIFOs are never data.
    const fake: Io = {
      ...io,
      stat: (path) =>
        path === 't/a'
          ? { isFile: true, isDirectory: false, mtimeMs: 0 }
          : { isFile: false, isDirectory: true, mtimeMs: 0 },
      listDir: (path): readonly DirEntry[] =>
        path === 't'
          ? [
              { name: 'dir', type: 'directory' },
              { name: 'a', type },
            ]
          : [
              { name: 'y', type: 'file' },
              { name: 'x', type: 'file' },
            ],
    };
    expect(walkFiles(fake, 't', 'alphabetical')).toEqual(want);
  });
});

describe('expandRulesPaths (CLI-VAL-01)', () => {
  test('directories keep .guard/.ruleset; a named file is kept whatever its extension', () => {
    const got = expandRulesPaths(io, ['rules', 'rules/explicit.rules'], 'alphabetical');
    expect(got).toEqual([
      { path: 'rules/a.ruleset', name: 'a.ruleset' },
      { path: 'rules/b.guard', name: 'b.guard' },
      { path: 'rules/sub/c.guard', name: 'c.guard' },
      { path: 'rules/explicit.rules', name: 'explicit.rules' },
    ]);
  });

  test('a missing path is the reference error (CLI-VAL-15)', () => {
    expect(() => expandRulesPaths(io, ['nope'], 'alphabetical')).toThrow(GuardError);
    expect(() => expandRulesPaths(io, ['nope'], 'alphabetical')).toThrow(
      'The path `nope` does not exist',
    );
  });
});

describe('expandDataPaths (CLI-VAL-02)', () => {
  test('extension filter applies to named files too; names are canonical absolute paths', () => {
    const got = expandDataPaths(io, ['data', 'data/x.txt', './data/t.yaml'], 'alphabetical');
    expect(got).toEqual([
      { path: 'data/nested/v.template', name: join(root, 'data/nested/v.template') },
      { path: 'data/s.json', name: join(root, 'data/s.json') },
      { path: 'data/t.yaml', name: join(root, 'data/t.yaml') },
      { path: './data/t.yaml', name: join(root, 'data/t.yaml') },
    ]);
  });
});

describe('test command paths', () => {
  test('expandTestDataPath keeps the TEST-03 extensions', () => {
    expect(expandTestDataPath(io, 'specs', 'alphabetical')).toEqual([
      'specs/one.yaml',
      'specs/two.JSON',
    ]);
  });

  test('collectTestDirectory attaches specs to the first rules file whose stem prefixes them', () => {
    expect(collectTestDirectory(io, 'layout')).toEqual([
      { rulesFile: 'layout/s3.guard', specs: ['layout/tests/s3_logging_tests.yaml'] },
      { rulesFile: 'layout/s3_logging.guard', specs: [] },
      { rulesFile: 'layout/tags.guard', specs: ['layout/tests/tags_tests.yaml'] },
    ]);
  });
});

test.each([
  { dir: 'a', name: 'b', want: 'a/b' },
  { dir: 'a/', name: 'b', want: 'a/b' },
])('joinPath($dir, $name)', ({ dir, name, want }) => {
  expect(joinPath(dir, name)).toBe(want);
});
