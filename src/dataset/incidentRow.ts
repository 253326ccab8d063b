import { daysOf, sortKeyOf } from './dataset.js';
import type { Incident } from './schema.js';

/** What an import writes of an incident and works tolls out from: worked out once for both. */
export interface IncidentRow {
  readonly id: string;
  readonly countryCode: string;
  readonly actorId: string | null;
  readonly date: Pick<Incident['date'], 'value' | 'precision'>;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly placeName: string;
  /** The place as JSON: incidents at the same place share one. */
  readonly placeJson: string;
  /** What the place's name sorts by. */
  readonly placeKey: string;
  readonly target: Incident['target'];
  readonly location: Pick<NonNullable<Incident['location']>, 'longitude' | 'latitude' | 'precision'> | undefined;
  /** The whole incident as JSON. */
  readonly json: string;
}

/**
 * @param json the incident as JSON
 * @param sortKeys what each place name sorts by, as far as worked out
 */
export function incidentRow(incident: Incident, json: string, sortKeys: Map<string, string>): IncidentRow {
  const { date, place, location } = incident;
  const days = daysOf(date);
  return {
    id: incident.id,
    countryCode: incident.countryCode,
    actorId: incident.perpetrator.actorId,
    date: { value: date.value, precision: date.precision },
    firstDay: days.first,
    lastDay: days.last,
    placeName: place.name,
    placeJson: JSON.stringify(place),
    placeKey: sortKeyOf(place.name, sortKeys),
    target: incident.target,
    location: location && {
      longitude: location.longitude,
      latitude: location.latitude,
      precision: location.precision,
    },
    json,
  };
}
