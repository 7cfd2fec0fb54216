/**
 * The parse tree as `cfn-guard parse-tree` prints it (PT-02): the reference
 * serializes its own AST with serde, so field names, enum tags and the
 * nesting of clause wrappers follow its types, not tsguard's AST. Clauses
 * directly in a rule body are wrapped once more (`{"Clause": {"Clause": …}}`)
 * because there they are a rule-level clause holding a guard clause.
 */
import type {
  AccessClause,
  Block,
  Comparator,
  Conjunctions,
  GuardClause,
  LetExpr,
  LetValue,
  Literal,
  Location,
  NamedRuleRef,
  ParameterizedRule,
  ParameterizedRuleCall,
  Query,
  QueryPart,
  RangeLiteral,
  Rule,
  RuleClause,
  RulesFile,
  WhenCondition,
} from './ast.js';
import { assertNever } from './ast.js';
import { toPrettyJson } from './serde-json.js';
import {
  bool,
  float,
  formatRustDisplay,
  int,
  map,
  NULL,
  type SerdeNode,
  seq,
  str,
  tagged,
} from './serde-tree.js';
import { toYaml } from './serde-yaml.js';

function location(loc: Location): SerdeNode {
  return map([
    ['line', int(loc.line)],
    ['column', int(loc.column)],
  ]);
}

function rangeText(r: RangeLiteral): string {
  const show = (v: number | string): string =>
    typeof v === 'string' ? v : r.kind === 'FloatRange' ? formatRustDisplay(v) : String(v);
  return `${r.lowerInclusive ? '[' : '('}${show(r.lower)},${show(r.upper)}${r.upperInclusive ? ']' : ')'}`;
}

/** A literal the way the reference's path-aware value serializes (LIT-11). */
export function literalNode(lit: Literal): SerdeNode {
  switch (lit.kind) {
    case 'String':
      return str(lit.value);
    case 'Regex':
      return str(`/${lit.pattern}/`);
    case 'Int':
      return int(lit.value);
    case 'Float':
      return float(lit.value);
    case 'Bool':
      return bool(lit.value);
    case 'Null':
      return NULL;
    case 'List':
      return seq(lit.items.map(literalNode));
    case 'Map':
      return map(lit.entries.map((e) => [e.key, literalNode(e.value)] as const));
    case 'IntRange':
    case 'FloatRange':
    case 'CharRange':
      return str(rangeText(lit));
    default:
      return assertNever(lit);
  }
}

function comparator(c: Comparator): SerdeNode {
  return seq([str(c.op), bool(c.negated)]);
}

function queryPart(part: QueryPart): SerdeNode {
  switch (part.kind) {
    case 'This':
      return str('This');
    case 'Key':
      return tagged('Key', str(part.name));
    case 'Variable':
      return tagged('Key', str(`%${part.name}`));
    case 'AllValues':
      return tagged('AllValues', part.capture === null ? NULL : str(part.capture));
    case 'AllIndices':
      return tagged('AllIndices', part.capture === null ? NULL : str(part.capture));
    case 'Index':
      return tagged('Index', int(part.index));
    case 'Filter':
      return tagged(
        'Filter',
        seq([
          part.capture === null ? NULL : str(part.capture),
          conjunctions(part.conjunctions, guardClause),
        ]),
      );
    case 'MapKeyFilter':
      return tagged(
        'MapKeyFilter',
        seq([
          part.capture === null ? NULL : str(part.capture),
          map([
            ['comparator', comparator(part.comparator)],
            ['compare_with', letValue(part.compareWith)],
          ]),
        ]),
      );
    default:
      return assertNever(part);
  }
}

function queryParts(parts: readonly QueryPart[]): SerdeNode {
  return seq(parts.map(queryPart));
}

function query(q: Query): SerdeNode {
  return map([
    ['query', queryParts(q.parts)],
    ['match_all', bool(q.matchAll)],
  ]);
}

function letValue(v: LetValue): SerdeNode {
  switch (v.kind) {
    case 'LiteralValue':
      return tagged(
        'Value',
        map([
          ['path', str('')],
          ['value', literalNode(v.literal)],
        ]),
      );
    case 'QueryValue':
      return tagged('AccessClause', query(v.query));
    case 'FunctionCall':
      return tagged(
        'FunctionCall',
        map([
          ['parameters', seq(v.args.map(letValue))],
          ['name', str(v.name)],
          ['location', location(v.location)],
        ]),
      );
    default:
      return assertNever(v);
  }
}

function letExpr(l: LetExpr): SerdeNode {
  return map([
    ['var', str(l.name)],
    ['value', letValue(l.value)],
  ]);
}

function conjunctions<T>(c: Conjunctions<T>, item: (t: T) => SerdeNode): SerdeNode {
  return seq(c.map((d) => seq(d.map(item))));
}

function block<T>(b: Block<T>, item: (t: T) => SerdeNode): SerdeNode {
  return map([
    ['assignments', seq(b.assignments.map(letExpr))],
    ['conjunctions', conjunctions(b.conjunctions, item)],
  ]);
}

function accessClause(c: AccessClause): SerdeNode {
  return map([
    [
      'access_clause',
      map([
        ['query', query(c.query)],
        ['comparator', comparator(c.comparator)],
        ['compare_with', c.compareWith === null ? NULL : letValue(c.compareWith)],
        ['custom_message', c.customMessage === null ? NULL : str(c.customMessage)],
        ['location', location(c.location)],
      ]),
    ],
    ['negation', bool(c.negation)],
  ]);
}

function namedRule(r: NamedRuleRef | ParameterizedRuleCall): SerdeNode {
  return map([
    ['dependent_rule', str(r.rule)],
    ['negation', bool(r.negation)],
    ['custom_message', r.customMessage === null ? NULL : str(r.customMessage)],
    ['location', location(r.location)],
  ]);
}

function ruleCall(c: ParameterizedRuleCall): SerdeNode {
  return tagged(
    'ParameterizedNamedRule',
    map([
      ['parameters', seq(c.args.map(letValue))],
      ['named_rule', namedRule(c)],
    ]),
  );
}

function whenCondition(c: WhenCondition): SerdeNode {
  switch (c.kind) {
    case 'AccessClause':
      return tagged('Clause', accessClause(c));
    case 'NamedRuleRef':
      return tagged('NamedRule', namedRule(c));
    case 'ParameterizedRuleCall':
      return ruleCall(c);
    default:
      return assertNever(c);
  }
}

function guardClause(c: GuardClause): SerdeNode {
  switch (c.kind) {
    case 'AccessClause':
    case 'NamedRuleRef':
    case 'ParameterizedRuleCall':
      return whenCondition(c);
    case 'BlockClause':
      return tagged(
        'BlockClause',
        map([
          ['query', query(c.query)],
          ['block', block(c.block, guardClause)],
          ['location', location(c.location)],
          ['not_empty', bool(c.notEmpty)],
        ]),
      );
    case 'WhenBlock':
      return tagged(
        'WhenBlock',
        seq([conjunctions(c.conditions, whenCondition), block(c.block, guardClause)]),
      );
    default:
      return assertNever(c);
  }
}

/** A clause directly in a rule body: when and type blocks stand alone, the rest is wrapped. */
function ruleClause(c: RuleClause): SerdeNode {
  switch (c.kind) {
    case 'TypeBlock':
      return tagged(
        'TypeBlock',
        map([
          ['type_name', str(c.typeName)],
          ['conditions', c.conditions === null ? NULL : conjunctions(c.conditions, whenCondition)],
          ['block', block(c.block, guardClause)],
          ['query', queryParts(c.query)],
        ]),
      );
    case 'WhenBlock':
      return tagged(
        'WhenBlock',
        seq([conjunctions(c.conditions, whenCondition), block(c.block, guardClause)]),
      );
    default:
      return tagged('Clause', guardClause(c));
  }
}

function rule(r: Rule): SerdeNode {
  return map([
    ['rule_name', str(r.name)],
    ['conditions', r.conditions === null ? NULL : conjunctions(r.conditions, whenCondition)],
    ['block', block(r.block, ruleClause)],
  ]);
}

function parameterizedRule(p: ParameterizedRule): SerdeNode {
  return map([
    ['parameter_names', seq(p.parameters.map(str))],
    ['rule', rule(p.rule)],
  ]);
}

/** The serde data model of a parsed file (`null` for a file without rules). */
export function parseTreeNode(file: RulesFile | null): SerdeNode {
  if (file === null) return NULL;
  return map([
    ['assignments', seq(file.assignments.map(letExpr))],
    ['guard_rules', seq(file.rules.map(rule))],
    ['parameterized_rules', seq(file.parameterizedRules.map(parameterizedRule))],
  ]);
}

/** `cfn-guard parse-tree --print-json` output (no trailing newline). */
export function parseTreeJson(file: RulesFile | null): string {
  return toPrettyJson(parseTreeNode(file));
}

/** `cfn-guard parse-tree` / `--print-yaml` output. */
export function parseTreeYaml(file: RulesFile | null): string {
  return toYaml(parseTreeNode(file));
}
