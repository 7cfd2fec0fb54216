/**
 * The CloudFormation-aware console report (OUT-CFN-01..06) and the choice of
 * console report for the default `single-line-summary` format.
 *
 * Failing checks are attributed to resources through the data paths of
 * their values: a path `/Resources/<name>/…` belongs to resource `<name>`
 * when `/Resources/<name>/Type` is a string. Failures elsewhere (e.g.
 * `/Parameters`) are silently left out, so the count may be 0 (GOT-25);
 * a failing path at or after `/Resources` that names no resource sends the
 * whole file to the generic report (OUT-CFN-06). Resources print in template
 * order (the reference's order is hash-random, GOT-30); the `Code:`
 * excerpts come from one forward-only cursor shared by the whole report.
 */
import { displayValue, formatValuePath } from '../data/display.js';
import type { Value } from '../data/value.js';
import type { FileResult } from '../eval/result.js';
import { buildFileReport, compareCodePoints } from './file-report.js';
import { emitCode, ReadCursor } from './file-report-excerpts.js';
import {
  attachNodes,
  buildPathTree,
  type ResourceAggregate,
  resourceHasRule,
} from './file-report-paths.js';
import { type DetailWriter, operatorName, printClause } from './file-report-resources.js';
import { formatGenericReport } from './generic.js';
import { padRight } from './summary.js';
import { formatTerraformReport, indexByPath } from './tf.js';
import { plainStyle, type ReportContext, type ReportStyle } from './types.js';

/** Does the data root have this top-level key? (the reference's `data.at("/<key>")`). */
function hasRootKey(data: Value, key: string): boolean {
  return data.kind === 'map' && data.entries.has(key);
}

/** OUT-CFN-01 trigger. */
export function isCfnTemplate(data: Value): boolean {
  return hasRootKey(data, 'Resources');
}

/** OUT-TF-01 trigger (checked after the CFN one). */
export function isTerraformPlan(data: Value): boolean {
  return hasRootKey(data, 'resource_changes');
}

const CFN_RESOURCE = /^\/Resources\/([^/]+)/;
const PLACEHOLDER = '\f';

/**
 * The resource name of a path with more than two `/`: the first
 * `slashes - count` separators are hidden, the two of `/Resources/` restored,
 * so `count = 1` tries the longest name first (resource keys may contain `/`).
 */
export function resourceNameCandidate(key: string, count: number, slashes: number): string | null {
  let hidden = key;
  for (let i = 0; i < slashes - count; i++) hidden = hidden.replace('/', PLACEHOLDER);
  for (let i = 0; i < 2; i++) hidden = hidden.replace(PLACEHOLDER, '/');
  const match = CFN_RESOURCE.exec(hidden);
  return match?.[1] === undefined ? null : match[1].replaceAll(PLACEHOLDER, '/');
}

function cfnDetails(cursor: ReadCursor, style: ReportStyle): DetailWriter {
  const width = 'PropertyPath'.length + 4;
  const field = (prefix: string, label: string, value: string): string =>
    `${prefix}${padRight(label, width)}= ${value}\n`;
  return {
    missingProperty: (unresolved, prefix) =>
      unresolved === null ? '' : emitCode(cursor, unresolved.traversedTo.line, prefix, style),
    binary(check, prefix) {
      const text =
        field(prefix, 'PropertyPath', formatValuePath(check.from)) +
        field(prefix, 'Operator', operatorName(check.comparison)) +
        field(prefix, 'Value', displayValue(check.from)) +
        field(prefix, 'ComparedWith', displayValue(check.to)) +
        emitCode(cursor, check.from.line, prefix, style);
      return { text, width };
    },
    binaryIn(check, prefix) {
      // Rust's `{:?}` of the list of displayed values: `[a, b]`. The reference
      // meant to cut long lists at 5 with a `Total` line, but its bound never triggers.
      const text =
        field(prefix, 'PropertyPath', formatValuePath(check.from)) +
        field(prefix, 'Operator', operatorName(check.comparison)) +
        field(prefix, 'Value', displayValue(check.from)) +
        field(prefix, 'ComparedWith', `[${check.to.map(displayValue).join(', ')}]`) +
        emitCode(cursor, check.from.line, prefix, style);
      return { text, width };
    },
    unary(check, prefix) {
      const text =
        field(prefix, 'PropertyPath', formatValuePath(check.value)) +
        field(prefix, 'Operator', operatorName(check.comparison)) +
        emitCode(cursor, check.value.line, prefix, style);
      return { text, width };
    },
  };
}

/**
 * The CloudFormation report text, `""` when no rule failed, or `null` when a
 * failing path cannot be attributed (the caller falls back, OUT-CFN-06).
 */
export function formatCfnReport(result: FileResult, ctx: ReportContext): string | null {
  const style = ctx.style ?? plainStyle;
  const report = buildFileReport(result);
  if (report.notCompliant.length === 0) return '';
  const tree = buildPathTree(report.notCompliant);
  const index = indexByPath(ctx.data);
  const resourcesMap = index.get('/Resources');
  const positions = new Map<string, number>();
  if (resourcesMap?.kind === 'map') {
    let i = 0;
    for (const name of resourcesMap.entries.keys()) positions.set(name, i++);
  }
  const byName = new Map<string, ResourceAggregate>();
  const attribute = (name: string, key: string): boolean => {
    const resourcePath = `/Resources/${name}`;
    const type = index.get(`${resourcePath}/Type`);
    if (!index.has(resourcePath) || type === undefined || type.kind !== 'string') return false;
    let resource = byName.get(name);
    if (resource === undefined) {
      const cdk = index.get(`${resourcePath}/Metadata/aws:cdk:path`);
      resource = {
        name,
        resourceType: type.value,
        cdkPath: cdk?.kind === 'string' ? cdk.value : null,
        clauses: new Set(),
        paths: new Set(),
        order: positions.get(name) ?? Number.MAX_SAFE_INTEGER,
      };
      byName.set(name, resource);
    }
    attachNodes(resource, tree.get(key) ?? []);
    return true;
  };

  for (const key of [...tree.keys()].sort(compareCodePoints)) {
    // Only keys from `/Resources` on are looked at; `/Outputs`, `/Parameters`, `` are left out (GOT-25).
    if (compareCodePoints(key, '/Resources') < 0) continue;
    const slashes = key.split('/').length - 1;
    if (slashes > 2) {
      // Where the reference runs out of candidates it panics (`unreachable!`); tsguard falls back.
      let found = false;
      for (let count = 1; count < slashes && !found; count++) {
        const name = resourceNameCandidate(key, count, slashes);
        if (name === null) return null;
        found = attribute(name, key);
      }
      if (!found) return null;
    } else {
      // The reference panics when the name has no string `Type`; tsguard falls back instead.
      const name = CFN_RESOURCE.exec(key)?.[1];
      if (name === undefined || !attribute(name, key)) return null;
    }
  }

  const resources = [...byName.values()].sort((a, b) => a.order - b.order);
  const cursor = new ReadCursor(ctx.dataText ?? '');
  const details = cfnDetails(cursor, style);
  let out = `Evaluating data ${ctx.dataFileName} against rules ${ctx.rulesFileName}\n`;
  out += `Number of non-compliant resources ${style.bold(String(resources.length))}\n`;
  for (const resource of resources) {
    out += `Resource = ${style.resourceName(resource.name)} {\n`;
    out += `  ${padRight('Type', 10)}= ${resource.resourceType}\n`;
    if (resource.cdkPath !== null && resource.cdkPath !== '') {
      out += `  ${padRight('CDK-Path', 10)}= ${resource.cdkPath}\n`;
    }
    for (const rule of report.notCompliant) {
      if (rule.kind !== 'Rule') continue;
      if (resourceHasRule(resource, rule.name))
        out += printClause(rule, resource, '  ', details, style);
    }
    out += '}\n';
  }
  return out;
}

/**
 * The default-format report after the summary table: CloudFormation when the
 * data root has `Resources` (printed whenever a rule failed, whatever `-S`
 * says, GOT-25), else Terraform plan when it has `resource_changes`, else the
 * generic single-line summary (gated by `-S`, OUT-SLS-01).
 */
export function formatConsoleReport(result: FileResult, ctx: ReportContext): string {
  if (isCfnTemplate(ctx.data)) {
    const text = formatCfnReport(result, ctx);
    if (text !== null) return text;
  }
  // The reference chains CFN → Terraform → generic: each passes on what it cannot place.
  if (isTerraformPlan(ctx.data)) {
    const text = formatTerraformReport(result, ctx);
    if (text !== null) return text;
  }
  return formatGenericReport(result, ctx);
}
