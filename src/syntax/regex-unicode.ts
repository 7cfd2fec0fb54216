import { SCRIPT_ALIASES } from './regex-scripts.js';

/**
 * Unicode property names as Rust `regex-syntax` reads them inside `\p{…}`
 * (OP-18): matching is loose (case, spaces, `_` and `-` are ignored), a bare
 * name is tried as a binary property, then a general category, then a script
 * (Script, not Script_Extensions: `\p{Greek}` does not match U+0342, checked
 * against cfn-guard 3.1.1). JavaScript wants exact spellings, so every name is
 * mapped to the short alias JavaScript accepts.
 */

export type PropertyLookup =
  | { readonly ok: true; readonly js: string; readonly negated: boolean }
  | { readonly ok: false; readonly message: string };

/** Loose matching as in UAX44-LM3: ignore case, whitespace, `_` and `-`. */
function loose(name: string): string {
  return name.toLowerCase().replace(/[\s_-]/g, '');
}

interface AliasTable {
  get(looseName: string): string | undefined;
}

/**
 * A loose name → canonical name table, built on its first lookup: every
 * validate loads this module (the function registry imports the regex
 * translator), but only patterns with `\p{…}` ever consult it (start-up,
 * docs/performance.md).
 */
function aliasTable(rows: readonly string[]): AliasTable {
  let table: Map<string, string> | null = null;
  return {
    get(looseName) {
      if (table === null) {
        table = new Map<string, string>();
        for (const row of rows) {
          const names = row.split(' ').filter((n) => n !== '');
          const canonical = names[0];
          if (canonical === undefined) continue;
          for (const n of names) table.set(loose(n), canonical);
        }
      }
      return table.get(looseName);
    },
  };
}

const GENERAL_CATEGORIES = aliasTable([
  'C Other',
  'Cc Control Cntrl',
  'Cf Format',
  'Cn Unassigned',
  'Co Private_Use',
  'Cs Surrogate',
  'L Letter',
  'LC Cased_Letter',
  'Ll Lowercase_Letter',
  'Lm Modifier_Letter',
  'Lo Other_Letter',
  'Lt Titlecase_Letter',
  'Lu Uppercase_Letter',
  'M Mark Combining_Mark',
  'Mc Spacing_Mark',
  'Me Enclosing_Mark',
  'Mn Nonspacing_Mark',
  'N Number',
  'Nd Decimal_Number Digit',
  'Nl Letter_Number',
  'No Other_Number',
  'P Punctuation Punct',
  'Pc Connector_Punctuation',
  'Pd Dash_Punctuation',
  'Pe Close_Punctuation',
  'Pf Final_Punctuation',
  'Pi Initial_Punctuation',
  'Po Other_Punctuation',
  'Ps Open_Punctuation',
  'S Symbol',
  'Sc Currency_Symbol',
  'Sk Modifier_Symbol',
  'Sm Math_Symbol',
  'So Other_Symbol',
  'Z Separator',
  'Zl Line_Separator',
  'Zp Paragraph_Separator',
  'Zs Space_Separator',
]);

/** Binary properties both Rust and JavaScript know (ECMA-262 table of binary properties). */
const BINARY_PROPERTIES = aliasTable([
  'ASCII_Hex_Digit AHex',
  'Alphabetic Alpha',
  'Bidi_Control Bidi_C',
  'Bidi_Mirrored Bidi_M',
  'Case_Ignorable CI',
  'Cased',
  'Changes_When_Casefolded CWCF',
  'Changes_When_Casemapped CWCM',
  'Changes_When_Lowercased CWL',
  'Changes_When_NFKC_Casefolded CWKCF',
  'Changes_When_Titlecased CWT',
  'Changes_When_Uppercased CWU',
  'Dash',
  'Default_Ignorable_Code_Point DI',
  'Deprecated Dep',
  'Diacritic Dia',
  'Emoji',
  'Emoji_Component EComp',
  'Emoji_Modifier EMod',
  'Emoji_Modifier_Base EBase',
  'Emoji_Presentation EPres',
  'Extended_Pictographic ExtPict',
  'Extender Ext',
  'Grapheme_Base Gr_Base',
  'Grapheme_Extend Gr_Ext',
  'Hex_Digit Hex',
  'IDS_Binary_Operator IDSB',
  'IDS_Trinary_Operator IDST',
  'ID_Continue IDC',
  'ID_Start IDS',
  'Ideographic Ideo',
  'Join_Control Join_C',
  'Logical_Order_Exception LOE',
  'Lowercase Lower',
  'Math',
  'Noncharacter_Code_Point NChar',
  'Pattern_Syntax Pat_Syn',
  'Pattern_White_Space Pat_WS',
  'Quotation_Mark QMark',
  'Radical',
  'Regional_Indicator RI',
  'Sentence_Terminal STerm',
  'Soft_Dotted SD',
  'Terminal_Punctuation Term',
  'Unified_Ideograph UIdeo',
  'Uppercase Upper',
  'Variation_Selector VS',
  'White_Space WSpace Space',
  'XID_Continue XIDC',
  'XID_Start XIDS',
]);

/**
 * Properties Rust accepts but JavaScript has no equivalent for: refused with a
 * clear message instead of being approximated.
 */
const RUST_ONLY_NAMES = [
  'Other_Alphabetic',
  'OAlpha',
  'Other_Lowercase',
  'OLower',
  'Other_Uppercase',
  'OUpper',
  'Other_Math',
  'OMath',
  'Other_Grapheme_Extend',
  'OGr_Ext',
  'Other_ID_Start',
  'OIDS',
  'Other_ID_Continue',
  'OIDC',
  'Other_Default_Ignorable_Code_Point',
  'ODI',
  'Grapheme_Link',
  'Gr_Link',
  'Hyphen',
  'Prepended_Concatenation_Mark',
  'PCM',
  'Age',
  'Grapheme_Cluster_Break',
  'GCB',
  'Word_Break',
  'WB',
  'Sentence_Break',
  'SB',
];
let rustOnly: ReadonlySet<string> | null = null;
function isRustOnly(looseName: string): boolean {
  rustOnly ??= new Set(RUST_ONLY_NAMES.map(loose));
  return rustOnly.has(looseName);
}

const SCRIPTS = aliasTable(SCRIPT_ALIASES);

const SPECIAL: ReadonlyMap<string, string> = new Map([
  ['any', 'Any'],
  ['assigned', 'Assigned'],
  ['ascii', 'ASCII'],
]);

const notFound: PropertyLookup = { ok: false, message: 'Unicode property not found' };

function unsupported(name: string): PropertyLookup {
  return {
    ok: false,
    message: `Unicode property '${name}' has no JavaScript equivalent; tsguard cannot translate it`,
  };
}

function lookupBare(name: string): PropertyLookup {
  const key = loose(name);
  const special = SPECIAL.get(key);
  if (special !== undefined) return { ok: true, js: special, negated: false };
  const binary = BINARY_PROPERTIES.get(key);
  if (binary !== undefined) return { ok: true, js: binary, negated: false };
  const category = GENERAL_CATEGORIES.get(key);
  if (category !== undefined) return { ok: true, js: category, negated: false };
  const script = SCRIPTS.get(key);
  if (script !== undefined) return { ok: true, js: `Script=${script}`, negated: false };
  if (isRustOnly(key)) return unsupported(name);
  // Rust also accepts an `Is` prefix (`\p{IsGreek}`), checked against cfn-guard 3.1.1.
  if (key.startsWith('is') && key.length > 2) return lookupBare(key.slice(2));
  return notFound;
}

function lookupByValue(property: string, value: string): PropertyLookup {
  const prop = loose(property);
  const key = loose(value);
  if (prop === 'generalcategory' || prop === 'gc') {
    const category = GENERAL_CATEGORIES.get(key);
    return category === undefined ? notFound : { ok: true, js: category, negated: false };
  }
  if (prop === 'script' || prop === 'sc' || prop === 'scriptextensions' || prop === 'scx') {
    const script = SCRIPTS.get(key);
    if (script === undefined) return notFound;
    const which = prop === 'script' || prop === 'sc' ? 'Script' : 'Script_Extensions';
    return { ok: true, js: `${which}=${script}`, negated: false };
  }
  if (isRustOnly(prop)) return unsupported(property);
  return notFound;
}

/**
 * Resolves the text of `\pX` (one letter) or the inside of `\p{…}`.
 * `negatedEscape` is true for `\P`. Rust also negates with a leading `^`
 * and with `!=` between property and value.
 */
export function lookupProperty(text: string, negatedEscape: boolean): PropertyLookup {
  let body = text;
  let negated = negatedEscape;
  if (body.startsWith('^')) {
    negated = !negated;
    body = body.slice(1);
  }
  let result: PropertyLookup;
  const notEq = body.indexOf('!=');
  const sep = notEq >= 0 ? notEq : body.search(/[=:]/);
  if (sep >= 0) {
    if (notEq >= 0) negated = !negated;
    result = lookupByValue(body.slice(0, sep), body.slice(sep + (notEq >= 0 ? 2 : 1)));
  } else {
    result = lookupBare(body);
  }
  return result.ok ? { ok: true, js: result.js, negated } : result;
}
