import { setFlagsFromString } from 'node:v8';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { GuardError } from '../diag/errors.js';

/**
 * Safe execution of translated Guard regexes (OP-18, FN-04).
 *
 * The reference never hangs: plain patterns run on Rust's linear-time engine,
 * and patterns with look-around/backreferences run on fancy-regex's
 * backtracker, which gives up after 1,000,000 steps (cfn-guard 3.1.1 then
 * panics). V8's backtracker has no step limit for the `v`-flag patterns we
 * emit, and its linear fallback engine (see enableRegexSafety) does not
 * accept `u`/`v`/`i` flags, look-arounds or backreferences. So:
 *  - patterns that cannot backtrack badly (at most one variable quantifier)
 *    on inputs up to FAST_PATH_MAX_INPUT characters run in this thread: the
 *    worst case is quadratic, a few tens of millions of steps;
 *  - everything else runs in a worker thread that is killed after a time
 *    budget; the caller gets a GuardError with code EVAL_REGEX_TIMEOUT.
 */

// Polynomial backtracking stays fast on data-sized strings; longer ones go to the worker.
const FAST_PATH_MAX_INPUT = 20000;
const DEFAULT_BUDGET_MS = 2000;

let budgetMs = DEFAULT_BUDGET_MS;

/** Changes the time budget of one guarded regex execution (tests, `--timeout`-style options). */
export function setRegexTimeBudget(ms: number): void {
  budgetMs = ms;
}

/**
 * Asks V8 to switch to its linear-time engine after excessive backtracking.
 * Must run before the first RegExp is compiled (the CLI entry point calls it
 * first). It only covers regexes without the `u`/`v`/`i` flags, look-arounds
 * and backreferences (checked on Node 20), so it protects none of the
 * patterns translateRegex emits; it is kept for other regexes in the process
 * and the real protection is safeTest/safeMatchAll below.
 */
export function enableRegexSafety(): void {
  setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
  setFlagsFromString('--regexp-backtracks-before-fallback=100000');
}

/**
 * Counts the quantifiers of a RegExp source that can match a variable number
 * of times (`*`, `+`, `?`, `{n,}`, `{n,m}` with n < m), ignoring escapes and
 * class contents. With at most one, backtracking is at worst quadratic.
 */
export function countVariableQuantifiers(source: string): number {
  let count = 0;
  let classDepth = 0;
  let afterQuantifier = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const brace = source[i + 2] === '{' && /[upPk]/.test(source[i + 1] ?? '');
      if (brace) i = source.indexOf('}', i);
      else i += 1;
      afterQuantifier = false;
      continue;
    }
    if (classDepth > 0) {
      if (c === '[') classDepth++;
      else if (c === ']') classDepth--;
      continue;
    }
    if (c === '[') {
      classDepth = 1;
      afterQuantifier = false;
      continue;
    }
    if (c === '*' || c === '+') {
      count++;
      afterQuantifier = true;
      continue;
    }
    if (c === '?') {
      if (source[i - 1] !== '(' && !afterQuantifier) {
        count++;
        afterQuantifier = true;
      } else {
        afterQuantifier = false;
      }
      continue;
    }
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (m !== null) {
        if (m[2] !== undefined && m[3] !== m[1]) count++;
        i += m[0].length - 1;
        afterQuantifier = true;
        continue;
      }
    }
    afterQuantifier = false;
  }
  return count;
}

/**
 * Whether a translated pattern can only backtrack polynomially. Exponential
 * backtracking needs a repeated group whose body can match the same text in
 * more than one way: a group that is itself under a variable quantifier that
 * lets it repeat (not `?`) and contains another variable quantifier or an
 * alternation (`(a+)+`, `(a|a)*`, `(\w+\s?)*`, `((a|b)?)*`), or a
 * backreference. Patterns without those (nearly every real rule's pattern:
 * `^arn:aws:iam::\d{12}:role/.+$`, or the registry's optional alternation
 * `\.s3(?:(-external-1|[-.][a-z]*-[a-z]*-[0-9]))?\.amazonaws`) run in this thread.
 */
export function isBacktrackSafe(source: string): boolean {
  // Per open group: did its body contain a variable quantifier or an alternation?
  const stack: boolean[] = [];
  let lastGroupRisky = false;
  let lastWasGroupEnd = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return false;
      const brace = source[i + 2] === '{' && /[upPx]/.test(next);
      i = brace ? source.indexOf('}', i) : i + 1;
      if (i < 0) return false;
      lastWasGroupEnd = false;
      continue;
    }
    if (c === '[') {
      // Skip a class (the v flag allows nesting).
      let depth = 1;
      for (i++; i < source.length && depth > 0; i++) {
        if (source[i] === '\\') i++;
        else if (source[i] === '[') depth++;
        else if (source[i] === ']') depth--;
      }
      i--;
      lastWasGroupEnd = false;
      continue;
    }
    if (c === '(') {
      stack.push(false);
      lastWasGroupEnd = false;
      continue;
    }
    if (c === ')') {
      lastGroupRisky = stack.pop() ?? false;
      if (lastGroupRisky && stack.length > 0) stack[stack.length - 1] = true;
      lastWasGroupEnd = true;
      continue;
    }
    if (c === '|') {
      if (stack.length > 0) stack[stack.length - 1] = true;
      lastWasGroupEnd = false;
      continue;
    }
    const quantifier =
      c === '*' || c === '+' || (c === '?' && source[i - 1] !== '(')
        ? c
        : c === '{'
          ? /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i))
          : null;
    if (quantifier !== null) {
      const variable =
        typeof quantifier === 'string' ||
        (quantifier[2] !== undefined && quantifier[3] !== quantifier[1]);
      if (variable) {
        // Only a group that can repeat multiplies its ambiguity: `(…)?` and
        // `(…){0,1}` run their body at most once, so they stay polynomial
        // (an enclosing repetition is still caught: the group's risk
        // propagates to its parent at `)`).
        if (lastWasGroupEnd && lastGroupRisky && canRepeat(quantifier)) return false;
        if (stack.length > 0) stack[stack.length - 1] = true;
      }
      if (typeof quantifier !== 'string') i += quantifier[0].length - 1;
      lastWasGroupEnd = false;
      continue;
    }
    lastWasGroupEnd = false;
  }
  return true;
}

/** Whether a variable quantifier (`*`, `+`, `?`, `{n,}`, `{n,m}`) allows two or more repetitions. */
function canRepeat(quantifier: string | RegExpExecArray): boolean {
  if (typeof quantifier === 'string') return quantifier !== '?';
  const max = quantifier[3];
  return max === undefined || max === '' || Number(max) >= 2;
}

const fastPathCache = new Map<string, boolean>();

function canRunInline(re: RegExp, input: string): boolean {
  let safe = fastPathCache.get(re.source);
  if (safe === undefined) {
    safe = isBacktrackSafe(re.source) || countVariableQuantifiers(re.source) <= 1;
    fastPathCache.set(re.source, safe);
  }
  return safe && input.length <= FAST_PATH_MAX_INPUT;
}

type Job =
  | { readonly op: 'test'; readonly source: string; readonly flags: string; readonly input: string }
  | {
      readonly op: 'matchAll';
      readonly source: string;
      readonly flags: string;
      readonly input: string;
    };

/** One match of safeMatchAll: the captures (index 0 = whole match) and where it starts. */
export interface RegexMatch {
  readonly index: number;
  readonly groups: readonly (string | undefined)[];
}

type JobResult = boolean | readonly RegexMatch[];

// The worker runs one job per message and reports through the shared flag so
// that the main thread can wait synchronously (Atomics.wait) with a timeout.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ job, flag, port }) => {
  let result;
  try {
    const re = new RegExp(job.source, job.flags);
    if (job.op === 'test') result = { ok: true, value: re.test(job.input) };
    else {
      const g = new RegExp(job.source, job.flags.includes('g') ? job.flags : job.flags + 'g');
      const out = [];
      for (const m of job.input.matchAll(g)) out.push({ index: m.index, groups: [...m] });
      result = { ok: true, value: out };
    }
  } catch (e) {
    result = { ok: false, message: String(e && e.message) };
  }
  port.postMessage(result);
  port.close();
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

let worker: Worker | undefined;

function getWorker(): Worker {
  if (worker === undefined) {
    worker = new Worker(WORKER_SOURCE, { eval: true });
    // Never keep the process alive just for this helper.
    worker.unref();
  }
  return worker;
}

// Starting a worker takes tens of milliseconds; that must not eat the budget.
const WORKER_START_ALLOWANCE_MS = 1000;

function runInWorker(job: Job): JobResult {
  const fresh = worker === undefined;
  const w = getWorker();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  w.postMessage({ job, flag, port: port2 }, [port2]);
  const waited = Atomics.wait(flag, 0, 0, budgetMs + (fresh ? WORKER_START_ALLOWANCE_MS : 0));
  if (waited === 'timed-out') {
    // A regex stuck in backtracking cannot be interrupted except by killing its isolate.
    void w.terminate();
    worker = undefined;
    port1.close();
    throw new GuardError(
      'EVAL_REGEX_TIMEOUT',
      `Regular expression /${job.source}/ did not finish within ${budgetMs} ms on an input of ${job.input.length} characters (catastrophic backtracking)`,
    );
  }
  const received = receiveMessageOnPort(port1);
  port1.close();
  const msg = received?.message as
    | { ok: true; value: JobResult }
    | { ok: false; message: string }
    | undefined;
  if (msg === undefined) throw new GuardError('INTERNAL_ERROR', 'regex worker returned no result');
  if (!msg.ok) throw new GuardError('INTERNAL_ERROR', `regex worker failed: ${msg.message}`);
  return msg.value;
}

/** `re.test(input)` as an unanchored search, without risking a hang. */
export function safeTest(re: RegExp, input: string): boolean {
  if (canRunInline(re, input)) {
    re.lastIndex = 0;
    return re.test(input);
  }
  return runInWorker({ op: 'test', source: re.source, flags: re.flags, input }) as boolean;
}

/** All non-overlapping matches with their captures (for regex_replace), without risking a hang. */
export function safeMatchAll(re: RegExp, input: string): readonly RegexMatch[] {
  if (canRunInline(re, input)) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    return [...input.matchAll(g)].map((m) => ({ index: m.index ?? 0, groups: [...m] }));
  }
  return runInWorker({
    op: 'matchAll',
    source: re.source,
    flags: re.flags,
    input,
  }) as readonly RegexMatch[];
}
