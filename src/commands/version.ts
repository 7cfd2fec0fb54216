import { createRequire } from 'node:module';

/**
 * Set by the CLI bundle's build (scripts/build/bundle.mjs, esbuild `define`)
 * to package.json's version: the bundle lives in dist/, one level below the
 * package root, so the relative read below would miss package.json there.
 * Undefined when running from src/ (vitest) or from tsc's dist/ tree.
 */
declare const TSGUARD_BUNDLED_VERSION: string | undefined;

/**
 * tsguard's version, from package.json: printed by `--version` (as
 * `cfn-guard <version>`, DIVERGENCES.md C6) and by reports that name the
 * tool (SARIF). Outside the bundle, src/commands and dist/commands sit at
 * the same depth below the package root, so one relative path serves both.
 */
export const VERSION: string =
  typeof TSGUARD_BUNDLED_VERSION === 'string'
    ? TSGUARD_BUNDLED_VERSION
    : (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** How reports name the tool: tsguard's own name and version (issue 4). */
export const TOOL = { name: 'tsguard', version: VERSION } as const;
