/**
 * The `test` command's JSON and YAML reports (TEST-07): single-file mode
 * prints one object, directory mode a list. Shapes follow the reference's
 * serde structs: `{rule_file, test_cases: [{name, passed_rules: [{name,
 * evaluated}], failed_rules: [{name, expected, evaluated: [...]}],
 * skipped_rules: [{name}]}]}` or `{rule_file, error}`.
 */
import type { JsonValue } from '../data/display.js';
import { toJsonPretty } from './json-writer.js';
import type { TestCaseReport, TestFileReport } from './test-types.js';
import { toYaml } from './yaml-writer.js';

function caseJson(c: TestCaseReport): JsonValue {
  const passed: JsonValue[] = [];
  const failed: JsonValue[] = [];
  const skipped: JsonValue[] = [];
  for (const v of c.verdicts) {
    switch (v.kind) {
      case 'passed':
        passed.push({ name: v.rule, evaluated: v.evaluated });
        break;
      case 'failed':
        failed.push({ name: v.rule, expected: v.expected, evaluated: [...v.evaluated] });
        break;
      case 'unset':
        skipped.push({ name: v.rule });
        break;
    }
  }
  return { name: c.name ?? '', passed_rules: passed, failed_rules: failed, skipped_rules: skipped };
}

export function testFileJson(report: TestFileReport): JsonValue {
  if (report.kind === 'error') return { rule_file: report.ruleFile, error: report.error };
  return { rule_file: report.ruleFile, test_cases: report.cases.map(caseJson) };
}

/** serde_json's `to_writer_pretty`: no trailing newline. */
export function formatTestJson(reports: TestFileReport | readonly TestFileReport[]): string {
  return toJsonPretty(
    Array.isArray(reports) ? reports.map(testFileJson) : testFileJson(reports as TestFileReport),
  );
}

/** serde_yaml's `to_writer`: ends with a newline. */
export function formatTestYaml(reports: TestFileReport | readonly TestFileReport[]): string {
  return toYaml(
    Array.isArray(reports) ? reports.map(testFileJson) : testFileJson(reports as TestFileReport),
  );
}
