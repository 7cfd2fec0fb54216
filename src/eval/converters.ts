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
 */

export type Converter = (key: string) => string;

function splitWords(s: string): string[] {
  const words: string[] = [];
  let current = '';
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (!/[\p{L}\p{N}]/u.test(ch)) {
      if (current) words.push(current);
      current = '';
      continue;
    }
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    const isUpper = /\p{Lu}/u.test(ch);
    if (current && isUpper) {
      const prevLowerOrDigit = /[\p{Ll}\p{N}]/u.test(prev);
      const acronymEnd = /\p{Lu}/u.test(prev) && /\p{Ll}/u.test(next);
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
  const [first = '', ...rest] = [...w];
  return first.toUpperCase() + rest.join('').toLowerCase();
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

export const toCamelCase = camel;
export const toPascalCase = pascal;
export const toKebabCase = kebab;
export const toSnakeCase = snake;
export const toTitleCase = title;
export const toTrainCase = train;
