/**
 * YAML output exactly as serde_yaml 0.9.34 prints it (3.2.0's version, see
 * DIVERGENCES C11) through libyaml's emitter: the `-o yaml` reports
 * (OUT-JSON-02/03). This file walks a `JsonValue` the way serde_yaml walks a
 * serde value and sends the emitter its events; how strings are quoted and
 * how blocks are laid out live in src/text/ (shared with parse-tree YAML).
 */
import { formatFloatJson, intText, JsonFloat, type JsonValue } from '../data/display.js';
import { YamlEmitter } from '../text/yaml-emitter.js';
import { requestedStringStyle } from '../text/yaml-string-style.js';
import { jsonObjectEntries, type TextChunks, type TextSink } from './json-writer.js';

function node(emitter: YamlEmitter, v: JsonValue, mappingValue: boolean): void {
  if (v === null) emitter.scalar('null', 'plain');
  else if (typeof v === 'boolean') emitter.scalar(v ? 'true' : 'false', 'plain');
  else if (typeof v === 'number') emitter.scalar(yamlNumber(v), 'plain');
  else if (typeof v === 'bigint') emitter.scalar(v.toString(), 'plain');
  else if (v instanceof JsonFloat) emitter.scalar(yamlFloat(v.value), 'plain');
  else if (typeof v === 'string') emitter.scalar(v, requestedStringStyle(v));
  else if (Array.isArray(v)) sequence(emitter, v as readonly JsonValue[], mappingValue);
  else mapping(emitter, jsonObjectEntries(v));
}

function sequence(emitter: YamlEmitter, items: readonly JsonValue[], mappingValue: boolean): void {
  if (items.length === 0) {
    emitter.emptySequence();
    return;
  }
  emitter.beginSequence(mappingValue);
  for (const item of items) {
    emitter.sequenceItem();
    node(emitter, item, false);
  }
  emitter.endSequence();
}

function mapping(emitter: YamlEmitter, entries: readonly [string, JsonValue][]): void {
  if (entries.length === 0) {
    emitter.emptyMapping();
    return;
  }
  emitter.beginMapping();
  for (const [key, value] of entries) {
    emitter.mappingKey(key, requestedStringStyle(key));
    node(emitter, value, true);
  }
  emitter.endMapping();
}

function yamlNumber(n: number): string {
  if (Number.isInteger(n) && !Object.is(n, -0)) return intText(n);
  return yamlFloat(n);
}

/** serde_yaml's `serialize_f64`: ryu digits, `.inf` / `-.inf` / `.nan`. */
function yamlFloat(x: number): string {
  if (Number.isNaN(x)) return '.nan';
  if (!Number.isFinite(x)) return x > 0 ? '.inf' : '-.inf';
  return formatFloatJson(x);
}

/** Appends the YAML document for `value` to `out` (ends with a newline). */
export function writeYaml(value: JsonValue, out: TextSink): void {
  const emitter = new YamlEmitter(out);
  node(emitter, value, false);
  emitter.endDocument();
}

/** serde_yaml's `to_string`. */
export function toYaml(value: JsonValue): string {
  const out: TextChunks = [];
  writeYaml(value, out);
  return out.join('');
}
