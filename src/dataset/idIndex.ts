import type { IndexedList } from './chunked.js';
import type { Lookup } from './shardedMap.js';

/**
 * Where each id first occurs in a list of ids: an open-addressing hash table in two typed arrays, sized once for
 * the whole list. A million ids in a Map took about a second to add (measured at 1M incidents) and left the garbage
 * collector a million entries to trace at every full collection; here they cost 16 MB it never looks into.
 */
export class IdIndex implements Lookup<number> {
  /** Per slot: the position of the id there, plus one (0: an empty slot). */
  private readonly slots: Int32Array;
  /** Per slot: the hash of the id there, so that ids are compared only when their hashes are equal. */
  private readonly hashes: Int32Array;
  private readonly mask: number;
  private count = 0;

  constructor(private readonly ids: IndexedList<string>) {
    // At most half the slots filled: a look-up probes a slot or two on average.
    let capacity = 16;
    while (capacity < ids.length * 2) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  get(id: string): number | undefined {
    const hash = hashOf(id);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const taken = this.slots[slot] as number;
      if (taken === 0) return undefined;
      if (this.hashes[slot] === hash && this.ids.at(taken - 1) === id) return taken - 1;
    }
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /**
   * Adds the id at `position` of the list.
   * @returns the position it first occurs at: `position` unless it came before
   */
  add(position: number): number {
    const id = this.ids.at(position) as string;
    const hash = hashOf(id);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const taken = this.slots[slot] as number;
      if (taken === 0) {
        this.slots[slot] = position + 1;
        this.hashes[slot] = hash;
        this.count += 1;
        return position;
      }
      if (this.hashes[slot] === hash && this.ids.at(taken - 1) === id) return taken - 1;
    }
  }
}

/** FNV-1a, its bits mixed once more: ids that differ only in their last digits land far apart. */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}
