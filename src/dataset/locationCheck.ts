import { BORDER_TOLERANCE_DEGREES, isInOrNearCountry } from '../geo/countryMask.js';
import type { Incident } from './schema.js';

type Issue = readonly [path: string, reason: string];

/** Every place named in `nearbyLocations` is one the source mentions, in `nearby`. */
export function nearbyLocationIssues(place: Incident['place']): readonly Issue[] {
  const named = new Set(place.nearby);
  return place.nearbyLocations.flatMap((entry, index) =>
    named.has(entry.name)
      ? []
      : [[`.nearbyLocations[${index}].name`, `"${entry.name}" is not one of the place's nearby places`] as const],
  );
}

/**
 * The point lies in the incident's country, or within about 25 km of it (a place on the border, Natural Earth's
 * simplified outline). A country the atlas table does not know is not checked.
 */
export function locationIssues(location: Incident['location'], countryCode: string): readonly Issue[] {
  if (!location) return [];
  const inside = isInOrNearCountry(countryCode, location.latitude, location.longitude);
  if (inside !== false) return [];
  const km = Math.round(BORDER_TOLERANCE_DEGREES * 111);
  return [
    [
      '',
      `${location.latitude}, ${location.longitude} is not in ${countryCode} nor within about ${km} km of it (latitude first, then longitude)`,
    ],
  ];
}
