import type { Dataset } from '../dataset/dataset.js';
import type { Country } from '../dataset/schema.js';
import type { SearchIndex } from '../search/searchIndex.js';
import { type Answer, type CountryToll, checkQuery, figureView, type RegionToll } from './answer.js';
import { countryOf } from './attackAnswer.js';
import type { StoredMapJson, StoredTollJson } from './tollBuilder.js';

/** `/toll`: one country's reported toll, or with no country the whole region's. */
export function answerToll(dataset: Dataset, index: SearchIndex, query: string | undefined): Answer {
  const sources = dataset.sources;
  if (query === undefined || query.trim() === '') return { kind: 'region', toll: regionToll(dataset), sources };
  const invalid = checkQuery(query);
  if (invalid) return invalid;

  const result = index.countries.match(query);
  const [match] = result.kind === 'found' ? result.matches : [];
  const target = match?.entry.targets[0];
  if (result.kind === 'not_found' || result.matches.length > 1 || target?.kind !== 'country') {
    const suggestions =
      result.kind === 'found' ? result.matches.map((m) => m.entry.label) : result.suggestions.map((e) => e.label);
    return { kind: 'not_found', query, searched: 'countries', suggestions };
  }
  return { kind: 'toll', toll: countryToll(dataset, countryOf(dataset, target.code)), sources };
}

export function regionToll(dataset: Dataset): RegionToll {
  return {
    countries: dataset.countries.map((country) => countryToll(dataset, country)),
    regionFigures: dataset.regionFigures.map((figure) => figureView(dataset, figure)),
  };
}

/** Tolls read once per dataset: a figure about thousands of attacks makes a large one. */
const tollsRead = new WeakMap<Dataset, Map<string, CountryToll>>();

/** One country's toll, as the import worked it out. */
export function countryToll(dataset: Dataset, country: Country): CountryToll {
  let tolls = tollsRead.get(dataset);
  if (!tolls) {
    tolls = new Map();
    tollsRead.set(dataset, tolls);
  }
  let toll = tolls.get(country.code);
  if (!toll) {
    toll = readToll(dataset, country);
    tolls.set(country.code, toll);
  }
  return toll;
}

function readToll(dataset: Dataset, country: Country): CountryToll {
  const stored = dataset.tolls.get(country.code);
  if (!stored) throw new Error(`the index holds no toll for ${country.code}: it was written by other code`);
  return {
    ...(JSON.parse(stored.toll) as StoredTollJson),
    country,
    map: () => {
      const { json, points } = stored.map();
      return { ...(JSON.parse(json) as StoredMapJson), points };
    },
  };
}
