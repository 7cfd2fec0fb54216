/**
 * Entry point for `--profile` runs: the unbundled tsc output (dist/cli.js and
 * dist/commands/io.js, the same code as the dist/tsguard.mjs bundle that
 * bin/tsguard.js loads), so that the profile names each function's source
 * file instead of one bundle. Usage: node profile-entry.js DIST_DIR ARGS...
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface CliModule {
  runCli(args: readonly string[], io: unknown): Promise<number>;
}
interface IoModule {
  nodeIo(): unknown;
}

const [dist, ...args] = process.argv.slice(2);
if (dist === undefined) {
  process.stderr.write('usage: profile-entry.js DIST_DIR ARGS...\n');
  process.exit(2);
}
const cli = (await import(pathToFileURL(join(dist, 'cli.js')).href)) as CliModule;
const io = (await import(pathToFileURL(join(dist, 'commands', 'io.js')).href)) as IoModule;
process.exitCode = await cli.runCli(args, io.nodeIo());
