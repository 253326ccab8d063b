import { type IndexedList, pause } from './chunked.js';
import { hashOfKey, type Lookup } from './shardedMap.js';

/** Bytes of a new table cleared between two pauses. */
const TOUCH_BYTES = 1 << 20;

/**
 * Where each id first occurs in a list of ids: an open-addressing hash table in one typed array, sized once for the
 * whole list. A million ids in a Map took about a second to add (measured at 1M incidents) and left the garbage
 * collector a million entries to trace at every full collection; here they cost 16 MB it never looks into.
 */
export class IdIndex implements Lookup<number> {
  /**
   * Two numbers a slot: the position of the id there plus one (0: an empty slot), then its hash, so that ids are
   * compared only when their hashes are equal. Side by side, a probe touches one page of memory, not two.
   */
  private readonly mask: number;
  private count = 0;

  private constructor(
    private readonly ids: IndexedList<string>,
    private readonly slots: Int32Array,
  ) {
    this.mask = slots.length / 2 - 1;
  }

  /**
   * An empty index for `ids`, its memory cleared a piece at a time. Memory handed over already cleared was cleared
   * (or supplied by the system, a page at a time on first touch) all at once or while adding, and held the event loop
   * for 25 to 80 ms at a time (measured during a refresh at 1M incidents).
   */
  static async for(ids: IndexedList<string>): Promise<IdIndex> {
    // At most half the slots filled: a look-up probes a slot or two on average.
    let capacity = 16;
    while (capacity < ids.length * 2) capacity *= 2;
    const memory = Buffer.allocUnsafeSlow(capacity * 2 * Int32Array.BYTES_PER_ELEMENT);
    const slots = new Int32Array(memory.buffer, memory.byteOffset, capacity * 2);
    const step = TOUCH_BYTES / Int32Array.BYTES_PER_ELEMENT;
    for (let start = 0; start < slots.length; start += step) {
      slots.fill(0, start, start + step);
      if (start + step < slots.length) await pause();
    }
    return new IdIndex(ids, slots);
  }

  get size(): number {
    return this.count;
  }

  get(id: string): number | undefined {
    const hash = hashOfKey(id);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const taken = this.slots[slot * 2] as number;
      if (taken === 0) return undefined;
      if (this.slots[slot * 2 + 1] === hash && this.ids.at(taken - 1) === id) return taken - 1;
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
    const hash = hashOfKey(id);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const taken = this.slots[slot * 2] as number;
      if (taken === 0) {
        this.slots[slot * 2] = position + 1;
        this.slots[slot * 2 + 1] = hash;
        this.count += 1;
        return position;
      }
      if (this.slots[slot * 2 + 1] === hash && this.ids.at(taken - 1) === id) return taken - 1;
    }
  }
}
