/**
 * Machinery shared by the resource-oriented console reports (OUT-CFN,
 * OUT-TF): indexing a file report's failing checks by the data paths they
 * touch, the per-resource `Rule = … { ALL { Check = … } }` rendering, the
 * `Message`/`Error` lines, and the forward-only source cursor behind the CFN
 * `Code:` excerpts.
 */
import { formatValuePath } from '../data/display.js';
import type { Value } from '../data/value.js';
import type { Unresolved } from '../eval/query-result.js';
import type { Comparison } from '../eval/result.js';
import type { BinaryReportCheck, ClauseReport, UnaryReportCheck } from './file-report.js';
import { padRight } from './summary.js';
import type { ReportStyle } from './types.js';

/** One clause or block of the report with its key in the rule hierarchy (`/rule/Or[2]/C[3]`). */
export interface PathNode {
  readonly key: string;
  readonly clause: ClauseReport;
}

/** Data path (no location) → the report nodes whose LHS or RHS value sits there. */
export type PathTree = Map<string, PathNode[]>;

/** A resource the failing checks were attributed to. */
export interface ResourceAggregate {
  readonly name: string;
  readonly resourceType: string;
  readonly cdkPath: string | null;
  /** Identity set: only these clause objects are printed under this resource. */
  readonly clauses: Set<ClauseReport>;
  /** Hierarchy keys of those clauses; a rule is printed when one starts with `/<rule name>`. */
  readonly paths: Set<string>;
  /** Sort key: position of the resource in the document (the reference's order is hash-random, GOT-30). */
  readonly order: number;
}

function valueFrom(clause: ClauseReport): Value | null {
  switch (clause.kind) {
    case 'Block':
      return clause.unresolved === null ? null : clause.unresolved.traversedTo;
    case 'UnaryClause':
      switch (clause.check.kind) {
        case 'Resolved':
          return clause.check.value;
        case 'UnResolved':
          return clause.check.value.traversedTo;
        case 'UnResolvedContext':
          return null;
      }
      return null;
    case 'BinaryClause':
      return clause.check.kind === 'UnResolved'
        ? clause.check.value.traversedTo
        : clause.check.from;
    default:
      return null;
  }
}

function valueTo(clause: ClauseReport): Value | null {
  return clause.kind === 'BinaryClause' && clause.check.kind === 'Resolved'
    ? clause.check.to
    : null;
}

/**
 * Index every clause/block of the failing rules by the paths of its values.
 * Keys only need to be unique per node; the reference uses addresses, tsguard
 * a counter. Rules keep their name so the `/<rule>` prefix test works.
 */
export function buildPathTree(notCompliant: readonly ClauseReport[]): PathTree {
  const tree: PathTree = new Map();
  let counter = 0;
  const add = (path: string, node: PathNode): void => {
    const list = tree.get(path);
    if (list) list.push(node);
    else tree.set(path, [node]);
  };
  const visit = (clause: ClauseReport, parent: string): void => {
    switch (clause.kind) {
      case 'Rule': {
        const key = `${parent}/${clause.name}`;
        for (const child of clause.checks) visit(child, key);
        return;
      }
      case 'Disjunctions': {
        const key = `${parent}/Or[${++counter}]`;
        for (const child of clause.checks) visit(child, key);
        return;
      }
      case 'Block':
      case 'UnaryClause':
      case 'BinaryClause': {
        const node: PathNode = {
          key: `${parent}/${clause.kind === 'Block' ? 'B' : 'C'}[${++counter}]`,
          clause,
        };
        const from = valueFrom(clause);
        if (from !== null) add(from.path, node);
        const to = valueTo(clause);
        if (to !== null) add(to.path, node);
        return;
      }
    }
  };
  for (const rule of notCompliant) visit(rule, '');
  return tree;
}

/** Record the nodes under a resource (the reference's `handle_resource_aggr` tail). */
export function attachNodes(resource: ResourceAggregate, nodes: readonly PathNode[]): void {
  for (const node of nodes) {
    resource.clauses.add(node.clause);
    resource.paths.add(node.key);
  }
}

/** Does this resource hold a clause of the top-level rule? A plain prefix test, as the reference's. */
export function resourceHasRule(resource: ResourceAggregate, ruleName: string): boolean {
  const prefix = `/${ruleName}`;
  for (const path of resource.paths) if (path.startsWith(prefix)) return true;
  return false;
}

// ---------------------------------------------------------------------------
// Operator names of the `Operator =` line (the reference's `cmp_str`)

const OPERATOR_NAMES: Partial<Record<Comparison['op'], readonly [string, string]>> = {
  Exists: ['EXISTS', 'NOT EXISTS'],
  Empty: ['EMPTY', 'NOT EMPTY'],
  IsList: ['IS LIST', 'NOT LIST'],
  IsMap: ['IS STRUCT', 'NOT STRUCT'],
  IsString: ['IS STRING', 'NOT STRING'],
  IsFloat: ['IS FLOAT', 'NOT FLOAT'],
  IsNull: ['IS NULL', 'NOT NULL'],
  // (sic) the reference prints a lower-case l.
  IsBool: ['IS BOOl', 'NOT BOOL'],
  IsInt: ['IS INT', 'NOT INT'],
  Eq: ['EQUAL', 'NOT EQUAL'],
  Le: ['LESS THAN EQUAL', 'NOT LESS THAN EQUAL'],
  Lt: ['LESS THAN', 'NOT LESS THAN'],
  Ge: ['GREATER THAN EQUAL', 'NOT GREATER THAN EQUAL'],
  Gt: ['GREATER THAN', 'NOT GREATER THAN'],
  In: ['IN', 'NOT IN'],
};

export function operatorName(c: Comparison): string {
  const names = OPERATOR_NAMES[c.op];
  return names === undefined ? c.op : names[c.negated ? 1 : 0];
}

// ---------------------------------------------------------------------------
// Rendering

/**
 * The report-specific detail lines of a check (PropertyPath/Operator/…
 * and, for CFN, the `Code:` excerpt). Each returns complete lines (each
 * ending in `\n`) and the label width the `Message`/`Error` lines align to.
 */
export interface DetailWriter {
  missingProperty(unresolved: Unresolved | null, prefix: string): string;
  binary(check: Extract<BinaryReportCheck, { kind: 'Resolved' }>, prefix: string): Detail;
  binaryIn(check: Extract<BinaryReportCheck, { kind: 'InResolved' }>, prefix: string): Detail;
  unary(check: Extract<UnaryReportCheck, { kind: 'Resolved' }>, prefix: string): Detail;
}

export interface Detail {
  readonly text: string;
  readonly width: number;
}

/**
 * `Message = x` or a `Message { … }` block (split on `;`, else on newlines,
 * lines trimmed, blanks dropped), then `Error = …`; labels padded to `width`.
 */
export function emitMessages(
  prefix: string,
  message: string,
  error: string,
  width: number,
): string {
  let out = '';
  if (message !== '') {
    const parts = message.includes(';')
      ? message.split(';')
      : message.includes('\n')
        ? message.split('\n')
        : [message];
    const lines = parts.map((s) => s.trim()).filter((s) => s !== '');
    if (lines.length > 1) {
      out += `${prefix}${padRight('Message', width)} {\n`;
      for (const line of lines) out += `${prefix}  ${line}\n`;
      out += `${prefix}}\n`;
    } else if (lines.length === 1) {
      out += `${prefix}${padRight('Message', width)} = ${lines[0]}\n`;
    }
  }
  if (error !== '') out += `${prefix}${padRight('Error', width)} = ${error}\n`;
  return out;
}

function retrievalError(
  prefix: string,
  unresolved: Unresolved,
  context: string,
  message: string,
  details: DetailWriter,
): string {
  let out = `${prefix}Check = ${context} {\n`;
  const inner = `${prefix}  `;
  out += emitMessages(inner, message, '', 0);
  out += `${inner}RequiredPropertyError {\n`;
  const fields = `${inner}  `;
  out += `${fields}PropertyPath = ${formatValuePath(unresolved.traversedTo)}\n`;
  out += `${fields}MissingProperty = ${unresolved.remainingQuery}\n`;
  if (unresolved.reason !== '') out += `${fields}Reason = ${unresolved.reason}\n`;
  out += details.missingProperty(unresolved, fields);
  out += `${inner}}\n`;
  out += `${prefix}}\n`;
  return out;
}

/** `Check = … { ComparisonError { … } }`; `detailsAfterClose` is the reference's `IN` layout quirk. */
function comparisonError(
  prefix: string,
  context: string,
  custom: string,
  error: string,
  detail: (prefix: string) => Detail,
  detailsAfterClose = false,
): string {
  let out = `${prefix}Check = ${context} {\n`;
  const inner = `${prefix}  `;
  out += `${inner}ComparisonError {\n`;
  const fields = `${inner}  `;
  const { text, width } = detail(fields);
  out += emitMessages(fields, custom, error, width);
  if (detailsAfterClose) out += `${inner}}\n${text}\n`;
  else out += `${text}\n${inner}}\n`;
  out += `${prefix}}\n`;
  return out;
}

/** One failing rule (or nested part) as printed under a resource (OUT-CFN-03/04). */
export function printClause(
  clause: ClauseReport,
  resource: ResourceAggregate,
  prefix: string,
  details: DetailWriter,
  style: ReportStyle,
): string {
  switch (clause.kind) {
    case 'Rule': {
      let out = `${prefix}Rule = ${style.ruleName(clause.name)} {\n`;
      const inner = `${prefix}  `;
      out += emitMessages(
        inner,
        clause.messages.customMessage ?? '',
        clause.messages.errorMessage ?? '',
        0,
      );
      out += `${inner}ALL {\n`;
      for (const child of clause.checks)
        out += printClause(child, resource, `${inner}  `, details, style);
      out += `${inner}}\n`;
      out += `${prefix}}\n`;
      return out;
    }
    case 'Disjunctions': {
      // Printed for every resource under the rule, even when none of its checks is this resource's.
      let out = `${prefix}ANY {\n`;
      for (const child of clause.checks)
        out += printClause(child, resource, `${prefix}  `, details, style);
      out += `${prefix}}\n`;
      return out;
    }
    case 'Block': {
      if (!resource.clauses.has(clause)) return '';
      let out = `${prefix}Check = ${clause.context} {\n`;
      const inner = `${prefix}  `;
      out += `${inner}RequiredPropertyError {\n`;
      const fields = `${inner}  `;
      const traversedTo = clause.unresolved === null ? '' : clause.unresolved.traversedTo.path;
      let width = 'Message'.length + 4;
      if (traversedTo !== '') {
        width = 'MissingProperty'.length + 4;
        out += `${fields}${padRight('PropertyPath', width)}= ${traversedTo}\n`;
        out += `${fields}${padRight('MissingProperty', width)}= ${clause.unresolved?.remainingQuery ?? ''}\n`;
      }
      const post = details.missingProperty(clause.unresolved, fields);
      out += emitMessages(
        fields,
        clause.messages.customMessage ?? '',
        clause.messages.errorMessage ?? '',
        width,
      );
      out += `${post}\n`;
      out += `${inner}}\n`;
      out += `${prefix}}\n`;
      return out;
    }
    case 'UnaryClause': {
      if (!resource.clauses.has(clause)) return '';
      const custom = clause.messages.customMessage ?? '';
      const check = clause.check;
      switch (check.kind) {
        case 'UnResolved':
          return retrievalError(prefix, check.value, clause.context, custom, details);
        case 'Resolved':
          return comparisonError(
            prefix,
            clause.context,
            custom,
            clause.messages.errorMessage ?? '',
            (p) => details.unary(check, p),
          );
        case 'UnResolvedContext':
          return '';
      }
      return '';
    }
    case 'BinaryClause': {
      if (!resource.clauses.has(clause)) return '';
      const custom = clause.messages.customMessage ?? '';
      const error = clause.messages.errorMessage ?? '';
      const check = clause.check;
      switch (check.kind) {
        case 'UnResolved':
          return retrievalError(prefix, check.value, clause.context, custom, details);
        case 'Resolved':
          return comparisonError(prefix, clause.context, custom, error, (p) =>
            details.binary(check, p),
          );
        case 'InResolved':
          return comparisonError(
            prefix,
            clause.context,
            custom,
            error,
            (p) => details.binaryIn(check, p),
            true,
          );
      }
      return '';
    }
  }
}

// ---------------------------------------------------------------------------
// Source excerpts

/** Rust's `str::lines()`: split on `\n`, drop one trailing `\r` per line, no empty last line. */
export function rustLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/**
 * The reference's forward-only line cursor over the data text, reproduced
 * with its numbering quirks: seeking back re-reads remembered lines, seeking
 * past them numbers new lines from the current position. One cursor serves a
 * whole report, so excerpts depend on print order (GOT-29/30).
 */
export class ReadCursor {
  private lineNum = 0;
  private consumed = 0;
  private readonly previous: (readonly [number, string])[] = [];
  private readonly lines: readonly string[];

  constructor(text: string) {
    this.lines = rustLines(text);
  }

  private pull(): string | undefined {
    const line = this.lines[this.consumed];
    if (line !== undefined) this.consumed++;
    return line;
  }

  next(): readonly [number, string] | undefined {
    if (this.lineNum < this.previous.length) {
      this.lineNum++;
      return this.previous[this.lineNum - 1];
    }
    const line = this.pull();
    if (line === undefined) return undefined;
    this.lineNum++;
    this.previous.push([this.lineNum, line]);
    return this.previous[this.lineNum - 1];
  }

  seekLine(line: number): readonly [number, string] | undefined {
    if (this.previous.length > line) {
      this.lineNum = line;
      return this.previous[line - 1];
    }
    for (;;) {
      const next = this.pull();
      if (next === undefined) return undefined;
      this.lineNum++;
      this.previous.push([this.lineNum, next]);
      if (this.lineNum === line) return this.previous[this.lineNum - 1];
    }
  }
}

/**
 * First excerpt line for a 0-based data line: two above it, at least 1. The
 * reference computes `max(1, line - 2)` on unsigned integers, so lines 0
 * and 1 wrap around and seek past the end: their excerpt is empty.
 */
export function excerptStart(line: number): number {
  return line >= 2 ? Math.max(1, line - 2) : Number.MAX_SAFE_INTEGER;
}

/** `Code:` and up to six numbered lines (`{n:>5}.{text}`). */
export function emitCode(
  cursor: ReadCursor,
  line: number,
  prefix: string,
  style: ReportStyle,
): string {
  let out = `${prefix}Code:\n`;
  const inner = `${prefix}  `;
  const show = ([num, text]: readonly [number, string]): string =>
    `${inner}${style.codeLine(`${String(num).padStart(5)}.${text}`)}\n`;
  const first = cursor.seekLine(excerptStart(line));
  if (first !== undefined) out += show(first);
  let context = 5;
  for (let next = cursor.next(); next !== undefined; next = cursor.next()) {
    out += show(next);
    context--;
    if (context <= 0) break;
  }
  return out;
}
