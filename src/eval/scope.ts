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
import type { QueryResult } from './query-result.js';

type ScopeKind = 'root' | 'block' | 'value' | 'params';

export class Scope {
  // Created on first use: most scopes are `value` scopes made per visited
  // value (filters, `*`, blocks) that never hold a variable.
  private cache: Map<string, readonly QueryResult[]> | null = null;
  private resolving: Set<string> | null = null;
  /**
   * Capture lists (VAR-08) not handed out yet, so still safe to append to in
   * place; a list once returned by `resolveVariable` is copied on the next
   * capture (a reader keeps its snapshot). Without this, capturing the keys
   * of n resources copied the list n times.
   */
  private growing: Set<readonly QueryResult[]> | null = null;

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
    // Value scopes hold no variables: skip them without a call per level
    // (filters and `*` nest one per visited value).
    let at: Scope = this;
    while (at.kind === 'value') {
      const up = at.parent;
      if (up === null) return at.parentOrMissing(name);
      at = up;
    }
    return at.resolveHere(name);
  }

  private resolveHere(name: string): readonly QueryResult[] {
    if (this.kind === 'params') {
      const given = this.params?.get(name);
      if (given) return given;
      return this.parentOrMissing(name);
    }

    const def = this.lets?.get(name);
    if (def?.value.kind === 'LiteralValue') {
      // One shared, never mutated list per literal (readers get a readonly view).
      return this.env.literals.asResults(def.value.literal);
    }
    const cached = this.cache?.get(name);
    if (cached) {
      this.growing?.delete(cached);
      return cached;
    }
    if (!def) return this.parentOrMissing(name);

    this.resolving ??= new Set();
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
      this.cache ??= new Map();
      this.cache.set(name, result);
      return result;
    } finally {
      this.resolving.delete(name);
    }
  }

  /**
   * True when reading `name` now has no side effect and will give the same
   * entries later: a literal `let`, a parameter, or a query/function `let`
   * already evaluated. False for one not evaluated yet (its first evaluation
   * records its own tree, EVAL-08), for captures (they still grow, VAR-08)
   * and for unknown names (reading them throws).
   */
  isSettled(name: string): boolean {
    let at: Scope | null = this;
    while (at !== null) {
      if (at.kind === 'params') {
        if (at.params?.has(name)) return true;
      } else if (at.kind !== 'value') {
        const def = at.lets?.get(name);
        if (def !== undefined) {
          if (def.value.kind === 'LiteralValue') return true;
          const cached = at.cache?.get(name);
          return cached !== undefined && !(at.growing?.has(cached) ?? false);
        }
        if (at.cache?.has(name)) return false;
      }
      at = at.parent;
    }
    return false;
  }

  /** Records a key captured by `[name]` / `[name | …]` (VAR-08); kept in the root scope. */
  addCapture(name: string, key: Value): void {
    if (this.kind === 'root' || !this.parent) {
      this.cache ??= new Map();
      this.growing ??= new Set();
      const entry = { resolved: true as const, value: key };
      const list = this.cache.get(name);
      if (list !== undefined && this.growing.has(list)) {
        (list as QueryResult[]).push(entry);
        return;
      }
      const grown = [...(list ?? []), entry];
      this.growing.add(grown);
      this.cache.set(name, grown);
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

/** `let`s by name per assignments array: blocks are entered many times per document. */
const letMaps = new WeakMap<readonly LetExpr[], ReadonlyMap<string, LetExpr> | null>();

function letMap(assignments: readonly LetExpr[]): ReadonlyMap<string, LetExpr> | null {
  // Most blocks have no `let`: no table lookup for them.
  if (assignments.length === 0) return null;
  let m = letMaps.get(assignments);
  if (m === undefined) {
    // VAR-04: a later `let` with the same name silently wins.
    const built = new Map<string, LetExpr>();
    for (const a of assignments) built.set(a.name, a);
    m = built.size === 0 ? null : built;
    letMaps.set(assignments, m);
  }
  return m;
}
