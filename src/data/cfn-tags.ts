/**
 * CloudFormation short-form tags (YAML-04, YAML-05, YAML-06, GOT-18), as the
 * reference maps them (checked against cfn-guard 3.1.1 for every name below):
 * - on a scalar, only the names in SCALAR_FUNCTIONS wrap the value into a
 *   one-key map (`!Ref X` → `{"Ref": "X"}`); any other `!Name` keeps the
 *   scalar text (as a string in validate's loader);
 * - on a sequence, only the names in SEQUENCE_FUNCTIONS wrap the list
 *   (`!Join [..]` → `{"Fn::Join": [..]}`); others (`!Ref [a]`, `!Cidr [..]`)
 *   leave the bare list;
 * - on a mapping the tag is dropped (`!Transform {..}` keeps the map).
 */

import { keyPath } from './path.js';

const SCALAR_FUNCTIONS: ReadonlySet<string> = new Set([
  'Ref',
  'Condition',
  'Sub',
  'GetAtt',
  'Base64',
  'GetAZs',
  'ImportValue',
  'RefAll',
]);

const SEQUENCE_FUNCTIONS: ReadonlySet<string> = new Set([
  'GetAtt',
  'Sub',
  'Select',
  'Split',
  'Join',
  'FindInMap',
  'And',
  'Equals',
  'Contains',
  'EachMemberIn',
  'EachMemberEquals',
  'ValueOf',
  'If',
  'Not',
  'Or',
]);

/** `Ref` and `Condition` keep their name; every other function is `Fn::Name`. */
export function longFormOf(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/**
 * The short-form name of a tag as written (`!Ref` → `Ref`), or undefined when
 * the tag is not a single-`!` local tag (`!!int`, `!<…>`, a bare `!`).
 */
export function shortFormName(tagSource: string): string | undefined {
  if (tagSource.length < 2 || tagSource[0] !== '!') return undefined;
  if (tagSource[1] === '!' || tagSource[1] === '<') return undefined;
  return tagSource.slice(1);
}

/** Map key for a tagged scalar, or undefined when the scalar is not wrapped. */
export function scalarWrapperKey(name: string): string | undefined {
  return SCALAR_FUNCTIONS.has(name) ? longFormOf(name) : undefined;
}

/** Map key for a tagged sequence, or undefined when the list stays bare. */
export function sequenceWrapperKey(name: string): string | undefined {
  return SEQUENCE_FUNCTIONS.has(name) ? longFormOf(name) : undefined;
}

/**
 * The path a tagged sequence's items hang under: the wrapper key's path
 * (`/a/Fn::Join`) when the tag wraps the list, else the node's own path.
 */
export function listPathOf(tag: string, path: string): string {
  const short = shortFormName(tag);
  const key = short === undefined ? undefined : sequenceWrapperKey(short);
  return key === undefined ? path : keyPath(path, key);
}

const CORE_PREFIX = 'tag:yaml.org,2002:';

/**
 * The core type name of a tag (`!!int` → `int`, `!<tag:yaml.org,2002:int>` →
 * `int`), or undefined for any other tag.
 */
export function coreTagName(tagSource: string): string | undefined {
  if (tagSource.startsWith('!!')) return tagSource.slice(2);
  if (tagSource.startsWith(`!<${CORE_PREFIX}`) && tagSource.endsWith('>')) {
    return tagSource.slice(CORE_PREFIX.length + 2, -1);
  }
  return undefined;
}
