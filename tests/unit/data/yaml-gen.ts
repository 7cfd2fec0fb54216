/**
 * Shared by the differential tests of the fast scanners (fast-paths.test.ts,
 * standard-fast-path.test.ts): a dump of everything a consumer can read from
 * a Value, seeded generators of block-YAML documents (block scalars among
 * their scalars), and the layout tables both tests run.
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
    if (typeof x === 'string' && r() < 0.12) {
      out.push(`${lead}${tag === undefined ? '' : ` ${tag}`} ${blockHeader(r)}`);
      out.push(...blockScalarLines(ind + 2, r));
    } else if (x === null || typeof x !== 'object') {
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

/** A block scalar header: `|` or `>`, chomping, sometimes an indentation digit or a comment. */
function blockHeader(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  // Content sits 2 deeper than the collection holding the scalar, so `2` is exact.
  const head = `${pick(['|', '>'])}${pick(['', '', '-', '+', '2', '-2', '2+'])}`;
  return r() < 0.15 ? `${head} # note` : head;
}

const BLOCK_TEXTS = [
  'echo $${AWS::Region}',
  '#!/bin/bash',
  'key: value',
  '"quoted" and \'single\'',
  '- item',
  '{ flow } [x]',
  'text # not a comment',
  'trailing  ',
];

/**
 * A block scalar's lines at content indent `ind`: empty lines (leading,
 * inside, trailing), more-indented lines, blank-only lines deeper than the
 * indent (text) or not (empty), always ending in a line break.
 */
function blockScalarLines(ind: number, r: () => number): string[] {
  const pad = ' '.repeat(ind);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const lines: string[] = [];
  if (r() < 0.15) lines.push(pick(['', ' '.repeat(Math.floor(r() * (ind + 1)))]));
  lines.push(`${pad}${pick(BLOCK_TEXTS)}`);
  const n = Math.floor(r() * 5);
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.15) lines.push('');
    else if (x < 0.25)
      lines.push(`${pad}${' '.repeat(1 + Math.floor(r() * 3))}${pick(BLOCK_TEXTS)}`);
    else if (x < 0.3) lines.push(`${pad}${' '.repeat(1 + Math.floor(r() * 3))}`);
    else lines.push(`${pad}${pick(BLOCK_TEXTS)}`);
  }
  const trailing = Math.floor(r() * 3);
  for (let i = 0; i < trailing; i++) lines.push(' '.repeat(Math.floor(r() * (ind + 1))));
  return lines;
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

/**
 * Block scalar layouts (libyaml-block-scalar.ts) the fast scanner must take and
 * read exactly as the full route does, for both typings (fast-paths.test.ts,
 * standard-fast-path.test.ts).
 */
export const BLOCK_SCALAR_CASES: readonly (readonly [string, string])[] = [
  ['literal and folded', 'a: |\n  x\n   y\nb: >\n  p\n  q\nc: 1\n'],
  ['chomping', 'a: |-\n  x\n\nb: |+\n  x\n\n\nc: |\n  x\n\n\nd: >+\n  p\n\ne: >-\n  p\n\nf: 1\n'],
  ['explicit indentation', 'a: |2\n   x\n  y\nb:\n  c: >1-\n     p\n    q\n  d: |+2\n     r\n'],
  [
    'explicit indentation in compact items',
    'a:\n- |1\n  x\n- - |2\n      y\n  - k: >1\n       z\n',
  ],
  ['comment after the header', 'a: | # note\n  x\nb: >- #n\n  y\nc: |  \n  z\n'],
  // libyaml reads `#` right after the indicators as a comment.
  ['comment right after the indicator', 'a: |#c\n  x\nb: >-#d\n  y\n'],
  [
    'tagged',
    'a: !Sub |\n  x $${A}\nb: !Base64 |\n  #!/bin/bash\n  echo\nc: !Sub\n  |\n  z\nd: !!str |\n  5\n',
  ],
  ['sequence items', 'a:\n  - |\n    x\n  - >-\n   y\n   z\n  - !Sub |\n    w\n'],
  ['indentless and compact items', 'a:\n- |\n x\n- k: |\n    y\n  j: 1\n- - >\n    z\nb: 2\n'],
  ['on the line after its key', 'a:\n  |\n  x\nb:\n  >-\n   y\n'],
  ['empty', 'a: |\nb: >-\n\nc: |+\n\n\nd:\n  - |\n  - >\ne: |\n# c\nf: |+\n'],
  ['trailing blank lines', 'a: |\n  x\n\n\n  \nb: |+\n  y\n   \n\n \nc: >\n  z\n     \n'],
  ['more-indented lines fold as lines', 'a: >\n  p\n\n    q\n  r\n\n\n  s\n   t\n  u\nb: 1\n'],
  ['blank lines inside', 'a: |\n  x\n\n  y\n \n  z\nb: >\n  x\n\n  y\n \n  z\n'],
  ['leading empty lines', 'a: |\n\n \n  x\nb: >\n\n  y\n'],
  ['CRLF', 'a: |\r\n  x\r\n\r\n  y\r\n\r\nb: >\r\n  p\r\n  q\r\nc: |+\r\n  r\r\n\r\n'],
  ['comment-like content', 'a: |\n  x\n\n  # c\n # d\nb: >\n  # e\n  f # g\n'],
  ['text that looks like YAML', 'a: |\n  k: v\n  - i\n  [f, "q"]\n  \'s\' &a *b !t\n'],
  ['ending the document', 'a: >-\n  x\n  y\n'],
  ['ending the document after empty lines', 'a: |+\n  x\n\n\n'],
  [
    'nested in a template',
    'R:\n  P:\n    UserData: !Base64\n      Fn::Sub: |\n        #!/bin/bash\n        echo $${X}\n\n' +
      '    # trailing comment\n  Q: |\n    y\n',
  ],
];

/** Block scalars the fast scanner leaves to the full route (for either typing). */
export const BLOCK_SCALAR_FALLBACKS: readonly (readonly [string, string])[] = [
  // Ends of input inside a scalar: the full route ends the document there.
  ['block scalar at the end without a line break', 'a: |\n  x'],
  ['folded at the end without a line break', 'a: >\n  x\n  y'],
  ['block scalar ending in blanks at the end', 'a: |\n  x\n  '],
  ['header at the end', 'a: |'],
  // libyaml's indent is then the empty line's, and `x` an error.
  ['empty line deeper than the first content line', 'a: |\n    \n  x\n'],
  ['two-digit indentation', 'a: |12\n  x\n'],
  ['indentation 0', 'a: |0\n  x\n'],
  ['two chomping indicators', 'a: |-+\n  x\n'],
  ['root block scalar', '|\n x\n'],
  ['content left of the scalar but deeper than its map', 'a: |\n   x\n  y\n'],
  ['block scalar in a flow collection', 'a: [|\n  x]\n'],
  ['block scalar as a key', '? |\n  k\n: v\n'],
  ['tab in a block scalar', 'a: |\n  x\ty\n'],
];
