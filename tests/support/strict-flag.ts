/**
 * tsguard's `test --strict` flag (docs/test-command.md) is not in cfn-guard,
 * so every recorded `test` help text and usage line differs from ours by
 * exactly that flag. This edit turns a 3.1.1 recording into tsguard's text;
 * it is applied by the clap goldens and the conformance overrides alike.
 */
const STRICT_ROW =
  '      --strict                         Fail (exit 7) when an expectation names a rule that does not exist or a rule has no expectation\n';

export function withStrictFlag(text: string): string {
  return text
    .replace('|--output-format <OUTPUT_FORMAT>>', '|--output-format <OUTPUT_FORMAT>|--strict>')
    .replace(
      /( {2}-o, --output-format <OUTPUT_FORMAT> {2}Specify the format in which the output should be displayed \[default: single-line-summary\] \[possible values: single-line-summary, json, yaml, junit, sarif\]\n)( {2}-h, --help)/,
      (_m, before: string, help: string) => `${before}${STRICT_ROW}${help}`,
    );
}
