import type { Coordinates, Incident } from '../dataset/schema.js';
import type { ActorTable } from './actors.js';
import type { CountryTable } from './countries.js';

/** A row turned into an incident, or the reason it was skipped. */
export type RowResult = { readonly incident: Incident } | { readonly skipped: string };

/** What a row mapper needs besides the row: the import's source and the tables it fills. */
export interface RowContext {
  readonly sourceId: string;
  readonly actors: ActorTable;
  readonly countries: CountryTable;
}

/** A whole number of zero or more, from a cell; undefined for an empty or malformed cell (never read as 0). */
export function count(cell: string | undefined): number | undefined {
  return cell !== undefined && /^\d+$/.test(cell) ? Number(cell) : undefined;
}

/** A point, when both cells hold a coordinate in range: a missing one is no point, never 0,0. */
export function pointOf(
  latitude: string | undefined,
  longitude: string | undefined,
  precision: Coordinates['precision'],
  name: string,
): Coordinates | undefined {
  if (!latitude || !longitude) return undefined;
  const lat = Number(latitude);
  const lon = Number(longitude);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return { latitude: lat, longitude: lon, precision, basis: { kind: 'dataset', name } };
}

/** The names of a `; `-separated cell. */
export function namesIn(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/**
 * What every imported record becomes: a place with no aliases or nearby places, no target, no perpetrator (ACLED's
 * actor order and UCDP's side_a say nothing about who attacked), the dataset's record as its only source.
 */
export function importedIncident(parts: {
  readonly id: string;
  readonly placeName: string;
  readonly adminArea: string;
  readonly precision: Incident['place']['precision'];
  readonly location: Coordinates | undefined;
  readonly countryCode: string;
  readonly date: Incident['date'];
  readonly sourceId: string;
  readonly datasetRecord: NonNullable<Incident['datasetRecord']>;
}): Incident {
  return {
    id: parts.id,
    place: {
      name: parts.placeName,
      aliases: [],
      nearby: [],
      adminArea: parts.adminArea === '' ? null : parts.adminArea,
      precision: parts.precision,
      nearbyLocations: [],
    },
    ...(parts.location ? { location: parts.location } : {}),
    countryCode: parts.countryCode,
    target: 'unspecified',
    date: parts.date,
    perpetrator: { actorId: null, attribution: 'not_stated' },
    outcomes: [],
    sourceIds: [parts.sourceId],
    datasetRecord: parts.datasetRecord,
  };
}
