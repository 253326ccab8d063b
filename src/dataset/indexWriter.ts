import type { Database } from 'better-sqlite3';
import { type DatasetRecords, incidentIdsIn } from './dataset.js';

/**
 * What an index file holds. Each record is its validated JSON, beside the columns it is looked up by: a field the
 * schema gains reaches the answers without a change here. Bump `INDEX_FORMAT` when the tables change.
 */
export const INDEX_FORMAT = 1;

const TABLES = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE heads (kind TEXT NOT NULL, position INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, position));
CREATE TABLE places (id INTEGER PRIMARY KEY, json TEXT NOT NULL UNIQUE, incidents INTEGER NOT NULL);
CREATE TABLE incidents (row INTEGER PRIMARY KEY, id TEXT NOT NULL, country TEXT NOT NULL, actor TEXT,
  date TEXT NOT NULL, place INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE figures (row INTEGER PRIMARY KEY, id TEXT NOT NULL, region INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE statements (row INTEGER PRIMARY KEY, id TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE figure_incidents (incident TEXT NOT NULL, figure INTEGER NOT NULL, PRIMARY KEY (incident, figure)) WITHOUT ROWID;
CREATE TABLE statement_incidents (incident TEXT NOT NULL, statement INTEGER NOT NULL, PRIMARY KEY (incident, statement)) WITHOUT ROWID;
CREATE TABLE statement_countries (country TEXT NOT NULL, statement INTEGER NOT NULL, PRIMARY KEY (country, statement)) WITHOUT ROWID;
CREATE TABLE group_counts (kind TEXT NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;
`;

/** Built once all rows are in: faster than keeping them up to date row by row. */
const INDEXES = `
CREATE INDEX incidents_id ON incidents (id, row);
CREATE INDEX incidents_country ON incidents (country, row);
CREATE INDEX incidents_actor ON incidents (actor, row) WHERE actor IS NOT NULL;
CREATE INDEX incidents_place ON incidents (place, row);
CREATE INDEX incidents_date ON incidents (date);
CREATE INDEX figures_id ON figures (id, row);
CREATE INDEX figures_region ON figures (row) WHERE region = 1;
CREATE INDEX statements_id ON statements (id, row);
INSERT INTO group_counts SELECT 'country', country, COUNT(*) FROM incidents GROUP BY country;
INSERT INTO group_counts SELECT 'actor', actor, COUNT(*) FROM incidents WHERE actor IS NOT NULL GROUP BY actor;
UPDATE places SET incidents = (SELECT COUNT(*) FROM incidents WHERE incidents.place = places.id);
ANALYZE;
`;

/** Writes a dataset's records, in order, and what answers need worked out beforehand, into an empty database. */
export function writeIndex(db: Database, records: DatasetRecords, meta: Readonly<Record<string, string>>): void {
  db.exec(TABLES);
  const insertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  const insertHead = db.prepare('INSERT INTO heads (kind, position, json) VALUES (?, ?, ?)');
  const insertPlace = db.prepare('INSERT INTO places (id, json, incidents) VALUES (?, ?, 0)');
  const insertIncident = db.prepare(
    'INSERT INTO incidents (row, id, country, actor, date, place, json) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertFigure = db.prepare('INSERT INTO figures (row, id, region, json) VALUES (?, ?, ?, ?)');
  const insertStatement = db.prepare('INSERT INTO statements (row, id, json) VALUES (?, ?, ?)');
  const insertFigureIncident = db.prepare('INSERT OR IGNORE INTO figure_incidents (incident, figure) VALUES (?, ?)');
  const insertStatementIncident = db.prepare(
    'INSERT OR IGNORE INTO statement_incidents (incident, statement) VALUES (?, ?)',
  );
  const insertStatementCountry = db.prepare(
    'INSERT OR IGNORE INTO statement_countries (country, statement) VALUES (?, ?)',
  );

  db.transaction(() => {
    for (const [key, value] of Object.entries({ ...meta, format: String(INDEX_FORMAT) })) insertMeta.run(key, value);
    for (const kind of ['sources', 'countries', 'actors'] as const) {
      for (const [position, record] of records[kind].entries()) insertHead.run(kind, position, JSON.stringify(record));
    }
    const placeIds = new Map<string, number>();
    for (const [row, incident] of records.incidents.entries()) {
      const placeJson = JSON.stringify(incident.place);
      let place = placeIds.get(placeJson);
      if (place === undefined) {
        place = placeIds.size;
        placeIds.set(placeJson, place);
        insertPlace.run(place, placeJson);
      }
      insertIncident.run(
        row,
        incident.id,
        incident.countryCode,
        incident.perpetrator.actorId,
        incident.date.value,
        place,
        JSON.stringify(incident),
      );
    }
    for (const [row, figure] of records.figures.entries()) {
      insertFigure.run(row, figure.id, figure.scope.kind === 'region' ? 1 : 0, JSON.stringify(figure));
      for (const id of incidentIdsIn(figure.scope)) insertFigureIncident.run(id, row);
    }
    for (const [row, statement] of records.statements.entries()) {
      insertStatement.run(row, statement.id, JSON.stringify(statement));
      for (const id of incidentIdsIn(statement.scope)) insertStatementIncident.run(id, row);
      if (statement.scope.kind === 'countries') {
        for (const code of statement.scope.countryCodes) insertStatementCountry.run(code, row);
      }
    }
    db.exec(INDEXES);
  })();
}
