import { createRequire } from 'node:module';

/**
 * tsguard's version, from package.json. `--version` prints it as
 * `cfn-guard <version>` (DIVERGENCES.md C6). src/cli and dist/cli sit at the
 * same depth below the package root, so one relative path serves both.
 */
export const VERSION: string = (
  createRequire(import.meta.url)('../../package.json') as { version: string }
).version;
