// Process side of the differential script: where the two tools are, how they
// are run (same arguments, same working directory, same environment), and a
// small worker pool for batches.
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseOutput } from './compare.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const REFERENCE_BIN = fileURLToPath(
  new URL(
    '../../node_modules/@cdklabs/cdk-validator-cfnguard/bin/ubuntu/x86_64/cfn-guard',
    import.meta.url,
  ),
);
let tsguardBin = fileURLToPath(new URL('../../bin/tsguard.js', import.meta.url));

/**
 * Run tsguard from a private copy of bin/ and dist/ (node_modules linked), so
 * a long batch is not disturbed by someone rebuilding dist/ in the meantime:
 * a half-written dist/ shows up as import errors, not as disagreements.
 * Returns a function that removes the copy.
 */
export function snapshotBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'tsguard-diff-build-'));
  for (const part of ['bin', 'dist', 'package.json']) {
    cpSync(join(REPO_ROOT, part), join(dir, part), { recursive: true });
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
  tsguardBin = join(dir, 'bin', 'tsguard.js');
  return () => rmSync(dir, { recursive: true, force: true });
}

// As the corpus runner: no colours, no Rust backtraces (conformance README step 3).
function toolEnv() {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.RUST_BACKTRACE;
  delete env.RUST_LIB_BACKTRACE;
  delete env.CLICOLOR_FORCE;
  return env;
}

const TIMEOUT_MS = 120_000;

/** Run one command; resolves {stdout, stderr, exit} (exit -1 with a note on stderr for a signal/timeout). */
export function runCommand(file, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd, env: toolEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ stdout: '', stderr: `cannot start ${file}: ${error.message}`, exit: -1 });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: signal === null ? stderr : `${stderr}[killed by ${signal}]`,
        exit: code ?? -1,
      });
    });
  });
}

/** Run a tool with cfn-guard arguments and normalise what it printed. */
export async function runTool(tool, args, cwd) {
  const raw =
    tool === 'reference'
      ? await runCommand(REFERENCE_BIN, args, cwd)
      : await runCommand(process.execPath, [tsguardBin, ...args], cwd);
  const command = args[0] ?? '';
  return {
    stdout: normaliseOutput(raw.stdout, command),
    stderr: normaliseOutput(raw.stderr, command),
    exit: raw.exit,
  };
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** A warning when dist/ is missing or older than src/ (bin/tsguard.js runs the build). */
export function staleBuildWarning() {
  const built = `${REPO_ROOT}dist/cli.js`;
  if (!existsSync(built)) return 'dist/cli.js is missing: run `npm run build` first';
  if (newestMtime(`${REPO_ROOT}src`) > statSync(built).mtimeMs) {
    return 'warning: src/ is newer than dist/ (run `npm run build` to diff the current sources)';
  }
  return undefined;
}

/** Map `worker` over `items` with at most `jobs` in flight; results keep the input order. */
export async function mapPool(items, jobs, worker, onDone) {
  const results = new Array(items.length);
  let next = 0;
  let done = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await worker(items[index], index);
      done++;
      onDone?.(done, items.length);
    }
  });
  await Promise.all(lanes);
  return results;
}
