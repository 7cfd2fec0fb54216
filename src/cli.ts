/**
 * The command line: argv → (clap-compatible parsing, src/cli/) → one
 * command's `run(options, io)` → exit status. No `process` here: `bin/`
 * passes the arguments and a real `Io`, tests pass a capturing one.
 */

import { type Invocation, toInvocation } from './cli/options.js';
import { parseArgs } from './cli/parse.js';
import { VERSION } from './cli/version.js';
import { completionScript } from './cli/completions.js';
import * as completions from './commands/completions.js';
import { EXIT, hardErrorText } from './commands/exit-codes.js';
import type { Io } from './commands/io.js';
import * as parseTree from './commands/parse-tree.js';
import * as rulegen from './commands/rulegen.js';
import * as test from './commands/test.js';
import * as validate from './commands/validate.js';
import { isGuardError } from './diag/errors.js';

export { VERSION } from './cli/version.js';

function dispatch(invocation: Invocation, io: Io): Promise<number> {
  switch (invocation.command) {
    case 'validate':
      return validate.run(invocation.options, io);
    case 'test':
      return test.run(invocation.options, io);
    case 'parse-tree':
      return parseTree.run(invocation.options, io);
    case 'rulegen':
      return rulegen.run(invocation.options, io);
    case 'completions':
      return completions.run(invocation.options, io, completionScript);
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
