/**
 * Generated inputs of the scale workloads, made on demand in the work folder
 * (git-ignored bench-results/work by default) and kept between sessions:
 * template subsets, the empty template, and the large templates of the bench
 * folder's gen-large.mjs (deterministic, so a kept file stays valid).
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { cSort, everyKth, type Inputs, type LargeSize } from './workloads.js';

function listGuardFiles(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) listGuardFiles(p, out);
    else if (e.isFile() && e.name.endsWith('.guard')) out.push(p);
  }
}

export function makeInputs(benchDir: string, workDir: string, log: (s: string) => void): Inputs {
  let rules: readonly string[] | undefined;
  return {
    subset(name, every) {
      const dir = join(workDir, `subset-${name}`);
      if (!existsSync(dir)) {
        const tmp = `${dir}.tmp`;
        rmSync(tmp, { recursive: true, force: true });
        mkdirSync(tmp, { recursive: true });
        const files = cSort(readdirSync(join(benchDir, 'templates')));
        for (const f of everyKth(files, every)) {
          copyFileSync(join(benchDir, 'templates', f), join(tmp, f));
        }
        renameSync(tmp, dir);
        log(`generated ${dir}`);
      }
      return dir;
    },
    large(size: LargeSize) {
      const file = join(workDir, `large-${size}.yaml`);
      if (!existsSync(file) || statSync(file).size === 0) {
        const tmp = `${file}.tmp`;
        const gen = spawnSync(
          process.execPath,
          [
            join(benchDir, 'gen-large.mjs'),
            '--size',
            size,
            '--out',
            tmp,
            '--templates',
            join(benchDir, 'templates'),
          ],
          { encoding: 'utf8' },
        );
        if (gen.status !== 0) {
          throw new Error(`gen-large.mjs failed for ${size}: ${gen.stderr || gen.stdout}`);
        }
        renameSync(tmp, file);
        log(`generated ${gen.stdout.trim().replace(tmp, file)}`);
      }
      return file;
    },
    empty() {
      const file = join(workDir, 'empty-template.yaml');
      if (!existsSync(file)) writeFileSync(file, 'Resources: {}\n');
      return file;
    },
    allRules() {
      if (rules === undefined) {
        const found: string[] = [];
        listGuardFiles(join(benchDir, 'rules'), found);
        rules = cSort(found.map((p) => relative(benchDir, p).split('\\').join('/')));
      }
      return rules;
    },
  };
}
