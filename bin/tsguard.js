#!/usr/bin/env node
// Thin entry point: run the built CLI with this process's arguments and stdio.
// Never prints a stack trace: an unexpected error is one line and exit 255.
import { runCli } from '../dist/cli.js';
import { nodeIo } from '../dist/commands/io.js';

try {
  process.exitCode = await runCli(process.argv.slice(2), nodeIo());
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`tsguard: internal error: ${message}\n`);
  process.exitCode = 255;
}
