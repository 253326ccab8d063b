import type { Actor, Country, DatasetFile, Figure, Incident, Source, Statement } from './schema.js';

/** What answers use of a look-up: reading, never iterating. */
export interface Lookup<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
  readonly size: number;
}

/** The records of one kind, in the order the data lists them (`dataset.json`, then the `.jsonl` lines). */
export interface RecordList<T extends { readonly id: string }> extends Iterable<T> {
  readonly length: number;
  /** The records' ids, in order, without reading the records. */
  readonly ids: Iterable<string>;
  /** The record at `row` (from 0); undefined past the end. */
  at(row: number): T | undefined;
}

/**
 * The records that share a key (a country, an incident), in the data's order. Records are read anew on each
 * asking: compare them by id, never by identity.
 */
export interface RecordGroups<T extends { readonly id: string }> extends Lookup<T[]> {
  /** How many records share `key`, without reading them. */
  count(key: string): number;
}

/** A distinct place incidents name, with its number: what the gazetteer is built from. */
export interface PlaceEntry {
  readonly id: number;
  readonly place: Incident['place'];
  /** How many incidents name it. */
  readonly incidents: number;
}

/** What a map, a timeline and a toll need of an incident. */
export interface IncidentOutline {
  readonly id: string;
  readonly date: Pick<Incident['date'], 'value' | 'precision'>;
  readonly place: Pick<Incident['place'], 'name'>;
  readonly location?: Pick<NonNullable<Incident['location']>, 'longitude' | 'latitude' | 'precision'> | undefined;
}

/** What `/attacks` narrows to: codes and ids, and days as ISO text. */
export interface IncidentFilter {
  readonly country?: string;
  readonly actor?: string;
  readonly target?: Incident['target'];
  /** Incidents that may have happened on this day or later. */
  readonly fromDay?: string;
  /** Incidents that may have happened on this day or earlier. */
  readonly toDay?: string;
}

/** Countries, groups and places (by `PlaceEntry` id) whose incidents a name stands for. */
export interface IncidentKeys {
  readonly countries: readonly string[];
  readonly actors: readonly string[];
  readonly places: readonly number[];
}

/** A country's toll and map as an import worked them out, in the JSON the answers wrote. */
export interface StoredToll {
  readonly toll: string;
  /** Read only when a map is drawn: a large country's positions take megabytes. */
  map(): { readonly json: string; readonly points: Float64Array | null };
}

/** A validated, cross-checked dataset with the look-ups answers need. Immutable once built. */
export interface Dataset {
  /** Content hash of the dataset file, its record files and every source text. */
  readonly version: string;
  readonly sources: readonly Source[];
  readonly countries: readonly Country[];
  readonly actors: readonly Actor[];
  readonly incidents: RecordList<Incident>;
  readonly figures: RecordList<Figure>;
  readonly statements: RecordList<Statement>;
  readonly sourcesById: Lookup<Source>;
  readonly countriesByCode: Lookup<Country>;
  readonly actorsById: Lookup<Actor>;
  readonly incidentsById: Lookup<Incident>;
  readonly figuresById: Lookup<Figure>;
  readonly incidentsByCountry: RecordGroups<Incident>;
  readonly incidentsByActor: RecordGroups<Incident>;
  /** By the `id` of a `PlaceEntry`, as text. */
  readonly incidentsByPlace: RecordGroups<Incident>;
  readonly figuresByIncident: RecordGroups<Figure>;
  readonly statementsByIncident: RecordGroups<Statement>;
  /** What was said about whole countries ("no official toll"), by country code. */
  readonly statementsByCountry: RecordGroups<Statement>;
  /** A page of incidents newest first (by date, then place name), and how many match in all. */
  newestIncidents(
    filter: IncidentFilter,
    offset: number,
    limit: number,
  ): { readonly incidents: Incident[]; readonly total: number };
  /** The `limit` newest incidents of any of `keys`, leaving out those in `except`. */
  newestOfAny(keys: IncidentKeys, except: readonly string[], limit: number): Incident[];
  /** How many incidents any of `keys` has, each counted once. */
  countOfAny(keys: IncidentKeys): number;
  /** Each country's toll, worked out at import, by country code. */
  readonly tolls: Lookup<StoredToll>;
  /** Aggregates over several countries. */
  readonly regionFigures: readonly Figure[];
  /**
   * The earliest and latest incident dates, as written; null without incidents. Dates are ISO text of a day or a
   * month, which sort by plain comparison: a month sorts before its days, so a month-precision date is the earliest
   * of its month and, as the latest, may hide later days.
   */
  readonly period: { readonly earliest: string; readonly latest: string } | null;
  /** Every distinct place incidents name. */
  readonly places: readonly PlaceEntry[];
  /** The index file it reads, or undefined for a dataset in memory. */
  readonly file: string | undefined;
  /** Lets go of the index file; reading afterwards throws. */
  close(): void;
}

/** Everything a dataset file holds, with its records from the `.jsonl` files too: what an import writes. */
export type DatasetRecords = Pick<
  DatasetFile,
  'sources' | 'countries' | 'actors' | 'incidents' | 'figures' | 'statements'
>;

/** The incidents a figure or statement is about; none for a region- or country-wide one. */
export function incidentIdsIn(scope: Figure['scope'] | Statement['scope']): readonly string[] {
  return scope.kind === 'incidents' ? scope.incidentIds : [];
}

/** The first and last day an incident's date may be: a month's whole month, a week's seven days. */
export function daysOf(date: Pick<Incident['date'], 'value' | 'precision'>): { first: string; last: string } {
  if (date.precision === 'month') return { first: firstDay(date.value), last: lastDay(date.value) };
  if (date.precision === 'week') {
    const end = new Date(`${date.value}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 6);
    return { first: date.value, last: end.toISOString().slice(0, 10) };
  }
  return { first: date.value, last: date.value };
}

/** ISO days compare as text; a month's last day needs no calendar: "-31" sorts after every day of any month. */
export const firstDay = (date: string) => (date.length === 7 ? `${date}-01` : date);
export const lastDay = (date: string) => (date.length === 7 ? `${date}-31` : date);

/**
 * What place names sort by when attacks share a date: the letters without accents or case, as a reader sorts them
 * ("Ségou" before "Sikasso"), and as the index orders them. Kept in `cache` by name: a million incidents name a few
 * thousand places.
 */
export function sortKeyOf(name: string, cache?: Map<string, string>): string {
  let key = cache?.get(name);
  if (key === undefined) {
    key = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    cache?.set(name, key);
  }
  return key;
}
