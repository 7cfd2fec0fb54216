import { describe, expect, test } from 'vitest';
import type { QueryPart, RuleClause } from '../../../src/syntax/ast.js';
import { parseRulesFile } from '../../../src/syntax/parser.js';

/**
 * Query parts through the parser's fast paths (parse-query.ts reads plain
 * keys itself; parse-query-bracket.ts tries a `[` form only when the text
 * after the `[` can start it): every form, and the ones that look alike.
 */
function firstClauseParts(text: string): string[] {
  const out = parseRulesFile(text, 't.guard');
  if (!out.ok || out.file === null) throw new Error(`no parse: ${text}`);
  const rule = out.file.rules[0];
  const clause = rule?.block.conjunctions[0]?.[0] as RuleClause | undefined;
  if (clause === undefined || clause.kind !== 'AccessClause')
    throw new Error('not an access clause');
  return clause.query.parts.map(show);
}

function show(p: QueryPart): string {
  switch (p.kind) {
    case 'Key':
      return `Key(${p.name})@${p.span.start}-${p.span.end}`;
    case 'Index':
      return `Index(${p.index})`;
    case 'AllIndices':
      return `AllIndices(${p.capture ?? ''}${p.implicit ? ',implicit' : ''})`;
    case 'AllValues':
      return `AllValues(${p.capture ?? ''})`;
    case 'Filter':
      return `Filter(${p.capture ?? ''};${p.conjunctions.length})`;
    case 'MapKeyFilter':
      return `MapKeyFilter(${p.capture ?? ''};${p.comparator.op})`;
    case 'This':
      return 'This';
    case 'Variable':
      return `Variable(${p.name})`;
  }
}

const ROWS: readonly (readonly [string, readonly string[]])[] = [
  ['a.b exists', ['Key(a)@0-1', 'Key(b)@1-3']],
  ['a .b exists', ['Key(a)@0-1', 'Key(b)@2-4']],
  ['this.a exists', ['This', 'Key(a)@4-6']],
  ['thing.a exists', ['Key(thing)@0-5', 'Key(a)@5-7']],
  ['a.*.b exists', ['Key(a)@0-1', 'AllValues()', 'Key(b)@3-5']],
  ['a.0 exists', ['Key(a)@0-1', 'Index(0)']],
  ['a[*] exists', ['Key(a)@0-1', 'AllIndices()']],
  ['a[ * ] exists', ['Key(a)@0-1', 'AllIndices()']],
  ['a[x] exists', ['Key(a)@0-1', 'AllIndices(x)']],
  ['a[ x ] exists', ['Key(a)@0-1', 'AllValues(x)']],
  ['a[0] exists', ['Key(a)@0-1', 'Index(0)']],
  ['a[-1] exists', ['Key(a)@0-1', 'Index(-1)']],
  ["a['k'] exists", ['Key(a)@0-1', 'Key(k)@1-6']],
  ['a[ b == 1 ] exists', ['Key(a)@0-1', 'Filter(;1)']],
  ['a[ x | b == 1 ] exists', ['Key(a)@0-1', 'Filter(x;1)']],
  ['a[ keys == /x/ ] exists', ['Key(a)@0-1', 'MapKeyFilter(;Eq)']],
  ['a[ k | keys in ["x"] ] exists', ['Key(a)@0-1', 'MapKeyFilter(k;In)']],
  ['a[ keys ] exists', ['Key(a)@0-1', 'AllValues(keys)']],
  ['%v.a exists', ['Variable(v)', 'AllIndices(,implicit)', 'Key(a)@2-4']],
  ['%v[*].a exists', ['Variable(v)', 'AllIndices()', 'Key(a)@5-7']],
];

describe('query parts', () => {
  test.each(ROWS)('%s', (text, parts) => {
    expect(firstClauseParts(text)).toEqual(parts);
  });
});

/** Inputs that must still fail where and how the bracket alternatives fail. */
const FAILS: readonly (readonly [string, string])[] = [
  ['a[0 exists', 'line 1 at column 5, when handling , fragment exists'],
  ["a['k exists", 'line 1 at column 12'],
  // No blank after a dot (LEX-08).
  ['a . b exists', 'line 1 at column 1, when handling , fragment a . b exists'],
  // `keys` is matched as a prefix, and commits the map-key filter.
  ['a[ keysx == 1 ] exists', 'line 1 at column 8, when handling , fragment x == 1 ] exists'],
  ['a[ b == ] exists', 'line 1 at column 8, when handling expecting either a property access'],
];

describe('bracket failures', () => {
  test.each(FAILS)('%s', (text, where) => {
    const out = parseRulesFile(text, 't.guard');
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.compat).toContain(where);
  });
});
