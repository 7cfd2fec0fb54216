/**
 * The JSON fallback of the spec reader (TEST-02). The reference reads a spec
 * file as YAML first and, when that fails, as JSON (serde_json into
 * `Vec<TestSpec>`); the error it prints is always the JSON one. Since most
 * spec files are YAML, those messages are what users see for any broken spec
 * (`invalid number at line 1 column 2` for a file starting with `- name:`),
 * so the shared serde-style reader deserializes while scanning and reports
 * the first problem in serde_json's words and positions; this file only says
 * what a spec holds:
 *   TestSpec { name: Option<String>, input: <any value>, expectations: TestExpectations }
 *   TestExpectations { rules: Map<String, String> }
 */
import { listValue, mapValue } from '../data/make.js';
import { indexPath, keyPath, ROOT_PATH } from '../data/path.js';
import type { KeyLocation, Value } from '../data/value.js';
import { failInvalidType, type JsonScalar, readScalar, readStringValue } from './serde-json.js';
import { type JsonCursor, readJsonDocument } from './serde-json-cursor.js';
import { readIdent } from './serde-json-lexemes.js';
import { readMap, readSeq, readStruct, readVec } from './serde-json-struct.js';
import type { SpecParse, TestSpec } from './test-spec-types.js';

function scalarValue(s: JsonScalar, path: string): Value {
  const at = { path, line: 0, col: 0 };
  switch (s.kind) {
    case 'null':
      return { kind: 'null', ...at };
    case 'bool':
      return { kind: 'bool', value: s.value, ...at };
    case 'string':
      return { kind: 'string', value: s.value, ...at };
    case 'number': {
      if (s.value.kind === 'float') return { kind: 'float', value: s.value.value, ...at };
      const value = Number(s.value.text);
      // Past 2^53 the value model holds it as a float, as the YAML route does.
      return Number.isSafeInteger(value)
        ? { kind: 'int', value, ...at }
        : { kind: 'float', value, ...at };
    }
  }
}

/** Any JSON value as a document Value (the spec's `input`). */
function readValue(c: JsonCursor, path: string): Value {
  c.skipWhitespace();
  const ch = c.peek();
  if (ch === '[') {
    const items: Value[] = [];
    readSeq(c, (i) => {
      items.push(readValue(c, indexPath(path, i)));
    });
    return listValue(items, path, 0, 0);
  }
  if (ch === '{') {
    const entries = new Map<string, Value>();
    const keyLocations = new Map<string, KeyLocation>();
    readMap(c, (key) => {
      entries.set(key, readValue(c, keyPath(path, key)));
      keyLocations.set(key, { line: 0, col: 0 });
    });
    return mapValue(entries, keyLocations, path, 0, 0);
  }
  return scalarValue(readScalar(c) as JsonScalar, path);
}

/** `Option<String>`: null is absent. */
function readOptionalString(c: JsonCursor): string | undefined {
  c.skipWhitespace();
  if (c.peek() === 'n') {
    readIdent(c, 'null');
    return undefined;
  }
  return readStringValue(c);
}

/** `expectations.rules`: a map of rule name to status text, in file order. */
function readRules(c: JsonCursor): Map<string, string> {
  c.skipWhitespace();
  if (c.peek() === undefined) c.fail('EOF while parsing a value');
  if (c.peek() !== '{') failInvalidType(c, 'a map');
  const rules = new Map<string, string>();
  readMap(c, (key) => {
    rules.set(key, readStringValue(c));
  });
  return rules;
}

function readSpec(c: JsonCursor): TestSpec {
  let name: string | undefined;
  let input: Value = { kind: 'null', path: ROOT_PATH, line: 0, col: 0 };
  let expectations = new Map<string, string>();
  const readExpectations = (): void => {
    readStruct(c, 'TestExpectations', [
      { name: 'rules', required: true, read: () => (expectations = readRules(c)) },
    ]);
  };
  readStruct(c, 'TestSpec', [
    { name: 'name', required: false, read: () => (name = readOptionalString(c)) },
    { name: 'input', required: true, read: () => (input = readValue(c, ROOT_PATH)) },
    { name: 'expectations', required: true, read: readExpectations },
  ]);
  return { name, input, expectations };
}

/** Reads a spec file as serde_json would deserialize `Vec<TestSpec>` from it. */
export function parseSpecJson(text: string): SpecParse {
  const decoded = readJsonDocument(text, (c) => {
    const specs: TestSpec[] = [];
    readVec(c, () => specs.push(readSpec(c)));
    return specs;
  });
  return decoded.ok ? { ok: true, specs: decoded.value } : decoded;
}
