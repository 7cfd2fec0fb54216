/**
 * The standard loader (YAML-08): the reference's serde_yaml route, used for
 * `test` inputs, rulegen and `json_parse`. YAML 1.2 core typing (see
 * scalars.ts), aliases expanded (bounded by DATA_ALIAS_LIMIT), duplicate keys
 * rejected, no source positions (every value is at `[L:0,C:0]`; paths are
 * real). Single-`!` short-form tags wrap like YAML-04/05, but the wrapped
 * scalar keeps its normal type (`!Ref 5` → `{"Ref": 5}`). Typing and value
 * shapes live in standard-values.ts, shared with the fast block-YAML scanner
 * (load-yaml-fast.ts) that reads most documents before this route is needed.
 */
import {
  Composer,
  type CST,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  Parser,
} from 'yaml';
import { GuardError } from '../diag/errors.js';
import { findTooDeep } from './cst-depth.js';
import { standardNonStringKeyError } from './data-errors.js';
import { blockScalarProblem, invalidEscapeProblem, libyamlProblem } from './libyaml-errors.js';
import {
  CONTROL_CHARACTERS,
  controlCharacterProblem,
  firstControlCharacter,
} from './libyaml-reader.js';
import { aliasLimit, checkSize, type DataLimits, resolveLimits, tooDeep } from './limits.js';
import type { LoadOptions } from './load-data.js';
import { scanYamlDocument } from './load-yaml-fast.js';
import { indexPath, keyPath, ROOT_PATH } from './path.js';
import { repairQuotedIndent } from './quoted-indent.js';
import type { ScalarResult } from './scalars.js';
import { invalidUnicodeEscape } from './scan-common.js';
import {
  STANDARD_TYPING,
  standardList,
  standardMap,
  standardScalar,
  typeStandardScalar,
} from './standard-values.js';
import type { Value } from './value.js';
import { readCstBlockScalars } from './yaml-cst-block.js';
import { libyamlDoubleQuoted } from './yaml-fast-quoted.js';

interface Ctx {
  readonly name: string;
  /** The text the `yaml` package read (node ranges point into it). */
  readonly src: string;
  readonly limits: DataLimits;
  /** Values built while expanding aliases, against limits.maxAliasNodes. */
  aliasNodes: number;
  /** How many alias expansions enclose the node being built. */
  inAlias: number;
  /**
   * Anchors seen so far in document order. An alias names the closest
   * anchor before it; `Alias.resolve` would search the whole document on
   * every use, which turns an alias bomb into minutes of work.
   */
  readonly anchors: Map<string, Node>;
  /** libyaml's text of each block scalar (yaml-cst-block.ts), by its indicator's offset. */
  readonly blockTexts: ReadonlyMap<number, string>;
}

/**
 * Loads a YAML/JSON document the way the reference's serde_yaml route does.
 * Throws GuardError: DATA_SYNTAX (parse errors, duplicate keys, several
 * documents, integers beyond u64), DATA_NON_STRING_KEY, DATA_BAD_TAGGED_VALUE,
 * DATA_TOO_DEEP, DATA_ALIAS_LIMIT, DATA_TOO_LARGE.
 */
export function loadStandardDocument(text: string, name: string, options: LoadOptions = {}): Value {
  const limits = resolveLimits(options.limits);
  checkSize(text, name, limits);
  const src = stripBom(text);
  // Spec files are mostly block YAML: the fast scanner builds them without
  // the `yaml` package's parser and composer (about half of `test`'s time).
  // Anything it leaves (or that may be an error) goes to the full route.
  return scanYamlDocument(src, limits, STANDARD_TYPING) ?? composeStandard(src, name, limits);
}

/**
 * The full route alone, without the fast scanner: the oracle the fast path
 * is tested against (tests/unit/data/standard-fast-path.test.ts).
 */
export function loadStandardDocumentFull(
  text: string,
  name: string,
  options: LoadOptions = {},
): Value {
  const limits = resolveLimits(options.limits);
  checkSize(text, name, limits);
  return composeStandard(stripBom(text), name, limits);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function composeStandard(src: string, name: string, limits: DataLimits): Value {
  const control = firstControlCharacter(src);
  if (control >= 0) throw syntax(name, CONTROL_CHARACTERS, controlCharacterProblem(src, control));
  let { docs, firstToken: firstDoc } = composeAll(src, name, limits);
  let text = src;
  const first = docs[0];
  if (first !== undefined && first.errors.length > 0) {
    // libyaml takes quoted scalars continued left of their block; `yaml`
    // does not (quoted-indent.ts). Positions do not matter here.
    const firstToken = (text: string): CST.Document | undefined => {
      for (const token of new Parser().parse(text)) if (token.type === 'document') return token;
      return undefined;
    };
    const token = firstToken(src);
    const repair = token === undefined ? undefined : repairQuotedIndent(src, token, firstToken);
    if (repair !== undefined) {
      const repaired = composeAll(repair.text, name, limits);
      // A repaired text that still fails keeps the original's error texts.
      if (repaired.docs[0] !== undefined && repaired.docs[0].errors.length === 0) {
        docs = repaired.docs;
        firstDoc = repaired.firstToken;
        text = repair.text;
      }
    }
  }
  if (docs.length > 1) {
    throw syntax(
      name,
      'deserializing from YAML containing more than one document is not supported',
    );
  }
  const doc = docs[0];
  if (doc === undefined) return { kind: 'null', path: ROOT_PATH, line: 0, col: 0 };
  // Block scalars read libyaml's way; the package's errors inside them do not count.
  const blocks = firstDoc === undefined ? undefined : readCstBlockScalars(firstDoc, text);
  const errors =
    blocks === undefined ? doc.errors : doc.errors.filter((e) => !blocks.covers(e.pos[0]));
  const err = errors[0];
  const bad = blocks?.problem;
  if (bad !== undefined && (err === undefined || bad.offset < err.pos[0])) {
    throw syntax(name, bad.problem, blockScalarProblem(text, bad));
  }
  if (err !== undefined) {
    const problem = libyamlProblem(
      src,
      errors.map((e) => ({ message: e.message, offset: e.pos[0] })),
    );
    throw syntax(name, err.message.split('\n')[0] ?? err.message, problem);
  }
  const ctx: Ctx = {
    name,
    src: text,
    limits,
    aliasNodes: 0,
    inAlias: 0,
    anchors: new Map(),
    blockTexts: blocks?.texts ?? new Map(),
  };
  return build(ctx, doc.contents, ROOT_PATH, 0);
}

interface Composed {
  readonly docs: Document.Parsed[];
  /** The first document's CST (for its block scalars, yaml-cst-block.ts). */
  readonly firstToken: CST.Document | undefined;
}

function composeAll(src: string, name: string, limits: DataLimits): Composed {
  const composer = new Composer({ schema: 'failsafe' });
  const docs: Document.Parsed[] = [];
  let firstToken: CST.Document | undefined;
  for (const token of new Parser().parse(src)) {
    if (token.type === 'document') {
      if (findTooDeep(token, limits.maxDepth) !== undefined) throw tooDeep(name, limits);
      firstToken ??= token;
    }
    docs.push(...composer.next(token));
  }
  docs.push(...composer.end());
  return { docs, firstToken };
}

/** `compat`: libyaml's text for the same error, where libyaml-errors.ts knows it. */
function syntax(name: string, detail: string, compat?: string): GuardError {
  return new GuardError(
    'DATA_SYNTAX',
    `${name}: cannot parse YAML: ${detail}`,
    compat === undefined ? {} : { compat },
  );
}

function build(ctx: Ctx, node: Node | null | undefined, path: string, depth: number): Value {
  if (ctx.inAlias > 0 && ++ctx.aliasNodes > ctx.limits.maxAliasNodes) {
    throw aliasLimit(ctx.name, ctx.limits);
  }
  if (depth > ctx.limits.maxDepth) throw tooDeep(ctx.name, ctx.limits);
  if (node === null || node === undefined) return { kind: 'null', path, line: 0, col: 0 };
  if (isAlias(node)) {
    const target = ctx.anchors.get(node.source);
    if (target === undefined) throw syntax(ctx.name, `unknown anchor ${node.source}`);
    ctx.inAlias++;
    try {
      return build(ctx, target, path, depth + 1);
    } finally {
      ctx.inAlias--;
    }
  }
  if (node.anchor !== undefined && ctx.inAlias === 0) ctx.anchors.set(node.anchor, node);
  const tag = node.tag;
  if (isScalar(node)) {
    if (node.type === 'QUOTE_DOUBLE' && node.range) {
      const bad = invalidUnicodeEscape(ctx.src.slice(node.range[0], node.range[1]));
      if (bad >= 0) {
        const problem = invalidEscapeProblem(ctx.src, node.range[0], node.range[0] + bad);
        throw syntax(ctx.name, 'invalid Unicode escape (surrogate code point)', problem);
      }
    }
    // libyaml folds empty lines after an escaped line break its own way.
    const fromLibyaml =
      node.type === 'QUOTE_DOUBLE' && node.range !== undefined && node.range !== null
        ? libyamlDoubleQuoted(ctx.src.slice(node.range[0], node.range[1]))
        : undefined;
    const fromBlock =
      (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && node.range
        ? ctx.blockTexts.get(node.range[0])
        : undefined;
    const text = fromLibyaml ?? fromBlock ?? String(node.value ?? '');
    const isPlain = node.type === 'PLAIN' || node.type === undefined;
    return standardScalar(text, isPlain, typeScalar(ctx, text, isPlain, tag), tag, path);
  }
  if (isSeq(node)) {
    return standardList(tag, path, (listPath) =>
      node.items.map((item, i) =>
        build(ctx, item as Node | null, indexPath(listPath, i), depth + 1),
      ),
    );
  }
  if (isMap(node)) {
    const entries = new Map<string, Value>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = build(ctx, pair.key as Node | null, path, depth + 1);
      if (key.kind !== 'string') throw standardNonStringKeyError(ctx.name);
      // The `yaml` package reports repeated keys (an error here), so each key
      // is set once; YAML-08: keys report their own path (KeyPaths).
      entries.set(
        key.value,
        build(ctx, pair.value as Node | null, keyPath(path, key.value), depth + 1),
      );
    }
    return standardMap(entries, path);
  }
  throw syntax(ctx.name, 'unsupported YAML node');
}

function typeScalar(
  ctx: Ctx,
  text: string,
  isPlain: boolean,
  tag: string | undefined,
): ScalarResult {
  const r = typeStandardScalar(text, isPlain, tag);
  if (r.kind === 'bad-core') {
    throw new GuardError(
      'DATA_BAD_TAGGED_VALUE',
      `${ctx.name}: invalid value for !!${r.core}: ${JSON.stringify(text)}`,
    );
  }
  if (r.kind === 'range') throw syntax(ctx.name, `integer out of range: ${text}`);
  return r;
}
