import { availableParallelism } from 'node:os';
import type { Database, Statement } from 'better-sqlite3';
import { type DatasetRecords, incidentIdsIn } from './dataset.js';
import type { IncidentRow } from './incidentRow.js';
import type { Figure, Statement as StatementRecord } from './schema.js';

/**
 * What an index file holds. Each record is its validated JSON, beside the columns it is looked up by: a field the
 * schema gains reaches the answers without a change here. Bump `INDEX_FORMAT` when the tables change.
 */
export const INDEX_FORMAT = 5;

const TABLES = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE heads (kind TEXT NOT NULL, position INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, position));
CREATE TABLE places (id INTEGER PRIMARY KEY, json TEXT NOT NULL UNIQUE, incidents INTEGER NOT NULL);
CREATE TABLE incidents (row INTEGER PRIMARY KEY, id TEXT NOT NULL, country TEXT NOT NULL, actor TEXT,
  date TEXT NOT NULL, first_day TEXT NOT NULL, last_day TEXT NOT NULL, place INTEGER NOT NULL,
  place_key TEXT NOT NULL, target TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE figures (row INTEGER PRIMARY KEY, id TEXT NOT NULL, region INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE statements (row INTEGER PRIMARY KEY, id TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE figure_incidents (incident TEXT NOT NULL, figure INTEGER NOT NULL, PRIMARY KEY (incident, figure)) WITHOUT ROWID;
CREATE TABLE statement_incidents (incident TEXT NOT NULL, statement INTEGER NOT NULL, PRIMARY KEY (incident, statement)) WITHOUT ROWID;
CREATE TABLE statement_countries (country TEXT NOT NULL, statement INTEGER NOT NULL, PRIMARY KEY (country, statement)) WITHOUT ROWID;
CREATE TABLE group_counts (kind TEXT NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;
CREATE TABLE tolls (country TEXT PRIMARY KEY, toll TEXT NOT NULL, map TEXT NOT NULL, points BLOB);
`;

/** Built once all rows are in: faster than keeping them up to date row by row. */
const INDEXES = `
CREATE INDEX incidents_id ON incidents (id, row);
CREATE INDEX incidents_country ON incidents (country, date DESC, place_key, row);
CREATE INDEX incidents_actor ON incidents (actor, date DESC, place_key, row) WHERE actor IS NOT NULL;
CREATE INDEX incidents_place ON incidents (place, row);
CREATE INDEX incidents_date ON incidents (date DESC, place_key, row);
CREATE INDEX figures_id ON figures (id, row);
CREATE INDEX figures_region ON figures (row) WHERE region = 1;
CREATE INDEX statements_id ON statements (id, row);
`;

/** The cache, in KiB, while indexes are built: the size of the runs their sorting works in. */
const SORT_CACHE_KIB = 4096;

/** What answers need worked out beforehand, once every record is in. */
const PRECOMPUTED = `
INSERT INTO group_counts SELECT 'country', country, COUNT(*) FROM incidents GROUP BY country;
INSERT INTO group_counts SELECT 'actor', actor, COUNT(*) FROM incidents WHERE actor IS NOT NULL GROUP BY actor;
UPDATE places SET incidents = (SELECT COUNT(*) FROM incidents WHERE incidents.place = places.id);
`;

/** A country's toll and map as the answers work them out at import: their JSON, and the map's positions. */
export interface TollRow {
  readonly country: string;
  readonly toll: string;
  readonly map: string;
  readonly points: Float64Array | null;
}

/**
 * Writes a dataset into an empty database as an import reads it: the head (sources, countries, actors) first, then
 * each kind of record in order, every incident before any figure or statement. `finish` builds the indexes and works
 * out what answers need beforehand. The caller holds one transaction around it all.
 */
export class IndexWriter {
  private readonly insertIncident: Statement;
  private readonly insertPlace: Statement;
  private readonly insertFigure: Statement;
  private readonly insertStatement: Statement;
  private readonly insertFigureIncident: Statement;
  private readonly insertStatementIncident: Statement;
  private readonly insertStatementCountry: Statement;
  private readonly insertToll: Statement;
  private readonly placeIds = new Map<string, number>();
  private readonly rows = { incidents: 0, figures: 0, statements: 0 };

  constructor(
    private readonly db: Database,
    head: Pick<DatasetRecords, 'sources' | 'countries' | 'actors'>,
  ) {
    db.exec(TABLES);
    const insertHead = db.prepare('INSERT INTO heads (kind, position, json) VALUES (?, ?, ?)');
    for (const kind of ['sources', 'countries', 'actors'] as const) {
      for (const [position, record] of head[kind].entries()) insertHead.run(kind, position, JSON.stringify(record));
    }
    this.insertPlace = db.prepare('INSERT INTO places (id, json, incidents) VALUES (?, ?, 0)');
    this.insertIncident = db.prepare(
      `INSERT INTO incidents (row, id, country, actor, date, first_day, last_day, place, place_key, target, json)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertToll = db.prepare('INSERT INTO tolls (country, toll, map, points) VALUES (?, ?, ?, ?)');
    this.insertFigure = db.prepare('INSERT INTO figures (row, id, region, json) VALUES (?, ?, ?, ?)');
    this.insertStatement = db.prepare('INSERT INTO statements (row, id, json) VALUES (?, ?, ?)');
    this.insertFigureIncident = db.prepare('INSERT OR IGNORE INTO figure_incidents (incident, figure) VALUES (?, ?)');
    this.insertStatementIncident = db.prepare(
      'INSERT OR IGNORE INTO statement_incidents (incident, statement) VALUES (?, ?)',
    );
    this.insertStatementCountry = db.prepare(
      'INSERT OR IGNORE INTO statement_countries (country, statement) VALUES (?, ?)',
    );
  }

  incident(incident: IncidentRow): void {
    const { placeJson } = incident;
    let place = this.placeIds.get(placeJson);
    if (place === undefined) {
      place = this.placeIds.size;
      this.placeIds.set(placeJson, place);
      this.insertPlace.run(place, placeJson);
    }
    this.insertIncident.run(
      this.rows.incidents++,
      incident.id,
      incident.countryCode,
      incident.actorId,
      incident.date.value,
      incident.firstDay,
      incident.lastDay,
      place,
      incident.placeKey,
      incident.target,
      incident.json,
    );
  }

  figure(figure: Figure, json = JSON.stringify(figure)): void {
    const row = this.rows.figures++;
    this.insertFigure.run(row, figure.id, figure.scope.kind === 'region' ? 1 : 0, json);
    for (const id of incidentIdsIn(figure.scope)) this.insertFigureIncident.run(id, row);
  }

  statement(statement: StatementRecord, json = JSON.stringify(statement)): void {
    const row = this.rows.statements++;
    this.insertStatement.run(row, statement.id, json);
    for (const id of incidentIdsIn(statement.scope)) this.insertStatementIncident.run(id, row);
    if (statement.scope.kind === 'countries') {
      for (const code of statement.scope.countryCodes) this.insertStatementCountry.run(code, row);
    }
  }

  /** What answers worked out for one country beforehand (its toll, its map), once every record is in. */
  toll(row: TollRow): void {
    const { points } = row;
    this.insertToll.run(
      row.country,
      row.toll,
      row.map,
      points ? Buffer.from(points.buffer, points.byteOffset, points.byteLength) : null,
    );
  }

  /** @param meta the dataset's version, and what tells whether the index still holds */
  finish(meta: Readonly<Record<string, string>>): void {
    const insertMeta = this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    const counts = Object.fromEntries(Object.entries(this.rows).map(([kind, rows]) => [`count:${kind}`, String(rows)]));
    for (const [key, value] of Object.entries({ ...meta, ...counts, format: String(INDEX_FORMAT) })) {
      insertMeta.run(key, value);
    }
    // SQLite sorts an index in runs the size of its cache, on threads of its own: many small runs sort faster, on
    // every core, than one the size of the table.
    this.db.pragma(`cache_size = -${SORT_CACHE_KIB}`);
    this.db.pragma(`threads = ${availableParallelism()}`);
    this.db.exec(INDEXES);
    this.db.exec(PRECOMPUTED);
  }
}
