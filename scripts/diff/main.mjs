#!/usr/bin/env node
// `npm run diff`: run tsguard and the reference cfn-guard 3.1.1 side by side
// on the same arguments in the same working directory and say whether they
// agree. See docs/differential-testing.md.
//
//   npm run diff -- validate -r rules.guard -d template.yaml -o json
//   npm run diff -- test -r rules.guard -t rules_tests.yaml
//   npm run diff -- --rules R --data D [--format default|json|yaml|structured]
//   npm run diff -- --batch --rules-dir DIR --templates-dir DIR [--limit N] [--seed S]
//                   [--per-rule K] [--format json] [--jobs J] [--pairs FILE] [--save FILE] [--verbose]
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import {
  compareRuns,
  formatSummary,
  hasNotEqualBetweenQueries,
  hasYamlBooleanWords,
  rewriteYamlBooleanWords,
  sameUpToLineOrder,
  selectPairs,
} from './compare.mjs';
import { mapPool, runTool, snapshotBuild, staleBuildWarning } from './run.mjs';

const USAGE = `usage:
  npm run diff -- <validate|test|parse-tree|…> ARGS…
  npm run diff -- --rules R --data D [--format default|json|yaml|structured]
  npm run diff -- --batch --rules-dir DIR --templates-dir DIR [--limit N] [--seed S]
                  [--per-rule K] [--format json] [--jobs J] [--pairs FILE] [--save FILE] [--verbose]`;

// npm runs scripts from the package root; INIT_CWD is where the user typed the command.
const CWD = process.env.INIT_CWD ?? process.cwd();
const DATA_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '.template', '.jsn']);

function parseFlags(argv) {
  const flags = {
    format: 'json',
    limit: Infinity,
    seed: 1,
    perRule: 2,
    jobs: availableParallelism(),
  };
  const valueAt = (i) => {
    const v = argv[i + 1];
    if (v === undefined) throw new Error(`${argv[i]} needs a value\n${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--batch':
        flags.batch = true;
        break;
      case '--verbose':
        flags.verbose = true;
        break;
      case '--rules':
      case '--data':
      case '--format':
      case '--rules-dir':
      case '--templates-dir':
      case '--pairs':
      case '--save': {
        const key = a.slice(2).replace(/-([a-z])/g, (_m, c) => c.toUpperCase());
        flags[key] = valueAt(i++);
        break;
      }
      case '--limit':
      case '--seed':
      case '--per-rule':
      case '--jobs': {
        const key = a.slice(2).replace(/-([a-z])/g, (_m, c) => c.toUpperCase());
        const n = Number(valueAt(i++));
        if (!Number.isInteger(n) || n < 0) throw new Error(`${a} needs a whole number`);
        flags[key] = n;
        break;
      }
      default:
        throw new Error(`unknown option ${a}\n${USAGE}`);
    }
  }
  return flags;
}

function formatArgs(format) {
  switch (format) {
    case 'default':
      return [];
    case 'structured':
      return ['--structured', '-o', 'json', '-S', 'none'];
    case 'json':
    case 'yaml':
    case 'junit':
    case 'sarif':
      return ['-o', format];
    default:
      throw new Error(`unknown --format ${format} (default|json|yaml|junit|sarif|structured)`);
  }
}

/**
 * One side-by-side run. When the outputs differ, the reference is run twice
 * more: if one of its runs equals tsguard's, tsguard printed one of the
 * reference's possible orders; if its runs differ among themselves (hash-map
 * order, conformance README "Determinism"), the streams are compared as
 * multisets of lines.
 */
async function diffOnce(args, cwd) {
  const [reference, tsguard] = await Promise.all([
    runTool('reference', args, cwd),
    runTool('tsguard', args, cwd),
  ]);
  const first = compareRuns(reference, tsguard);
  if (first.identical) return { verdict: 'identical', reason: '' };
  const again = [await runTool('reference', args, cwd), await runTool('reference', args, cwd)];
  if (again.some((r) => compareRuns(r, tsguard).identical)) {
    return {
      verdict: 'identical',
      reason: 'matches a later reference run (reference order varies)',
    };
  }
  const referenceVaries = again.some((r) => !compareRuns(r, reference).identical);
  if (referenceVaries && sameUpToLineOrder(reference, tsguard)) {
    return { verdict: 'identical', reason: 'same lines; the reference order varies run to run' };
  }
  // The text report's resource order and its `Code:` snippets (read through a
  // forward-only cursor) both follow hash-map order in the reference, so no
  // sorting makes them comparable: say so, and point at the stable formats.
  const note = referenceVaries
    ? ' (the reference itself varies run to run here; compare with -o json or --structured)'
    : '';
  return { verdict: 'different', reason: first.reason + note, diff: first.diff };
}

async function singleMode(argv) {
  let args;
  if (argv.length > 0 && !argv[0].startsWith('--')) {
    args = argv;
  } else {
    const flags = parseFlags(argv);
    if (flags.rules === undefined || flags.data === undefined) throw new Error(USAGE);
    args = ['validate', '-r', flags.rules, '-d', flags.data, ...formatArgs(flags.format)];
  }
  const result = await diffOnce(args, CWD);
  if (result.verdict === 'identical') {
    process.stdout.write(result.reason === '' ? 'identical\n' : `identical (${result.reason})\n`);
    return 0;
  }
  process.stdout.write(`different: ${result.reason}\n${result.diff}\n`);
  return 1;
}

function listFiles(dir, keep) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path, keep));
    else if (keep(entry.name)) out.push(path);
  }
  return out.sort();
}

/**
 * 3.2.0 reads `yes/no/on/off/y/n` as booleans (DIVERGENCES C4). The reference
 * run on a copy with those words written `true`/`false` (same file name, in a
 * scratch folder) is what 3.2.0 answers for the original.
 */
async function referenceAsIfC4(pair, args) {
  const scratch = mkdtempSync(join(tmpdir(), 'tsguard-diff-'));
  try {
    const copy = join(scratch, basename(pair.template));
    writeFileSync(copy, rewriteYamlBooleanWords(readFileSync(resolve(CWD, pair.template), 'utf8')));
    const copyArgs = args.map((a) => (a === pair.template ? copy : a));
    const run = await runTool('reference', copyArgs, CWD);
    const from = realpathSync(scratch).slice(1);
    const to = realpathSync(dirname(resolve(CWD, pair.template))).slice(1);
    const fix = (text) => text.replaceAll(from, to);
    return { stdout: fix(run.stdout), stderr: fix(run.stderr), exit: run.exit };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function diffPair(pair, format) {
  const args = ['validate', '-r', pair.rules, '-d', pair.template, ...formatArgs(format)];
  const [reference, tsguard] = await Promise.all([
    runTool('reference', args, CWD),
    runTool('tsguard', args, CWD),
  ]);
  const result = compareRuns(reference, tsguard);
  if (result.identical) return { ...pair, verdict: 'identical', reason: '' };
  const templateText = readFileSync(resolve(CWD, pair.template), 'utf8');
  const isYaml = !['.json', '.jsn'].includes(extname(pair.template));
  if (isYaml && hasYamlBooleanWords(templateText)) {
    const asIf = await referenceAsIfC4(pair, args);
    if (compareRuns(asIf, tsguard).identical) {
      return { ...pair, verdict: 'by-design', reason: 'C4: YAML boolean words (yes/no/on/off)' };
    }
  }
  if (pair.byDesign !== undefined) {
    return {
      ...pair,
      verdict: 'by-design',
      reason: `${pair.byDesign} (checked by hand)`,
      diff: result.diff,
    };
  }
  const rulesText = readFileSync(resolve(CWD, pair.rules), 'utf8');
  const hint = hasNotEqualBetweenQueries(rulesText) ? '[C1 `!=` between queries may apply] ' : '';
  return { ...pair, verdict: 'different', reason: hint + result.reason, diff: result.diff };
}

async function batchMode(argv) {
  const flags = parseFlags(argv);
  let pairs;
  if (flags.pairs !== undefined) {
    pairs = JSON.parse(readFileSync(resolve(CWD, flags.pairs), 'utf8')).slice(0, flags.limit);
  } else {
    if (flags.rulesDir === undefined || flags.templatesDir === undefined) throw new Error(USAGE);
    const rel = (p) => relative(CWD, p) || '.';
    const rules = listFiles(resolve(CWD, flags.rulesDir), (n) => n.endsWith('.guard')).map((p) => ({
      path: rel(p),
      text: readFileSync(p, 'utf8'),
    }));
    const templates = listFiles(resolve(CWD, flags.templatesDir), (n) =>
      DATA_EXTENSIONS.has(extname(n)),
    ).map((p) => ({ path: rel(p), text: readFileSync(p, 'utf8') }));
    pairs = selectPairs(rules, templates, {
      perRule: flags.perRule,
      limit: flags.limit,
      seed: flags.seed,
    });
  }
  const removeSnapshot = snapshotBuild();
  let results;
  try {
    results = await mapPool(
      pairs,
      flags.jobs,
      (pair) => diffPair(pair, flags.format),
      (done, total) => {
        if (done % 50 === 0 || done === total) process.stderr.write(`${done}/${total} pairs\n`);
      },
    );
  } finally {
    removeSnapshot();
  }
  process.stdout.write(`${formatSummary(results)}\n`);
  if (flags.verbose) {
    for (const r of results.filter((x) => x.diff !== undefined)) {
      process.stdout.write(`\n=== ${r.rules} × ${r.template}\n${r.diff}\n`);
    }
  }
  if (flags.save !== undefined) {
    writeFileSync(resolve(CWD, flags.save), `${JSON.stringify(results, null, 2)}\n`);
  }
  return results.some((r) => r.verdict === 'different') ? 1 : 0;
}

async function main() {
  const argv = process.argv.slice(2);
  const warning = staleBuildWarning();
  if (warning !== undefined) process.stderr.write(`${warning}\n`);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  return argv.includes('--batch') ? batchMode(argv) : singleMode(argv);
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
