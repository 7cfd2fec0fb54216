/**
 * clap's "did you mean" (CLI-02): Jaro similarity (as strsim computes it) over
 * the candidates, keeping those above 0.7, best last. clap prints the best one
 * for arguments and values and every one for sub-commands.
 */

/** Jaro similarity of two strings, compared by Unicode code point. */
export function jaro(a: string, b: string): number {
  const as = [...a];
  const bs = [...b];
  if (as.length === 0 && bs.length === 0) return 1;
  if (as.length === 0 || bs.length === 0) return 0;
  const range = Math.max(0, Math.floor(Math.max(as.length, bs.length) / 2) - 1);
  const aFlags = new Array<boolean>(as.length).fill(false);
  const bFlags = new Array<boolean>(bs.length).fill(false);
  let matches = 0;
  for (let i = 0; i < as.length; i++) {
    const lo = i > range ? i - range : 0;
    const hi = Math.min(bs.length, i + range + 1);
    for (let j = lo; j < hi; j++) {
      if (!bFlags[j] && as[i] === bs[j]) {
        aFlags[i] = true;
        bFlags[j] = true;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < as.length; i++) {
    if (!aFlags[i]) continue;
    while (!bFlags[k]) k++;
    if (as[i] !== bs[k]) transpositions++;
    k++;
  }
  const t = Math.floor(transpositions / 2);
  return (matches / as.length + matches / bs.length + (matches - t) / matches) / 3;
}

/** Candidates more than 70 % similar, least similar first (a stable sort, like clap's). */
export function didYouMean(value: string, candidates: readonly string[]): string[] {
  return candidates
    .map((c) => ({ c, score: jaro(value, c) }))
    .filter((x) => x.score > 0.7)
    .sort((x, y) => x.score - y.score)
    .map((x) => x.c);
}

/** The single best suggestion, as clap shows for arguments and values. */
export function bestMatch(value: string, candidates: readonly string[]): string | undefined {
  return didYouMean(value, candidates).pop();
}
