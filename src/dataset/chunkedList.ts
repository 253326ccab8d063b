/** Items per chunk: a chunk this size grows in well under a millisecond. */
const CHUNK_ITEMS = 1 << 16;

/**
 * A list that grows chunk by chunk. One array growing to a million items copies itself whole each time it runs
 * out of room, and at that size one copy held the event loop for 80 ms (measured during a refresh, with the old
 * dataset still in memory).
 */
export class ChunkedList<T> {
  private readonly chunks: T[][] = [[]];

  push(item: T): void {
    let last = this.chunks[this.chunks.length - 1] as T[];
    if (last.length === CHUNK_ITEMS) {
      last = [];
      this.chunks.push(last);
    }
    last.push(item);
  }

  at(index: number): T | undefined {
    return this.chunks[Math.floor(index / CHUNK_ITEMS)]?.[index % CHUNK_ITEMS];
  }
}
