/**
 * Fast path for JSON data (DATA-01): the reference parses JSON as YAML, so
 * this scanner builds exactly the Values the YAML route would build (same
 * paths, libyaml positions, YAML-01 typing of number texts) while being fast
 * enough for 50 MB templates. It accepts what libyaml accepts in that shape:
 * tabs as whitespace (tab-indented templates), one trailing comma before `]`
 * or `}` (`err-data-json-trailing-comma`), duplicate keys (last wins,
 * DATA-05).
 *
 * On anything else (comments, plain words, YAML escapes, raw line breaks in
 * strings, surrogate escapes, trailing documents…) it returns undefined and
 * the caller uses the YAML route, which then produces the reference's error
 * or value.
 */
import { addEntry, KeyPositions } from './key-positions.js';
import { type DataLimits, tooDeep } from './limits.js';
import { listValue, mapValue, scalarValue } from './make.js';
import { indexPath, keyPath, ROOT_PATH } from './path.js';
import { resolveValidatePlain } from './scalars.js';
import { FALLBACK, MAX_SIMPLE_KEY, readEscape } from './scan-common.js';
import type { Value } from './value.js';

/** Integers with up to this many digits are exact doubles: typed without the regexes. */
const SAFE_DIGITS = 15;

/** Scans a JSON document; undefined when the YAML route must decide. */
export function scanJsonDocument(
  text: string,
  name: string,
  limits: DataLimits,
): Value | undefined {
  const scanner = new JsonScanner(text, name, limits);
  try {
    return scanner.document();
  } catch (e) {
    if (e === FALLBACK) return undefined;
    throw e;
  }
}

class JsonScanner {
  #i = 0;
  #line = 0;
  #lineStart = 0;
  /** Low surrogates seen on the current line: columns count code points. */
  #lineLow = 0;

  constructor(
    readonly text: string,
    readonly name: string,
    readonly limits: DataLimits,
  ) {
    // A BOM stays in place: libyaml counts it as column 0 of line 0.
    if (text.charCodeAt(0) === 0xfeff) this.#i = 1;
  }

  document(): Value {
    this.#skipWs();
    const root = this.#value(ROOT_PATH, 0);
    this.#skipWs();
    if (this.#i !== this.text.length) throw FALLBACK;
    return root;
  }

  #col(): number {
    return this.#i - this.#lineStart - this.#lineLow;
  }

  #skipWs(): void {
    const t = this.text;
    let i = this.#i;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 0x20 || c === 0x09) i++;
      else if (c === 0x0a) {
        i++;
        this.#newLine(i);
      } else if (c === 0x0d) {
        i++;
        if (t.charCodeAt(i) === 0x0a) i++;
        this.#newLine(i);
      } else break;
    }
    this.#i = i;
  }

  #newLine(start: number): void {
    this.#line++;
    this.#lineStart = start;
    this.#lineLow = 0;
  }

  #value(path: string, depth: number): Value {
    const c = this.text.charCodeAt(this.#i);
    const line = this.#line;
    const col = this.#col();
    switch (c) {
      case 0x7b: // {
        return this.#object(path, depth, line, col);
      case 0x5b: // [
        return this.#array(path, depth, line, col);
      case 0x22: // "
        return { kind: 'string', value: this.#string(), path, line, col };
      case 0x74: // t
        return this.#word('true', { kind: 'bool', value: true, path, line, col });
      case 0x66: // f
        return this.#word('false', { kind: 'bool', value: false, path, line, col });
      case 0x6e: // n
        return this.#word('null', { kind: 'null', path, line, col });
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.#number(path, line, col);
        throw FALLBACK;
    }
  }

  #word(word: string, value: Value): Value {
    if (!this.text.startsWith(word, this.#i)) throw FALLBACK;
    this.#i += word.length;
    this.#expectDelimiter();
    return value;
  }

  /** A plain scalar ends at whitespace or a flow indicator; anything else is YAML's business. */
  #expectDelimiter(): void {
    const c = this.text.charCodeAt(this.#i);
    if (
      !(
        Number.isNaN(c) ||
        c === 0x2c ||
        c === 0x5d ||
        c === 0x7d ||
        c === 0x20 ||
        c === 0x09 ||
        c === 0x0a ||
        c === 0x0d
      )
    ) {
      throw FALLBACK;
    }
  }

  #number(path: string, line: number, col: number): Value {
    const t = this.text;
    const start = this.#i;
    let i = start;
    const negative = t.charCodeAt(i) === 0x2d;
    if (negative) i++;
    let c = t.charCodeAt(i);
    let int = 0;
    if (c === 0x30) i++;
    else if (c >= 0x31 && c <= 0x39) {
      do {
        int = int * 10 + (c - 0x30);
        i++;
        c = t.charCodeAt(i);
      } while (isDigit(c));
    } else throw FALLBACK;
    const digitsEnd = i;
    let isFloat = false;
    if (t.charCodeAt(i) === 0x2e) {
      isFloat = true;
      i++;
      if (!isDigit(t.charCodeAt(i))) throw FALLBACK;
      do i++;
      while (isDigit(t.charCodeAt(i)));
    }
    c = t.charCodeAt(i);
    if (c === 0x65 || c === 0x45) {
      isFloat = true;
      i++;
      c = t.charCodeAt(i);
      if (c === 0x2b || c === 0x2d) i++;
      if (!isDigit(t.charCodeAt(i))) throw FALLBACK;
      do i++;
      while (isDigit(t.charCodeAt(i)));
    }
    this.#i = i;
    this.#expectDelimiter();
    // The reference types the number text as a YAML plain scalar (YAML-01,
    // YAML-07): `1` int, `1.0` and `1e3` float, beyond i64 float. A JSON
    // number text is always a Rust f64 text; short integers are exact.
    if (isFloat) return { kind: 'float', value: Number(t.slice(start, i)), path, line, col };
    if (digitsEnd - start - (negative ? 1 : 0) <= SAFE_DIGITS) {
      // `+ 0` turns `-0` into the integer 0, as i64 has no negative zero.
      return { kind: 'int', value: negative ? -int + 0 : int, path, line, col };
    }
    return scalarValue(resolveValidatePlain(t.slice(start, i)), path, line, col);
  }

  #string(): string {
    const t = this.text;
    const start = this.#i + 1;
    const n = t.length;
    let i = start;
    let chunkStart = start;
    let out = '';
    let escaped = false;
    for (;;) {
      if (i >= n) throw FALLBACK;
      const c = t.charCodeAt(i);
      if (c === 0x22) break;
      if (c === 0x5c) {
        escaped = true;
        out += t.slice(chunkStart, i) + readEscape(t, i);
        i += t.charCodeAt(i + 1) === 0x75 ? 6 : 2;
        chunkStart = i;
        continue;
      }
      if (c < 0x20) {
        // Raw tabs are fine in YAML double quotes; line breaks fold and
        // other control characters are rejected: leave both to YAML.
        if (c !== 0x09) throw FALLBACK;
      } else if (c >= 0x7f) {
        if (c >= 0xdc00 && c <= 0xdfff) this.#lineLow++;
        // NEL, LS, PS are line breaks for libyaml; C1 controls and
        // non-characters are rejected by it.
        else if (c <= 0x9f || c === 0x2028 || c === 0x2029 || c >= 0xfffe) throw FALLBACK;
      }
      i++;
    }
    this.#i = i + 1;
    return escaped ? out + t.slice(chunkStart, i) : t.slice(start, i);
  }

  #array(path: string, depth: number, line: number, col: number): Value {
    if (depth >= this.limits.maxDepth) throw tooDeep(this.name, this.limits, line, col);
    this.#i++;
    const items: Value[] = [];
    this.#skipWs();
    if (this.text.charCodeAt(this.#i) === 0x5d) {
      this.#i++;
      return listValue(items, path, line, col);
    }
    for (;;) {
      items.push(this.#value(indexPath(path, items.length), depth + 1));
      this.#skipWs();
      const c = this.text.charCodeAt(this.#i);
      if (c === 0x2c) {
        this.#i++;
        this.#skipWs();
        if (this.text.charCodeAt(this.#i) === 0x5d) {
          this.#i++;
          break;
        }
      } else if (c === 0x5d) {
        this.#i++;
        break;
      } else throw FALLBACK;
    }
    return listValue(items, path, line, col);
  }

  #object(path: string, depth: number, line: number, col: number): Value {
    if (depth >= this.limits.maxDepth) throw tooDeep(this.name, this.limits, line, col);
    this.#i++;
    const entries = new Map<string, Value>();
    const pos: number[] = [];
    this.#skipWs();
    if (this.text.charCodeAt(this.#i) === 0x7d) {
      this.#i++;
      return mapValue(entries, new KeyPositions(entries, pos), path, line, col);
    }
    for (;;) {
      if (this.text.charCodeAt(this.#i) !== 0x22) throw FALLBACK;
      const keyLine = this.#line;
      const keyCol = this.#col();
      const keyStart = this.#i;
      const key = this.#string();
      if (this.#i - keyStart > MAX_SIMPLE_KEY) throw FALLBACK;
      this.#skipWs();
      // libyaml needs a flow key and its `:` on one line.
      if (this.#line !== keyLine || this.text.charCodeAt(this.#i) !== 0x3a) throw FALLBACK;
      this.#i++;
      this.#skipWs();
      const value = this.#value(keyPath(path, key), depth + 1);
      addEntry(entries, pos, key, value, keyLine, keyCol);
      this.#skipWs();
      const c = this.text.charCodeAt(this.#i);
      if (c === 0x2c) {
        this.#i++;
        this.#skipWs();
        if (this.text.charCodeAt(this.#i) === 0x7d) {
          this.#i++;
          break;
        }
      } else if (c === 0x7d) {
        this.#i++;
        break;
      } else throw FALLBACK;
    }
    return mapValue(entries, new KeyPositions(entries, pos), path, line, col);
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
