/**
 * Runs the tsguard CLI in-process in a working directory, capturing what it
 * prints: the one way tests drive whole commands without spawning Node.
 */
import { runCli } from '../../src/cli.js';
import { nodeIo } from '../../src/commands/io.js';

export interface CliRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number;
}

export async function runCliIn(
  cwd: string,
  args: readonly string[],
  stdin = '',
  env?: Readonly<Record<string, string | undefined>>,
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io = nodeIo({
    cwd,
    stdin,
    ...(env === undefined ? {} : { env }),
    stdout: {
      write: (t) => {
        stdout += t;
      },
    },
    stderr: {
      write: (t) => {
        stderr += t;
      },
    },
  });
  const exit = await runCli(args, io);
  return { stdout, stderr, exit };
}
