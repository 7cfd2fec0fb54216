/**
 * Case-convention fallbacks for key lookup (QRY-04, GOT-11). When a key is
 * missing the reference retries it converted to camelCase, ClassCase,
 * kebab-case, PascalCase, snake_case, Title Case and Train-Case, in that
 * order, and keeps using the first converter that hit for the rest of the
 * query. Word splitting follows cruet 0.14 (3.2.0, DIVERGENCES C9): words
 * break at non-alphanumerics and at lower→upper transitions; a digit does
 * not start a new word (`s3bucket` → `S3bucket`).
 *
 * Known gap: ClassCase singularises the last word in cruet (`data` →
 * `Datum`); here it is PascalCase without singularisation.
 *
 * Performance: rules probe optional properties on every resource, so a key
 * misses (and is converted) once per resource and rule. The keys come from
 * the rules' text, so there are few distinct ones: `conversionsOf` computes
 * the seven forms once per key and query traversal reads them from a cache.
 */

export type Converter = (key: string) => string;

/** Character classes of one code point; ASCII by char code, the rest by Unicode property. */
function isAlnum(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\p{N}]/u.test(ch);
}

function isUpper(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c >= 65 && c <= 90;
  return /\p{Lu}/u.test(ch);
}

function isLower(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c >= 97 && c <= 122;
  return /\p{Ll}/u.test(ch);
}

function isLowerOrDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
  return /[\p{Ll}\p{N}]/u.test(ch);
}

function splitWords(s: string): string[] {
  const words: string[] = [];
  let current = '';
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (!isAlnum(ch)) {
      if (current) words.push(current);
      current = '';
      continue;
    }
    if (current && isUpper(ch)) {
      const prev = chars[i - 1] ?? '';
      const next = chars[i + 1] ?? '';
      const prevLowerOrDigit = prev !== '' && isLowerOrDigit(prev);
      const acronymEnd = prev !== '' && isUpper(prev) && next !== '' && isLower(next);
      if (prevLowerOrDigit || acronymEnd) {
        words.push(current);
        current = '';
      }
    }
    current += ch;
  }
  if (current) words.push(current);
  return words;
}

function capitalize(w: string): string {
  // The first code point (not code unit) is upper-cased, the rest lower-cased.
  const first = w.codePointAt(0);
  if (first === undefined) return '';
  const width = first > 0xffff ? 2 : 1;
  return w.slice(0, width).toUpperCase() + w.slice(width).toLowerCase();
}

const camel: Converter = (s) =>
  splitWords(s)
    .map((w, i) => (i === 0 ? w.toLowerCase() : capitalize(w)))
    .join('');
const pascal: Converter = (s) => splitWords(s).map(capitalize).join('');
const kebab: Converter = (s) =>
  splitWords(s)
    .map((w) => w.toLowerCase())
    .join('-');
const snake: Converter = (s) =>
  splitWords(s)
    .map((w) => w.toLowerCase())
    .join('_');
const title: Converter = (s) => splitWords(s).map(capitalize).join(' ');
const train: Converter = (s) => splitWords(s).map(capitalize).join('-');

/** In the reference's order: camel, class, kebab, pascal, snake, title, train. */
export const CONVERTERS: readonly Converter[] = [camel, pascal, kebab, pascal, snake, title, train];

/** Converted forms per key, in `CONVERTERS` order. */
const cache = new Map<string, readonly string[]>();
/** Bounds the cache for pathological inputs; rule keys are far fewer in practice. */
const CACHE_LIMIT = 50_000;

/** The key in every convention of `CONVERTERS`, same order; memoised per key. */
export function conversionsOf(key: string): readonly string[] {
  let forms = cache.get(key);
  if (forms === undefined) {
    const words = splitWords(key);
    const lower = words.map((w) => w.toLowerCase());
    const capital = words.map(capitalize);
    const pascalForm = capital.join('');
    forms = [
      lower.length === 0 ? '' : (lower[0] ?? '') + capital.slice(1).join(''),
      pascalForm,
      lower.join('-'),
      pascalForm,
      lower.join('_'),
      capital.join(' '),
      capital.join('-'),
    ];
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, forms);
  }
  return forms;
}

export const toCamelCase = camel;
export const toPascalCase = pascal;
export const toKebabCase = kebab;
export const toSnakeCase = snake;
export const toTitleCase = title;
export const toTrainCase = train;
