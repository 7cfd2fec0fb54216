/** The record tree builder (EVAL-13): muting, attaching and replaying leave the tree as built. */
import { describe, expect, test } from 'vitest';
import { GuardError } from '../../../src/diag/errors.js';
import { Recorder } from '../../../src/eval/recorder.js';
import type { EventRecord, RecordType } from '../../../src/eval/result.js';

const filter: RecordType = { kind: 'Filter', status: 'PASS' };

function shape(node: EventRecord): unknown {
  return [node.context, node.children.map(shape)];
}

describe('Recorder', () => {
  test('muted records are dropped; nesting of mute is counted', () => {
    const rec = new Recorder();
    rec.start('root');
    rec.mute();
    rec.mute();
    rec.start('hidden');
    rec.end('hidden', filter);
    rec.unmute();
    expect(rec.recording).toBe(false);
    rec.attach({ context: 'also hidden', record: filter, children: [] });
    rec.unmute();
    expect(rec.recording).toBe(true);
    rec.attach({ context: 'shown', record: filter, children: [] });
    rec.end('root', filter);
    expect(shape(rec.result())).toEqual(['root', [['shown', []]]]);
  });

  test('replay records into a detached list and restores the open tree', () => {
    const rec = new Recorder();
    rec.start('root');
    rec.start('open');
    rec.mute();
    const replayed = rec.replay(() => {
      rec.start('a');
      rec.start('b');
      rec.end('b', filter);
      rec.end('a', filter);
    });
    expect(replayed.map(shape)).toEqual([['a', [['b', []]]]]);
    expect(rec.recording).toBe(false);
    rec.unmute();
    rec.end('open', filter);
    rec.end('root', filter);
    expect(shape(rec.result())).toEqual(['root', [['open', []]]]);
  });

  test('a replay that leaves a node open is an internal error', () => {
    const rec = new Recorder();
    expect(() => rec.replay(() => rec.start('x'))).toThrow(GuardError);
  });
});
