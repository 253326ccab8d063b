import type { Actor, Country, Incident } from '../dataset/schema.js';
import type { KnownPlace } from './places.js';

/** What the dataset already knows that a draft is matched against: its places, groups and countries. */
export interface Known {
  readonly places: readonly KnownPlace[];
  readonly actors: readonly Actor[];
  readonly countries: readonly Country[];
}

/** The gazetteer of a dataset: each incident's place once, by name and country, with its spellings. */
export function knownFrom(data: {
  readonly countries: readonly Country[];
  readonly actors: readonly Actor[];
  readonly incidents: Iterable<Incident>;
}): Known {
  const places = new Map<string, KnownPlace>();
  for (const incident of data.incidents) {
    const key = `${incident.countryCode}:${incident.place.name.toLowerCase()}`;
    const seen = places.get(key);
    const aliases = [...new Set([...(seen?.aliases ?? []), ...incident.place.aliases])];
    places.set(key, {
      name: incident.place.name,
      aliases,
      countryCode: incident.countryCode,
      adminArea: seen?.adminArea ?? incident.place.adminArea,
      precision: incident.place.precision,
    });
  }
  return { places: [...places.values()], actors: data.actors, countries: data.countries };
}
