// Types of compare.mjs (the script runs on plain Node without a build step).

export interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number;
}

export type Comparison =
  | { readonly identical: true }
  | { readonly identical: false; readonly reason: string; readonly diff: string };

export interface Named {
  readonly path: string;
  readonly text: string;
}

export interface Pair {
  readonly rules: string;
  readonly template: string;
  /** The template mentions one of the rules file's resource types. */
  readonly matched: boolean;
}

export interface PairResult {
  readonly rules: string;
  readonly template: string;
  readonly verdict: 'identical' | 'by-design' | 'different';
  readonly reason: string;
}

export function normaliseVersion(text: string): string;
export function sortExpectationRuns(text: string): string;
export function normaliseOutput(text: string, command: string): string;
export function firstHunk(
  expected: string,
  actual: string,
  options?: { context?: number; maxLines?: number },
): string;
export function compareRuns(reference: Run, tsguard: Run): Comparison;
export function lineMultiset(text: string): string;
export function sameUpToLineOrder(reference: Run, tsguard: Run): boolean;
export function extractResourceTypes(rulesText: string): string[];
export function templateMentionsType(templateText: string, type: string): boolean;
export function seededRandom(seed: number): () => number;
export function shuffled<T>(items: readonly T[], random: () => number): T[];
export function selectPairs(
  rules: readonly Named[],
  templates: readonly Named[],
  options?: { perRule?: number; limit?: number; seed?: number },
): Pair[];
export function hasYamlBooleanWords(text: string): boolean;
export function rewriteYamlBooleanWords(text: string): string;
export function hasNotEqualBetweenQueries(rulesText: string): boolean;
export function formatSummary(results: readonly PairResult[]): string;
