import type { Dataset } from '../dataset/dataset.js';
import { buildGazetteer } from './gazetteer.js';
import { NameIndex } from './nameIndex.js';

/** The two look-ups the answers need: anything an attack can be found by, and countries alone. */
export interface SearchIndex {
  /** Places, their spellings, nearby places and admin areas; countries; groups. */
  readonly anything: NameIndex;
  readonly countries: NameIndex;
  /** Armed groups, by name and alias. */
  readonly groups: NameIndex;
}

export async function buildSearchIndex(dataset: Dataset): Promise<SearchIndex> {
  const anything = await NameIndex.build(await buildGazetteer(dataset, new Set(['incidents', 'country', 'actor'])));
  // Answers to other interactions go in between: the index of every name takes a while at thousands of places.
  await new Promise((resolve) => setImmediate(resolve));
  return {
    anything,
    countries: await NameIndex.build(await buildGazetteer(dataset, new Set(['country']))),
    groups: await NameIndex.build(await buildGazetteer(dataset, new Set(['actor']))),
  };
}
