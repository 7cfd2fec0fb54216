/**
 * `validate --structured -o sarif` (OUT-SARIF-01..04).
 *
 * API (pure):
 *   buildSarifReport(reports: readonly FileReport[], tool: SarifToolInfo): SarifReport
 *   formatSarif(reports, tool): string        — pretty JSON, no trailing newline
 *   writeSarif(reports, tool, out: TextSink): void
 *
 * `reports` are the structured file reports, one per data file with every
 * rules file combined (`combineDataFileReports`, EVAL-11), exactly what the
 * JSON/YAML structured output prints. The tool's name and version are
 * tsguard's own, passed in by the caller (the golden tests normalise them);
 * everything else follows the reference.
 */
import type { FileReport, Messages } from './file-report.js';
import { type TextChunks, type TextSink, writeJson } from './json-writer.js';
import type {
  SarifArtifact,
  SarifDriver,
  SarifLocation,
  SarifReport,
  SarifResult,
} from './sarif-types.js';
import { clauseMessages } from './structured.js';

export const SARIF_SCHEMA_URL =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const REPOSITORY_URL = 'https://github.com/aws-cloudformation/cloudformation-guard';

/** The reference's package description, printed as the driver's short description. */
export const GUARD_DESCRIPTION =
  'AWS CloudFormation Guard is an open-source general-purpose policy-as-code evaluation tool. It provides developers with a simple-to-use, yet powerful and expressive domain-specific language (DSL) to define policies and enables developers to validate JSON- or YAML- formatted structured data with those policies.';

/** What identifies the tool. `name` and `version` are required; the rest default to the reference's. */
export interface SarifToolInfo {
  readonly name: string;
  readonly version: string;
  readonly organization?: string;
  readonly downloadUri?: string;
  readonly informationUri?: string;
  readonly description?: string;
}

function driverOf(tool: SarifToolInfo): SarifDriver {
  return {
    name: tool.name,
    semanticVersion: tool.version,
    fullName: `${tool.name} ${tool.version}`,
    organization: tool.organization ?? 'Amazon Web Services',
    downloadUri: tool.downloadUri ?? REPOSITORY_URL,
    informationUri: tool.informationUri ?? REPOSITORY_URL,
    shortDescription: { text: tool.description ?? GUARD_DESCRIPTION },
  };
}

/** OUT-SARIF-02: the data file name with one leading `/` removed. */
export function sarifUri(name: string): string {
  return name.startsWith('/') ? name.slice(1) : name;
}

/**
 * OUT-SARIF-03: the rule name up to its first `.`, upper-cased. The default
 * rule is named `<rules file>/default`, so it shows as the upper-cased
 * rules-file stem (`rules.guard/default` → `RULES`), or
 * `RULES_STDIN[1]/DEFAULT` for payload rules.
 */
export function sarifRuleId(ruleName: string): string {
  const dot = ruleName.indexOf('.');
  return (dot < 0 ? ruleName : ruleName.slice(0, dot)).toUpperCase();
}

/** `"<error message> <custom message>"`: the space is there even when the custom message is empty. */
function messageText(m: Messages): string {
  return `${m.errorMessage ?? ''} ${m.customMessage ?? ''}`;
}

/**
 * OUT-SARIF-04: the region is the data location the report recorded, which
 * is 0-based, used as is and clamped to at least 1: a literal right-hand
 * side records (0,0) and so reads 1:1; a missing property reads one line
 * before the line of the node it stopped at. Kept for compatibility.
 */
function locationOf(uri: string, m: Messages): SarifLocation {
  const line = m.location?.line ?? 0;
  const col = m.location?.col ?? 0;
  return {
    physicalLocation: {
      artifactLocation: { uri },
      region: { startLine: Math.max(line, 1), startColumn: Math.max(col, 1) },
    },
  };
}

/** The whole SARIF document (OUT-SARIF-01). */
export function buildSarifReport(reports: readonly FileReport[], tool: SarifToolInfo): SarifReport {
  const artifacts: SarifArtifact[] = [];
  const results: SarifResult[] = [];
  const seen = new Set<string>();
  for (const report of reports) {
    // Only failing data files are listed; a name repeated (`-d x -d x`)
    // gets one artifact but its results twice, as in the reference.
    if (report.status !== 'FAIL') continue;
    const uri = sarifUri(report.name);
    if (report.name !== '' && !seen.has(report.name)) {
      seen.add(report.name);
      artifacts.push({ location: { uri } });
    }
    for (const failure of report.notCompliant) {
      // Only a top-level rule names the results; anything else has an empty id.
      const ruleId = failure.kind === 'Rule' ? sarifRuleId(failure.name) : '';
      for (const m of clauseMessages(failure)) {
        results.push({
          ruleId,
          level: 'error',
          message: { text: messageText(m) },
          locations: [locationOf(uri, m)],
        });
      }
    }
  }
  return {
    $schema: SARIF_SCHEMA_URL,
    version: '2.1.0',
    runs: [{ tool: { driver: driverOf(tool) }, artifacts, results }],
  };
}

export function writeSarif(
  reports: readonly FileReport[],
  tool: SarifToolInfo,
  out: TextSink,
): void {
  writeJson(buildSarifReport(reports, tool), out);
}

/** Pretty JSON without a trailing newline, as the reference prints it. */
export function formatSarif(reports: readonly FileReport[], tool: SarifToolInfo): string {
  const out: TextChunks = [];
  writeSarif(reports, tool, out);
  return out.join('');
}
