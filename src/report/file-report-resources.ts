/**
 * Rendering shared by the resource-oriented console reports (OUT-CFN,
 * OUT-TF): the per-resource `Rule = … { ALL { Check = … } }` blocks, the
 * `Operator =` names, and the `Message`/`Error` lines. The path index lives
 * in ./file-report-paths.ts, the `Code:` excerpts in ./file-report-excerpts.ts.
 */
import { formatValuePath } from '../data/display.js';
import type { Unresolved } from '../eval/query-result.js';
import type { Comparison } from '../eval/result.js';
import type { ResourceAggregate } from './file-report-paths.js';
import type { BinaryReportCheck, ClauseReport, UnaryReportCheck } from './file-report-types.js';
import { padRight } from './summary.js';
import type { ReportStyle } from './types.js';

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
