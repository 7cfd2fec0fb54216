/**
 * A small clap-compatible argument parser over the table in spec.ts. It
 * follows clap 4.5's order of checks, because that order decides which
 * error the user sees: tokens are read left to right (unknown arguments,
 * invalid values and repeated single-use arguments fail on the spot, `-h`
 * prints help on the spot); then a missing value, "no arguments at all"
 * (help on stderr, exit 2), conflicts, and missing required arguments.
 */
import {
  argumentConflict,
  invalidValue,
  missingRequired,
  USAGE_EXIT,
  unexpectedValue,
  unknownArgument,
  unknownSubcommand,
  usedMultipleTimes,
  valueRequired,
} from './errors.js';
import {
  commandHelp,
  formatGroup,
  helpCommandHelp,
  helpUsage,
  smartUsage,
  TOP_USAGE,
  topHelp,
  topSmartUsage,
} from './help.js';
import {
  type ArgSpec,
  argDisplay,
  type CommandSpec,
  findArg,
  PROGRAM_NAME,
  SUBCOMMANDS,
} from './spec.js';
import { bestMatch, didYouMean } from './suggest.js';

/** What the user gave to one sub-command: argument id → values, in order of first use. */
export type Matches = ReadonlyMap<string, readonly string[]>;

export type ParseOutcome =
  | { readonly kind: 'matched'; readonly command: CommandSpec; readonly matches: Matches }
  | {
      readonly kind: 'exit';
      readonly stream: 'stdout' | 'stderr';
      readonly text: string;
      readonly exitCode: number;
    };

/** Internal: stops parsing with a finished text (never escapes this module). */
class Stop {
  constructor(
    readonly stream: 'stdout' | 'stderr',
    readonly text: string,
    readonly exitCode: number,
  ) {}
}

const usageError = (text: string): Stop => new Stop('stderr', text, USAGE_EXIT);

function groupsOf(cmd: CommandSpec, id: string): string[] {
  return cmd.groups.filter((g) => g.args.includes(id)).map((g) => g.id);
}

/**
 * Ids clap's matcher holds, in order: each argument followed by the groups it
 * joined. Only the unknown-argument error shows these (groups included).
 */
function matcherIds(cmd: CommandSpec, present: Iterable<string>): string[] {
  const out: string[] = [];
  for (const id of present) out.push(id, ...groupsOf(cmd, id));
  return out;
}

function directConflicts(cmd: CommandSpec, id: string): string[] {
  const arg = findArg(cmd, id);
  const out = [...(arg?.conflicts ?? [])];
  for (const group of cmd.groups) {
    if (!group.multiple && group.args.includes(id)) out.push(...group.args.filter((a) => a !== id));
  }
  return out;
}

class CommandParser {
  readonly #cmd: CommandSpec;
  readonly #values = new Map<string, string[]>();

  constructor(cmd: CommandSpec) {
    this.#cmd = cmd;
  }

  parse(tokens: readonly string[]): Matches {
    const cmd = this.#cmd;
    let pending: { arg: ArgSpec; count: number } | undefined;
    let positionalOnly = false;
    const closePending = (): void => {
      if (pending && pending.arg.kind !== 'multi' && pending.count === 0) {
        throw usageError(valueRequired(argDisplay(pending.arg), pending.arg.possibleValues));
      }
      pending = undefined;
    };

    for (const token of tokens) {
      if (positionalOnly) throw usageError(unknownArgument(token, helpUsage(cmd)));
      if (token === '--') {
        closePending();
        positionalOnly = true;
      } else if (token.startsWith('--')) {
        closePending();
        const eq = token.indexOf('=');
        const name = eq === -1 ? token.slice(2) : token.slice(2, eq);
        const value = eq === -1 ? undefined : token.slice(eq + 1);
        if (name === 'help') {
          if (value !== undefined) {
            throw usageError(unexpectedValue(value, '--help', smartUsage(cmd, [])));
          }
          throw new Stop('stdout', commandHelp(cmd), 0);
        }
        const arg = cmd.args.find((a) => a.long === name);
        if (!arg) throw this.#unknownLong(name);
        this.#occur(arg);
        if (arg.kind === 'flag') {
          if (value !== undefined) {
            throw usageError(unexpectedValue(value, argDisplay(arg), smartUsage(cmd, [arg.id])));
          }
        } else if (value !== undefined) {
          this.#addValue(arg, value);
        } else {
          pending = { arg, count: 0 };
        }
      } else if (token.startsWith('-') && token.length > 1) {
        closePending();
        const chars = [...token.slice(1)];
        for (let i = 0; i < chars.length; i++) {
          const c = chars[i] as string;
          if (c === 'h') throw new Stop('stdout', commandHelp(cmd), 0);
          const arg = cmd.args.find((a) => a.short === c);
          if (!arg) throw usageError(unknownArgument(`-${c}`, helpUsage(cmd)));
          this.#occur(arg);
          if (arg.kind === 'flag') continue;
          // `-rfile` and `-r=file` carry their value; `-r` alone waits for the next word.
          let rest = chars.slice(i + 1).join('');
          if (rest.startsWith('=')) rest = rest.slice(1);
          if (rest !== '') this.#addValue(arg, rest);
          else pending = { arg, count: 0 };
          break;
        }
      } else if (pending) {
        this.#addValue(pending.arg, token);
        pending.count++;
        if (pending.arg.kind !== 'multi') pending = undefined;
      } else {
        throw usageError(unknownArgument(token, helpUsage(cmd)));
      }
    }
    closePending();

    if (this.#values.size === 0) throw usageError(commandHelp(cmd));
    this.#checkConflicts();
    this.#checkRequired();
    return this.#values;
  }

  #unknownLong(name: string): Stop {
    const cmd = this.#cmd;
    const longs = [...cmd.args.map((a) => a.long), 'help'];
    const similar = bestMatch(name, longs);
    const suggested = cmd.args.find((a) => a.long === similar);
    // clap records the suggested argument as used before it builds the usage line.
    const used = matcherIds(cmd, [...this.#values.keys(), ...(suggested ? [suggested.id] : [])]);
    return usageError(
      unknownArgument(
        `--${name}`,
        smartUsage(cmd, used),
        similar === undefined ? undefined : `--${similar}`,
      ),
    );
  }

  #occur(arg: ArgSpec): void {
    const seen = this.#values.get(arg.id);
    if (seen && (arg.kind === 'flag' || arg.kind === 'single')) {
      throw usageError(usedMultipleTimes(argDisplay(arg), helpUsage(this.#cmd)));
    }
    if (!seen) this.#values.set(arg.id, []);
  }

  #addValue(arg: ArgSpec, raw: string): void {
    const parts = arg.delimiter === undefined ? [raw] : raw.split(arg.delimiter);
    const possible = arg.possibleValues;
    for (const part of parts) {
      if (possible && !possible.includes(part)) {
        throw usageError(invalidValue(part, argDisplay(arg), possible, bestMatch(part, possible)));
      }
    }
    this.#values.get(arg.id)?.push(...parts);
  }

  #checkConflicts(): void {
    const cmd = this.#cmd;
    const present = [...this.#values.keys()];
    for (const id of present) {
      const mine = directConflicts(cmd, id);
      const found: string[] = [];
      for (const other of present) {
        if (other === id || found.includes(other)) continue;
        if (mine.includes(other) || directConflicts(cmd, other).includes(id)) found.push(other);
      }
      if (found.length === 0) continue;
      const arg = findArg(cmd, id) as ArgSpec;
      const others = found.map((o) => argDisplay(findArg(cmd, o) as ArgSpec));
      const used = present.filter((p) => !found.includes(p));
      throw usageError(argumentConflict(argDisplay(arg), others, smartUsage(cmd, used)));
    }
  }

  #checkRequired(): void {
    const cmd = this.#cmd;
    const missing: string[] = [];
    for (const arg of cmd.args) {
      if (arg.required === true && !this.#values.has(arg.id)) missing.push(arg.id);
    }
    for (const group of cmd.groups) {
      if (group.required && !group.args.some((a) => this.#values.has(a))) missing.push(group.id);
    }
    if (missing.length > 0) {
      throw usageError(missingRequiredText(cmd, [...this.#values.keys()], missing));
    }
  }
}

/** The "required arguments were not provided" error for ids (arguments or groups) that are missing. */
function missingRequiredText(
  cmd: CommandSpec,
  present: readonly string[],
  missing: readonly string[],
): string {
  const shown = missing.map((id) => {
    const arg = findArg(cmd, id);
    return arg ? argDisplay(arg) : formatGroup(cmd, id);
  });
  return missingRequired(shown, smartUsage(cmd, [...present, ...missing]));
}

/**
 * Extra checks tsguard makes where the reference crashes (CLI-05;
 * DIVERGENCES.md "Crash cases"): they are reported as clap-style argument
 * errors. Returns the error text, or undefined when the matches are fine.
 */
export function checkBeyondClap(cmd: CommandSpec, matches: Matches): string | undefined {
  if (cmd.name === 'validate') {
    // `validate -r` with no value and no --payload hits `unreachable!()` in the reference.
    const rules = matches.get('rules');
    if (rules !== undefined && rules.length === 0) {
      return valueRequired(argDisplay(findArg(cmd, 'rules') as ArgSpec), undefined);
    }
  }
  if (cmd.name === 'test' && !matches.has('dir')) {
    // Without -d the reference unwraps -r and -t; a missing one panics there.
    const missing = ['rules-file', 'test-data'].filter((id) => !matches.has(id));
    if (missing.length > 0) return missingRequiredText(cmd, [...matches.keys()], missing);
  }
  return undefined;
}

function parseHelpCommand(tokens: readonly string[]): Stop {
  const [first, second] = tokens;
  if (first === undefined) return new Stop('stdout', topHelp(), 0);
  if (first === 'help') return new Stop('stdout', helpCommandHelp(), 0);
  const cmd = SUBCOMMANDS.find((c) => c.name === first);
  if (!cmd) return usageError(unknownSubcommand(first, TOP_USAGE, []));
  // Sub-commands have no sub-commands of their own, so any further word is unknown.
  if (second !== undefined) return usageError(unknownSubcommand(second, helpUsage(cmd), []));
  return new Stop('stdout', commandHelp(cmd), 0);
}

/** Parse the words after the program name (CLI-01/02). */
export function parseArgs(args: readonly string[], version: string): ParseOutcome {
  try {
    return parseTop(args, version);
  } catch (e) {
    if (e instanceof Stop) {
      return { kind: 'exit', stream: e.stream, text: e.text, exitCode: e.exitCode };
    }
    throw e;
  }
}

function parseTop(args: readonly string[], version: string): ParseOutcome {
  const versionText = `${PROGRAM_NAME} ${version}\n`;
  // Every top-level word either ends parsing (help, version, an error) or names the sub-command.
  const [token, ...rest] = args;
  if (token === undefined) throw usageError(topHelp()); // CLI-01: help on stderr, exit 2
  if (token === '--') {
    const [next, ...after] = rest;
    if (next === undefined) throw usageError(topHelp());
    return parseSubcommand(next, after);
  }
  if (token.startsWith('--')) {
    const eq = token.indexOf('=');
    const name = eq === -1 ? token.slice(2) : token.slice(2, eq);
    if (name === 'help' || name === 'version') {
      if (eq !== -1) {
        throw usageError(unexpectedValue(token.slice(eq + 1), `--${name}`, topSmartUsage([name])));
      }
      throw new Stop('stdout', name === 'help' ? topHelp() : versionText, 0);
    }
    const similar = bestMatch(name, ['help', 'version']);
    const usage = similar === undefined ? TOP_USAGE : topSmartUsage([similar]);
    throw usageError(
      unknownArgument(`--${name}`, usage, similar === undefined ? undefined : `--${similar}`),
    );
  }
  if (token.startsWith('-') && token.length > 1) {
    // Only the first letter matters: -h and -V stop at once, anything else is unknown.
    const c = token[1] as string;
    if (c === 'h') throw new Stop('stdout', topHelp(), 0);
    if (c === 'V') throw new Stop('stdout', versionText, 0);
    throw usageError(unknownArgument(`-${c}`, TOP_USAGE));
  }
  return parseSubcommand(token, rest);
}

function parseSubcommand(name: string, rest: readonly string[]): ParseOutcome {
  if (name === 'help') throw parseHelpCommand(rest);
  const cmd = SUBCOMMANDS.find((c) => c.name === name);
  if (!cmd) {
    const names = [...SUBCOMMANDS.map((c) => c.name), 'help'];
    throw usageError(unknownSubcommand(name, TOP_USAGE, didYouMean(name, names)));
  }
  const matches = new CommandParser(cmd).parse(rest);
  const extra = checkBeyondClap(cmd, matches);
  if (extra !== undefined) throw usageError(extra);
  return { kind: 'matched', command: cmd, matches };
}
