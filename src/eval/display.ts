/**
 * Text forms the evaluator itself must produce byte for byte: clause and
 * query display (used as record contexts and in CFN `Check =` lines,
 * OUT-CFN-05), value displays inside unresolved reasons and not-comparable
 * messages, and the Rust `Debug` rendering of a value that some reference
 * reasons embed (`Value = String((Path("/x", Location { line: 1, col: 2 }), "v"))`).
 *
 * These are evaluator-owned texts; report-level value formatting lives in
 * data/display.ts.
 */

import { formatFloatRust } from '../data/display.js';
import { intValueText, type Value } from '../data/value.js';
import type {
  AccessClause,
  CmpOperator,
  Comparator,
  FunctionCall,
  LetValue,
  Literal,
  Location,
  QueryPart,
} from '../syntax/ast.js';

/** The reference's `type_info()` names: one table, kept with the value model. */
/**
 * The value display forms live with the value model (data/display.ts); the
 * evaluator's names for them are kept as aliases: `self_path()` is
 * `path[L,C]`, `ValueOnlyDisplay` the compact value form (LIT-11), the
 * path-aware `Display` is `Path=… Value=…`, and floats print as Rust does.
 */
export {
  displayValue as valueOnlyDisplay,
  formatFloatRust as formatFloat,
  formatPathValue as valueDisplay,
  formatValuePath as pathDisplay,
  typeInfo,
} from '../data/display.js';

/** Rust `Debug` escaping of a string (quotes included). */
export function debugString(s: string, quote: '"' | "'" = '"'): string {
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\0') out += '\\0';
    else if (code < 0x20 || code === 0x7f) out += `\\u{${code.toString(16)}}`;
    else out += ch;
  }
  return out + quote;
}

function debugFloat(n: number): string {
  const s = formatFloatRust(n);
  return Number.isFinite(n) && Number.isInteger(n) ? `${s}.0` : s;
}

function debugPath(path: string, line: number, col: number): string {
  return `Path(${debugString(path)}, Location { line: ${line}, col: ${col} })`;
}

/** Rust `{:?}` of a PathAwareValue, as embedded in some unresolved reasons. */
export function debugValue(v: Value): string {
  const p = debugPath(v.path, v.line, v.col);
  switch (v.kind) {
    case 'null':
      return `Null(${p})`;
    case 'string':
      return `String((${p}, ${debugString(v.value)}))`;
    case 'regex':
      return `Regex((${p}, ${debugString(v.pattern)}))`;
    case 'bool':
      return `Bool((${p}, ${v.value}))`;
    case 'int':
      return `Int((${p}, ${intValueText(v)}))`;
    case 'float':
      return `Float((${p}, ${debugFloat(v.value)}))`;
    case 'char':
      return `Char((${p}, ${debugString(v.value, "'")}))`;
    case 'list':
      return `List((${p}, [${v.items.map(debugValue).join(', ')}]))`;
    case 'map': {
      const keys: string[] = [];
      const values: string[] = [];
      for (const [k, item] of v.entries) {
        const loc = v.keyLocations.get(k);
        keys.push(
          `String((${debugPath(v.path, loc?.line ?? 0, loc?.col ?? 0)}, ${debugString(k)}))`,
        );
        values.push(`${debugString(k)}: ${debugValue(item)}`);
      }
      return `Map((${p}, MapValue { keys: [${keys.join(', ')}], values: {${values.join(', ')}} }))`;
    }
    case 'range': {
      const name =
        v.rangeType === 'int' ? 'RangeInt' : v.rangeType === 'float' ? 'RangeFloat' : 'RangeChar';
      const show = (x: number | string): string =>
        typeof x === 'string'
          ? debugString(x, "'")
          : v.rangeType === 'float'
            ? debugFloat(x)
            : String(x);
      const inclusive = (v.lowerInclusive ? 1 : 0) | (v.upperInclusive ? 2 : 0);
      return `${name}((${p}, RangeType { upper: ${show(v.upper)}, lower: ${show(v.lower)}, inclusive: ${inclusive} }))`;
    }
  }
}

// ---------------------------------------------------------------------------
// Rules-side displays

/** Display of one query part, as the reference's `QueryPart` Display. */
export function queryPartDisplay(part: QueryPart): string {
  switch (part.kind) {
    case 'This':
      return '_';
    case 'Key':
      return part.name;
    case 'Variable':
      return `%${part.name}`;
    case 'AllValues':
      return '*';
    case 'AllIndices':
      return '[*]';
    case 'Index':
      return String(part.index);
    case 'Filter':
      return `${part.capture ?? ''} (filter-clauses)`;
    case 'MapKeyFilter':
      return `${part.capture ?? ''} (map-key-filter-clauses)`;
  }
}

/** Parts joined with `.`, then `.[` collapsed to `[` (the reference's `SliceDisplay`). */
export function queryDisplay(parts: readonly QueryPart[]): string {
  return parts.map(queryPartDisplay).join('.').replaceAll('.[', '[');
}

/**
 * Display texts of a query's suffixes, per parts array (the AST is immutable,
 * so a rules file's queries are displayed once per run, not once per lookup).
 */
const suffixTexts = new WeakMap<readonly QueryPart[], (string | undefined)[]>();

/** `queryDisplay(parts.slice(from))`, memoised per parts array and offset. */
export function queryDisplayFrom(parts: readonly QueryPart[], from: number): string {
  let texts = suffixTexts.get(parts);
  if (texts === undefined) {
    texts = [];
    suffixTexts.set(parts, texts);
  }
  let text = texts[from];
  if (text === undefined) {
    text = queryDisplay(from === 0 ? parts : parts.slice(from));
    texts[from] = text;
  }
  return text;
}

const CMP_NAMES: Record<CmpOperator, string> = {
  Eq: 'EQUALS',
  In: 'IN',
  Gt: 'GREATER THAN',
  Lt: 'LESS THAN',
  Ge: 'GREATER THAN EQUALS',
  Le: 'LESS THAN EQUALS',
  Exists: 'EXISTS',
  Empty: 'EMPTY',
  IsString: 'IS STRING',
  IsList: 'IS LIST',
  IsMap: 'IS MAP',
  IsBool: 'IS BOOL',
  IsInt: 'IS INT',
  IsFloat: 'IS FLOAT',
  IsNull: 'IS NULL',
};

export function cmpOperatorName(op: CmpOperator): string {
  return CMP_NAMES[op];
}

/** `EQUALS ` / `not EQUALS ` (with the reference's trailing space). */
export function comparatorDisplay(cmp: Comparator): string {
  return `${cmp.negated ? 'not ' : ''}${CMP_NAMES[cmp.op]} `;
}

/** A rule literal shown the way the reference prints a `LetValue::Value`. */
export function literalDisplay(lit: Literal): string {
  switch (lit.kind) {
    case 'String':
      return `"${lit.value}"`;
    case 'Regex':
      return `"/${lit.pattern}/"`;
    case 'Int':
      return String(lit.value);
    case 'Float':
      return formatFloatRust(lit.value);
    case 'Bool':
      return String(lit.value);
    case 'Null':
      return '"NULL"';
    case 'List':
      return `[${lit.items.map(literalDisplay).join(',')}]`;
    case 'Map':
      return `{${lit.entries.map((e) => `"${e.key}":${literalDisplay(e.value)}`).join(',')}}`;
    case 'IntRange':
    case 'FloatRange':
    case 'CharRange': {
      const show = (x: number | string): string =>
        typeof x === 'number' ? (lit.kind === 'FloatRange' ? formatFloatRust(x) : String(x)) : x;
      return `${lit.lowerInclusive ? '[' : '('}${show(lit.lower)},${show(lit.upper)}${lit.upperInclusive ? ']' : ')'}`;
    }
  }
}

export function functionCallDisplay(call: FunctionCall): string {
  return `${call.name}(${call.args.map(letValueDisplay).join(', ')})`;
}

export function letValueDisplay(v: LetValue): string {
  switch (v.kind) {
    case 'LiteralValue':
      return literalDisplay(v.literal);
    case 'QueryValue':
      return queryDisplay(v.query.parts);
    case 'FunctionCall':
      return functionCallDisplay(v);
  }
}

/**
 * `[not] QUERY OP [RHS]` exactly as the reference's `GuardAccessClause`
 * Display: ` Type EQUALS  "X"`, ` %v not EMPTY  ` (OUT-CFN-05).
 */
export function clauseDisplay(clause: AccessClause): string {
  let text = clauseTexts.get(clause);
  if (text === undefined) {
    text = buildClauseDisplay(clause);
    clauseTexts.set(clause, text);
  }
  return text;
}

/** Clause displays are record contexts of every evaluation: built once per clause node. */
const clauseTexts = new WeakMap<AccessClause, string>();

function buildClauseDisplay(clause: AccessClause): string {
  const rhs = clause.compareWith ? letValueDisplay(clause.compareWith) : '';
  return `${clause.negation ? 'not' : ''} ${queryDisplay(clause.query.parts)} ${comparatorDisplay(clause.comparator)} ${rhs}`;
}

/** `Location[file:r.guard, line:3, column:5]`. */
export function locationDisplay(fileName: string, loc: Location): string {
  return `Location[file:${fileName}, line:${loc.line}, column:${loc.column}]`;
}
