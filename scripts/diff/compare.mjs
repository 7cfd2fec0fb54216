// Pure helpers of the differential script (no process, no file system), so
// tests/unit/diff can check them table by table. Types: compare.d.mts.

/**
 * DIVERGENCES.md C6: the tool version is each side's own, so the SARIF driver
 * fields and `--version` are masked on both sides. Nothing else is rewritten.
 */
export function normaliseVersion(text) {
  return text
    .replace(/^cfn-guard \S+$/gm, 'cfn-guard VERSION')
    .replace(/"semanticVersion": "[^"]*"/g, '"semanticVersion": "VERSION"')
    .replace(/"fullName": "cfn-guard [^"]*"/g, '"fullName": "cfn-guard VERSION"');
}

const EXPECTATION_LINE = /^ {4}\S.*: Expected = /;
const NO_EXPECTATION_LINE = /^ {2}No Test expectation was set for Rule /;

function byteCompare(a, b) {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * The `test` command prints a test case's expectation lines in hash-map order
 * (conformance README "Determinism"): each run of consecutive lines of one
 * kind is sorted, exactly as the corpus runner does.
 */
export function sortExpectationRuns(text) {
  const lines = text.split('\n');
  const out = [];
  let run = [];
  let runKind = '';
  const flush = () => {
    out.push(...run.sort(byteCompare));
    run = [];
    runKind = '';
  };
  for (const line of lines) {
    const kind = EXPECTATION_LINE.test(line) ? 'exp' : NO_EXPECTATION_LINE.test(line) ? 'no' : '';
    if (kind !== '' && kind === runKind) {
      run.push(line);
      continue;
    }
    flush();
    if (kind !== '') {
      runKind = kind;
      run.push(line);
    } else {
      out.push(line);
    }
  }
  flush();
  return out.join('\n');
}

/** The normalisation applied to every captured stream before comparing. */
export function normaliseOutput(text, command) {
  const masked = normaliseVersion(text);
  return command === 'test' ? sortExpectationRuns(masked) : masked;
}

/** Lines of a text, keeping a marker for a missing final newline (outputs are compared byte for byte). */
function splitLines(text) {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += ' \\ (no newline at end)';
  return lines;
}

// Beyond this many lines in the differing middle, a full LCS is not worth it:
// the first hunk is shown as a plain before/after block.
const LCS_LIMIT = 1500;

/**
 * A short unified diff of two texts: the first hunk only, with `context`
 * lines around it and at most `maxLines` lines of body. '' when equal.
 */
export function firstHunk(expected, actual, { context = 3, maxLines = 30 } = {}) {
  const a = splitLines(expected);
  const b = splitLines(actual);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  if (start === a.length && start === b.length) return '';
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const body = [];
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length <= LCS_LIMIT && midB.length <= LCS_LIMIT) {
    body.push(...lcsDiff(midA, midB));
  } else {
    body.push(...midA.map((l) => `-${l}`), ...midB.map((l) => `+${l}`));
  }
  // Keep only the first hunk: stop at the first run of more than 2*context equal lines.
  let end = body.length;
  let equalRun = 0;
  let seenChange = false;
  for (let i = 0; i < body.length; i++) {
    if ((body[i] ?? '').startsWith(' ')) {
      equalRun++;
      if (seenChange && equalRun > context) {
        end = i - equalRun + context + 1;
        break;
      }
    } else {
      seenChange = true;
      equalRun = 0;
    }
  }
  const before = a.slice(Math.max(0, start - context), start).map((l) => ` ${l}`);
  let hunk = [...before, ...body.slice(0, end)];
  if (end === body.length) {
    hunk.push(...a.slice(endA, endA + context).map((l) => ` ${l}`));
  }
  const truncated = hunk.length > maxLines;
  if (truncated) hunk = hunk.slice(0, maxLines);
  const header = `@@ line ${start + 1} (reference -, tsguard +) @@`;
  return [header, ...hunk, ...(truncated ? ['… (truncated)'] : [])].join('\n');
}

/** Line diff of two small arrays through a longest-common-subsequence table. */
function lcsDiff(a, b) {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push(` ${a[i]}`);
      i++;
      j++;
    } else if ((table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0)) {
      out.push(`-${a[i]}`);
      i++;
    } else {
      out.push(`+${b[j]}`);
      j++;
    }
  }
  while (i < n) out.push(`-${a[i++]}`);
  while (j < m) out.push(`+${b[j++]}`);
  return out;
}

function firstDifferentLine(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return { line: i + 1, reference: a[i], tsguard: b[i] };
}

function clip(text, width = 70) {
  if (text === undefined) return '<end>';
  const t = text.trim();
  return t.length > width ? `${t.slice(0, width - 1)}…` : t;
}

/**
 * Compare two normalised runs ({stdout, stderr, exit}). Returns
 * `{identical: true}` or `{identical: false, reason, diff}`: a one-line reason
 * (the first stream that differs) and a short unified diff of every stream
 * that differs.
 */
export function compareRuns(reference, tsguard) {
  const parts = [];
  let reason = '';
  const note = (r) => {
    if (reason === '') reason = r;
  };
  if (reference.exit !== tsguard.exit) {
    note(`exit ${reference.exit} (reference) vs ${tsguard.exit} (tsguard)`);
    parts.push(`exit code: reference ${reference.exit}, tsguard ${tsguard.exit}`);
  }
  for (const stream of ['stdout', 'stderr']) {
    if (reference[stream] === tsguard[stream]) continue;
    const first = firstDifferentLine(reference[stream], tsguard[stream]);
    note(
      `${stream} line ${first.line}: reference ${JSON.stringify(clip(first.reference))} vs tsguard ${JSON.stringify(clip(first.tsguard))}`,
    );
    parts.push(
      `--- ${stream} (reference)\n+++ ${stream} (tsguard)\n${firstHunk(reference[stream], tsguard[stream])}`,
    );
  }
  if (parts.length === 0) return { identical: true };
  return { identical: false, reason, diff: parts.join('\n') };
}

/** The lines of a text as a sorted multiset (to compare outputs whose order is random in the reference). */
export function lineMultiset(text) {
  return text.split('\n').sort(byteCompare).join('\n');
}

/** Same runs up to the order of lines in each stream. */
export function sameUpToLineOrder(reference, tsguard) {
  return (
    reference.exit === tsguard.exit &&
    lineMultiset(reference.stdout) === lineMultiset(tsguard.stdout) &&
    lineMultiset(reference.stderr) === lineMultiset(tsguard.stderr)
  );
}

const QUOTED_TYPE = /(['"])((?:AWS|Alexa|Custom)::[A-Za-z0-9]+(?:::[A-Za-z0-9]+)*)\1/g;

/**
 * Resource types a rules file selects on: every quoted `AWS::Service::Resource`
 * string (the usual `Resources.*[ Type == 'AWS::S3::Bucket' ]` filters,
 * `Type in [...]` lists and let-bound type names alike), de-duplicated, sorted.
 */
export function extractResourceTypes(rulesText) {
  const types = new Set();
  for (const match of rulesText.matchAll(QUOTED_TYPE)) types.add(match[2]);
  return [...types].sort();
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether a template names the resource type as a whole word: `AWS::S3::Bucket`
 * does not match `AWS::S3::BucketPolicy`. Plain text search, so JSON and YAML
 * (quoted or not) both work.
 */
export function templateMentionsType(templateText, type) {
  return new RegExp(`(?<![A-Za-z0-9:])${escapeRegExp(type)}(?![A-Za-z0-9:])`).test(templateText);
}

/** mulberry32: a tiny seeded PRNG, so a batch is reproducible from its seed. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the given random source; returns a new array. */
export function shuffled(items, random) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}

/**
 * Choose (rules file × template) pairs that evaluate real checks: for each
 * rules file, up to `perRule` templates that mention one of its resource
 * types (smaller templates first among a seeded shuffle, so failures stay
 * readable), then rules files without any match are paired with `perRule`
 * random templates (they SKIP or check file-level properties). The result is
 * interleaved rule by rule and cut to `limit`.
 *
 * rules: [{path, text}]; templates: [{path, text}].
 */
export function selectPairs(rules, templates, { perRule = 2, limit = Infinity, seed = 1 } = {}) {
  const random = seededRandom(seed);
  const perRuleLists = [];
  for (const rule of [...rules].sort((x, y) => byteCompare(x.path, y.path))) {
    const types = extractResourceTypes(rule.text);
    const matching = templates.filter((t) =>
      types.some((type) => templateMentionsType(t.text, type)),
    );
    const pool = matching.length > 0 ? matching : templates;
    const picked = shuffled(pool, random)
      .slice(0, perRule * 4)
      .sort((x, y) => x.text.length - y.text.length || byteCompare(x.path, y.path))
      .slice(0, perRule);
    perRuleLists.push(
      picked.map((t) => ({ rules: rule.path, template: t.path, matched: matching.length > 0 })),
    );
  }
  const pairs = [];
  for (let round = 0; round < perRule; round++) {
    for (const list of perRuleLists) {
      const pair = list[round];
      if (pair !== undefined) pairs.push(pair);
    }
  }
  return pairs.slice(0, limit);
}

// A YAML 1.1 boolean word as a whole plain scalar value (`key: yes`, `- on`).
const YAML_BOOL_WORD = /^(\s*(?:-\s+|[^#\s][^#]*?:\s+))(yes|no|on|off|y|n)(\s*(?:#.*)?)$/gm;

/** Whether a YAML text has a plain-scalar value that 3.2.0 reads as a boolean (DIVERGENCES C4). */
export function hasYamlBooleanWords(text) {
  YAML_BOOL_WORD.lastIndex = 0;
  const found = YAML_BOOL_WORD.test(text);
  YAML_BOOL_WORD.lastIndex = 0;
  return found;
}

/**
 * The same YAML with those values written `true`/`false`, which 3.1.1 and
 * 3.2.0 read alike: running the reference on it shows what 3.2.0 answers for
 * the original (C4), up to columns after the rewritten word.
 */
export function rewriteYamlBooleanWords(text) {
  return text.replace(YAML_BOOL_WORD, (_all, head, word, tail) => {
    const isTrue = word === 'yes' || word === 'on' || word === 'y';
    return `${head}${isTrue ? 'true' : 'false'}${tail}`;
  });
}

// `!=` whose right-hand side is a variable or a query (not a literal): C1.
const NOT_EQUAL_NON_LITERAL = /!=\s*(?:%[A-Za-z_]|[A-Za-z_][A-Za-z0-9_]*\s*\.|this\b)/;

/** Whether a rules file compares two non-literal operands with `!=` (DIVERGENCES C1 may apply). */
export function hasNotEqualBetweenQueries(rulesText) {
  return rulesText.split('\n').some((line) => {
    const code = line.replace(/#.*$/, '');
    return NOT_EQUAL_NON_LITERAL.test(code);
  });
}

/** The batch summary: a count line, then one line per differing pair. */
export function formatSummary(results) {
  const identical = results.filter((r) => r.verdict === 'identical').length;
  const byDesign = results.filter((r) => r.verdict === 'by-design');
  const differing = results.filter((r) => r.verdict === 'different');
  const lines = [`${identical} identical of ${results.length} pairs`];
  if (byDesign.length > 0) lines.push(`${byDesign.length} agree by documented 3.2.0 design:`);
  for (const r of byDesign) lines.push(`  BY-DESIGN ${r.rules} × ${r.template}: ${r.reason}`);
  if (differing.length > 0) lines.push(`${differing.length} differ:`);
  for (const r of differing) lines.push(`  DIFF ${r.rules} × ${r.template}: ${r.reason}`);
  return lines.join('\n');
}
