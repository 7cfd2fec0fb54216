/**
 * A compact `keyLocations` for loaded maps. A template of 50 MB has millions
 * of keys; a Map plus one KeyLocation object per key was a large share of the
 * heap and of the GC work while loading. This keeps the positions as numbers
 * in key order (the order of the map's `entries`, which it reads its keys
 * from) and makes KeyLocation objects only when asked.
 */
import { keyPath } from './path.js';
import type { KeyLocation } from './value.js';

/** Up to this many keys a lookup scans; bigger maps build an index on first use. */
const SCAN_LIMIT = 12;

export class KeyPositions implements ReadonlyMap<string, KeyLocation> {
  #index: Map<string, number> | undefined;

  /**
   * `keysOf` is the map whose keys these positions belong to (its insertion
   * order); `pos` holds line, col for each key in that order.
   */
  constructor(
    private readonly keysOf: ReadonlyMap<string, unknown>,
    private readonly pos: readonly number[],
  ) {}

  get size(): number {
    return this.keysOf.size;
  }

  has(key: string): boolean {
    return this.keysOf.has(key);
  }

  get(key: string): KeyLocation | undefined {
    const i = this.#indexOf(key);
    return i < 0 ? undefined : this.#at(i);
  }

  forEach(
    callbackfn: (value: KeyLocation, key: string, map: ReadonlyMap<string, KeyLocation>) => void,
    thisArg?: unknown,
  ): void {
    let i = 0;
    for (const key of this.keysOf.keys()) callbackfn.call(thisArg, this.#at(i++), key, this);
  }

  *entries(): MapIterator<[string, KeyLocation]> {
    let i = 0;
    for (const key of this.keysOf.keys()) yield [key, this.#at(i++)];
  }

  keys(): MapIterator<string> {
    return this.keysOf.keys();
  }

  *values(): MapIterator<KeyLocation> {
    for (let i = 0; i < this.keysOf.size; i++) yield this.#at(i);
  }

  [Symbol.iterator](): MapIterator<[string, KeyLocation]> {
    return this.entries();
  }

  #at(i: number): KeyLocation {
    return { line: this.pos[2 * i] as number, col: this.pos[2 * i + 1] as number };
  }

  #indexOf(key: string): number {
    const keys = this.keysOf;
    if (!keys.has(key)) return -1;
    if (keys.size <= SCAN_LIMIT) {
      let i = 0;
      for (const k of keys.keys()) {
        if (k === key) return i;
        i++;
      }
      return -1;
    }
    if (this.#index === undefined) {
      const index = new Map<string, number>();
      let i = 0;
      for (const k of keys.keys()) index.set(k, i++);
      this.#index = index;
    }
    return this.#index.get(key) ?? -1;
  }
}

/**
 * Adds a key/value pair while loading (DATA-05: a duplicate key keeps its
 * first position, since Map.set keeps the original slot, and its last value).
 */
export function addEntry<V>(
  entries: Map<string, V>,
  pos: number[],
  key: string,
  value: V,
  line: number,
  col: number,
): void {
  const before = entries.size;
  entries.set(key, value);
  if (entries.size !== before) pos.push(line, col);
}

/**
 * The standard loader's `keyLocations` (YAML-08): every key at 0/0 and
 * reporting its own path, the map's path plus the key. Derived on demand from
 * the map's keys, so loading a spec file and re-rooting each test input
 * (rebase.ts) make no per-key objects.
 */
export class KeyPaths implements ReadonlyMap<string, KeyLocation> {
  constructor(
    private readonly keysOf: ReadonlyMap<string, unknown>,
    /** Path of the map the keys belong to. */
    readonly mapPath: string,
  ) {}

  get size(): number {
    return this.keysOf.size;
  }

  has(key: string): boolean {
    return this.keysOf.has(key);
  }

  get(key: string): KeyLocation | undefined {
    return this.keysOf.has(key) ? this.#at(key) : undefined;
  }

  forEach(
    callbackfn: (value: KeyLocation, key: string, map: ReadonlyMap<string, KeyLocation>) => void,
    thisArg?: unknown,
  ): void {
    for (const key of this.keysOf.keys()) callbackfn.call(thisArg, this.#at(key), key, this);
  }

  *entries(): MapIterator<[string, KeyLocation]> {
    for (const key of this.keysOf.keys()) yield [key, this.#at(key)];
  }

  keys(): MapIterator<string> {
    return this.keysOf.keys();
  }

  *values(): MapIterator<KeyLocation> {
    for (const key of this.keysOf.keys()) yield this.#at(key);
  }

  [Symbol.iterator](): MapIterator<[string, KeyLocation]> {
    return this.entries();
  }

  #at(key: string): KeyLocation {
    return { line: 0, col: 0, path: keyPath(this.mapPath, key) };
  }
}
