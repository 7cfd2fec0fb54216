/**
 * Summary of a V8 CPU profile (`node --cpu-prof`): where the time goes, by
 * function (self and inclusive time) and by file. Pure: takes the parsed
 * .cpuprofile JSON.
 */

export interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

export interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly hitCount?: number;
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
}

export interface HotSpot {
  readonly key: string;
  readonly selfMs: number;
  readonly selfShare: number;
  /** Time with this function anywhere on the stack (recursion counted once). */
  readonly totalMs: number;
  readonly totalShare: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly functions: readonly HotSpot[];
  readonly files: readonly HotSpot[];
}

/**
 * Shortens a script URL to something readable: the part after `/dist/` for
 * tsguard's own code (it mirrors src/), the package path after the last
 * `node_modules/`, `node:` URLs as they are.
 */
export function shortUrl(url: string): string {
  if (url === '') return '(native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) return url.slice(nm + '/node_modules/'.length);
  const dist = url.lastIndexOf('/dist/');
  if (dist >= 0) return `src/${url.slice(dist + '/dist/'.length).replace(/\.m?js$/, '.ts')}`;
  return url.replace(/^file:\/\//, '');
}

function functionKey(f: CallFrame): string {
  const name = f.functionName === '' ? '(anonymous)' : f.functionName;
  if (f.url === '') return name; // (garbage collector), (program), (idle), natives
  return `${shortUrl(f.url)}:${name}`;
}

interface Acc {
  self: number;
  total: number;
}

function bump(map: Map<string, Acc>, key: string, self: number, total: number): void {
  const a = map.get(key) ?? { self: 0, total: 0 };
  a.self += self;
  a.total += total;
  map.set(key, a);
}

function ranked(map: Map<string, Acc>, msPerHit: number, hits: number, top: number): HotSpot[] {
  return [...map.entries()]
    .map(([key, a]) => ({
      key,
      selfMs: a.self * msPerHit,
      selfShare: hits === 0 ? 0 : a.self / hits,
      totalMs: a.total * msPerHit,
      totalShare: hits === 0 ? 0 : a.total / hits,
    }))
    .sort((x, y) => y.selfMs - x.selfMs || x.key.localeCompare(y.key))
    .slice(0, top);
}

export function summariseProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const childIds = new Set(profile.nodes.flatMap((n) => n.children ?? []));
  const roots = profile.nodes.filter((n) => !childIds.has(n.id));
  const hits = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const msPerHit = hits === 0 ? 0 : totalMs / hits;

  // Subtree hit counts, so inclusive time needs one pass.
  const subtree = new Map<number, number>();
  const subtreeHits = (n: ProfileNode): number => {
    const known = subtree.get(n.id);
    if (known !== undefined) return known;
    let s = n.hitCount ?? 0;
    for (const c of n.children ?? []) {
      const child = byId.get(c);
      if (child !== undefined) s += subtreeHits(child);
    }
    subtree.set(n.id, s);
    return s;
  };

  const functions = new Map<string, Acc>();
  const files = new Map<string, Acc>();
  // Walk every root-to-node path; a key already on the path (recursion) adds no inclusive time again.
  const walk = (n: ProfileNode, onPath: Set<string>, filesOnPath: Set<string>): void => {
    const fk = functionKey(n.callFrame);
    const file = n.callFrame.url === '' ? fk : shortUrl(n.callFrame.url);
    const newF = !onPath.has(fk);
    const newFile = !filesOnPath.has(file);
    const inclusive = subtreeHits(n);
    bump(functions, fk, n.hitCount ?? 0, newF ? inclusive : 0);
    bump(files, file, n.hitCount ?? 0, newFile ? inclusive : 0);
    if (newF) onPath.add(fk);
    if (newFile) filesOnPath.add(file);
    for (const c of n.children ?? []) {
      const child = byId.get(c);
      if (child !== undefined) walk(child, onPath, filesOnPath);
    }
    if (newF) onPath.delete(fk);
    if (newFile) filesOnPath.delete(file);
  };
  for (const r of roots) walk(r, new Set(), new Set());

  return {
    totalMs,
    functions: ranked(functions, msPerHit, hits, top),
    files: ranked(files, msPerHit, hits, top),
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

export function renderProfile(title: string, s: ProfileSummary): string {
  const out: string[] = [`### ${title} (${(s.totalMs / 1000).toFixed(2)} s profiled)`, ''];
  out.push('| function (self time order) | self | self share | inclusive share |');
  out.push('| --- | --- | --- | --- |');
  for (const h of s.functions) {
    out.push(
      `| \`${h.key}\` | ${h.selfMs.toFixed(0)} ms | ${pct(h.selfShare)} | ${pct(h.totalShare)} |`,
    );
  }
  out.push('', '| file | self share | inclusive share |', '| --- | --- | --- |');
  for (const h of s.files)
    out.push(`| \`${h.key}\` | ${pct(h.selfShare)} | ${pct(h.totalShare)} |`);
  return `${out.join('\n')}\n`;
}
