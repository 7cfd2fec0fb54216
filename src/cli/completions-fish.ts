/** The fish completion script (CMP-01): `tsguard completions -s fish | source`. */
import type { CompletionCommand, CompletionFlag } from './completions-model.js';
import { PROGRAM_FLAGS } from './completions-model.js';

function fishText(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

function flagLine(program: string, condition: string, f: CompletionFlag): string {
  const parts = [`complete -c ${program} -n ${fishText(condition)}`];
  if (f.short) parts.push(`-s ${f.short}`);
  parts.push(`-l ${f.long}`);
  if (f.takesValue) {
    if (f.values.length > 0) parts.push(`-x -a ${fishText(f.values.join(' '))}`);
    else parts.push('-r -F');
  }
  parts.push(`-d ${fishText(f.help)}`);
  return parts.join(' ');
}

export function fishCompletion(program: string, commands: readonly CompletionCommand[]): string {
  const lines: string[] = [
    `# fish completion for ${program}; load with: ${program} completions -s fish | source`,
  ];
  for (const f of PROGRAM_FLAGS) lines.push(flagLine(program, '__fish_use_subcommand', f));
  for (const c of commands) {
    lines.push(
      `complete -c ${program} -n '__fish_use_subcommand' -f -a ${c.name} -d ${fishText(c.about)}`,
    );
  }
  for (const c of commands) {
    const condition = `__fish_seen_subcommand_from ${c.name}`;
    if (c.name === 'help') {
      const others = commands.filter((x) => x.name !== 'help').map((x) => x.name);
      lines.push(
        `complete -c ${program} -n ${fishText(condition)} -f -a ${fishText(others.join(' '))}`,
      );
      continue;
    }
    for (const f of c.flags) lines.push(flagLine(program, condition, f));
  }
  lines.push('');
  return lines.join('\n');
}
