import { describe, expect, it } from 'vitest';
import { SYLLABLES } from '../../bench/generateDataset.js';
import type { GazetteerEntry } from '../../src/search/gazetteer.js';
import { NameIndex } from '../../src/search/nameIndex.js';
import { normaliseForSearch } from '../../src/search/normalise.js';

// Thousands of names: past the size where fuse.js scores all of them, a bigram shortlist comes first.
const syllables = SYLLABLES.slice(0, 16);
const names = syllables.flatMap((a) => syllables.flatMap((b) => syllables.map((c) => `${a}${b}${c}`)));
const entry = (name: string): GazetteerEntry => ({ key: normaliseForSearch(name), label: name, targets: [] });
const index = await NameIndex.build([...new Set([...names, 'Boulkessi', 'Niger'])].map(entry));

const answer = (query: string) => {
  const result = index.match(query);
  return result.kind === 'found' ? result.matches.map((match) => match.entry.label) : null;
};

describe('a name index of thousands of names', () => {
  it('GIVEN its size THEN it is past the shortlist threshold', () => {
    expect(index.size).toBeGreaterThan(4000);
  });

  it.each([
    ['Boulkesi', 'Boulkessi'],
    ['Bouklessi', 'Boulkessi'],
    ['Boulkessy', 'Boulkessi'],
    ['dalmedio', 'dalmedio'],
    ['dlamedio', 'dalmedio'],
  ])('GIVEN the typo %s THEN %s is among the answers', (query, expected) => {
    expect(answer(query)).toContain(expected);
  });

  it('GIVEN a near miss THEN not found, with the near name as a suggestion', () => {
    const result = index.match('Nigeria');
    expect(result.kind).toBe('not_found');
    expect(result.kind === 'not_found' && result.suggestions.map((s) => s.label)).toContain('Niger');
  });

  it('GIVEN nothing alike THEN not found', () => {
    expect(answer('Ouagadougou')).toBeNull();
  });

  it('GIVEN a prefix THEN autocomplete lists every name that starts with it first, near misses after, at most the limit', () => {
    const completions = index.complete('dalme', 25).map((e) => e.key);
    const starting = names.filter((name) => name.startsWith('dalme'));
    expect(starting).toHaveLength(16);
    expect(completions.slice(0, 16).sort()).toEqual(starting.sort());
    expect(completions.length).toBeLessThanOrEqual(25);
  });
});
