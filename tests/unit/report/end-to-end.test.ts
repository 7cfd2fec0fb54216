/**
 * Parser → loader → evaluator → reporters over rule/data pairs whose
 * expected output was recorded with cfn-guard 3.1.1 (tests/golden/report,
 * data path replaced by the name `DATA`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadDataDocument } from '../../../src/data/load-data.js';
import { evaluateRulesFile } from '../../../src/eval/evaluate.js';
import { formatConsoleReport } from '../../../src/report/cfn.js';
import { formatSummaryTable } from '../../../src/report/summary.js';
import type { SummaryKind } from '../../../src/report/types.js';
import { parseRulesFile } from '../../../src/syntax/parser.js';

const golden = (name: string): string =>
  readFileSync(new URL(`../../golden/report/${name}`, import.meta.url), 'utf8');

function run(rulesFile: string, dataFile: string, kinds: SummaryKind[]): string {
  const parsed = parseRulesFile(golden(rulesFile), rulesFile);
  if (!parsed.ok || parsed.file === null) throw new Error(`${rulesFile} does not parse`);
  const dataText = golden(dataFile);
  const data = loadDataDocument(dataText, 'DATA');
  const result = evaluateRulesFile(parsed.file, data, {
    rulesFileName: rulesFile,
    dataFileName: 'DATA',
  });
  const ctx = {
    rulesFileName: rulesFile,
    dataFileName: 'DATA',
    showSummary: new Set(kinds),
    data,
    dataText,
  };
  return formatSummaryTable(result, ctx) + formatConsoleReport(result, ctx);
}

describe('validate console output, end to end', () => {
  test('CloudFormation resource blocks: messages, blocks, ANY, IN, CDK path, omitted /Parameters (OUT-CFN)', () => {
    expect(run('cfn-rules.guard', 'cfn-template.yaml', ['pass', 'fail', 'skip'])).toBe(
      golden('cfn-rules-show-all.txt'),
    );
  });
});

describe('generic single-line summary, end to end', () => {
  test('one failing, one passing, one skipped rule (OUT-SUM, OUT-SLS)', () => {
    expect(run('generic-rules.guard', 'generic-data.yaml', ['pass', 'fail', 'skip'])).toBe(
      golden('generic-show-all.txt'),
    );
  });
});
