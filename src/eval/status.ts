/**
 * The three statuses of the reference (EVAL-01) and the roll-ups every
 * evaluator uses. Kept apart from result.ts so reporters can import the type
 * without the tree.
 */
export type Status = 'PASS' | 'FAIL' | 'SKIP';

/** Counts of PASS/FAIL seen while folding children; SKIP is neutral. */
export interface Tally {
  passes: number;
  fails: number;
}

export function newTally(): Tally {
  return { passes: 0, fails: 0 };
}

export function countStatus(tally: Tally, status: Status): void {
  if (status === 'PASS') tally.passes++;
  else if (status === 'FAIL') tally.fails++;
}

/** "All must hold": any FAIL → FAIL, else any PASS → PASS, else SKIP (EVAL-04, EVAL-10). */
export function allOf(tally: Tally): Status {
  if (tally.fails > 0) return 'FAIL';
  if (tally.passes > 0) return 'PASS';
  return 'SKIP';
}

/** "At least one": any PASS → PASS, else any FAIL → FAIL, else SKIP (EVAL-06 with `some`). */
export function anyOf(tally: Tally): Status {
  if (tally.passes > 0) return 'PASS';
  if (tally.fails > 0) return 'FAIL';
  return 'SKIP';
}

/** FAIL dominates, PASS beats SKIP (EVAL-11, structured mode). */
export function combineStatus(a: Status, b: Status): Status {
  if (a === 'FAIL' || b === 'FAIL') return 'FAIL';
  if (a === 'PASS' || b === 'PASS') return 'PASS';
  return 'SKIP';
}
