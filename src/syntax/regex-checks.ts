/**
 * What the emitter refuses (regex-emit.ts): patterns whose meaning
 * JavaScript would change. Backreferences that may name a group that did not
 * match (JavaScript matches those as empty), and look-behinds whose length is
 * not fixed (fancy-regex only allows fixed ones). Each refusal is a
 * RegexSyntaxError that says tsguard cannot translate the pattern exactly.
 */
import { type RegexNode, RegexSyntaxError } from './regex-ast.js';

export function refuse(message: string, position = 0): never {
  throw new RegexSyntaxError(
    `tsguard cannot translate this regular expression exactly: ${message}`,
    position,
  );
}

/** Length in characters when fixed (fancy-regex only allows such look-behinds). */
function constSize(n: RegexNode): number | null {
  switch (n.kind) {
    case 'Empty':
    case 'Assert':
    case 'Look':
      return 0;
    case 'Literal':
    case 'Any':
    case 'Class':
      return 1;
    case 'Group':
    case 'Atomic':
      return constSize(n.body);
    case 'Repeat': {
      const inner = constSize(n.body);
      return inner !== null && n.min === n.max ? inner * n.min : null;
    }
    case 'Concat': {
      let total = 0;
      for (const item of n.items) {
        const s = constSize(item);
        if (s === null) return null;
        total += s;
      }
      return total;
    }
    case 'Alt': {
      const sizes = n.items.map(constSize);
      const first = sizes[0];
      return first !== undefined && first !== null && sizes.every((s) => s === first)
        ? first
        : null;
    }
    case 'Backref':
      return null;
  }
}

/**
 * Checks that every backreference refers to a group that has certainly matched
 * when the backreference is reached. fancy-regex fails a backreference to an
 * unset group, JavaScript matches it as empty, so such patterns are refused.
 * Returns the groups certainly set after `n`.
 */
export function checkBackrefs(
  n: RegexNode,
  set: ReadonlySet<number>,
  inBehind: boolean,
): ReadonlySet<number> {
  switch (n.kind) {
    case 'Empty':
    case 'Literal':
    case 'Any':
    case 'Class':
    case 'Assert':
      return set;
    case 'Backref':
      if (inBehind) {
        throw new RegexSyntaxError('Look-behind assertion without constant size', n.position);
      }
      if (!set.has(n.group)) {
        refuse(`backreference \\${n.group} may refer to a group that did not match`, n.position);
      }
      return set;
    case 'Group': {
      const after = checkBackrefs(n.body, set, inBehind);
      if (n.index === null) return after;
      return new Set([...after, n.index]);
    }
    case 'Atomic':
      return checkBackrefs(n.body, set, inBehind);
    case 'Look': {
      const after = checkBackrefs(n.body, set, inBehind || n.behind);
      return n.negated ? set : after;
    }
    case 'Repeat': {
      const after = checkBackrefs(n.body, set, inBehind);
      return n.min > 0 ? after : set;
    }
    case 'Concat':
      return n.items.reduce((acc, item) => checkBackrefs(item, acc, inBehind), set);
    case 'Alt': {
      const outs = n.items.map((item) => checkBackrefs(item, set, inBehind));
      const first = outs[0] ?? set;
      return new Set([...first].filter((g) => outs.every((o) => o.has(g))));
    }
  }
}

export function checkLookBehinds(n: RegexNode): void {
  switch (n.kind) {
    case 'Look':
      if (n.behind) {
        const body = n.body.kind === 'Group' && n.body.index === null ? n.body.body : n.body;
        const ok =
          constSize(body) !== null ||
          (body.kind === 'Alt' && body.items.every((b) => constSize(b) !== null));
        if (!ok) throw new RegexSyntaxError('Look-behind assertion without constant size', 0);
      }
      checkLookBehinds(n.body);
      return;
    case 'Group':
    case 'Atomic':
    case 'Repeat':
      checkLookBehinds(n.body);
      return;
    case 'Concat':
    case 'Alt':
      n.items.forEach(checkLookBehinds);
      return;
    default:
      return;
  }
}
