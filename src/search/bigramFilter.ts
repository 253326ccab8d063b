/** A bigram filter as plain data: what a worker thread hands over, cheap to copy and to adopt. */
export interface PackedBigrams {
  /** The distinct bigrams, two UTF-16 units each, one after the other. */
  readonly bigrams: string;
  /** Where each bigram's postings end in `postings`. */
  readonly ends: Int32Array;
  /** Indexes of the keys holding each bigram, in key order. */
  readonly postings: Int32Array;
  readonly keyCount: number;
}

/**
 * Narrows thousands of names to the few that share the most letter pairs with a query, so that fuse.js
 * scores a short list instead of the whole gazetteer. A name within two typos of the query shares most of its
 * pairs, so it is never filtered out.
 */
export class BigramFilter {
  private readonly shared: Uint16Array;
  private readonly bigramAt = new Map<string, number>();

  static pack(keys: readonly string[]): PackedBigrams {
    const lists = new Map<string, number[]>();
    keys.forEach((key, index) => {
      for (const bigram of new Set(bigrams(key))) {
        const list = lists.get(bigram);
        if (list) list.push(index);
        else lists.set(bigram, [index]);
      }
    });
    const ends = new Int32Array(lists.size);
    const postings = new Int32Array([...lists.values()].reduce((total, list) => total + list.length, 0));
    let end = 0;
    [...lists.values()].forEach((list, at) => {
      postings.set(list, end);
      end += list.length;
      ends[at] = end;
    });
    return { bigrams: [...lists.keys()].join(''), ends, postings, keyCount: keys.length };
  }

  constructor(private readonly packed: PackedBigrams) {
    this.shared = new Uint16Array(packed.keyCount);
    for (let at = 0; at < packed.ends.length; at++) this.bigramAt.set(packed.bigrams.slice(2 * at, 2 * at + 2), at);
  }

  /** Indexes of at most `limit` keys sharing the most bigrams with `query`, most first. */
  candidates(query: string, limit: number): number[] {
    const { ends, postings } = this.packed;
    const touched: number[] = [];
    for (const bigram of new Set(bigrams(query))) {
      const at = this.bigramAt.get(bigram);
      if (at === undefined) continue;
      for (let i = at === 0 ? 0 : (ends[at - 1] ?? 0); i < (ends[at] ?? 0); i++) {
        const index = postings[i] ?? 0;
        if (this.shared[index] === 0) touched.push(index);
        this.shared[index] = (this.shared[index] ?? 0) + 1;
      }
    }
    // Most shared first, ties in the order met: a sort by count, without sorting the thousands a common pair touches.
    const byCount: number[][] = [];
    for (const index of touched) {
      const count = this.shared[index] ?? 0;
      this.shared[index] = 0;
      const bucket = byCount[count];
      if (bucket) bucket.push(index);
      else byCount[count] = [index];
    }
    const best: number[] = [];
    for (let count = byCount.length - 1; count > 0 && best.length < limit; count--) {
      for (const index of byCount[count] ?? []) {
        if (best.length === limit) break;
        best.push(index);
      }
    }
    return best;
  }
}

/** Letter pairs of the key padded with spaces, so that first and last letters count too. */
function bigrams(key: string): string[] {
  const padded = ` ${key} `;
  const pairs: string[] = [];
  for (let i = 0; i < padded.length - 1; i++) pairs.push(padded.slice(i, i + 2));
  return pairs;
}
