#!/usr/bin/env node
/**
 * Generates src/syntax/regex-case-folds.ts: the code points that belong to a
 * non-trivial simple-case-folding class (Rust regex `(?i)`, JavaScript
 * `/iv`), as ranges, plus the classes that toLowerCase/toUpperCase alone do
 * not complete (for documentation and tests).
 *
 * V8 is the oracle: a code point y is in x's class when
 * new RegExp(`[x]`, 'iv') matches y. Every class is found by scanning a
 * string of all code points, starting from the characters V8 says change
 * under case folding (\p{Changes_When_Casefolded}) and from the
 * toLowerCase/toUpperCase images, so a class is found if any member is.
 *
 * The reference (cfn-guard 3.1.1, Rust regex 1.10) folds with Unicode 15.0
 * data, Node 20's ICU with a newer version: the classes that only the newer
 * data has are listed in NOT_FOLDED_BY_REFERENCE, left out of the main table
 * and written out separately (the emitter must treat their members as
 * caseless). `--reference <cfn-guard binary>` re-derives that list by asking
 * the binary about every pair of every class (one validate run) and prints
 * it on stderr, so it can be checked against the list below.
 *
 * Rerun after a Node upgrade (new Unicode version):
 *   node scripts/gen-case-folds.mjs > src/syntax/regex-case-folds.ts && npx biome format --write src/syntax/regex-case-folds.ts
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** [lo, hi] ranges: classes cfn-guard 3.1.1 does not fold (added after Unicode 15.0). */
const NOT_FOLDED_BY_REFERENCE = [
  [0x019b, 0x019b],
  [0x0264, 0x0264],
  [0x1c89, 0x1c8a],
  [0xa7cb, 0xa7cf],
  [0xa7d2, 0xa7d5],
  [0xa7da, 0xa7dc],
  [0xfb05, 0xfb06],
  [0x10d50, 0x10d65],
  [0x10d70, 0x10d85],
  [0x16ea0, 0x16eb8],
  [0x16ebb, 0x16ed3],
];
const notFolded = (cp) => NOT_FOLDED_BY_REFERENCE.some(([lo, hi]) => cp >= lo && cp <= hi);

const MAX = 0x10ffff;
const isSurrogate = (cp) => cp >= 0xd800 && cp <= 0xdfff;
const hex = (cp) => cp.toString(16).padStart(4, '0');
const esc = (cp) => `\\u{${cp.toString(16)}}`;

let all = '';
for (let cp = 0; cp <= MAX; cp++) if (!isSurrogate(cp)) all += String.fromCodePoint(cp);

/** Single code point results of a case mapping, or none. */
function single(s) {
  const cps = [...s];
  return cps.length === 1 ? [cps[0].codePointAt(0)] : [];
}

const candidates = new Set();
for (const m of all.matchAll(/\p{Changes_When_Casefolded}/gv)) candidates.add(m[0].codePointAt(0));
for (let cp = 0; cp <= MAX; cp++) {
  if (isSurrogate(cp)) continue;
  const s = String.fromCodePoint(cp);
  for (const o of [...single(s.toLowerCase()), ...single(s.toUpperCase())]) {
    if (o !== cp) {
      candidates.add(cp);
      candidates.add(o);
    }
  }
}

const classOf = new Map();
const classes = [];
for (const cp of [...candidates].sort((a, b) => a - b)) {
  if (classOf.has(cp)) continue;
  const members = [...all.matchAll(new RegExp(`[${esc(cp)}]`, 'giv'))].map((m) =>
    m[0].codePointAt(0),
  );
  if (members.length < 2) continue;
  members.sort((a, b) => a - b);
  for (const m of members) {
    if (classOf.has(m)) throw new Error(`U+${hex(m)} is in two classes`);
    classOf.set(m, members);
  }
  classes.push(members);
}

/** The class toLowerCase/toUpperCase reach from the smallest member (single code points only). */
function mappedClosure(start) {
  const seen = new Set([start]);
  const todo = [start];
  while (todo.length > 0) {
    const s = String.fromCodePoint(todo.pop());
    for (const o of [...single(s.toLowerCase()), ...single(s.toUpperCase())]) {
      if (!seen.has(o)) {
        seen.add(o);
        todo.push(o);
      }
    }
  }
  return seen;
}
const irregular = () =>
  keptClasses.filter((c) => {
    const reach = mappedClosure(c[0]);
    return reach.size !== c.length || c.some((m) => !reach.has(m));
  });

function toRanges(cps) {
  const ranges = [];
  for (const cp of cps) {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  return ranges;
}

for (const c of classes) {
  if (c.some(notFolded) && !c.every(notFolded)) {
    throw new Error(`class ${c.map(hex)} is only partly in NOT_FOLDED_BY_REFERENCE`);
  }
}
const allCased = [...classOf.keys()].sort((a, b) => a - b);
const cased = allCased.filter((cp) => !notFolded(cp));
const ranges = toRanges(cased);
const newer = toRanges(allCased.filter(notFolded));
const keptClasses = classes.filter((c) => !notFolded(c[0]));

const refIndex = process.argv.indexOf('--reference');
if (refIndex > 0) {
  const bin = process.argv[refIndex + 1];
  const dir = mkdtempSync(join(tmpdir(), 'case-folds-'));
  let rules = '';
  const data = {};
  const pairs = [];
  for (const c of classes) {
    for (const a of c) {
      for (const b of c) {
        if (a === b) continue;
        const n = pairs.length;
        rules += `rule r${n} { k${n} == /^(?i:${esc(a)})$/ }\n`;
        data[`k${n}`] = String.fromCodePoint(b);
        pairs.push([a, b]);
      }
    }
  }
  writeFileSync(join(dir, 'r.guard'), rules);
  writeFileSync(join(dir, 'd.json'), JSON.stringify(data));
  let out;
  try {
    out = execFileSync(
      bin,
      ['validate', '-r', join(dir, 'r.guard'), '-d', join(dir, 'd.json'), '-S', 'all'],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      },
    );
  } catch (e) {
    out = e.stdout;
  }
  const differ = new Set();
  for (const m of out.matchAll(/r(\d+)\s+FAIL/g))
    for (const cp of pairs[Number(m[1])]) differ.add(cp);
  const found = toRanges([...differ].sort((a, b) => a - b));
  process.stderr.write(
    `not folded by the reference: ${found.map(([lo, hi]) => `[0x${hex(lo)}, 0x${hex(hi)}]`).join(', ')}\n`,
  );
}

const lines = [];
lines.push('// Generated by scripts/gen-case-folds.mjs with Node ' + process.version);
lines.push(
  `// (V8 ${process.versions.v8}, Unicode ${process.versions.unicode}). Do not edit; rerun the script.`,
);
lines.push('');
lines.push('/**');
lines.push(' * Every code point whose simple-case-folding class (Rust regex `(?i)`,');
lines.push(' * JavaScript `/iv`) has more than one member, as inclusive ranges flattened');
lines.push(
  ` * into [lo, hi, lo, hi, …]: ${cased.length} code points in ${keptClasses.length} classes.`,
);
lines.push(' * Code points outside these ranges match only themselves case-insensitively.');
lines.push(' */');
lines.push('export const CASE_FOLDING_RANGES: readonly number[] = [');
for (const [lo, hi] of ranges) lines.push(`  0x${hex(lo)}, 0x${hex(hi)},`);
lines.push('];');
lines.push('');
lines.push('/**');
lines.push(' * Classes Node folds but cfn-guard 3.1.1 does not (Unicode data newer than 15.0):');
lines.push(' * their members must be treated as caseless. Same layout as CASE_FOLDING_RANGES.');
lines.push(' */');
lines.push('export const NOT_FOLDED_BY_REFERENCE: readonly number[] = [');
for (const [lo, hi] of newer) lines.push(`  0x${hex(lo)}, 0x${hex(hi)},`);
lines.push('];');
lines.push('');
lines.push('/**');
lines.push(' * The classes that toLowerCase/toUpperCase (single code point results) do not');
lines.push(' * complete from their smallest member, e.g. k K U+212A KELVIN SIGN.');
lines.push(' */');
lines.push('export const IRREGULAR_CASE_CLASSES: readonly (readonly number[])[] = [');
for (const c of irregular()) lines.push(`  [${c.map((m) => `0x${hex(m)}`).join(', ')}],`);
lines.push('];');
process.stdout.write(`${lines.join('\n')}\n`);
