/** How many records are handled between two pauses: small enough that a pause comes every few milliseconds. */
export const CHUNK_SIZE = 2_000;

/** Lets other work (answers to other interactions) run before going on. */
export function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** What a list must offer to be visited: arrays, typed arrays and `PartList` all do. */
export interface IndexedList<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/**
 * Visits every item, pausing between chunks, so that loading a million records never holds the event loop for
 * long: the bot keeps answering while a refresh runs.
 */
export async function forEachChunked<T>(items: IndexedList<T>, visit: (item: T, index: number) => void): Promise<void> {
  for (let start = 0; start < items.length; start += CHUNK_SIZE) {
    const end = Math.min(items.length, start + CHUNK_SIZE);
    for (let index = start; index < end; index++) visit(items.at(index) as T, index);
    if (end < items.length) await pause();
  }
}

/** `items.map(map)`, in chunks as `forEachChunked` visits them. */
export async function mapChunked<T, U>(items: IndexedList<T>, map: (item: T) => U): Promise<U[]> {
  const mapped: U[] = [];
  await forEachChunked(items, (item) => {
    mapped.push(map(item));
  });
  return mapped;
}
