/** How many items a picture's preparation handles between two pauses: a pause comes every few milliseconds. */
const CHUNK_SIZE = 2_000;

/** Lets other work (answers to other interactions) run before going on. */
export function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Visits every item, pausing between chunks: a country with 250,000 attacks must not hold the event loop while its
 * map is prepared.
 */
export async function forEachChunked<T>(items: readonly T[], visit: (item: T, index: number) => void): Promise<void> {
  for (let start = 0; start < items.length; start += CHUNK_SIZE) {
    const end = Math.min(items.length, start + CHUNK_SIZE);
    for (let index = start; index < end; index++) visit(items[index] as T, index);
    if (end < items.length) await pause();
  }
}
