/**
 * The Terraform-plan console report (OUT-TF-01): chosen when the data root
 * has `resource_changes` (and no `Resources`). Same header and block layout
 * as the CloudFormation report; resources are `resource_changes/<i>` named
 * by their `address` split at the first `.` into type and name; property
 * paths are shown relative to `change/after/` with `.` separators; no
 * `Code:` excerpts.
 *
 * Where the reference aborts (a failing `IN` check renders through a
 * `todo!()`, unexpected paths hit `unwrap`s) tsguard renders the `IN` check
 * like a comparison and falls back to the generic report instead.
 */
import { displayValue } from '../data/display.js';
import type { Value } from '../data/value.js';
import type { FileResult } from '../eval/result.js';
import { buildFileReport, compareCodePoints } from './file-report.js';
import {
  attachNodes,
  buildPathTree,
  type ResourceAggregate,
  resourceHasRule,
} from './file-report-paths.js';
import { type DetailWriter, operatorName, printClause } from './file-report-resources.js';
import { padRight } from './summary.js';
import { plainStyle, type ReportContext } from './types.js';

/**
 * Indexes already built, per data root. The console reporters ask for the
 * index once per (rules file, data file) pair that failed, and the data file
 * is the same for every rules file: W4-0.5mb (446 rules files on one 637-
 * resource template) spent 40 % of its text-report run re-indexing it.
 */
const indexes = new WeakMap<Value, ReadonlyMap<string, Value>>();

/** The value at an exact data path (paths are display strings; the first match in document order wins). */
export function indexByPath(root: Value): ReadonlyMap<string, Value> {
  const known = indexes.get(root);
  if (known !== undefined) return known;
  const index = new Map<string, Value>();
  indexes.set(root, index);
  const visit = (v: Value): void => {
    if (!index.has(v.path)) index.set(v.path, v);
    if (v.kind === 'list') for (const item of v.items) visit(item);
    else if (v.kind === 'map') for (const item of v.entries.values()) visit(item);
  };
  visit(root);
  return index;
}

/** `a/b` under `change/after/` → `a.b`; nothing when the path is not under it. */
export function propertyOf(path: string): string {
  const marker = 'change/after/';
  const at = path.indexOf(marker);
  return at === -1 ? '' : path.slice(at + marker.length).replaceAll('/', '.');
}

const RESOURCE_CHANGE = /\/resource_changes\/([^/]+)\/change\/after\//;

const WIDTH = 'PropertyPath'.length + 4;

const tfDetails: DetailWriter = {
  missingProperty: () => '',
  unary: () => ({ text: '', width: 0 }),
  binary(check, prefix) {
    const from = check.from.path;
    const resourceBased = from.startsWith('/resource_changes') ? from : check.to.path;
    const text =
      `${prefix}${padRight('PropertyPath', WIDTH)}= ${propertyOf(resourceBased)}\n` +
      `${prefix}${padRight('Operator', WIDTH)}= ${operatorName(check.comparison)}\n` +
      `${prefix}${padRight('Value', WIDTH)}= ${displayValue(check.from)}\n` +
      `${prefix}${padRight('ComparedWith', WIDTH)}= ${displayValue(check.to)}\n`;
    return { text, width: WIDTH };
  },
  binaryIn(check, prefix) {
    const text =
      `${prefix}${padRight('PropertyPath', WIDTH)}= ${propertyOf(check.from.path)}\n` +
      `${prefix}${padRight('Operator', WIDTH)}= ${operatorName(check.comparison)}\n` +
      `${prefix}${padRight('Value', WIDTH)}= ${displayValue(check.from)}\n` +
      `${prefix}${padRight('ComparedWith', WIDTH)}= [${check.to.map(displayValue).join(', ')}]\n`;
    return { text, width: WIDTH };
  },
};

/**
 * The Terraform report text, `""` when nothing failed, or `null` when a
 * failing path cannot be attributed to a resource change (caller falls back
 * to the generic report).
 */
export function formatTerraformReport(result: FileResult, ctx: ReportContext): string | null {
  const style = ctx.style ?? plainStyle;
  const report = buildFileReport(result);
  if (report.notCompliant.length === 0) return '';
  const tree = buildPathTree(report.notCompliant);
  const index = indexByPath(ctx.data);
  const byName = new Map<string, ResourceAggregate>();
  const keys = [...tree.keys()].sort(compareCodePoints);
  for (const key of keys) {
    // Keys sorting before `/resource_changes` (format_version, …) are silently not attributed.
    if (compareCodePoints(key, '/resource_changes') < 0) continue;
    const match = RESOURCE_CHANGE.exec(key);
    const pointer = match?.[1];
    if (pointer === undefined) return null;
    const resourcePath = `/resource_changes/${pointer}`;
    const address = index.get(`${resourcePath}/address`);
    if (!index.has(resourcePath) || address === undefined || address.kind !== 'string') return null;
    const dot = address.value.indexOf('.');
    if (dot === -1) return null;
    const resourceType = address.value.slice(0, dot);
    const name = address.value.slice(dot + 1);
    let resource = byName.get(name);
    if (resource === undefined) {
      const position = Number(pointer);
      resource = {
        name,
        resourceType,
        cdkPath: null,
        clauses: new Set(),
        paths: new Set(),
        order: Number.isFinite(position) ? position : Number.MAX_SAFE_INTEGER,
      };
      byName.set(name, resource);
    }
    attachNodes(resource, tree.get(key) ?? []);
  }
  const resources = [...byName.values()].sort((a, b) => a.order - b.order);
  let out = `Evaluating data ${ctx.dataFileName} against rules ${ctx.rulesFileName}\n`;
  out += `Number of non-compliant resources ${style.bold(String(resources.length))}\n`;
  for (const resource of resources) {
    out += `Resource = ${style.resourceName(resource.name)} {\n`;
    out += `  ${padRight('Type', 10)}= ${resource.resourceType}\n`;
    for (const rule of report.notCompliant) {
      if (rule.kind !== 'Rule') continue;
      if (resourceHasRule(resource, rule.name))
        out += printClause(rule, resource, '  ', tfDetails, style);
    }
    out += '}\n';
  }
  return out;
}
