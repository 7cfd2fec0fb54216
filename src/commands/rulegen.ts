/**
 * `rulegen` (RG-01..03): read a CloudFormation template and write one rule
 * per resource type asserting the property values the template holds:
 *
 *   let aws_s3_bucket_resources = Resources.*[ Type == 'AWS::S3::Bucket' ]
 *   rule aws_s3_bucket when %aws_s3_bucket_resources !empty {
 *     %aws_s3_bucket_resources.Properties.BucketName == "my-bucket"
 *   }
 *
 * Types, properties and values come out in template order (the reference
 * walks hash maps, so its order is random). The text is parsed back before
 * it is printed; when that fails the parse error goes to stderr and nothing
 * is written, exit 0, as in the reference.
 */

import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { type JsonValue, stringifyJsonCompact, valueToJson } from '../data/display.js';
import { libyamlProblem } from '../data/libyaml-errors.js';
import { loadStandardDocument } from '../data/load-standard.js';
import type { MapValue, Value } from '../data/value.js';
import { isGuardError } from '../diag/errors.js';
import { parseRulesFile } from '../syntax/parser.js';
import { EXIT, hardErrorText } from './exit-codes.js';
import type { Io } from './io.js';
import { debugIoError, decodeUtf8, describeIoError, INVALID_UTF8 } from './io-errors.js';
import type { RulegenOptions } from './options.js';

class TemplateError {
  constructor(readonly text: string) {}
}

/**
 * RG-02: short-form tags are not supported (the reference deserializes into
 * plain JSON values, which have no tags). Reports the first tagged node the
 * way serde_yaml does: its key path and the tag's line and column.
 */
function findTag(
  node: Node | null | undefined,
  path: string,
  text: string,
  lc: LineCounter,
): string | undefined {
  if (node === null || node === undefined) return undefined;
  if (node.tag?.startsWith('!') === true && !node.tag.startsWith('!!') && node.range) {
    const at = text.lastIndexOf(node.tag, node.range[0]);
    const pos = lc.linePos(at === -1 ? node.range[0] : at);
    return `${path}: invalid type: enum, expected any valid JSON value at line ${pos.line} column ${pos.col}`;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      const found = findTag(
        pair.value as Node | null,
        path === '' ? key : `${path}.${key}`,
        text,
        lc,
      );
      if (found !== undefined) return found;
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const found = findTag(node.items[i] as Node | null, `${path}[${i}]`, text, lc);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function loadTemplate(text: string, name: string): Value {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  const first = doc.errors[0];
  if (first !== undefined) {
    // libyaml's wording where we can reproduce it, else the yaml package's first line.
    const problem = libyamlProblem(
      text,
      doc.errors.map((e) => ({ message: e.message, offset: e.pos[0] })),
    );
    throw new TemplateError(
      `Parsing error handling template file, Error = ${problem ?? first.message.split('\n')[0]}`,
    );
  }
  const tagged = findTag(doc.contents as Node | null, '', text, lc);
  if (tagged !== undefined)
    throw new TemplateError(`Parsing error handling template file, Error = ${tagged}`);
  try {
    return loadStandardDocument(text, name);
  } catch (e) {
    if (isGuardError(e))
      throw new TemplateError(`Parsing error handling template file, Error = ${e.message}`);
    throw e;
  }
}

function kindName(v: Value): string {
  switch (v.kind) {
    case 'list':
      return 'sequence';
    case 'string':
      return `string ${JSON.stringify(v.value)}`;
    case 'int':
      return `integer \`${v.value}\``;
    case 'float':
      return `floating point \`${v.value}\``;
    case 'bool':
      return `boolean \`${v.value}\``;
    case 'null':
      return 'unit value';
    default:
      return v.kind;
  }
}

/** A property value as the rule's right-hand side: strings quoted as-is, the rest compact JSON. */
export function renderValue(v: Value): string {
  // The reference pastes strings between quotes without escaping and drops
  // line breaks from every rendered value.
  if (v.kind === 'string') return `"${v.value}"`.replaceAll('\n', '');
  // serde_json has no non-finite numbers: they become null.
  const json: JsonValue = v.kind === 'float' && !Number.isFinite(v.value) ? null : valueToJson(v);
  return stringifyJsonCompact(json).replaceAll('\n', '');
}

/** `AWS::S3::Bucket` → `aws_s3_bucket`. */
export function typeVariable(type: string): string {
  return type.toLowerCase().replaceAll('::', '_');
}

/** Resource type → property → distinct rendered values, all in template order. */
export function collectProperties(resources: MapValue): Map<string, Map<string, string[]>> {
  const byType = new Map<string, Map<string, string[]>>();
  for (const resource of resources.entries.values()) {
    if (resource.kind !== 'map') continue;
    const type = resource.entries.get('Type');
    const properties = resource.entries.get('Properties');
    // The reference panics on a resource without a string Type; tsguard skips it.
    if (type?.kind !== 'string' || properties?.kind !== 'map') continue;
    let props = byType.get(type.value);
    if (props === undefined) {
      props = new Map();
      byType.set(type.value, props);
    }
    for (const [name, value] of properties.entries) {
      const rendered = renderValue(value);
      const values = props.get(name);
      if (values === undefined) props.set(name, [rendered]);
      else if (!values.includes(rendered)) values.push(rendered);
    }
  }
  return byType;
}

export function formatRules(
  byType: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>,
): string {
  let out = '';
  for (const [type, props] of byType) {
    const name = typeVariable(type);
    const variable = `${name}_resources`;
    out += `let ${variable} = Resources.*[ Type == '${type}' ]\n`;
    out += `rule ${name} when %${variable} !empty {\n`;
    for (const [prop, values] of props) {
      const rhs = values.length === 1 ? `== ${values[0]}` : `IN [${values.join(', ')}]`;
      out += `  %${variable}.Properties.${prop} ${rhs}\n`;
    }
    out += '}\n';
  }
  return out;
}

/** The rules text for a template, or a TemplateError with the reference's message. */
export function generateRules(text: string, name: string): string {
  const template = loadTemplate(text, name);
  const resources = template.kind === 'map' ? template.entries.get('Resources') : undefined;
  if (resources === undefined) throw new TemplateError('Template lacks a Resources section');
  if (resources.kind !== 'map') {
    throw new TemplateError(
      `Template Resources section has an invalid structure: invalid type: ${kindName(resources)}, expected a map`,
    );
  }
  return formatRules(collectProperties(resources));
}

export async function run(options: RulegenOptions, io: Io): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(options.template);
  } catch (err) {
    io.stderr.write(hardErrorText(`I/O error when reading ${describeIoError(err)}`));
    return EXIT.ERROR;
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    io.stderr.write(hardErrorText(`I/O error when reading ${INVALID_UTF8}`));
    return EXIT.ERROR;
  }
  let rules: string;
  try {
    rules = generateRules(text, options.template);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    io.stderr.write(`${e.text}\n`);
    return EXIT.GENERAL_ERROR;
  }
  const parsed = parseRulesFile(rules, '');
  if (!parsed.ok) {
    const inner = parsed.error.compat ?? parsed.error.message;
    io.stderr.write(
      `Parsing error with generated rules file, Error = Parser Error when parsing \`${inner}\`\n`,
    );
    return EXIT.SUCCESS;
  }
  if (options.output === undefined) {
    io.stdout.write(rules);
    return EXIT.SUCCESS;
  }
  try {
    io.writeFile(options.output, rules);
  } catch (err) {
    io.stderr.write(`Error: ${debugIoError(err)}\n`);
    return EXIT.GENERAL_ERROR;
  }
  return EXIT.SUCCESS;
}
