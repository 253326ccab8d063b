import { forEachChunked, type IndexedList } from './chunked.js';
import { IdIndex } from './idIndex.js';
import type { Lookup } from './shardedMap.js';

/**
 * Where each id first occurs in `ids`, built in chunks; `onRepeat` hears of every later use of an id. The
 * cross-check needs this index to find repeated ids and the dataset to find records by id: one is built for both.
 */
export async function positionsById(
  ids: IndexedList<string>,
  onRepeat: (index: number, first: number, id: string) => void = () => {},
): Promise<Lookup<number>> {
  const positions = await IdIndex.for(ids);
  await forEachChunked(ids, (id, index) => {
    const first = positions.add(index);
    if (first !== index) onRepeat(index, first, id);
  });
  return positions;
}

/** Where each id first occurs, for the kinds of record the dataset looks up by id. */
export interface IdPositions {
  readonly sources: Lookup<number>;
  readonly countries: Lookup<number>;
  readonly actors: Lookup<number>;
  readonly incidents: Lookup<number>;
}

/** Records by id, through where each id first occurs. */
export class ById<T> implements Lookup<T> {
  constructor(
    private readonly positions: Lookup<number>,
    private readonly items: { at(index: number): T | undefined },
  ) {}

  get size(): number {
    return this.positions.size;
  }

  get(id: string): T | undefined {
    const position = this.positions.get(id);
    return position === undefined ? undefined : this.items.at(position);
  }

  has(id: string): boolean {
    return this.positions.has(id);
  }
}
