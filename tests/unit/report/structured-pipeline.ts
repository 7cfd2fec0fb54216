/**
 * Test-only pipeline for the structured reports: parse rules, load data,
 * evaluate every pair and build file reports, like `validate --structured`
 * does, without the command layer. Also runs conformance cases whose
 * command is a plain `validate -r … -d … -z -o …` over files and folders.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataDocument } from '../../../src/data/load-data.js';
import { evaluatePrepared } from '../../../src/eval/evaluate.js';
import { prepareRules } from '../../../src/eval/prepared-rules.js';
import {
  buildFileReport,
  type FileReport,
  sortedNameSet,
} from '../../../src/report/file-report.js';
import { formatJunit, junitTestCase } from '../../../src/report/junit.js';
import { formatSarif } from '../../../src/report/sarif.js';
import {
  combineDataFileReports,
  formatStructured,
  structuredExitCode,
} from '../../../src/report/structured.js';
import { parseRulesFile } from '../../../src/syntax/parser.js';

export const REPO_ROOT = new URL('../../..', import.meta.url).pathname;
export const GUARD_BIN = join(
  REPO_ROOT,
  'node_modules/@cdklabs/cdk-validator-cfnguard/bin/ubuntu/x86_64/cfn-guard',
);

export interface Source {
  readonly name: string;
  readonly text: string;
}

/** Per data file: its name and one report per rules file that parsed (rules-file order). */
export interface PipelineResult {
  readonly data: readonly {
    readonly name: string;
    readonly perRules: readonly { readonly rules: string; readonly report: FileReport }[];
  }[];
  readonly parseErrors: readonly string[];
}

export function runPipeline(rules: readonly Source[], data: readonly Source[]): PipelineResult {
  const parseErrors: string[] = [];
  const prepared: { name: string; rules: ReturnType<typeof prepareRules> }[] = [];
  for (const r of rules) {
    const parsed = parseRulesFile(r.text, r.name);
    if (!parsed.ok) parseErrors.push(r.name);
    else if (parsed.file !== null)
      prepared.push({ name: r.name, rules: prepareRules(parsed.file) });
  }
  const docs = data.map((d) => ({ name: d.name, root: loadDataDocument(d.text, d.name) }));
  return {
    parseErrors,
    data: docs.map((doc) => ({
      name: doc.name,
      perRules: prepared.map((p) => ({
        rules: p.name,
        report: withDefaultRuleName(
          buildFileReport(
            evaluatePrepared(p.rules, doc.root, { rulesFileName: p.name, dataFileName: doc.name }),
          ),
          p.name,
        ),
      })),
    })),
  };
}

/**
 * The reference records the implicit rule as `<rules file>/default`
 * (`rules.guard/default`); today's parser/evaluator records `default`
 * (reported to the lead). This shim renames it so the reporters can be
 * checked against the corpus now; once the evaluator records the full name
 * it changes nothing.
 */
function withDefaultRuleName(report: FileReport, rulesFile: string): FileReport {
  const full = `${rulesFile}/default`;
  const rename = (n: string): string => (n === 'default' ? full : n);
  return {
    ...report,
    notCompliant: report.notCompliant.map((c) =>
      c.kind === 'Rule' && c.name === 'default' ? { ...c, name: full } : c,
    ),
    notApplicable: sortedNameSet(report.notApplicable.map(rename)),
    compliant: sortedNameSet(report.compliant.map(rename)),
  };
}

const RULES_EXT = ['.guard', '.ruleset'];
const DATA_EXT = ['.yaml', '.yml', '.json', '.jsn', '.template'];

function walk(path: string, exts: readonly string[], filterFiles: boolean): string[] {
  if (statSync(path).isFile()) {
    return !filterFiles || exts.some((e) => path.endsWith(e)) ? [path] : [];
  }
  const out: string[] = [];
  const names = readdirSync(path).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const full = join(path, name);
    if (statSync(full).isDirectory()) out.push(...walk(full, exts, filterFiles));
    else if (exts.some((e) => name.endsWith(e))) out.push(full);
  }
  return out;
}

export type StructuredFormat = 'json' | 'yaml' | 'junit' | 'sarif';

/**
 * What `validate --structured -o <format>` prints and exits with for a
 * pipeline run. JUnit times are 0; SARIF gets the reference's tool name and
 * version so recorded reference text applies unchanged.
 */
export function renderStructured(
  run: PipelineResult,
  format: StructuredFormat,
): { stdout: string; exit: number } {
  const anyRulesError = run.parseErrors.length > 0;
  if (format === 'junit') {
    const suites = run.data.map((d) => ({
      name: d.name,
      timeMs: 0,
      testCases: d.perRules.map((p) => junitTestCase(p.rules, p.report, 0)),
    }));
    const anyFailed = suites.some((s) => s.testCases.some((t) => t.outcome.kind === 'fail'));
    return {
      stdout: formatJunit({ timeMs: 0, suites }),
      exit: structuredExitCode(format, { anyFailed, anyRulesError }),
    };
  }
  const combined = run.data.map((d) =>
    combineDataFileReports(
      d.name,
      d.perRules.map((p) => p.report),
    ),
  );
  const anyFailed = combined.some((r) => r.status === 'FAIL');
  const stdout =
    format === 'sarif'
      ? formatSarif(combined, { name: 'cfn-guard', version: '3.1.1' })
      : formatStructured(combined, format);
  return { stdout, exit: structuredExitCode(format, { anyFailed, anyRulesError }) };
}

export interface CaseCommand {
  readonly rules: string[];
  readonly data: string[];
  readonly format: string;
}

/** The `-r/-d/-o` of a plain structured validate command; undefined for anything else. */
export function parseCaseCommand(cmd: string): CaseCommand | undefined {
  const words = cmd.trim().split(/\s+/);
  if (words[0] !== 'cfn-guard' || words[1] !== 'validate') return undefined;
  const rules: string[] = [];
  const data: string[] = [];
  let format = '';
  let structured = false;
  let summaryNone = false;
  for (let i = 2; i < words.length; i++) {
    const w = words[i] ?? '';
    const next = words[i + 1] ?? '';
    if (w === '-z' || w === '--structured') {
      structured = true;
      continue;
    }
    if (w === '-r' || w === '--rules') rules.push(next);
    else if (w === '-d' || w === '--data') data.push(next);
    else if (w === '-o' || w === '--output-format') format = next;
    else if ((w === '-S' || w === '--show-summary') && next === 'none') summaryNone = true;
    else return undefined;
    i++;
  }
  if (!structured || !summaryNone || rules.length === 0 || data.length === 0) return undefined;
  return { rules, data, format };
}

/** Loads a case's inputs with the names the reference prints (data under `/CASE_DIR/`). */
export function caseInputs(dir: string, cmd: CaseCommand): { rules: Source[]; data: Source[] } {
  const rules = cmd.rules.flatMap((p) => walk(join(dir, p), RULES_EXT, false));
  const data = cmd.data.flatMap((p) => walk(join(dir, p), DATA_EXT, true));
  const base = `${dir}/`;
  return {
    rules: rules.map((f) => ({
      name: f.slice(f.lastIndexOf('/') + 1),
      text: readFileSync(f, 'utf8'),
    })),
    data: data.map((f) => ({
      name: `/CASE_DIR/${f.slice(base.length)}`,
      text: readFileSync(f, 'utf8'),
    })),
  };
}
