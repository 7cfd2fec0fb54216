/**
 * The Guard rules-file AST. Plain readonly objects discriminated by `kind`;
 * every node carries the span of source text it was parsed from. The shape
 * follows the language (and so the reference's parse tree, which `serialize.ts`
 * prints) but is typed so that impossible trees cannot be built: a type block
 * can only appear directly in a rule body, a when condition can only hold
 * clauses and rule references, a literal can only be a literal.
 *
 * Feature IDs (LEX-*, LIT-*, DSL-*, VAR-*, QRY-*, OP-*, FN-*) refer to
 * the inventory in guard-features.md.
 */
import type { Span } from '../diag/span.js';

/** 1-based line/column of the first character of a node (what reports print). */
export interface Location {
  readonly line: number;
  readonly column: number;
}

// ---------------------------------------------------------------------------
// Literals (LIT-*)

export interface StringLiteral {
  readonly kind: 'String';
  readonly value: string;
  readonly span: Span;
}

/**
 * A `/pattern/` literal (LIT-06). `pattern` is the Guard source text with `\/`
 * turned into `/`; `source` and `flags` are the equivalent JavaScript RegExp
 * (see regex.ts), validated when the file was parsed.
 */
export interface RegexLiteral {
  readonly kind: 'Regex';
  readonly pattern: string;
  readonly source: string;
  readonly flags: string;
  readonly span: Span;
}

/** i64 in the reference; held as a JS number (exact up to 2^53). */
export interface IntLiteral {
  readonly kind: 'Int';
  readonly value: number;
  readonly span: Span;
}

export interface FloatLiteral {
  readonly kind: 'Float';
  readonly value: number;
  readonly span: Span;
}

export interface BoolLiteral {
  readonly kind: 'Bool';
  readonly value: boolean;
  readonly span: Span;
}

export interface NullLiteral {
  readonly kind: 'Null';
  readonly span: Span;
}

export interface ListLiteral {
  readonly kind: 'List';
  readonly items: readonly Literal[];
  readonly span: Span;
}

export interface MapLiteralEntry {
  readonly key: string;
  readonly value: Literal;
  readonly span: Span;
}

/** Key order is preserved (LIT-10); a repeated key keeps its first position and its last value. */
export interface MapLiteral {
  readonly kind: 'Map';
  readonly entries: readonly MapLiteralEntry[];
  readonly span: Span;
}

/** `r[a,b]`, `r(a,b)`, … (LIT-07): both bounds of one kind. */
export type RangeLiteral =
  | RangeOf<'IntRange', number>
  | RangeOf<'FloatRange', number>
  | RangeOf<'CharRange', string>;

interface RangeOf<K extends string, T> {
  readonly kind: K;
  readonly lower: T;
  readonly upper: T;
  readonly lowerInclusive: boolean;
  readonly upperInclusive: boolean;
  readonly span: Span;
}

export type ScalarLiteral =
  | StringLiteral
  | RegexLiteral
  | IntLiteral
  | FloatLiteral
  | BoolLiteral
  | NullLiteral
  | RangeLiteral;

export type Literal = ScalarLiteral | ListLiteral | MapLiteral;

// ---------------------------------------------------------------------------
// Queries (QRY-*)

/** `this` (QRY-12). */
export interface ThisPart {
  readonly kind: 'This';
  readonly span: Span;
}

/** `.key`, `."quoted key"`, or a bare key at the start of a query (QRY-03, LEX-04). */
export interface KeyPart {
  readonly kind: 'Key';
  readonly name: string;
  readonly span: Span;
}

/** `%name` at the start of a query (QRY-10) or interpolated as `.%name` (QRY-11). */
export interface VariablePart {
  readonly kind: 'Variable';
  readonly name: string;
  readonly span: Span;
}

/**
 * `.*` (QRY-07). `capture` is the name of a `[ name ]` key capture (VAR-08),
 * which the reference records as this part with a name; null for `.*`.
 */
export interface AllValuesPart {
  readonly kind: 'AllValues';
  readonly capture: string | null;
  readonly span: Span;
}

/**
 * `[*]` (QRY-06). `implicit` marks the one the parser inserts after a leading
 * `%var` that is followed by more parts (QRY-10); it prints like any other.
 */
export interface AllIndicesPart {
  readonly kind: 'AllIndices';
  readonly implicit: boolean;
  /** The name of a `[name]` capture written without blanks after `[` (VAR-08); null for `[*]`. */
  readonly capture: string | null;
  readonly span: Span;
}

/** `[N]` or `.N` (QRY-05). */
export interface IndexPart {
  readonly kind: 'Index';
  readonly index: number;
  readonly span: Span;
}

/**
 * `[ clauses ]` (QRY-08), optionally `[ name | clauses ]` capturing the keys
 * traversed under `name` (VAR-08). A bare `[name]` is an AllIndices/AllValues part with a capture.
 */
export interface FilterPart {
  readonly kind: 'Filter';
  readonly capture: string | null;
  readonly conjunctions: Conjunctions<GuardClause>;
  readonly span: Span;
}

/** `[ keys == v ]`, `[ keys in L ]`, … (QRY-09), optionally with a capture name. */
export interface MapKeyFilterPart {
  readonly kind: 'MapKeyFilter';
  readonly capture: string | null;
  readonly comparator: Comparator;
  readonly compareWith: LetValue;
  readonly span: Span;
}

export type QueryPart =
  | ThisPart
  | KeyPart
  | VariablePart
  | AllValuesPart
  | AllIndicesPart
  | IndexPart
  | FilterPart
  | MapKeyFilterPart;

/** A query; `matchAll` is false when it was prefixed by `some` (QRY-13). */
export interface Query {
  readonly parts: readonly QueryPart[];
  readonly matchAll: boolean;
  readonly span: Span;
}

// ---------------------------------------------------------------------------
// Values that can be assigned or compared with (VAR-01, OP-01, FN-01)

export interface LiteralValue {
  readonly kind: 'LiteralValue';
  readonly literal: Literal;
  readonly span: Span;
}

export interface QueryValue {
  readonly kind: 'QueryValue';
  readonly query: Query;
  readonly span: Span;
}

/** A built-in function call (FN-*); name and arity are checked by the parser. */
export interface FunctionCall {
  readonly kind: 'FunctionCall';
  readonly name: string;
  readonly args: readonly LetValue[];
  /** Where the call starts; the reference counts this column in UTF-8 bytes, not characters. */
  readonly location: Location;
  readonly span: Span;
}

export type LetValue = LiteralValue | QueryValue | FunctionCall;

/** `let name = value` (VAR-01). */
export interface LetExpr {
  readonly kind: 'Let';
  readonly name: string;
  readonly value: LetValue;
  readonly span: Span;
}

// ---------------------------------------------------------------------------
// Clauses (OP-*, DSL-*)

export type CmpOperator =
  | 'Eq'
  | 'In'
  | 'Gt'
  | 'Lt'
  | 'Le'
  | 'Ge'
  | 'Exists'
  | 'Empty'
  | 'IsString'
  | 'IsList'
  | 'IsMap'
  | 'IsBool'
  | 'IsInt'
  | 'IsFloat'
  | 'IsNull';

/** An operator and whether it is negated: `!=` is Eq/negated, `not in` is In/negated. */
export interface Comparator {
  readonly op: CmpOperator;
  readonly negated: boolean;
}

export const UNARY_OPERATORS: ReadonlySet<CmpOperator> = new Set<CmpOperator>([
  'Exists',
  'Empty',
  'IsString',
  'IsList',
  'IsMap',
  'IsBool',
  'IsInt',
  'IsFloat',
  'IsNull',
]);

/**
 * `[not] QUERY OP [RHS] [<<message>>]`. `negation` is the clause-level `not`/`!`
 * (OP-03); `compareWith` is null exactly for unary operators.
 */
export interface AccessClause {
  readonly kind: 'AccessClause';
  readonly query: Query;
  readonly comparator: Comparator;
  readonly compareWith: LetValue | null;
  readonly customMessage: string | null;
  readonly negation: boolean;
  readonly location: Location;
  readonly span: Span;
}

/** `[not|!] rule_name [<<message>>]` (DSL-08). */
export interface NamedRuleRef {
  readonly kind: 'NamedRuleRef';
  readonly rule: string;
  readonly negation: boolean;
  readonly customMessage: string | null;
  readonly location: Location;
  readonly span: Span;
}

/** `[not|!] rule_name(arg, …) [<<message>>]` (DSL-10). */
export interface ParameterizedRuleCall {
  readonly kind: 'ParameterizedRuleCall';
  readonly rule: string;
  readonly args: readonly LetValue[];
  readonly negation: boolean;
  readonly customMessage: string | null;
  readonly location: Location;
  readonly span: Span;
}

/** `[some] QUERY [!empty] { body }` (DSL-05, DSL-06). */
export interface BlockClause {
  readonly kind: 'BlockClause';
  readonly query: Query;
  readonly block: Block<GuardClause>;
  readonly notEmpty: boolean;
  readonly location: Location;
  readonly span: Span;
}

/** `when CONDITIONS { body }` (DSL-07). */
export interface WhenBlock {
  readonly kind: 'WhenBlock';
  readonly conditions: Conjunctions<WhenCondition>;
  readonly block: Block<GuardClause>;
  readonly span: Span;
}

/** `AWS::S3::Bucket [when CONDITIONS] { body }` (DSL-11); only directly in rule bodies. */
export interface TypeBlock {
  readonly kind: 'TypeBlock';
  readonly typeName: string;
  readonly conditions: Conjunctions<WhenCondition> | null;
  readonly block: Block<GuardClause>;
  /** The desugared `Resources.*[ Type == '<typeName>' ]`, as the reference prints it. */
  readonly query: readonly QueryPart[];
  readonly span: Span;
}

export type WhenCondition = AccessClause | NamedRuleRef | ParameterizedRuleCall;
export type GuardClause = WhenCondition | BlockClause | WhenBlock;
export type RuleClause = GuardClause | TypeBlock;

/** One inner array is a disjunction (`a or b`); the outer array is AND-ed (DSL-04). */
export type Conjunctions<T> = readonly (readonly T[])[];

/** A body: its `let`s (a new scope, VAR-03) and its clauses. */
export interface Block<T> {
  readonly assignments: readonly LetExpr[];
  readonly conjunctions: Conjunctions<T>;
}

// ---------------------------------------------------------------------------
// Rules and files (DSL-*)

/** `rule name [when CONDITIONS] { body }` (DSL-03). The implicit default rule is named `default`. */
export interface Rule {
  readonly kind: 'Rule';
  readonly name: string;
  /**
   * True for the implicit rule that gathers the top-level clauses (DSL-02);
   * its name is `default`, like an explicit `rule default`, but reports name
   * it after its file (`rules.guard/default`).
   */
  readonly implicit: boolean;
  readonly conditions: Conjunctions<WhenCondition> | null;
  readonly block: Block<RuleClause>;
  readonly span: Span;
}

/** `rule name(p1, p2) { body }` (DSL-09). */
export interface ParameterizedRule {
  readonly kind: 'ParameterizedRule';
  readonly parameters: readonly string[];
  readonly rule: Rule;
  readonly span: Span;
}

/**
 * A parsed rules file. `rules` starts with the implicit `default` rule when
 * the file has top-level clauses (DSL-02).
 */
export interface RulesFile {
  readonly kind: 'RulesFile';
  readonly assignments: readonly LetExpr[];
  readonly rules: readonly Rule[];
  readonly parameterizedRules: readonly ParameterizedRule[];
  readonly span: Span;
}

/** Exhaustiveness guard for `switch (node.kind)`. */
export function assertNever(value: never): never {
  throw new Error(`unexpected AST node: ${JSON.stringify(value)}`);
}
