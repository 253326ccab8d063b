import { forEachChunked } from './chunked.js';
import { type Lookup, ShardedMap } from './shardedMap.js';

/**
 * Where each id first occurs in `items`, built in chunks; `onRepeat` hears of every later use of an id. The
 * cross-check needs this map to find repeated ids and the dataset to find records by id: a million-entry map
 * takes about a second to build (measured at 1M incidents), so one is built for both.
 */
export async function positionsById<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  onRepeat: (index: number, first: number, id: string) => void = () => {},
): Promise<Lookup<number>> {
  const positions = new ShardedMap<number>();
  await forEachChunked(items, (item, index) => {
    const id = idOf(item);
    const first = positions.get(id);
    if (first === undefined) positions.set(id, index);
    else onRepeat(index, first, id);
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
