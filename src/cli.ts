/**
 * The command line: argv → (clap-compatible parsing, src/cli/) → one
 * command's `run(options, io)` → exit status. No `process` here: `bin/`
 * passes the arguments and a real `Io`, tests pass a capturing one.
 *
 * Start-up time (issue 6): only the argument parser is imported eagerly.
 * Each command module — and with it the evaluator, the data loaders and the
 * reporters — is loaded with `await import()` once the command is known, so
 * `--help`, `--version` and usage errors never load them, and `parse-tree`
 * never loads the evaluator. Keep it that way: a static import of a command
 * module here undoes it (tests/unit/build checks the bundle end to end).
 */

import { type Invocation, toInvocation } from './cli/options.js';
import { parseArgs } from './cli/parse.js';
import { VERSION } from './cli/version.js';
import { EXIT, hardErrorText } from './commands/exit-codes.js';
import type { Io } from './commands/io.js';
import { isGuardError } from './diag/errors.js';

export { VERSION } from './cli/version.js';

async function dispatch(invocation: Invocation, io: Io): Promise<number> {
  switch (invocation.command) {
    case 'validate': {
      const validate = await import('./commands/validate.js');
      return validate.run(invocation.options, io);
    }
    case 'test': {
      const test = await import('./commands/test.js');
      return test.run(invocation.options, io);
    }
    case 'parse-tree': {
      const parseTree = await import('./commands/parse-tree.js');
      return parseTree.run(invocation.options, io);
    }
    case 'rulegen': {
      const rulegen = await import('./commands/rulegen.js');
      return rulegen.run(invocation.options, io);
    }
    case 'completions': {
      const [completions, scripts] = await Promise.all([
        import('./commands/completions.js'),
        import('./cli/completions.js'),
      ]);
      return completions.run(invocation.options, io, scripts.completionScript);
    }
  }
}

/**
 * Run cfn-guard with `args` (the words after the program name) and return the
 * exit status. A `GuardError` escaping a command is a hard error (ERR-02):
 * `Error occurred <text>` on stderr and 255. Anything else is a bug and is
 * rethrown for `bin/` to report.
 */
export async function runCli(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseArgs(args, VERSION);
  if (parsed.kind === 'exit') {
    (parsed.stream === 'stdout' ? io.stdout : io.stderr).write(parsed.text);
    return parsed.exitCode;
  }
  const invocation = toInvocation(parsed.command.name, parsed.matches);
  if (invocation === undefined) throw new Error(`no command named ${parsed.command.name}`);
  try {
    return await dispatch(invocation, io);
  } catch (err) {
    if (!isGuardError(err)) throw err;
    io.stderr.write(hardErrorText(err.compat ?? err.message));
    return EXIT.ERROR;
  }
}
