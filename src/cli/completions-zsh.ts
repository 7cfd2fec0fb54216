/** The zsh completion script (CMP-01): save as `_tsguard` on `$fpath`, or `source <(…)`. */
import type { CompletionCommand, CompletionFlag } from './completions-model.js';
import { PROGRAM_FLAGS } from './completions-model.js';

/** Text inside `'…[help]'`: no single quotes, brackets or colons unescaped. */
function zshText(text: string): string {
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll("'", "'\\''")
    .replaceAll('[', '\\[')
    .replaceAll(']', '\\]')
    .replaceAll(':', '\\:');
}

function flagSpecs(f: CompletionFlag): string[] {
  const help = `[${zshText(f.help)}]`;
  const star = f.repeatable ? '*' : '';
  const action = !f.takesValue
    ? ''
    : `:${zshText(f.valueName)}:${f.values.length > 0 ? `(${f.values.join(' ')})` : '_files'}`;
  const out: string[] = [];
  if (f.short) out.push(`'${star}-${f.short}${f.takesValue ? '+' : ''}${help}${action}'`);
  out.push(`'${star}--${f.long}${f.takesValue ? '=' : ''}${help}${action}'`);
  return out;
}

export function zshCompletion(program: string, commands: readonly CompletionCommand[]): string {
  const fn = `_${program.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const lines: string[] = [
    `#compdef ${program}`,
    '',
    `${fn}() {`,
    '    local context curcontext="$curcontext" state line',
    '    _arguments -C \\',
    ...PROGRAM_FLAGS.flatMap(flagSpecs).map((s) => `        ${s} \\`),
    "        '1: :->commands' \\",
    "        '*:: :->args'",
    '    case $state in',
    '        commands)',
    '            local -a commands',
    '            commands=(',
    ...commands.map((c) => `                '${c.name}:${zshText(c.about)}'`),
    '            )',
    `            _describe -t commands '${program} commands' commands`,
    '            ;;',
    '        args)',
    '            case $line[1] in',
  ];
  for (const c of commands) {
    lines.push(`                ${c.name})`);
    if (c.name === 'help') {
      lines.push(
        `                    _values 'command' ${commands.map((x) => `'${x.name}'`).join(' ')}`,
      );
    } else {
      lines.push('                    _arguments \\');
      const specs = c.flags.flatMap(flagSpecs);
      specs.forEach((s, i) => {
        lines.push(`                        ${s}${i < specs.length - 1 ? ' \\' : ''}`);
      });
    }
    lines.push('                    ;;');
  }
  lines.push('            esac', '            ;;', '    esac', '}', '', `${fn} "$@"`, '');
  return lines.join('\n');
}
