import { RegexSyntaxError } from './regex-ast.js';
import { emitJsRegex } from './regex-emit.js';
import { parseGuardRegex } from './regex-parse.js';

/**
 * Guard regex literals (LIT-06) use Rust `regex` syntax extended by
 * `fancy-regex` (OP-18, GOT-15); regex_replace (FN-04) uses the same dialect.
 * This module turns such a pattern into an equivalent JavaScript RegExp
 * (always with the `v` flag, plus `i` when the pattern is case-insensitive),
 * or refuses it: patterns the reference rejects, and patterns whose meaning
 * JavaScript cannot reproduce exactly. Matching is an unanchored search, as
 * with `RegExp.prototype.test`.
 */

export type RegexTranslation =
  | { readonly ok: true; readonly source: string; readonly flags: string }
  | { readonly ok: false; readonly message: string };

/** Same as RegexTranslation, plus what regex_replace needs to expand `$1` / `${name}`. */
export type DetailedRegexTranslation =
  | {
      readonly ok: true;
      readonly source: string;
      readonly flags: string;
      /** Index = Rust group number, value = JavaScript group number (helper groups shift them). */
      readonly groupMap: readonly number[];
      /** Capture name → Rust group number (the last group with a name wins, as in fancy-regex). */
      readonly names: ReadonlyMap<string, number>;
    }
  | { readonly ok: false; readonly message: string; readonly position: number };

/** UTF-8 byte offset of a UTF-16 offset, as the reference reports positions. */
const utf8 = new TextEncoder();
function byteOffset(pattern: string, index: number): number {
  return utf8.encode(pattern.slice(0, index)).length;
}

/**
 * Translations by pattern text. Rules files repeat the same patterns (the 446
 * bench files hold 940 regex literals but only 236 distinct ones), and a
 * translation is a pure function of the text, so each is parsed, emitted and
 * compiled once per process. Results are immutable and shared. The cap keeps
 * a long-lived host that feeds regex_replace patterns from data from growing
 * without bound: past it the table simply starts over.
 */
const cache = new Map<string, DetailedRegexTranslation>();
const CACHE_LIMIT = 4096;

export function translateRegexDetailed(pattern: string): DetailedRegexTranslation {
  let t = cache.get(pattern);
  if (t === undefined) {
    t = translateLiteral(pattern) ?? translateUncached(pattern);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, t);
  }
  return t;
}

/** ASCII characters that mean something outside a class (Rust `regex`): `\ . + * ? ( ) | [ ] { } ^ $`. */
const META = new Set([...'\\.+*?()|[]{}^$'].map((c) => c.charCodeAt(0)));

/**
 * The translation of a pattern that is plain text, with escaped
 * metacharacters, between an optional `^` and an optional `$`; null for any
 * other pattern. Almost half the distinct patterns in rules files are such
 * text (`^i3\.metal$`, `^arn:aws:`), and this writes what parse and emit
 * would (each character as regex-emit.ts writes a literal, the anchors as
 * themselves, no groups) without building a tree or compiling a RegExp.
 */
export function translateLiteral(pattern: string): DetailedRegexTranslation | null {
  const n = pattern.length;
  let source = '';
  let i = 0;
  if (pattern.charCodeAt(0) === 0x5e) {
    source = '^';
    i = 1;
  }
  while (i < n) {
    const c = pattern.charCodeAt(i);
    if (c === 0x5c) {
      const d = pattern.charCodeAt(i + 1);
      if (!META.has(d)) return null;
      source += literalChar(d);
      i += 2;
    } else if (c === 0x24 && i === n - 1) {
      source += '$';
      i++;
    } else if (c >= 0x20 && c <= 0x7e && !META.has(c)) {
      source += literalChar(c);
      i++;
    } else {
      return null;
    }
  }
  return { ok: true, source, flags: 'v', groupMap: [0], names: new Map() };
}

/** An ASCII character as regex-emit.ts writes a literal: letters and digits as is, the rest as `\u{…}`. */
function literalChar(c: number): string {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
    return String.fromCharCode(c);
  }
  return `\\u{${c.toString(16)}}`;
}

/** The full translation: parse, emit, compile (exported for the fast path's tests). */
export function translateUncached(pattern: string): DetailedRegexTranslation {
  try {
    const parsed = parseGuardRegex(pattern);
    const emitted = emitJsRegex(parsed);
    // Compiling here catches any gap between our checks and V8's grammar, so
    // callers never meet a SyntaxError later.
    new RegExp(emitted.source, emitted.flags);
    return {
      ok: true,
      source: emitted.source,
      flags: emitted.flags,
      groupMap: emitted.groupMap,
      names: parsed.names,
    };
  } catch (err) {
    if (err instanceof RegexSyntaxError) {
      const message = err.message.includes('tsguard cannot translate')
        ? err.message
        : `Parsing error at position ${byteOffset(pattern, err.position)}: ${err.message}`;
      return { ok: false, message, position: err.position };
    }
    if (err instanceof SyntaxError) {
      return {
        ok: false,
        message: `tsguard cannot translate this regular expression: ${err.message}`,
        position: 0,
      };
    }
    throw err;
  }
}

/** `pattern` is the Guard text between the slashes, with `\/` already turned into `/`. */
export function translateRegex(pattern: string): RegexTranslation {
  const t = translateRegexDetailed(pattern);
  return t.ok ? { ok: true, source: t.source, flags: t.flags } : { ok: false, message: t.message };
}
