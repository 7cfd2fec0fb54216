// Builds the CLI that bin/tsguard.js runs (issue 6, start-up time; see
// docs/performance.md, "Start-up"):
//
//  1. dist/tsguard.cjs: the whole CLI (src/cli.ts, src/commands/io.ts and the
//     `yaml` dependency) as one CommonJS file, so a run reads and compiles one
//     file instead of resolving ~120 ES modules. Its first line names the
//     build: `// tsguard-build <sha256 of the rest, 16 hex digits>`.
//  2. dist/tsguard.cjs.cache: that build-id line, then a V8 code cache made
//     after a training run (a few commands over scripts/build/training/), so
//     the functions a typical run needs are already compiled. bin/tsguard.js
//     ignores the cache when the ids differ or V8 rejects it.
//
// The library API keeps tsc's dist/ tree and declarations (tsconfig.build.json).
// Usage: node scripts/build/bundle.mjs [--no-cache]
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { build } from 'esbuild';

const root = new URL('../../', import.meta.url);
const at = (relative) => new URL(relative, root).pathname;
const { version } = JSON.parse(readFileSync(at('package.json'), 'utf8'));
const require = createRequire(import.meta.url);
const bin = require(at('bin/tsguard.js'));

/**
 * Built-in modules that only rare paths use: src/eval/regex-run.ts needs
 * worker_threads (and v8) only when a regex is too risky to run inline, but
 * its static import would load them, with Node's streams and messaging, on
 * every validate (about 4 ms of W1). Each import of one of these resolves to
 * a stand-in whose exports are getters that require the real module on first
 * use; esbuild reads imported names off the module object at each use, so
 * the values are the real ones.
 */
const LAZY_BUILTINS = ['node:worker_threads', 'node:v8'];

const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    const filter = new RegExp(`^(${LAZY_BUILTINS.join('|')})$`);
    // The stand-in's own require of the module is the real, external one.
    b.onResolve({ filter }, (args) =>
      args.namespace === 'lazy-builtin'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'lazy-builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const getters = Object.keys(require(args.path))
        .map((name) => `get ${JSON.stringify(name)}() { return load()[${JSON.stringify(name)}]; }`)
        .join(',\n');
      const contents = `let real;\nconst load = () => (real ??= require(${JSON.stringify(args.path)}));\nmodule.exports = {\n${getters}\n};\n`;
      return { contents, loader: 'js' };
    });
  },
};

const result = await build({
  stdin: {
    // What bin/tsguard.js and the worker threads need, relative to the package root.
    contents:
      "export { runCli } from './src/cli.ts';\nexport { nodeIo } from './src/commands/io.ts';\n" +
      // The entry of validate's worker threads (src/commands/parallel-validate.ts).
      "export { validateWorkerMain } from './src/commands/validate-worker.ts';\n",
    resolveDir: at('.'),
    sourcefile: 'tsguard-entry.ts',
    loader: 'ts',
  },
  write: false,
  outfile: bin.BUNDLE,
  bundle: true,
  plugins: [lazyBuiltins],
  // One file: the command modules that src/cli.ts imports lazily become
  // functions that run on first use (esbuild's lazy module wrappers), so
  // `--version` still does not run the evaluator's or reporters' top level.
  // No `import()` is left, which matters: node:vm scripts cannot import.
  splitting: false,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Whitespace and syntax only: identifiers keep their names, so nothing that
  // prints a name can change; smaller text parses faster.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: false,
  legalComments: 'none',
  sourcemap: false,
  // src/commands/version.ts reads package.json relative to its own file,
  // which the bundle has moved (dist/tsguard.cjs): give it the version instead.
  define: { TSGUARD_BUNDLED_VERSION: JSON.stringify(version), 'import.meta.url': 'importMetaUrl' },
  // CommonJS has no import.meta: give import.meta.url (createRequire and
  // friends) this file's URL, as an ES module would have it.
  banner: { js: "var importMetaUrl=require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
if (result.warnings.length > 0)
  throw new Error('esbuild warned: the bundle may not behave as src/');

const [output] = result.outputFiles;
if (output === undefined || result.outputFiles.length !== 1) throw new Error('expected one output');
const body = output.text;
// bin/tsguard.js reads the bundle as latin1, which is exact only for ASCII
// (esbuild's default charset escapes everything else).
if (/[\u0080-\uffff]/.test(body))
  throw new Error('the bundle is not ASCII; bin/tsguard.js reads it as latin1');
if (/\bimport\(/.test(body) || body.includes('import.meta')) {
  throw new Error('the bundle still contains import() or import.meta; node:vm cannot run it');
}
const id = createHash('sha256').update(body).digest('hex').slice(0, 16);
const idLine = `// tsguard-build ${id}\n`;
mkdirSync(dirname(bin.BUNDLE), { recursive: true });
rmSync(bin.CACHE, { force: true });
writeFileSync(bin.BUNDLE, idLine + body);

if (!process.argv.includes('--no-cache')) {
  writeFileSync(bin.CACHE, Buffer.concat([Buffer.from(idLine), await train()]));
}

/**
 * Run the commands that most invocations use, in this process, on the
 * training inputs (outputs discarded; exit codes do not matter), then ask V8
 * for the code cache, which now holds every function those runs compiled.
 * Training more commands makes the cache larger, and every start-up reads
 * all of it, so this is the common core only: help/version, validate in its
 * main output modes, parse-tree. (Measured: dropping the last three
 * changed start-up by less than the noise.)
 */
async function train() {
  const loaded = bin.loadBundle({ useCache: false });
  const { runCli, nodeIo } = loaded.exports;
  const sink = { write() {} };
  const io = nodeIo({ cwd: at('scripts/build/training'), stdin: '', stdout: sink, stderr: sink });
  const validate = ['validate', '-r', 'rules.guard', '-d', 'template.yaml', '-d', 'template.json'];
  const runs = [
    ['--version'],
    ['validate', '--help'],
    validate,
    [...validate, '-S', 'all'],
    [...validate, '-z', '-o', 'json', '-S', 'none'],
    [...validate, '-o', 'yaml'],
    ['parse-tree', '-r', 'rules.guard'],
  ];
  for (const args of runs) await runCli(args, io);
  return loaded.script.createCachedData();
}
