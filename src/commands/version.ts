import { createRequire } from 'node:module';

/**
 * tsguard's version, from package.json: printed by `--version` (as
 * `cfn-guard <version>`, DIVERGENCES.md C6) and by reports that name the
 * tool (SARIF). src/commands and dist/commands sit at the same depth below
 * the package root, so one relative path serves both.
 */
export const VERSION: string = (
  createRequire(import.meta.url)('../../package.json') as { version: string }
).version;

/** How reports name the tool: tsguard's own name and version (issue 4). */
export const TOOL = { name: 'tsguard', version: VERSION } as const;
