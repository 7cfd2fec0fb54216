/**
 * Shared by the differential tests of the fast scanners (fast-paths.test.ts,
 * standard-fast-path.test.ts): a dump of everything a consumer can read from
 * a Value, and seeded generators of block-YAML documents.
 */
import type { Value } from '../../../src/data/value.js';

/** Every value and key, in document order, with everything a consumer can read. */
export function dump(v: Value, out: string[] = []): string[] {
  const head = `${v.path}|${v.line}|${v.col}|${v.kind}`;
  if (v.kind === 'map') {
    out.push(`${head} {`);
    for (const [k, x] of v.entries) {
      const loc = v.keyLocations.get(k);
      out.push(`key ${JSON.stringify(k)} ${loc?.line} ${loc?.col} ${loc?.path}`);
      dump(x, out);
    }
    out.push(`} ${v.keyLocations.size}`);
  } else if (v.kind === 'list') {
    out.push(`${head} [`);
    for (const x of v.items) dump(x, out);
    out.push(']');
  } else if (v.kind === 'int') {
    out.push(`${head} ${Object.is(v.value, -0) ? '-0' : v.value} ${v.exact ?? ''}`);
  } else if (v.kind === 'float') {
    out.push(`${head} ${Object.is(v.value, -0) ? '-0' : v.value}`);
  } else if (v.kind === 'null') {
    out.push(head);
  } else if (v.kind === 'bool' || v.kind === 'string') {
    out.push(`${head} ${JSON.stringify(v.value)}`);
  } else {
    out.push(`${head} ?`);
  }
  return out;
}

// Generated templates: seeded random trees written as block YAML (with the
// short-form tags, compact items, comments and CRLF) and as JSON.

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

export type Tree = string | number | boolean | null | Tree[] | { [k: string]: Tree };

const WORDS = ['Type', 'Properties', 'Name', 'a b', 'x/y~z', 'Key', 'é', 'Ref', 'Value', 'k1'];
const SCALARS: readonly Tree[] = [
  'AWS::S3::Bucket',
  'plain text',
  'yes',
  'true',
  '1',
  '1.0',
  '',
  'with # hash',
  'colon: inside',
  "it's",
  'quote " and \\ back',
  'tab\tand\nnewline',
  'ünïcode',
  '~',
  12,
  -3,
  0.25,
  1e21,
  true,
  false,
  null,
];

export function genTree(r: () => number, depth: number): Tree {
  const x = r();
  if (depth > 4 || x < 0.45) return SCALARS[Math.floor(r() * SCALARS.length)] ?? null;
  const n = Math.floor(r() * 4);
  if (x < 0.7) return Array.from({ length: n }, () => genTree(r, depth + 1));
  const o: { [k: string]: Tree } = {};
  for (let i = 0; i < n + 1; i++)
    o[`${WORDS[Math.floor(r() * WORDS.length)]}${i}`] = genTree(r, depth + 1);
  return o;
}

function yamlScalar(v: Tree, r: () => number): string {
  if (typeof v === 'string') {
    if (
      /^[A-Za-z][A-Za-z0-9 :]*$/.test(v) &&
      !v.includes(': ') &&
      !/^(yes|true|no|false|null|y|n|on|off)$/i.test(v) &&
      r() < 0.7
    ) {
      return v;
    }
    return r() < 0.2 && !/[\n\t\\]/.test(v) ? `'${v.replaceAll("'", "''")}'` : JSON.stringify(v);
  }
  return String(v);
}

function scalarText(v: Tree, r: () => number, plainWords: readonly string[]): string {
  if (plainWords.length > 0 && r() < 0.2)
    return plainWords[Math.floor(r() * plainWords.length)] ?? '';
  return yamlScalar(v, r);
}

const TAGS = ['!Ref', '!Sub', '!GetAtt', '!Join', '!If', '!Other', '!!str'];

/** `v` in flow style; line breaks (before an item) continue at indent `ind`. */
function flowText(v: Tree, ind: number, r: () => number, plainWords: readonly string[]): string {
  if (v === null || typeof v !== 'object') {
    const tag = r() < 0.2 ? TAGS[Math.floor(r() * TAGS.length)] : undefined;
    return `${tag === undefined ? '' : `${tag} `}${scalarText(v, r, plainWords)}`;
  }
  const sep = (): string => (r() < 0.2 ? `,\n${' '.repeat(ind)}` : ', ');
  if (Array.isArray(v)) {
    return `[${v.map((x, i) => `${i === 0 ? '' : sep()}${flowText(x, ind, r, plainWords)}`).join('')}]`;
  }
  const pairs = Object.entries(v).map(
    ([k, x], i) => `${i === 0 ? '' : sep()}${yamlScalar(k, r)}: ${flowText(x, ind, r, plainWords)}`,
  );
  return `{${pairs.join('')}}`;
}

/**
 * Writes collection `v` as block YAML lines into `out`. `plainWords`: texts
 * sometimes written raw in scalar positions (to exercise a loader's typing).
 */
export function emitYaml(
  v: Tree,
  ind: number,
  r: () => number,
  out: string[],
  plainWords: readonly string[] = [],
): void {
  // v is a collection here; `out` receives whole lines (without breaks).
  const pad = ' '.repeat(ind);
  const entries: [string | undefined, Tree][] = Array.isArray(v)
    ? v.map((x) => [undefined, x])
    : Object.entries(v as object);
  for (const [k, x] of entries) {
    const lead = k === undefined ? `${pad}-` : `${pad}${yamlScalar(k, r)}:`;
    if (r() < 0.1) out.push(`${pad}# comment`);
    const tag = r() < 0.25 ? TAGS[Math.floor(r() * TAGS.length)] : undefined;
    if (x === null || typeof x !== 'object') {
      out.push(
        `${lead}${tag === undefined ? '' : ` ${tag}`} ${scalarText(x, r, plainWords)}${r() < 0.1 ? ' # c' : ''}`,
      );
    } else if (Array.isArray(x) ? x.length === 0 : Object.keys(x).length === 0) {
      out.push(`${lead}${tag === undefined ? '' : ` ${tag}`} ${Array.isArray(x) ? '[]' : '{}'}`);
    } else if (r() < 0.2) {
      // Flow style, sometimes over several (deeper) lines.
      const text = `${lead}${tag === undefined ? '' : ` ${tag}`} ${flowText(x, ind + 4, r, plainWords)}`;
      out.push(...text.split('\n'));
    } else {
      const inner: string[] = [];
      emitYaml(x, ind + 2, r, inner, plainWords);
      const compact = k === undefined && tag === undefined && r() < 0.5;
      if (compact) {
        inner[0] = `${lead} ${(inner[0] ?? '').slice(ind + 2)}`;
        out.push(...inner);
      } else {
        out.push(`${lead}${tag === undefined ? '' : ` ${tag}`}`, ...inner);
      }
    }
  }
}

/**
 * Flow-collection layouts both loaders' fast scanner must read exactly as
 * the full route does (fast-paths.test.ts for validate's typing,
 * standard-fast-path.test.ts for the standard loader's): one table, so the
 * two stay in step.
 */
export const FLOW_LAYOUT_CASES: readonly (readonly [string, string])[] = [
  ['flow sequences', 'a: [1, two, "3", \'4\']\nb: [ x , y ]\nc: [[], {}, [a]]\n'],
  ['flow maps', 'a: {k: v, "q": 1, \'r\': [x]}\nb: { x: {w: z} }\n'],
  [
    'tagged flow items',
    'a: [!ImportValue S, !Ref R, !!str 5]\nb: !If [C, !Ref K, ""]\nc: !GetAtt [A, B]\n',
  ],
  ['multi-line flow', 'a: [\n    x,\n    "y" # c\n\n    , z\n  ]\nb: {\n  k: v\n  }\n'],
  ['flow keys without values', 'a: { "k"}\nb: {k, c: 1}\nd: {  k  , e: 1}\n'],
  [
    'flow closing at the block indent',
    'a: [\n  1\n]\nb: {\n  k: v\n}\nc:\n  - [[\n      1\n    ], 2\n  ]\n',
  ],
  [
    'flow edge layouts',
    'a:\n- [\n  1\n]\n- {k: [\n   2]}\nb:\n  c: !Join [\n      x, y]\n  d: 1\n',
  ],
  ['flow in a sequence', '- [a, b]\n- {k: [1]}\n- x\n'],
  ['flow plain text', 'a: [arn:aws:s3:::b/*, http://x#y, a b c, -1, .5]\n'],
];
