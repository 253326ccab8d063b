import type { RecordChecks, RecordIssue } from './crossCheck.js';
import { daysOf, sortKeyOf } from './dataset.js';
import type { Incident } from './schema.js';

/**
 * What an import writes of an incident and works tolls out from, worked out where the incident was validated: on a
 * validation thread, the import's own thread never parses the incident again.
 */
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

/** An incident as validation hands it to the import: its row, and what `RecordChecks` found wrong with it. */
export interface CheckedIncident {
  readonly row: IncidentRow;
  readonly issues: readonly RecordIssue[];
}

/** Checks incidents and makes them rows, wherever they are validated: on a validation thread or the import's. */
export function incidentPreparer(checks: RecordChecks): (incident: Incident) => CheckedIncident {
  const sortKeys = new Map<string, string>();
  return (incident) => ({
    row: incidentRow(incident, JSON.stringify(incident), sortKeys),
    issues: checks.incidentIssues(incident),
  });
}
