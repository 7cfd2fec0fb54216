// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are bash source, where ${…} is bash syntax
/** The bash completion script (CMP-01): `source <(tsguard completions -s bash)`. */
import type { CompletionCommand, CompletionFlag } from './completions-model.js';
import { PROGRAM_FLAGS } from './completions-model.js';

function flagWords(flags: readonly CompletionFlag[]): string {
  return flags
    .flatMap((f) => (f.short ? [`-${f.short}`, `--${f.long}`] : [`--${f.long}`]))
    .join(' ');
}

function valueCases(flags: readonly CompletionFlag[]): string[] {
  const lines: string[] = [];
  for (const f of flags.filter((x) => x.takesValue)) {
    const pattern = f.short ? `-${f.short}|--${f.long}` : `--${f.long}`;
    const reply =
      f.values.length > 0
        ? `COMPREPLY=($(compgen -W "${f.values.join(' ')}" -- "$cur"))`
        : `COMPREPLY=($(compgen -f -- "$cur"))`;
    lines.push(
      `                ${pattern})`,
      `                    ${reply}`,
      '                    return 0',
      '                    ;;',
    );
  }
  return lines;
}

export function bashCompletion(program: string, commands: readonly CompletionCommand[]): string {
  const fn = `_${program.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const names = commands.map((c) => c.name);
  const lines: string[] = [
    `# bash completion for ${program}; load with: source <(${program} completions -s bash)`,
    `${fn}() {`,
    '    local cur prev cmd i',
    '    cur="${COMP_WORDS[COMP_CWORD]}"',
    '    prev="${COMP_WORDS[COMP_CWORD-1]}"',
    '    cmd=""',
    '    for ((i = 1; i < COMP_CWORD; i++)); do',
    '        case "${COMP_WORDS[i]}" in',
    `            ${names.join('|')})`,
    '                cmd="${COMP_WORDS[i]}"',
    '                break',
    '                ;;',
    '        esac',
    '    done',
    '    case "$cmd" in',
    '        "")',
    `            COMPREPLY=($(compgen -W "${[...names, flagWords(PROGRAM_FLAGS)].join(' ')}" -- "$cur"))`,
    '            return 0',
    '            ;;',
  ];
  for (const c of commands) {
    lines.push(`        ${c.name})`);
    if (c.name === 'help') {
      lines.push(`            COMPREPLY=($(compgen -W "${names.join(' ')}" -- "$cur"))`);
    } else {
      const cases = valueCases(c.flags);
      if (cases.length > 0) lines.push('            case "$prev" in', ...cases, '            esac');
      lines.push(`            COMPREPLY=($(compgen -W "${flagWords(c.flags)}" -- "$cur"))`);
    }
    lines.push('            return 0', '            ;;');
  }
  lines.push('    esac', '}', '', `complete -F ${fn} -o bashdefault -o default ${program}`, '');
  return lines.join('\n');
}
