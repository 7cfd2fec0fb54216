#!/usr/bin/env node
// Records the reference cfn-guard's `parse-tree -p` result for every bench rules
// file under tests/fixtures/bench-rules into tests/golden/bench-parse-tree.json:
// relative path -> { exit, sha256 of stdout }. Hashes keep the repository small;
// tests/unit/syntax/bench-rules.test.ts compares tsguard's output against them.
// Usage: node scripts/record-bench-parse-tree.mjs
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const binary = join(
  root,
  'node_modules/@cdklabs/cdk-validator-cfnguard/bin/ubuntu/x86_64/cfn-guard',
);
const fixtures = join(root, 'tests/fixtures/bench-rules');
const golden = join(root, 'tests/golden/bench-parse-tree.json');

function listGuardFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listGuardFiles(path));
    else if (entry.name.endsWith('.guard')) out.push(path);
  }
  return out;
}

const result = {};
for (const file of listGuardFiles(fixtures).sort()) {
  const run = spawnSync(binary, ['parse-tree', '-p', '-r', file], { maxBuffer: 1 << 30 });
  if (run.error) throw run.error;
  const rel = relative(fixtures, file).split('\\').join('/');
  result[rel] = {
    exit: run.status,
    sha256: createHash('sha256').update(run.stdout).digest('hex'),
  };
}
writeFileSync(golden, `${JSON.stringify(result, null, 2)}\n`);
console.log(`recorded ${Object.keys(result).length} files into ${relative(root, golden)}`);
