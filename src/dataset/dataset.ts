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
  readonly incidentsByCountry: RecordGroups<Incident>;
  readonly incidentsByActor: RecordGroups<Incident>;
  /** By the `id` of a `PlaceEntry`, as text. */
  readonly incidentsByPlace: RecordGroups<Incident>;
  readonly figuresByIncident: RecordGroups<Figure>;
  readonly statementsByIncident: RecordGroups<Statement>;
  /** What was said about whole countries ("no official toll"), by country code. */
  readonly statementsByCountry: RecordGroups<Statement>;
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
