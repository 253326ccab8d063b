import Fuse from 'fuse.js';
import { BigramFilter, type PackedBigrams } from './bigramFilter.js';
import { allowedEdits, editDistance } from './editDistance.js';
import type { GazetteerEntry, NameTarget } from './gazetteer.js';
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
const FUSE_SHORTLIST = 150;
const FUSE_OPTIONS = { includeScore: true, threshold: FUSE_THRESHOLD, ignoreLocation: true, isCaseSensitive: true };

/** A name index as plain data: what a worker thread hands over, cheap to copy and to adopt. */
export interface PackedNames {
  /** Each entry's key, label and targets (as JSON), one after the other. */
  readonly text: string;
  /** Where each entry's key, label and targets end in `text`: three numbers an entry. */
  readonly ends: Int32Array;
  /**
   * Every name and every word-start suffix of it ("burkina faso", "faso"), as pairs of an entry and where in its key
   * the suffix starts, sorted by the suffix: prefix look-ups bisect it.
   */
  readonly starts: Int32Array;
  /** Past `FUSE_SHORTLIST` names, the bigram filter that shortlists them for fuse.js. */
  readonly bigrams: PackedBigrams | undefined;
}

/**
 * Fuzzy name look-up over a gazetteer: exact, then prefix (of the name or of any of its words), then
 * typos within a length-aware edit distance. fuse.js finds and ranks candidates; it never decides alone,
 * because plain fuse.js answers "Nigeria" with Niger and "Dori" with Mondoro.
 *
 * It reads its names from a packed form, so that an index built on a worker thread is adopted without rebuilding
 * anything; an entry is put together the first time an answer needs it.
 */
export class NameIndex {
  private readonly completions = new Map<string, GazetteerEntry[]>();
  private readonly entries: (GazetteerEntry | undefined)[];
  /** Keys cut from the packed text when first needed: fuse.js scores the same few hundred again and again. */
  private readonly keys: (string | undefined)[];
  private readonly fuzzy: { fuse: Fuse<string> } | { bigrams: BigramFilter };

  static async build(entries: readonly GazetteerEntry[]): Promise<NameIndex> {
    return new NameIndex(NameIndex.pack(entries));
  }

  /** The packed form of a gazetteer, to build a name index from here or on another thread. */
  static pack(entries: readonly GazetteerEntry[]): PackedNames {
    const ends = new Int32Array(entries.length * 3);
    const parts: string[] = [];
    let end = 0;
    const starts: { text: string; entry: number; offset: number }[] = [];
    entries.forEach((entry, index) => {
      [entry.key, entry.label, JSON.stringify(entry.targets)].forEach((part, field) => {
        parts.push(part);
        end += part.length;
        ends[index * 3 + field] = end;
      });
      for (const offset of wordOffsets(entry.key)) starts.push({ text: entry.key.slice(offset), entry: index, offset });
    });
    starts.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    const keys = entries.map((entry) => entry.key);
    return {
      text: parts.join(''),
      ends,
      starts: Int32Array.from(starts.flatMap(({ entry, offset }) => [entry, offset])),
      bigrams: entries.length <= FUSE_SHORTLIST ? undefined : BigramFilter.pack(keys),
    };
  }

  constructor(private readonly packed: PackedNames) {
    const count = packed.ends.length / 3;
    this.entries = new Array(count);
    this.keys = new Array(count);
    this.fuzzy = packed.bigrams
      ? { bigrams: new BigramFilter(packed.bigrams) }
      : {
          fuse: new Fuse(
            Array.from({ length: count }, (_, index) => this.keyOf(index)),
            FUSE_OPTIONS,
          ),
        };
  }

  get size(): number {
    return this.entries.length;
  }

  match(rawQuery: string): MatchResult {
    const query = normaliseForSearch(rawQuery);
    if (query.length < MIN_QUERY_LENGTH) return { kind: 'not_found', query, suggestions: [] };

    const exact = this.exact(query);
    if (exact !== undefined) return { kind: 'found', query, matches: [{ entry: this.entryAt(exact), how: 'exact' }] };

    if (query.length >= MIN_PREFIX_LENGTH) {
      // "burkina" is Burkina Faso, not every name with a word starting "burkina".
      const ofWholeNames = this.prefixMatches(query, Number.POSITIVE_INFINITY, true);
      const prefixed = ofWholeNames.length > 0 ? ofWholeNames : this.prefixMatches(query, Number.POSITIVE_INFINITY);
      if (prefixed.length > 0)
        return {
          kind: 'found',
          query,
          matches: prefixed.map((index) => ({ entry: this.entryAt(index), how: 'prefix' })),
        };
    }

    const candidates = this.fuzzyCandidates(query);
    const closest = candidates.filter((candidate) => candidate.distance === candidates[0]?.distance);
    if (closest.length > 0 && (closest[0]?.distance ?? Number.POSITIVE_INFINITY) <= allowedEdits(query.length)) {
      return {
        kind: 'found',
        query,
        matches: closest.map(({ index }) => ({ entry: this.entryAt(index), how: 'fuzzy' })),
      };
    }
    return {
      kind: 'not_found',
      query,
      suggestions: this.nearMisses(candidates, query)
        .slice(0, SUGGESTION_COUNT)
        .map((index) => this.entryAt(index)),
    };
  }

  /** Names for autocomplete, best first: exact, prefixes, typos, then near misses. Never throws. */
  complete(rawQuery: string, limit: number): GazetteerEntry[] {
    const query = normaliseForSearch(rawQuery);
    const cached = this.completions.get(query);
    if (cached) return cached.slice(0, limit);

    const found = new Set<number>();
    if (query === '') {
      for (let index = 0; index < this.entries.length && found.size < limit; index++) found.add(index);
    } else {
      const exact = this.exact(query);
      if (exact !== undefined) found.add(exact);
      for (const index of this.prefixMatches(query, limit)) found.add(index);
      if (found.size < limit && query.length > MIN_PREFIX_LENGTH) {
        for (const index of this.nearMisses(this.fuzzyCandidates(query), query)) found.add(index);
      }
    }
    const result = [...found].slice(0, limit).map((index) => this.entryAt(index));
    if (this.completions.size >= AUTOCOMPLETE_CACHE_SIZE) this.completions.clear();
    this.completions.set(query, result);
    return result;
  }

  /** The entry whose whole name is `query`. */
  private exact(query: string): number | undefined {
    let exact: number | undefined;
    for (let at = this.firstStartFrom(query); at < this.startCount && this.startText(at) === query; at++) {
      if (this.packed.starts[2 * at + 1] === 0) exact = this.packed.starts[2 * at];
    }
    return exact;
  }

  /** Entries with a name (or, unless `wholeNamesOnly`, any word of it) starting with `query`, shortest first. */
  private prefixMatches(query: string, limit: number, wholeNamesOnly = false): number[] {
    const found = new Set<number>();
    // Gather more than asked for, so that the shortest names win whatever their alphabetical place.
    for (let at = this.firstStartFrom(query); at < this.startCount && found.size < limit * 4; at++) {
      if (!this.startText(at).startsWith(query)) break;
      if (this.packed.starts[2 * at + 1] === 0 || !wholeNamesOnly) found.add(this.packed.starts[2 * at] ?? 0);
    }
    const keys = new Map([...found].map((index) => [index, this.keyOf(index)]));
    const keyOf = (index: number) => keys.get(index) ?? '';
    return [...found]
      .sort((a, b) => keyOf(a).length - keyOf(b).length || keyOf(a).localeCompare(keyOf(b)))
      .slice(0, limit);
  }

  /** Candidates close enough to be worth a "did you mean": a typo or two beyond what is answered. */
  private nearMisses(candidates: { index: number; distance: number }[], query: string): number[] {
    const cap = allowedEdits(query.length) + 2;
    return candidates.filter(({ distance }) => distance <= cap).map(({ index }) => index);
  }

  /** fuse.js candidates, ordered by edit distance then fuse score. */
  private fuzzyCandidates(query: string): { index: number; distance: number }[] {
    const cap = allowedEdits(query.length) + 2;
    const { fuse, pool } = this.fuseFor(query);
    return fuse
      .search(query, { limit: FUSE_CANDIDATES })
      .map((result, rank) => {
        const index = pool ? (pool[result.refIndex] ?? 0) : result.refIndex;
        return { index, rank, distance: editDistance(query, this.keyOf(index), cap) };
      })
      .sort((a, b) => a.distance - b.distance || a.rank - b.rank)
      .map(({ index, distance }) => ({ index, distance }));
  }

  /**
   * fuse.js over the whole gazetteer when it is small, else over the bigram shortlist for this query (`pool` then
   * maps fuse's indexes to the gazetteer's).
   */
  private fuseFor(query: string): { fuse: Fuse<string>; pool?: readonly number[] } {
    if ('fuse' in this.fuzzy) return { fuse: this.fuzzy.fuse };
    const pool = this.fuzzy.bigrams.candidates(query, FUSE_SHORTLIST);
    return {
      fuse: new Fuse(
        pool.map((index) => this.keyOf(index)),
        FUSE_OPTIONS,
      ),
      pool,
    };
  }

  private entryAt(index: number): GazetteerEntry {
    let entry = this.entries[index];
    if (!entry) {
      entry = {
        key: this.keyOf(index),
        label: this.field(index, 1),
        targets: JSON.parse(this.field(index, 2)) as NameTarget[],
      };
      this.entries[index] = entry;
    }
    return entry;
  }

  private keyOf(index: number): string {
    let key = this.keys[index];
    if (key === undefined) {
      key = this.field(index, 0);
      this.keys[index] = key;
    }
    return key;
  }

  /** An entry's key (0), label (1) or targets as JSON (2). */
  private field(index: number, field: 0 | 1 | 2): string {
    const at = index * 3 + field;
    return this.packed.text.slice(at === 0 ? 0 : (this.packed.ends[at - 1] ?? 0), this.packed.ends[at] ?? 0);
  }

  private get startCount(): number {
    return this.packed.starts.length / 2;
  }

  /** The name or word-start suffix at a place in the sorted starts. */
  private startText(at: number): string {
    const entry = this.packed.starts[2 * at] ?? 0;
    const keyStart = entry === 0 ? 0 : (this.packed.ends[entry * 3 - 1] ?? 0);
    return this.packed.text.slice(keyStart + (this.packed.starts[2 * at + 1] ?? 0), this.packed.ends[entry * 3] ?? 0);
  }

  /** The first place in the sorted starts whose text is not below `query`. */
  private firstStartFrom(query: string): number {
    let low = 0;
    let high = this.startCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.startText(middle) < query) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Where each word of a key starts: the whole key first. */
function wordOffsets(key: string): number[] {
  const offsets = [0];
  for (let i = key.indexOf(' '); i !== -1; i = key.indexOf(' ', i + 1)) offsets.push(i + 1);
  return offsets;
}
