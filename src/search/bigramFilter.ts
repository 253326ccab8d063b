/**
 * Narrows thousands of names to the few that share the most letter pairs with a query, so that fuse.js
 * scores a short list instead of the whole gazetteer. A name within two typos of the query shares most of its
 * pairs, so it is never filtered out.
 */
export class BigramFilter {
  private readonly shared: Uint16Array;

  static build(keys: readonly string[]): BigramFilter {
    const postings = new Map<string, number[]>();
    keys.forEach((key, index) => {
      for (const bigram of new Set(bigrams(key))) {
        const list = postings.get(bigram);
        if (list) list.push(index);
        else postings.set(bigram, [index]);
      }
    });
    return new BigramFilter(postings, keys.length);
  }

  private constructor(
    private readonly postings: ReadonlyMap<string, readonly number[]>,
    keyCount: number,
  ) {
    this.shared = new Uint16Array(keyCount);
  }

  /** Indexes of at most `limit` keys sharing the most bigrams with `query`, most first. */
  candidates(query: string, limit: number): number[] {
    const touched: number[] = [];
    for (const bigram of new Set(bigrams(query))) {
      for (const index of this.postings.get(bigram) ?? []) {
        if (this.shared[index] === 0) touched.push(index);
        this.shared[index] = (this.shared[index] ?? 0) + 1;
      }
    }
    const best = touched.sort((a, b) => (this.shared[b] ?? 0) - (this.shared[a] ?? 0)).slice(0, limit);
    for (const index of touched) this.shared[index] = 0;
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
