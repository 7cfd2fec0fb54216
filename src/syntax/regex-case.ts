import { CASE_FOLDING_RANGES, NOT_FOLDED_BY_REFERENCE } from './regex-case-folds.js';

/**
 * Case-insensitive parts of a pattern that also has case-sensitive parts
 * (OP-18: Rust `(?i)` / `(?i:…)` are scoped; Node 20's V8 has no scoped
 * `(?i:…)`). Such a pattern is emitted without the `i` flag, and each
 * case-insensitive literal or class is replaced by a class that lists the
 * case variants explicitly.
 *
 * Rust regex `(?i)` and JavaScript `/iv` both use Unicode simple case folding,
 * and both fold a bracketed class (and each operand of a set operation)
 * before negating or combining it, so a case-insensitive class means exactly
 * what V8 matches with `/iv`. V8 is therefore asked directly, but only about
 * the code points whose folding class is not a singleton (the generated
 * CASE_FOLDING_RANGES, about 3000): every other code point is matched
 * case-insensitively exactly when it is matched case-sensitively. That keeps
 * a class like `(?i:[\u0000-\uFFFF])` as cheap as `(?i:[a])`.
 *
 * The reference folds with Unicode 15.0 data, V8 with newer data: the few
 * classes only V8 knows (NOT_FOLDED_BY_REFERENCE, e.g. U+019B/U+A7DC) are
 * left out of the table, so they are treated as caseless here, and a pattern
 * whose `i` flag would fold them is emitted explicitly instead
 * (foldsBeyondReference).
 */

/** Every code point of flattened [lo, hi, …] ranges, in order, as one string. */
function rangesText(ranges: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    const lo = ranges[i] ?? 0;
    const hi = ranges[i + 1] ?? -1;
    for (let cp = lo; cp <= hi; cp++) parts.push(String.fromCodePoint(cp));
  }
  return parts.join('');
}

/** All code points with a non-trivial folding class, in order, as one string. */
let casedText: string | null = null;

function cased(): string {
  casedText ??= rangesText(CASE_FOLDING_RANGES);
  return casedText;
}

function inRanges(ranges: readonly number[], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = ranges[2 * mid] ?? 0;
    const end = ranges[2 * mid + 1] ?? -1;
    if (cp < start) hi = mid - 1;
    else if (cp > end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Is `cp` in a folding class with other members? */
export function hasCaseVariants(cp: number): boolean {
  return inRanges(CASE_FOLDING_RANGES, cp);
}

let notFoldedText: string | null = null;

/**
 * Would the `i` flag make this case-insensitive literal (a code point) or
 * class (`v`-mode class source) match differently from the reference,
 * because V8 folds a code point that the reference's Unicode data does not?
 */
export function foldsBeyondReference(what: number | string): boolean {
  if (typeof what === 'number') return inRanges(NOT_FOLDED_BY_REFERENCE, what);
  notFoldedText ??= rangesText(NOT_FOLDED_BY_REFERENCE);
  const folded = notFoldedText.match(new RegExp(what, 'giv')) ?? [];
  const plain = notFoldedText.match(new RegExp(what, 'gv')) ?? [];
  return folded.join('') !== plain.join('');
}

/** The cased code points a `v`-mode class source matches with the given flags. */
function casedMembers(classSource: string, flags: string): Set<number> {
  const out = new Set<number>();
  // A class without string alternatives matches exactly one code point.
  for (const m of cased().match(new RegExp(classSource, `g${flags}`)) ?? []) {
    out.add(m.codePointAt(0) ?? 0);
  }
  return out;
}

/** `cps` (sorted, distinct) written as class contents, runs as ranges. */
function classContents(cps: readonly number[], char: (cp: number) => string): string {
  let text = '';
  let i = 0;
  while (i < cps.length) {
    const lo = cps[i] ?? 0;
    let hi = lo;
    while (cps[i + 1] === hi + 1) {
      hi += 1;
      i += 1;
    }
    text += hi === lo ? char(lo) : hi === lo + 1 ? char(lo) + char(hi) : `${char(lo)}-${char(hi)}`;
    i += 1;
  }
  return text;
}

const literalCache = new Map<number, readonly number[]>();

/** Every code point that matches `cp` case-insensitively (including `cp`), sorted. */
export function caseVariants(cp: number): readonly number[] {
  let members = literalCache.get(cp);
  if (members === undefined) {
    members = hasCaseVariants(cp)
      ? [...casedMembers(`[\\u{${cp.toString(16)}}]`, 'iv')].sort((a, b) => a - b)
      : [cp];
    literalCache.set(cp, members);
  }
  return members;
}

/** A case-insensitive literal as `v`-mode source that needs no `i` flag. */
export function caseInsensitiveLiteral(cp: number, char: (cp: number) => string): string {
  const members = caseVariants(cp);
  return members.length === 1 ? char(cp) : `[${classContents(members, char)}]`;
}

/**
 * A `v`-mode class source (a bracketed class) rewritten to match without the
 * `i` flag what it matches with it: the case variants it gains are added, the
 * ones it loses (a negated class also excludes the variants of what it
 * names: `(?i:[^a])` matches neither `a` nor `A`) are subtracted.
 */
export function caseInsensitiveClass(classSource: string, char: (cp: number) => string): string {
  const folded = casedMembers(classSource, 'iv');
  const plain = casedMembers(classSource, 'v');
  const added = [...folded].filter((cp) => !plain.has(cp)).sort((a, b) => a - b);
  const removed = [...plain].filter((cp) => !folded.has(cp)).sort((a, b) => a - b);
  let source = classSource;
  if (added.length > 0) source = `[${source}${classContents(added, char)}]`;
  if (removed.length > 0) source = `[${source}--[${classContents(removed, char)}]]`;
  return source;
}

/** Does any code point in lo..hi have case variants? */
export function rangeHasCaseVariants(lo: number, hi: number): boolean {
  // The first range whose end is >= lo decides.
  let a = 0;
  let b = CASE_FOLDING_RANGES.length / 2;
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((CASE_FOLDING_RANGES[2 * mid + 1] ?? 0) < lo) a = mid + 1;
    else b = mid;
  }
  const start = CASE_FOLDING_RANGES[2 * a];
  return start !== undefined && start <= hi;
}
