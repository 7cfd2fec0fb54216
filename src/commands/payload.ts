/**
 * `validate --payload` (CLI-VAL-05): stdin holds
 * `{"rules": ["<rules text>", …], "data": ["<data text>", …]}`.
 *
 * The reference decodes it with serde_json into
 * `struct Payload { rules: Vec<String>, data: Vec<String> }`, and serde_json's
 * errors (`expected ident at line 1 column 2`, `missing field \`rules\` at
 * line 3 column 1`) are part of what users see, so the shared serde-style
 * reader decodes it; this file only says what the struct holds. Like any
 * derived struct it may also be written as a list: `[[rules…], [data…]]`.
 */
import { readStringValue } from './serde-json.js';
import { readJsonDocument } from './serde-json-cursor.js';
import { readStruct, readVec } from './serde-json-struct.js';

export interface Payload {
  readonly rules: readonly string[];
  readonly data: readonly string[];
}

export type PayloadOutcome =
  | { readonly ok: true; readonly payload: Payload }
  | { readonly ok: false; readonly message: string };

/** Decodes the payload; the failure message is serde_json's Display of the error. */
export function parsePayload(text: string): PayloadOutcome {
  const decoded = readJsonDocument(text, (c) => {
    const rules: string[] = [];
    const data: string[] = [];
    readStruct(c, 'Payload', [
      {
        name: 'rules',
        required: true,
        read: () => readVec(c, () => rules.push(readStringValue(c))),
      },
      { name: 'data', required: true, read: () => readVec(c, () => data.push(readStringValue(c))) },
    ]);
    return { rules, data };
  });
  return decoded.ok ? { ok: true, payload: decoded.value } : decoded;
}
