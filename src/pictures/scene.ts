import type { Answer } from '../answers/answer.js';
import { type AttackMap, attackMap, combinedMap, type TimelineEntry } from '../answers/attackMap.js';
import type { Locale } from '../render/locale.js';

export interface NearbyPlace {
  readonly name: string;
  readonly longitude: number;
  readonly latitude: number;
}

/** What a map shows, worked out from an answer: plain data, so that drawing it is a pure function. */
export interface MapScene extends Omit<AttackMap, 'timeline'> {
  readonly focus: 'attack' | 'countries';
  /** The countries the answer is about: the map is framed on them (or on the attack) and they stand out. */
  readonly countryCodes: readonly string[];
  /** Names of the dataset's countries in the reader's language; other countries take the picture strings' names. */
  readonly countryNames: Readonly<Record<string, string>>;
  readonly nearby: readonly NearbyPlace[];
}

/** What an answer's pictures show; null for an answer that has none (a list to choose from, an error). */
export function sceneOf(
  answer: Answer,
  locale: Locale,
): { map: MapScene; timeline: readonly TimelineEntry[] | null } | null {
  switch (answer.kind) {
    case 'incident': {
      const { incident, figures, country } = answer.report;
      const { timeline: _timeline, ...map } = attackMap(
        [incident],
        figures.map((view) => view.figure),
      );
      const nearby = incident.place.nearbyLocations.map(({ name, location }) => ({
        name,
        longitude: location.longitude,
        latitude: location.latitude,
      }));
      return {
        map: {
          ...map,
          focus: 'attack',
          countryCodes: [country.code],
          countryNames: { [country.code]: country.names[locale] },
          nearby,
        },
        timeline: null,
      };
    }
    case 'toll':
    case 'region': {
      const tolls = answer.kind === 'toll' ? [answer.toll] : answer.toll.countries;
      const { timeline, ...map } = combinedMap(tolls.map((toll) => toll.map()));
      const countryNames = Object.fromEntries(tolls.map(({ country }) => [country.code, country.names[locale]]));
      return {
        map: {
          ...map,
          focus: 'countries',
          countryCodes: tolls.map(({ country }) => country.code),
          countryNames,
          nearby: [],
        },
        timeline,
      };
    }
    default:
      return null;
  }
}
