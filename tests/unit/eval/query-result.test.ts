/** Deferred unresolved entries (QRY-02): the reason is written on first read, then kept. */
import { describe, expect, test } from 'vitest';
import type { Value } from '../../../src/data/value.js';
import { deferredUnresolved } from '../../../src/eval/query-result.js';

const at: Value = {
  kind: 'map',
  entries: new Map(),
  keyLocations: new Map(),
  path: '/R',
  line: 2,
  col: 4,
};

describe('deferredUnresolved', () => {
  test('builds the reason lazily, once, from the entry and the detail', () => {
    let calls = 0;
    const u = deferredUnresolved(
      at,
      'Properties.X',
      (entry, key) => {
        calls++;
        return `Could not find key ${key} at ${entry.traversedTo.path} for ${entry.remainingQuery}`;
      },
      'X',
    );
    expect(calls).toBe(0);
    expect(u.resolved).toBe(false);
    expect(u.traversedTo).toBe(at);
    expect(u.remainingQuery).toBe('Properties.X');
    expect(u.reason).toBe('Could not find key X at /R for Properties.X');
    expect(u.reason).toBe('Could not find key X at /R for Properties.X');
    expect(calls).toBe(1);
  });
});
