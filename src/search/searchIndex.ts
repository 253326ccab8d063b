import type { Dataset } from '../dataset/dataset.js';
import { buildGazetteer } from './gazetteer.js';
import { NameIndex, type PackedNames } from './nameIndex.js';

/** The three look-ups the answers need: anything an attack can be found by, countries alone, groups alone. */
export interface SearchIndex {
  /** Places, their spellings, nearby places and admin areas; countries; groups. */
  readonly anything: NameIndex;
  readonly countries: NameIndex;
  /** Armed groups, by name and alias. */
  readonly groups: NameIndex;
}

/** A search index as plain data: built on a worker thread, handed over and adopted at once. */
export type PackedSearchIndex = { readonly [K in keyof SearchIndex]: PackedNames };

export async function packSearchIndex(dataset: Dataset): Promise<PackedSearchIndex> {
  return {
    anything: NameIndex.pack(await buildGazetteer(dataset, new Set(['incidents', 'country', 'actor']))),
    countries: NameIndex.pack(await buildGazetteer(dataset, new Set(['country']))),
    groups: NameIndex.pack(await buildGazetteer(dataset, new Set(['actor']))),
  };
}

export function adoptSearchIndex(packed: PackedSearchIndex): SearchIndex {
  return {
    anything: new NameIndex(packed.anything),
    countries: new NameIndex(packed.countries),
    groups: new NameIndex(packed.groups),
  };
}

/** The search index built on this thread: for small datasets, where a worker thread would take longer to start. */
export async function buildSearchIndex(dataset: Dataset): Promise<SearchIndex> {
  return adoptSearchIndex(await packSearchIndex(dataset));
}
