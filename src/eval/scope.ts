/**
 * Variable scopes (VAR-*). Four kinds, as in the reference:
 *  - root: file-level `let`s, evaluated against the document root;
 *  - block: a rule/when/query/type block body's `let`s, evaluated against the
 *    block's root (the current value for query blocks, VAR-03);
 *  - value: only re-roots queries at a value (filters, `.*`, block values);
 *    variables go to the parent, and queries run with the parent as resolver;
 *  - params: a parameterized rule call's arguments (VAR-07).
 * Query and function variables are resolved lazily on first use and memoised
 * in the scope that defines them (VAR-02), so per document.
 */
import type { Value } from '../data/value.js';
import { GuardError } from '../diag/errors.js';
import type { LetExpr, QueryPart } from '../syntax/ast.js';
import type { EvalEnv } from './context.js';
import { missingValueError } from './errors.js';
import { resolveQuery } from './query.js';
import { literalResult, type QueryResult } from './query-result.js';

type ScopeKind = 'root' | 'block' | 'value' | 'params';

export class Scope {
  private readonly cache = new Map<string, readonly QueryResult[]>();
  private readonly resolving = new Set<string>();

  private constructor(
    readonly env: EvalEnv,
    readonly kind: ScopeKind,
    private readonly rootValue: Value,
    readonly parent: Scope | null,
    private readonly lets: ReadonlyMap<string, LetExpr> | null,
    private readonly params: ReadonlyMap<string, readonly QueryResult[]> | null,
  ) {}

  static root(env: EvalEnv, root: Value, assignments: readonly LetExpr[]): Scope {
    return new Scope(env, 'root', root, null, letMap(assignments), null);
  }

  /** A block scope rooted at this scope's root (eval_general_block_clause). */
  block(assignments: readonly LetExpr[]): Scope {
    return new Scope(this.env, 'block', this.root(), this, letMap(assignments), null);
  }

  /** Re-roots queries at `value`; variables still come from this scope. */
  value(value: Value): Scope {
    return new Scope(this.env, 'value', value, this, null, null);
  }

  withParams(params: ReadonlyMap<string, readonly QueryResult[]>): Scope {
    return new Scope(this.env, 'params', this.root(), this, null, params);
  }

  root(): Value {
    return this.kind === 'params' && this.parent ? this.parent.root() : this.rootValue;
  }

  /** A query relative to this scope's root (QRY-15). */
  query(parts: readonly QueryPart[]): QueryResult[] {
    switch (this.kind) {
      case 'root':
      case 'block':
        return resolveQuery(parts, this.rootValue, this);
      case 'value':
        // The reference hands the parent in as resolver here: filters reached
        // through `[*]` on a list then see the parent's root, a quirk that
        // changes results (`Tags[*][ Key == 'a' ]`), so it is kept.
        return resolveQuery(parts, this.rootValue, this.parent ?? this);
      case 'params':
        return (this.parent ?? this).query(parts);
    }
  }

  resolveVariable(name: string): readonly QueryResult[] {
    if (this.kind === 'params') {
      const given = this.params?.get(name);
      if (given) return given;
      return this.parentOrMissing(name);
    }
    if (this.kind === 'value') return this.parentOrMissing(name);

    const def = this.lets?.get(name);
    if (def?.value.kind === 'LiteralValue') {
      return [literalResult(this.env.literals.get(def.value.literal))];
    }
    const cached = this.cache.get(name);
    if (cached) return cached;
    if (!def) return this.parentOrMissing(name);

    if (this.resolving.has(name)) {
      throw new GuardError(
        'EVAL_CYCLIC_VARIABLE',
        `Variable ${name} refers to itself through its own definition`,
      );
    }
    this.resolving.add(name);
    try {
      let result: readonly QueryResult[];
      if (def.value.kind === 'FunctionCall') {
        result = this.env.callFunction(def.value, this);
      } else {
        const all = resolveQuery(def.value.query.parts, this.rootValue, this);
        // VAR-06: `let x = some Q` keeps only resolved entries.
        result = def.value.query.matchAll ? all : all.filter((r) => r.resolved);
      }
      this.cache.set(name, result);
      return result;
    } finally {
      this.resolving.delete(name);
    }
  }

  /** Records a key captured by `[name]` / `[name | …]` (VAR-08); kept in the root scope. */
  addCapture(name: string, key: Value): void {
    if (this.kind === 'root' || !this.parent) {
      const list = [...(this.cache.get(name) ?? []), { resolved: true as const, value: key }];
      this.cache.set(name, list);
      return;
    }
    this.parent.addCapture(name, key);
  }

  private parentOrMissing(name: string): readonly QueryResult[] {
    if (this.parent) return this.parent.resolveVariable(name);
    // VAR-05
    throw missingValueError(
      'EVAL_UNDEFINED_VARIABLE',
      `Could not resolve variable by name ${name} across scopes`,
    );
  }
}

function letMap(assignments: readonly LetExpr[]): Map<string, LetExpr> {
  // VAR-04: a later `let` with the same name silently wins.
  const m = new Map<string, LetExpr>();
  for (const a of assignments) m.set(a.name, a);
  return m;
}
