#!/usr/bin/env node
'use strict';
// Thin entry point: run the bundled CLI with this process's arguments and
// stdio. Never prints a stack trace: an unexpected error is one line and
// exit 255.
//
// Start-up time (issue 6, docs/performance.md "Start-up"): the whole CLI is
// one CommonJS file, dist/tsguard.cjs (scripts/build/bundle.mjs), compiled
// here through node:vm with the V8 code cache that the build recorded in
// dist/tsguard.cjs.cache, so a run neither resolves ~120 modules nor parses
// and compiles the functions it needs. The cache is only an accelerator:
// when it is missing, was made for another build of the bundle, or V8
// rejects it (another Node version or V8 flags), the bundle compiles from
// source and behaves the same. This file is CommonJS (bin/package.json)
// because a CommonJS main skips the ES module loader at start-up.

// JIT budget (issue 6, docs/performance.md "JIT budget"): V8's default
// interrupt budget sends hundreds of parser and evaluator functions to the
// optimising compiler within the first few hundred milliseconds, and on a
// run that lasts one second that background compiling costs a third of the
// CPU and pays back little. A larger budget optimises only what stays hot.
// Set before anything is compiled, and in the build before the code cache is
// made, because V8 rejects a cache made under other flags.
const V8_FLAGS = '--interrupt-budget=600000';
require('node:v8').setFlagsFromString(V8_FLAGS);

const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'tsguard.cjs');
const CACHE = `${BUNDLE}.cache`;

// The bundle's first line names its build (`// tsguard-build <id>`); the
// cache file starts with the same line. V8 itself only checks the source
// length, so this is what keeps a stale cache away from a rebuilt bundle.
function buildIdLine(text) {
  const end = text.indexOf('\n');
  return end > 0 && text.startsWith('// tsguard-build ') ? text.slice(0, end + 1) : undefined;
}

function readCache(idLine) {
  let data;
  try {
    data = readFileSync(CACHE);
  } catch {
    return undefined;
  }
  const header = Buffer.byteLength(idLine);
  return data.length > header && data.toString('latin1', 0, header) === idLine
    ? data.subarray(header)
    : undefined;
}

/**
 * Compile and run the bundle as a CommonJS module (with our `require`, so its
 * `require('node:fs')` etc. resolve as usual). Returns the module's exports
 * and the compiled script (scripts/build/bundle.mjs asks it for the cache).
 */
function loadBundle(options = {}) {
  // The build writes ASCII only (scripts/build/bundle.mjs checks it), so
  // latin1 decodes it exactly and skips UTF-8 decoding of half a megabyte.
  const source = readFileSync(BUNDLE, 'latin1');
  const idLine = buildIdLine(source);
  const cachedData = options.useCache === false || !idLine ? undefined : readCache(idLine);
  // The wrapper adds no line, so line numbers in the bundle stay as esbuild
  // wrote them; 'use strict' because the sources are ES modules (always strict).
  const wrapped = `(function (exports, require, module, __filename, __dirname) {'use strict';${source}\n})`;
  const script = new Script(
    wrapped,
    cachedData ? { filename: BUNDLE, cachedData } : { filename: BUNDLE },
  );
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, require, mod, BUNDLE, join(__dirname, '..', 'dist'));
  return {
    exports: mod.exports,
    script,
    idLine,
    cacheRejected: cachedData ? script.cachedDataRejected : undefined,
  };
}

async function main() {
  let cli;
  try {
    cli = loadBundle().exports;
  } catch (err) {
    if (err && err.code === 'ENOENT' && err.path === BUNDLE) {
      process.stderr.write('tsguard: dist/tsguard.cjs is missing: run `npm run build`\n');
      process.exitCode = 255;
      return;
    }
    throw err;
  }
  process.exitCode = await cli.runCli(process.argv.slice(2), cli.nodeIo());
}

if (require.main === module) {
  main().catch((err) => {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`tsguard: internal error: ${message}\n`);
    process.exitCode = 255;
  });
}

module.exports = { loadBundle, BUNDLE, CACHE, V8_FLAGS };
