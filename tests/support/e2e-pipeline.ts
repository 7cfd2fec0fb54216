/**
 * The fixed data document and the parse → load → evaluate pipeline shared by
 * the end-to-end reporter tests (print-json, verbose tree), which compare
 * tsguard's output with what the reference binary printed for `e2e.yaml`.
 */
import { loadDataDocument } from '../../src/data/index.js';
import { evaluateRulesFile } from '../../src/eval/evaluate.js';
import type { EventRecord } from '../../src/eval/result.js';
import { parseRulesFile } from '../../src/syntax/index.js';

export const E2E_DATA_FILE = 'e2e.yaml';

export const E2E_DATA = `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: "logs.[x]"
      Tags: [{Key: env, Value: prod}]
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: 5
`;

/** Parses `rulesText`, evaluates it against {@link E2E_DATA}, returns the event tree. */
export function evaluateE2e(rulesText: string, rulesFile: string): EventRecord {
  const parsed = parseRulesFile(rulesText, rulesFile);
  if (!parsed.ok || parsed.file === null) throw new Error('rules did not parse');
  const data = loadDataDocument(E2E_DATA, E2E_DATA_FILE);
  return evaluateRulesFile(parsed.file, data, {
    rulesFileName: rulesFile,
    dataFileName: E2E_DATA_FILE,
  }).tree;
}
