/**
 * What non-structured validate prints for one (rules file, data file) pair,
 * in the reference's order: the summary table (OUT-SUM, when `-S` selects
 * anything), then the report (console OUT-CFN/OUT-TF/OUT-SLS, or the file
 * report as JSON/YAML for `-o json|yaml`, OUT-JSON-02), then the verbose tree
 * (`-v`, OUT-VERB), then the record tree as JSON (`-p`, OUT-PJ).
 */
import type { Value } from '../data/value.js';
import type { FileResult } from '../eval/result.js';
import { formatConsoleReport } from '../report/cfn.js';
import { buildFileReport } from '../report/file-report.js';
import { fileReportToJson } from '../report/file-report-json.js';
import { toJsonPretty } from '../report/json-writer.js';
import { formatPrintJson } from '../report/print-json.js';
import { formatSummaryTable } from '../report/summary.js';
import type { SummaryKind } from '../report/types.js';
import { formatVerboseTree } from '../report/verbose.js';
import { toYaml } from '../report/yaml-writer.js';
import type { OutputStream } from './io.js';
import type { ValidateOptions } from './options.js';
import type { DataFile } from './validate-inputs.js';

/** Writes one pair's text to `stdout` (the run's, or a buffer on a worker thread). */
export type PairReporter = (result: FileResult, root: Value, file: DataFile) => void;

export function pairReporter(
  options: ValidateOptions,
  kinds: ReadonlySet<SummaryKind>,
  stdout: OutputStream,
): PairReporter {
  return (result, root, file) => {
    const ctx = {
      rulesFileName: result.rulesFileName,
      dataFileName: file.name,
      showSummary: kinds,
      data: root,
      dataText: file.text,
    };
    if (kinds.size > 0) stdout.write(formatSummaryTable(result, ctx));
    switch (options.outputFormat) {
      case 'json':
        stdout.write(toJsonPretty(fileReportToJson(buildFileReport(result))));
        break;
      case 'yaml':
        stdout.write(toYaml(fileReportToJson(buildFileReport(result))));
        break;
      default:
        stdout.write(formatConsoleReport(result, ctx));
    }
    if (options.verbose) stdout.write(formatVerboseTree(result.tree));
    // formatPrintJson already ends with the reference's single newline.
    if (options.printJson) stdout.write(formatPrintJson(result.tree));
  };
}
