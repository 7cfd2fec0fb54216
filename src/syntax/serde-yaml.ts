/**
 * serde_yaml 0.9's output for the parse tree (PT-02): walks a `SerdeNode`
 * the way serde_yaml walks a serde value and drives the shared libyaml
 * emitter of src/text/ (the same one the `-o yaml` reports use), so strings
 * are quoted and blocks laid out by one set of rules.
 */
import { YamlEmitter } from '../text/yaml-emitter.js';
import { requestedStringStyle } from '../text/yaml-string-style.js';
import { formatRyu, type SerdeNode } from './serde-tree.js';

function node(emitter: YamlEmitter, n: SerdeNode, mappingValue: boolean): void {
  switch (n.t) {
    case 'null':
      emitter.scalar('null', 'plain');
      return;
    case 'bool':
      emitter.scalar(n.v ? 'true' : 'false', 'plain');
      return;
    case 'int':
      emitter.scalar(String(n.v), 'plain');
      return;
    case 'float':
      emitter.scalar(floatText(n.v), 'plain');
      return;
    case 'str':
      emitter.scalar(n.v, requestedStringStyle(n.v));
      return;
    case 'seq':
      if (n.items.length === 0) {
        emitter.emptySequence();
        return;
      }
      emitter.beginSequence(mappingValue);
      for (const item of n.items) {
        emitter.sequenceItem();
        node(emitter, item, false);
      }
      emitter.endSequence();
      return;
    case 'map':
      if (n.entries.length === 0) {
        emitter.emptyMapping();
        return;
      }
      emitter.beginMapping();
      for (const [key, value] of n.entries) {
        emitter.mappingKey(key, requestedStringStyle(key));
        node(emitter, value, true);
      }
      emitter.endMapping();
      return;
  }
}

/** serde_yaml's `serialize_f64`: ryu digits, `.inf` / `-.inf` / `.nan`. */
function floatText(v: number): string {
  if (Number.isNaN(v)) return '.nan';
  if (!Number.isFinite(v)) return v > 0 ? '.inf' : '-.inf';
  return formatRyu(v);
}

export function toYaml(root: SerdeNode): string {
  const out: string[] = [];
  const emitter = new YamlEmitter(out);
  node(emitter, root, false);
  emitter.endDocument();
  return out.join('');
}
