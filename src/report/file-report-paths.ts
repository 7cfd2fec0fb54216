/**
 * Indexing a file report's failing checks by the data paths their values sit
 * at, and the per-resource sets the console reports (OUT-CFN, OUT-TF) print
 * from. Used by cfn.ts and tf.ts; rendered by ./file-report-resources.ts.
 */
import type { Value } from '../data/value.js';
import type { ClauseReport } from './file-report-types.js';

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
