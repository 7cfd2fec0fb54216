/**
 * Help and usage texts laid out the way clap 4.5 prints them for cfn-guard
 * 3.2.0 (CLI-01), computed from the table in spec.ts.
 */
import {
  type ArgSpec,
  argDisplay,
  type CommandSpec,
  findArg,
  findGroup,
  HELP_ABOUT,
  PROGRAM_ABOUT,
  PROGRAM_NAME,
  SUBCOMMANDS,
} from './spec.js';

/** clap renders without terminal-width detection here, so it assumes 100 columns. */
const TERM_WIDTH = 100;
const NEXT_LINE_INDENT = ' '.repeat(10);

/** `<--rules [<RULES>...]|--payload>` */
export function formatGroup(cmd: CommandSpec, groupId: string): string {
  const group = findGroup(cmd, groupId);
  if (!group) return '';
  const members = group.args.flatMap((id) => {
    const arg = findArg(cmd, id);
    return arg ? [argDisplay(arg)] : [];
  });
  return `<${members.join('|')}>`;
}

/**
 * The required part of a usage line, given the argument and group ids that
 * were used (clap's `get_required_usage_from`): the command's required
 * arguments and groups plus `used`; an argument that belongs to a group being
 * shown is shown through its group; plain arguments first, then groups.
 */
export function requiredUsage(cmd: CommandSpec, used: readonly string[]): string[] {
  const required = [
    ...cmd.args.filter((a) => a.required === true).map((a) => a.id),
    ...cmd.groups.filter((g) => g.required).map((g) => g.id),
  ];
  const all = [...required, ...used];
  const groups: string[] = [];
  const members = new Set<string>();
  for (const id of all) {
    const group = findGroup(cmd, id);
    if (group && !groups.includes(id)) {
      groups.push(id);
      for (const member of group.args) members.add(member);
    }
  }
  const opts: string[] = [];
  for (const id of all) {
    const arg = findArg(cmd, id);
    if (!arg || members.has(id)) continue;
    const text = argDisplay(arg);
    if (!opts.includes(text)) opts.push(text);
  }
  return [...opts, ...groups.map((g) => formatGroup(cmd, g))];
}

function needsOptionsTag(cmd: CommandSpec): boolean {
  const inRequiredGroup = (id: string): boolean =>
    cmd.groups.some((g) => g.required && g.args.includes(id));
  return cmd.args.some((a) => a.required !== true && !inRequiredGroup(a.id));
}

/** The usage line of `--help` and of errors raised before anything was used. */
export function helpUsage(cmd: CommandSpec): string {
  const parts = [`${PROGRAM_NAME} ${cmd.name}`];
  if (needsOptionsTag(cmd)) parts.push('[OPTIONS]');
  parts.push(...requiredUsage(cmd, []));
  return parts.join(' ');
}

/** The usage line of an error, built from what the user gave (clap's "smart usage"). */
export function smartUsage(cmd: CommandSpec, used: readonly string[]): string {
  if (used.length === 0) return helpUsage(cmd);
  return [`${PROGRAM_NAME} ${cmd.name}`, ...requiredUsage(cmd, used)].join(' ');
}

export const TOP_USAGE = `${PROGRAM_NAME} <COMMAND>`;

/** Top-level smart usage: `cfn-guard --version <COMMAND>`. */
export function topSmartUsage(usedLongs: readonly string[]): string {
  return [PROGRAM_NAME, ...usedLongs.map((l) => `--${l}`), '<COMMAND>'].join(' ');
}

interface HelpRow {
  readonly spec: string;
  readonly help: string;
  readonly specVals: string;
}

function specVals(arg: ArgSpec): string {
  const parts: string[] = [];
  if (arg.defaultValue !== undefined) parts.push(`[default: ${arg.defaultValue}]`);
  if (arg.possibleValues) parts.push(`[possible values: ${arg.possibleValues.join(', ')}]`);
  return parts.join(' ');
}

function rowOf(arg: ArgSpec): HelpRow {
  const value = argDisplay(arg).slice(`--${arg.long}`.length);
  // clap keeps the column of long names when an argument has no short form.
  const short = arg.short === '' ? '    ' : `-${arg.short}, `;
  return { spec: `${short}--${arg.long}${value}`, help: arg.help, specVals: specVals(arg) };
}

function width(text: string): number {
  return [...text.replaceAll('\n', '')].length;
}

/**
 * An options table. clap moves every help text to its own line (indented by
 * 10) when some argument's text would not fit beside the widest spec: the
 * spec column takes more than 40 % of the width and the text is longer than
 * what remains. Otherwise texts go beside the specs, continuation lines
 * aligned under the text column.
 */
function renderRows(rows: readonly HelpRow[]): string {
  const longest = Math.max(...rows.map((r) => width(r.spec)));
  const taken = longest + 4;
  const nextLine = rows.some(
    (r) =>
      TERM_WIDTH >= taken &&
      taken / TERM_WIDTH > 0.4 &&
      width(r.help) + width(r.specVals) > TERM_WIDTH - taken,
  );
  let out = '';
  for (const row of rows) {
    const text = [row.help, row.specVals].filter((s) => s !== '').join(' ');
    const textLines = text === '' ? [] : text.split('\n');
    if (nextLine) {
      out += `  ${row.spec}\n`;
      for (const line of textLines) out += `${NEXT_LINE_INDENT}${line}\n`;
    } else {
      const [first = '', ...rest] = textLines;
      out += `  ${row.spec.padEnd(longest)}  ${first}`.trimEnd();
      out += '\n';
      for (const line of rest) out += `${' '.repeat(taken)}${line}\n`;
    }
  }
  return out;
}

const HELP_ROW: HelpRow = { spec: '-h, --help', help: 'Print help', specVals: '' };
const VERSION_ROW: HelpRow = { spec: '-V, --version', help: 'Print version', specVals: '' };

/** `cfn-guard <command> --help`. */
export function commandHelp(cmd: CommandSpec): string {
  const rows = [...cmd.args.map(rowOf), HELP_ROW];
  return `${cmd.about}\n\nUsage: ${helpUsage(cmd)}\n\nOptions:\n${renderRows(rows)}`;
}

/**
 * `cfn-guard --help`. Continuation lines of multi-line sub-command texts are
 * indented to the text column (15 spaces): clap 4.5.13+ behaviour, so 3.2.0
 * (DIVERGENCES.md C7), where 3.1.1 used 19.
 */
export function topHelp(): string {
  const entries = [
    ...SUBCOMMANDS.map((c) => ({ name: c.name, about: c.about })),
    { name: 'help', about: HELP_ABOUT },
  ];
  const longest = Math.max(...entries.map((e) => e.name.length));
  let commands = '';
  for (const e of entries) {
    const [first = '', ...rest] = e.about.split('\n');
    commands += `  ${e.name.padEnd(longest)}  ${first}\n`;
    for (const line of rest) commands += `${' '.repeat(longest + 4)}${line}\n`;
  }
  return `${PROGRAM_ABOUT}\n\nUsage: ${TOP_USAGE}\n\nCommands:\n${commands}\nOptions:\n${renderRows([HELP_ROW, VERSION_ROW])}`;
}

/** `cfn-guard help help`. */
export function helpCommandHelp(): string {
  return `${HELP_ABOUT}\n\nUsage: ${PROGRAM_NAME} help [COMMAND]...\n\nArguments:\n  [COMMAND]...  Print help for the subcommand(s)\n`;
}
