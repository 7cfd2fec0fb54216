/**
 * The standard loader (YAML-08): the reference's serde_yaml route, used for
 * `test` inputs, rulegen and `json_parse`. YAML 1.2 core typing (see
 * scalars.ts), aliases expanded (bounded by DATA_ALIAS_LIMIT), duplicate keys
 * rejected, no source positions (every value is at `[L:0,C:0]`; paths are
 * real). Single-`!` short-form tags wrap like YAML-04/05, but the wrapped
 * scalar keeps its normal type (`!Ref 5` → `{"Ref": 5}`).
 */
import {
  Composer,
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
import { coreTagName, scalarWrapperKey, sequenceWrapperKey, shortFormName } from './cfn-tags.js';
import { findTooDeep } from './cst-depth.js';
import { standardNonStringKeyError } from './data-errors.js';
import { libyamlProblem } from './libyaml-errors.js';
import { aliasLimit, checkSize, type DataLimits, resolveLimits, tooDeep } from './limits.js';
import type { LoadOptions } from './load-data.js';
import { listValue, mapValue, scalarValue, setEntry } from './make.js';
import { indexPath, keyPath, ROOT_PATH } from './path.js';
import {
  parseCoreFloat,
  parseCoreInt,
  resolveStandardPlain,
  type ScalarResult,
} from './scalars.js';
import type { KeyLocation, Value } from './value.js';

interface Ctx {
  readonly name: string;
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
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const composer = new Composer({ schema: 'failsafe' });
  const docs: Document.Parsed[] = [];
  for (const token of new Parser().parse(src)) {
    if (token.type === 'document' && findTooDeep(token, limits.maxDepth) !== undefined) {
      throw tooDeep(name, limits);
    }
    docs.push(...composer.next(token));
  }
  docs.push(...composer.end());
  if (docs.length > 1) {
    throw syntax(
      name,
      'deserializing from YAML containing more than one document is not supported',
    );
  }
  const doc = docs[0];
  if (doc === undefined) return { kind: 'null', path: ROOT_PATH, line: 0, col: 0 };
  const err = doc.errors[0];
  if (err !== undefined) {
    const problem = libyamlProblem(
      src,
      doc.errors.map((e) => ({ message: e.message, offset: e.pos[0] })),
    );
    throw syntax(name, err.message.split('\n')[0] ?? err.message, problem);
  }
  const ctx: Ctx = { name, limits, aliasNodes: 0, inAlias: 0, anchors: new Map() };
  return build(ctx, doc.contents, ROOT_PATH, 0);
}

/** `compat`: libyaml's text for the same error, where libyaml-errors.ts knows it. */
function syntax(name: string, detail: string, compat?: string): GuardError {
  return new GuardError(
    'DATA_SYNTAX',
    `${name}: cannot parse YAML: ${detail}`,
    compat === undefined ? {} : { compat },
  );
}

const AT_ZERO: KeyLocation = { line: 0, col: 0 };

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
  const short = tag === undefined ? undefined : shortFormName(tag);
  if (isScalar(node)) {
    const text = String(node.value ?? '');
    const typed = typeScalar(ctx, text, node.type === 'PLAIN' || node.type === undefined, tag);
    const key = short === undefined ? undefined : scalarWrapperKey(short);
    if (key === undefined) return scalarValue(typed, path, 0, 0);
    return wrap(key, scalarValue(typed, keyPath(path, key), 0, 0), path);
  }
  if (isSeq(node)) {
    const key = short === undefined ? undefined : sequenceWrapperKey(short);
    const listPath = key === undefined ? path : keyPath(path, key);
    const items = node.items.map((item, i) =>
      build(ctx, item as Node | null, indexPath(listPath, i), depth + 1),
    );
    const list = listValue(items, listPath, 0, 0);
    return key === undefined ? list : wrap(key, list, path);
  }
  if (isMap(node)) {
    const entries = new Map<string, Value>();
    const keyLocations = new Map<string, KeyLocation>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = build(ctx, pair.key as Node | null, path, depth + 1);
      if (key.kind !== 'string') throw standardNonStringKeyError(ctx.name);
      const childPath = keyPath(path, key.value);
      const value = build(ctx, pair.value as Node | null, childPath, depth + 1);
      setEntry(entries, keyLocations, key.value, value, 0, 0);
      // YAML-08: keys of the standard loader report their own path.
      if (keyLocations.get(key.value)?.path === undefined) {
        keyLocations.set(key.value, { line: 0, col: 0, path: childPath });
      }
    }
    return mapValue(entries, keyLocations, path, 0, 0);
  }
  throw syntax(ctx.name, 'unsupported YAML node');
}

function wrap(key: string, inner: Value, path: string): Value {
  return mapValue(new Map([[key, inner]]), new Map([[key, AT_ZERO]]), path, 0, 0);
}

function typeScalar(
  ctx: Ctx,
  text: string,
  isPlain: boolean,
  tag: string | undefined,
): ScalarResult {
  const core = tag === undefined ? undefined : coreTagName(toShortCore(tag));
  if (core !== undefined) {
    const r = typeCore(core, text);
    if (r === undefined) {
      throw new GuardError(
        'DATA_BAD_TAGGED_VALUE',
        `${ctx.name}: invalid value for !!${core}: ${JSON.stringify(text)}`,
      );
    }
    return r;
  }
  if (!isPlain) return { kind: 'string', value: text };
  const r = resolveStandardPlain(text);
  if (r === 'range') throw syntax(ctx.name, `integer out of range: ${text}`);
  return r;
}

/** The Document API reports `!!int` as `tag:yaml.org,2002:int`. */
function toShortCore(tag: string): string {
  const prefix = 'tag:yaml.org,2002:';
  return tag.startsWith(prefix) ? `!!${tag.slice(prefix.length)}` : tag;
}

function typeCore(name: string, text: string): ScalarResult | undefined {
  switch (name) {
    case 'str':
      return { kind: 'string', value: text };
    case 'null':
      return text === '' || text === '~' || /^(?:null|Null|NULL)$/.test(text)
        ? { kind: 'null' }
        : undefined;
    case 'bool':
      if (/^(?:true|True|TRUE)$/.test(text)) return { kind: 'bool', value: true };
      if (/^(?:false|False|FALSE)$/.test(text)) return { kind: 'bool', value: false };
      return undefined;
    case 'int': {
      const i = parseCoreInt(text);
      return typeof i === 'number' ? { kind: 'int', value: i } : undefined;
    }
    case 'float': {
      const f = parseCoreFloat(text);
      return f === undefined ? undefined : { kind: 'float', value: f };
    }
    default:
      return { kind: 'string', value: text };
  }
}
