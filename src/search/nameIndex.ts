import Fuse from 'fuse.js';
import { BigramFilter } from './bigramFilter.js';
import { allowedEdits, editDistance } from './editDistance.js';
import type { GazetteerEntry } from './gazetteer.js';
import { normaliseForSearch } from './normalise.js';

export type MatchHow = 'exact' | 'prefix' | 'fuzzy';

export interface NameMatch {
  readonly entry: GazetteerEntry;
  readonly how: MatchHow;
}

/** `found` holds every entry of the best tier: more than one means the user must choose. */
export type MatchResult =
  | { kind: 'found'; query: string; matches: NameMatch[] }
  | { kind: 'not_found'; query: string; suggestions: GazetteerEntry[] };

/** Below this a query is too short to answer; autocomplete still lists by prefix. */
const MIN_QUERY_LENGTH = 2;
const MIN_PREFIX_LENGTH = 3;
const SUGGESTION_COUNT = 3;
/** Fuse proposes candidates up to this score; only the edit-distance check decides what is answered. */
const FUSE_THRESHOLD = 0.5;
const FUSE_CANDIDATES = 25;
const AUTOCOMPLETE_CACHE_SIZE = 2_000;
/** Up to this many names fuse.js scores them all; beyond, only the names a bigram filter keeps. */
const FUSE_SHORTLIST = 300;
const FUSE_OPTIONS = { includeScore: true, threshold: FUSE_THRESHOLD, ignoreLocation: true, isCaseSensitive: true };

interface WordStart {
  readonly text: string;
  readonly entry: GazetteerEntry;
  readonly wholeName: boolean;
}

/**
 * Fuzzy name look-up over a gazetteer: exact, then prefix (of the name or of any of its words), then
 * typos within a length-aware edit distance. fuse.js finds and ranks candidates; it never decides alone,
 * because plain fuse.js answers "Nigeria" with Niger and "Dori" with Mondoro.
 */
export class NameIndex {
  private readonly completions = new Map<string, GazetteerEntry[]>();

  /** A gazetteer's distinct names are a few thousand: built at once. */
  static async build(entries: readonly GazetteerEntry[]): Promise<NameIndex> {
    const byKey = new Map<string, GazetteerEntry>();
    const starts: WordStart[] = [];
    for (const entry of entries) {
      byKey.set(entry.key, entry);
      wordStarts(entry.key).forEach((text, word) => {
        starts.push({ text, entry, wholeName: word === 0 });
      });
    }
    starts.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    const keys = entries.map((entry) => entry.key);
    const fuzzy =
      entries.length <= FUSE_SHORTLIST ? { fuse: new Fuse(keys, FUSE_OPTIONS) } : { bigrams: BigramFilter.build(keys) };
    return new NameIndex(entries, byKey, starts, fuzzy);
  }

  private constructor(
    private readonly entries: readonly GazetteerEntry[],
    private readonly byKey: ReadonlyMap<string, GazetteerEntry>,
    /** Every name and every word-start suffix of it ("burkina faso", "faso"), sorted, for prefix look-ups by bisection. */
    private readonly starts: readonly WordStart[],
    private readonly fuzzy: { fuse: Fuse<string> } | { bigrams: BigramFilter },
  ) {}

  get size(): number {
    return this.entries.length;
  }

  match(rawQuery: string): MatchResult {
    const query = normaliseForSearch(rawQuery);
    if (query.length < MIN_QUERY_LENGTH) return { kind: 'not_found', query, suggestions: [] };

    const exact = this.byKey.get(query);
    if (exact) return { kind: 'found', query, matches: [{ entry: exact, how: 'exact' }] };

    if (query.length >= MIN_PREFIX_LENGTH) {
      // "burkina" is Burkina Faso, not every name with a word starting "burkina".
      const ofWholeNames = this.prefixMatches(query, Number.POSITIVE_INFINITY, true);
      const prefixed = ofWholeNames.length > 0 ? ofWholeNames : this.prefixMatches(query, Number.POSITIVE_INFINITY);
      if (prefixed.length > 0)
        return { kind: 'found', query, matches: prefixed.map((entry) => ({ entry, how: 'prefix' })) };
    }

    const candidates = this.fuzzyCandidates(query);
    const closest = candidates.filter((candidate) => candidate.distance === candidates[0]?.distance);
    if (closest.length > 0 && (closest[0]?.distance ?? Number.POSITIVE_INFINITY) <= allowedEdits(query.length)) {
      return { kind: 'found', query, matches: closest.map(({ entry }) => ({ entry, how: 'fuzzy' })) };
    }
    return { kind: 'not_found', query, suggestions: this.nearMisses(candidates, query).slice(0, SUGGESTION_COUNT) };
  }

  /** Names for autocomplete, best first: exact, prefixes, typos, then near misses. Never throws. */
  complete(rawQuery: string, limit: number): GazetteerEntry[] {
    const query = normaliseForSearch(rawQuery);
    const cached = this.completions.get(query);
    if (cached) return cached.slice(0, limit);

    const found = new Set<GazetteerEntry>();
    if (query === '') {
      for (const entry of this.entries) {
        if (found.size >= limit) break;
        found.add(entry);
      }
    } else {
      const exact = this.byKey.get(query);
      if (exact) found.add(exact);
      for (const entry of this.prefixMatches(query, limit)) found.add(entry);
      if (found.size < limit && query.length > MIN_PREFIX_LENGTH) {
        for (const entry of this.nearMisses(this.fuzzyCandidates(query), query)) found.add(entry);
      }
    }
    const result = [...found].slice(0, limit);
    if (this.completions.size >= AUTOCOMPLETE_CACHE_SIZE) this.completions.clear();
    this.completions.set(query, result);
    return result;
  }

  /** Entries with a name (or, unless `wholeNamesOnly`, any word of it) starting with `query`, shortest first. */
  private prefixMatches(query: string, limit: number, wholeNamesOnly = false): GazetteerEntry[] {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.starts[middle]?.text ?? '') < query) low = middle + 1;
      else high = middle;
    }
    const found = new Set<GazetteerEntry>();
    // Gather more than asked for, so that the shortest names win whatever their alphabetical place.
    for (let i = low; i < this.starts.length && found.size < limit * 4; i++) {
      const start = this.starts[i];
      if (!start?.text.startsWith(query)) break;
      if (start.wholeName || !wholeNamesOnly) found.add(start.entry);
    }
    return [...found].sort((a, b) => a.key.length - b.key.length || a.key.localeCompare(b.key)).slice(0, limit);
  }

  /** Candidates close enough to be worth a "did you mean": a typo or two beyond what is answered. */
  private nearMisses(candidates: { entry: GazetteerEntry; distance: number }[], query: string): GazetteerEntry[] {
    const cap = allowedEdits(query.length) + 2;
    return candidates.filter(({ distance }) => distance <= cap).map(({ entry }) => entry);
  }

  /** fuse.js candidates, ordered by edit distance then fuse score. */
  private fuzzyCandidates(query: string): { entry: GazetteerEntry; distance: number }[] {
    const cap = allowedEdits(query.length) + 2;
    const { fuse, pool } = this.fuseFor(query);
    return fuse
      .search(query, { limit: FUSE_CANDIDATES })
      .map((result, rank) => {
        const entry = pool[result.refIndex] as GazetteerEntry;
        return { entry, rank, distance: editDistance(query, entry.key, cap) };
      })
      .sort((a, b) => a.distance - b.distance || a.rank - b.rank)
      .map(({ entry, distance }) => ({ entry, distance }));
  }

  /** fuse.js over the whole gazetteer when it is small, else over the bigram shortlist for this query. */
  private fuseFor(query: string): { fuse: Fuse<string>; pool: readonly GazetteerEntry[] } {
    if ('fuse' in this.fuzzy) return { fuse: this.fuzzy.fuse, pool: this.entries };
    const shortlist = this.fuzzy.bigrams
      .candidates(query, FUSE_SHORTLIST)
      .map((index) => this.entries[index] as GazetteerEntry);
    return {
      fuse: new Fuse(
        shortlist.map((entry) => entry.key),
        FUSE_OPTIONS,
      ),
      pool: shortlist,
    };
  }
}

function wordStarts(key: string): string[] {
  const starts = [key];
  for (let i = key.indexOf(' '); i !== -1; i = key.indexOf(' ', i + 1)) starts.push(key.slice(i + 1));
  return starts;
}
