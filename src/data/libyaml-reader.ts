/**
 * libyaml's reader refuses, anywhere in the input and before the scanner
 * sees it, every character outside YAML's printable set: C0 controls other
 * than tab, LF and CR, DEL, C1 controls other than NEL, and U+FFFE/U+FFFF
 * (checked with cfn-guard 3.1.1: `a: "x\x01y"`, a raw U+0080 in a JSON
 * string, a control character in a comment or in a second document all fail
 * to load). The reference reads every data file through libyaml, JSON too,
 * so each route checks this first; the fast YAML scanner never accepts
 * such characters (yaml-fast-lexemes.ts UNSUPPORTED_CHARS), so it needs no
 * check of its own.
 */
import { dataSyntaxError } from './data-errors.js';
import { PositionIndex } from './positions.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const NOT_PRINTABLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/;

/** libyaml's problem text for such a character. */
export const CONTROL_CHARACTERS = 'control characters are not allowed';

/** Offset (UTF-16) of the first character libyaml's reader refuses, or -1. */
export function firstControlCharacter(text: string): number {
  const m = NOT_PRINTABLE.exec(text);
  return m === null ? -1 : m.index;
}

/** validate's loader: DATA-03, at the character's line and column. */
export function checkControlCharacters(text: string, name: string): void {
  const at = firstControlCharacter(text);
  if (at < 0) return;
  const bom = text.charCodeAt(0) === 0xfeff;
  const pos = new PositionIndex(bom ? text.slice(1) : text, bom);
  throw dataSyntaxError(name, text, CONTROL_CHARACTERS, pos.at(bom ? at - 1 : at));
}

/** serde_yaml's Display of the reader error: the UTF-8 byte offset. */
export function controlCharacterProblem(text: string, at: number): string {
  const bytes = new TextEncoder().encode(text.slice(0, at)).length;
  return `${CONTROL_CHARACTERS} at position ${bytes}`;
}
