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
  await forEachIndexChunked(items.length, (index) => visit(items.at(index) as T, index));
}

/** `forEachChunked` over the indexes alone: a visit that reads a table's rows needs no item looked up first. */
export async function forEachIndexChunked(length: number, visit: (index: number) => void): Promise<void> {
  for (let start = 0; start < length; start += CHUNK_SIZE) {
    const end = Math.min(length, start + CHUNK_SIZE);
    for (let index = start; index < end; index++) visit(index);
    if (end < length) await pause();
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
