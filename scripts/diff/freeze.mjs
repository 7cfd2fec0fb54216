#!/usr/bin/env node
// Freeze (rules file × template) pairs into tests/fixtures/diff-corpus with the
// reference's recorded `validate -o json` answer, for tests/unit/diff/agreement.test.ts.
//
//   node scripts/diff/freeze.mjs PAIRS.json [OUT_DIR]
//
// PAIRS.json: [{"rules": "...", "template": "...", "byDesign"?: "C4"}] with paths
// relative to the current directory. Each pair becomes OUT_DIR/<rules>__<template>/
// holding the two files under their own names, `cmd`, `source.json`,
// `expected.stdout`, `expected.exit` (and `expected.stderr` when not empty).
// The data file's absolute folder is recorded as CASE_DIR, as in the corpus.
// For a C4 pair (DIVERGENCES.md: YAML boolean words) the answer is recorded
// from a copy with the words written true/false: what 3.2.0 answers.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { rewriteYamlBooleanWords } from './compare.mjs';
import { REPO_ROOT, runTool } from './run.mjs';

const CWD = process.env.INIT_CWD ?? process.cwd();

function caseName(pair) {
  const rules = basename(pair.rules, extname(pair.rules));
  const template = basename(pair.template, extname(pair.template));
  return `${rules}__${template}`.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 120);
}

async function record(pair, outDir) {
  const dir = join(outDir, caseName(pair));
  mkdirSync(dir, { recursive: true });
  const rulesName = basename(pair.rules);
  const templateName = basename(pair.template);
  copyFileSync(resolve(CWD, pair.rules), join(dir, rulesName));
  copyFileSync(resolve(CWD, pair.template), join(dir, templateName));
  const args = ['validate', '-r', rulesName, '-d', templateName, '-o', 'json'];
  // Recorded in a scratch copy, so the fixture folder only ever holds inputs and answers.
  const scratch = mkdtempSync(join(tmpdir(), 'tsguard-freeze-'));
  try {
    copyFileSync(join(dir, rulesName), join(scratch, rulesName));
    const text = readFileSync(join(dir, templateName), 'utf8');
    writeFileSync(
      join(scratch, templateName),
      pair.byDesign === 'C4' ? rewriteYamlBooleanWords(text) : text,
    );
    const run = await runTool('reference', args, scratch);
    const from = realpathSync(scratch).slice(1);
    const fix = (t) => t.replaceAll(from, 'CASE_DIR');
    writeFileSync(join(dir, 'cmd'), `${args.join(' ')}\n`);
    writeFileSync(join(dir, 'expected.stdout'), fix(run.stdout));
    writeFileSync(join(dir, 'expected.exit'), `${run.exit}\n`);
    if (run.stderr !== '') writeFileSync(join(dir, 'expected.stderr'), fix(run.stderr));
    const source = {
      rules: pair.rules,
      template: pair.template,
      ...(pair.byDesign ? { byDesign: pair.byDesign } : {}),
    };
    writeFileSync(join(dir, 'source.json'), `${JSON.stringify(source, null, 2)}\n`);
    return `${caseName(pair)}: exit ${run.exit}`;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const [pairsFile, outArg] = process.argv.slice(2);
if (pairsFile === undefined) {
  process.stderr.write('usage: node scripts/diff/freeze.mjs PAIRS.json [OUT_DIR]\n');
  process.exit(2);
}
const outDir =
  outArg === undefined ? join(REPO_ROOT, 'tests/fixtures/diff-corpus') : resolve(CWD, outArg);
const pairs = JSON.parse(readFileSync(resolve(CWD, pairsFile), 'utf8'));
for (const pair of pairs) process.stdout.write(`${await record(pair, outDir)}\n`);
