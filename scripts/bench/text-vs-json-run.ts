/**
 * Runs of `--text-vs-json` (see text-vs-json.ts): per round, tsguard's text
 * run then its JSON run (A B A B), so both see the same machine load. Each
 * text run's stdout is hashed before the next run overwrites it.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { Sample } from './stats.js';
import { summarise } from './stats.js';
import { jsonArgs, stabilityOf, type TextVsJsonResult, textArgs } from './text-vs-json.js';
import type { WorkloadSpec } from './workloads.js';

/** What the harness lends: one measured tsguard run, and where its stdout went. */
export interface TsguardRunner {
  run(tag: string, args: readonly string[]): Promise<Sample>;
  stdoutFile(tag: string): string;
  log(s: string): void;
  describe(x: Sample): string;
  /** The command line as printed in the report (machine paths hidden). */
  display(args: readonly string[]): string;
}

/** Streamed: text reports of large templates can be hundreds of MB. */
export async function sha256File(file: string): Promise<string> {
  const sha = createHash('sha256');
  await new Promise<void>((res, rej) => {
    createReadStream(file)
      .on('data', (c) => sha.update(c))
      .on('end', () => res())
      .on('error', rej);
  });
  return sha.digest('hex');
}

export async function benchTextVsJson(
  r: TsguardRunner,
  spec: WorkloadSpec,
  runs: number,
  warmup: number,
): Promise<TextVsJsonResult> {
  const text = textArgs(spec);
  const json = jsonArgs(spec);
  const textTag = `${spec.id}.text`;
  const jsonTag = `${spec.id}.json`;
  r.log(`== ${spec.id} text vs JSON: GUARD ${r.display(text)}`);
  for (let i = 0; i < warmup; i++) {
    await r.run(textTag, text);
    await r.run(jsonTag, json);
  }
  const textSamples: Sample[] = [];
  const jsonSamples: Sample[] = [];
  const hashes: string[] = [];
  for (let i = 1; i <= runs; i++) {
    const t = await r.run(textTag, text);
    textSamples.push(t);
    hashes.push(await sha256File(r.stdoutFile(textTag)));
    r.log(`   run ${i} text ${r.describe(t)}, sha256 ${hashes[hashes.length - 1]?.slice(0, 12)}`);
    const j = await r.run(jsonTag, json);
    jsonSamples.push(j);
    r.log(`   run ${i} JSON ${r.describe(j)}`);
  }
  return {
    id: spec.id,
    text: summarise(textSamples),
    json: summarise(jsonSamples),
    stability: stabilityOf(hashes),
    stdoutBytes: {
      text: statSync(r.stdoutFile(textTag)).size,
      json: statSync(r.stdoutFile(jsonTag)).size,
    },
    textCommandLine: r.display(text),
    jsonCommandLine: r.display(json),
  };
}
