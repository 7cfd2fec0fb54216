/** serde_json's pretty printer: two-space indent, `[]`/`{}` when empty, no trailing newline. */
import { formatRyu, type SerdeNode } from './serde-tree.js';

function escapeJson(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    const code = s.charCodeAt(i);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (code < 0x20) {
      switch (ch) {
        case '\n':
          out += '\\n';
          break;
        case '\r':
          out += '\\r';
          break;
        case '\t':
          out += '\\t';
          break;
        case '\b':
          out += '\\b';
          break;
        case '\f':
          out += '\\f';
          break;
        default:
          out += `\\u${code.toString(16).padStart(4, '0')}`;
      }
    } else out += ch;
  }
  return `${out}"`;
}

function write(node: SerdeNode, indent: string, out: string[]): void {
  switch (node.t) {
    case 'null':
      out.push('null');
      return;
    case 'bool':
      out.push(node.v ? 'true' : 'false');
      return;
    case 'int':
      out.push(String(node.v));
      return;
    case 'float':
      // serde_json writes non-finite floats as null.
      out.push(Number.isFinite(node.v) ? formatRyu(node.v) : 'null');
      return;
    case 'str':
      out.push(escapeJson(node.v));
      return;
    case 'seq': {
      if (node.items.length === 0) {
        out.push('[]');
        return;
      }
      const inner = `${indent}  `;
      out.push('[\n');
      node.items.forEach((item, i) => {
        out.push(inner);
        write(item, inner, out);
        out.push(i + 1 < node.items.length ? ',\n' : '\n');
      });
      out.push(`${indent}]`);
      return;
    }
    case 'map': {
      if (node.entries.length === 0) {
        out.push('{}');
        return;
      }
      const inner = `${indent}  `;
      out.push('{\n');
      node.entries.forEach(([key, value], i) => {
        out.push(`${inner}${escapeJson(key)}: `);
        write(value, inner, out);
        out.push(i + 1 < node.entries.length ? ',\n' : '\n');
      });
      out.push(`${indent}}`);
      return;
    }
  }
}

export function toPrettyJson(node: SerdeNode): string {
  const out: string[] = [];
  write(node, '', out);
  return out.join('');
}
