/**
 * Runs one command and measures it. CPU time and peak RSS come from GNU time
 * (`/usr/bin/time -f`), which reads them from wait4()'s rusage of the child:
 * Node has no getrusage(RUSAGE_CHILDREN), and process.resourceUsage() only
 * covers the harness itself. Wall time is the harness's own monotonic clock
 * around the spawn (GNU time's %e has only 10 ms resolution). Without GNU
 * time the run is still timed, and CPU and RSS print as n/a.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import type { Sample } from './stats.js';

/** Format given to GNU time: elapsed, user, sys, max RSS (KiB), exit status. */
export const TIME_FORMAT = '%e %U %S %M %x';

export interface ParsedTime {
  readonly userS: number;
  readonly sysS: number;
  readonly maxRssKiB: number;
  readonly exit: number;
}

/**
 * Reads GNU time's output file. On a non-zero exit it writes "Command exited
 * with non-zero status N" (or "Command terminated by signal N") first; the
 * figures are on the last line.
 */
export function parseTimeOutput(text: string): ParsedTime | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('Command '));
  const last = lines[lines.length - 1];
  if (last === undefined) return undefined;
  const f = last.split(/\s+/);
  if (f.length !== 5) return undefined;
  const [, user, sys, rss, exit] = f.map(Number);
  if ([user, sys, rss, exit].some((n) => n === undefined || !Number.isFinite(n))) return undefined;
  return {
    userS: user as number,
    sysS: sys as number,
    maxRssKiB: rss as number,
    exit: exit as number,
  };
}

export interface RunRequest {
  readonly program: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly stdoutFile: string;
  readonly stderrFile: string;
  /** GNU time binary, or undefined to time the run with the wall clock only. */
  readonly timeBin: string | undefined;
  /** Seconds; the run is killed (through coreutils `timeout`) after this. */
  readonly timeoutS: number | undefined;
  /** Scratch file for GNU time's report. */
  readonly timeFile: string;
}

export function findTimeBin(): string | undefined {
  return existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
}

export async function runOnce(req: RunRequest): Promise<Sample> {
  const inner = [req.program, ...req.args];
  const guarded = req.timeoutS === undefined ? inner : ['timeout', String(req.timeoutS), ...inner];
  const argv =
    req.timeBin === undefined
      ? guarded
      : [req.timeBin, '-o', req.timeFile, '-f', TIME_FORMAT, ...guarded];
  rmSync(req.timeFile, { force: true });
  const out = openSync(req.stdoutFile, 'w');
  const err = openSync(req.stderrFile, 'w');
  const t0 = process.hrtime.bigint();
  let code: number;
  try {
    code = await new Promise<number>((resolve, reject) => {
      const child = spawn(argv[0] as string, argv.slice(1), {
        cwd: req.cwd,
        stdio: ['ignore', out, err],
      });
      child.on('error', reject);
      child.on('close', (c, signal) => resolve(c ?? (signal === null ? 255 : 128)));
    });
  } finally {
    closeSync(out);
    closeSync(err);
  }
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  if (req.timeBin === undefined) {
    return { wallS, userS: undefined, sysS: undefined, maxRssKiB: undefined, exit: code };
  }
  const parsed = existsSync(req.timeFile)
    ? parseTimeOutput(readFileSync(req.timeFile, 'utf8'))
    : undefined;
  if (parsed === undefined) {
    return { wallS, userS: undefined, sysS: undefined, maxRssKiB: undefined, exit: code };
  }
  return { wallS, ...parsed };
}
