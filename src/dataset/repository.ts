import type { Database, Statement as SqlStatement } from 'better-sqlite3';
import type { Dataset, IncidentKeys, Lookup, PlaceEntry, RecordGroups, RecordList, StoredToll } from './dataset.js';
import type { Actor, Country, Figure, Incident, Source, Statement } from './schema.js';

/** Rows read at a time when a whole list is walked. */
const PAGE_ROWS = 1_000;

/**
 * The records of an index file through prepared statements. The file was validated when it was written: each
 * JSON is a record of the schema, and is read back as one.
 */
export function openDataset(db: Database, file: string | undefined): Dataset {
  const meta = new Map(
    db
      .prepare<[], { key: string; value: string }>('SELECT key, value FROM meta')
      .all()
      .map(({ key, value }) => [key, value]),
  );
  const heads = <T>(kind: string): T[] =>
    db
      .prepare<[string], string>('SELECT json FROM heads WHERE kind = ? ORDER BY position')
      .pluck()
      .all(kind)
      .map((json) => JSON.parse(json) as T);
  const sources = heads<Source>('sources');
  const countries = heads<Country>('countries');
  const actors = heads<Actor>('actors');

  const json = <P extends unknown[]>(sql: string) => lazy(() => db.prepare<P, string>(sql).pluck());
  const number = <P extends unknown[]>(sql: string) => lazy(() => db.prepare<P, number>(sql).pluck());

  const list = <T extends { readonly id: string }>(table: string): RecordList<T> => {
    // Counted at import: a count of a million rows reads them all.
    const length = Number(meta.get(`count:${table}`) ?? 0);
    const at = json<[number]>(`SELECT json FROM ${table} WHERE row = ?`);
    const page = json<[number, number]>(`SELECT json FROM ${table} WHERE row >= ? AND row < ? ORDER BY row`);
    const idPage = json<[number, number]>(`SELECT id FROM ${table} WHERE row >= ? AND row < ? ORDER BY row`);
    function* pages<V>(statement: Prepared<[number, number], string>, read: (text: string) => V): Generator<V> {
      for (let start = 0; start < length; start += PAGE_ROWS) {
        for (const text of statement.all(start, start + PAGE_ROWS)) yield read(text);
      }
    }
    return {
      length,
      ids: { [Symbol.iterator]: () => pages(idPage, (id) => id) },
      at: (row) => parsed<T>(at.get(row)),
      [Symbol.iterator]: () => pages(page, (text) => JSON.parse(text) as T),
    };
  };

  const byId = <T>(table: string): Lookup<T> => {
    const get = json<[string]>(`SELECT json FROM ${table} WHERE id = ? ORDER BY row LIMIT 1`);
    const size = number<[]>(`SELECT COUNT(DISTINCT id) FROM ${table}`);
    return lookup(
      (id) => parsed<T>(get.get(id)),
      () => size.get() ?? 0,
    );
  };

  const counting = (sql: string) => {
    const count = number<[string]>(sql);
    return (key: string) => count.get(key) ?? 0;
  };

  const groups = <T extends { readonly id: string }>(
    select: string,
    countOf: (key: string) => number,
    sizeSql: string,
  ): RecordGroups<T> => {
    const all = json<[string]>(select);
    const size = number<[]>(sizeSql);
    return {
      get(key) {
        const records = all.all(key);
        return records.length === 0 ? undefined : records.map((text) => JSON.parse(text) as T);
      },
      has: (key) => countOf(key) > 0,
      count: countOf,
      get size() {
        return size.get() ?? 0;
      },
    };
  };
  const countOfGroup = (kind: string) =>
    counting(`SELECT IFNULL(MAX(count), 0) FROM group_counts WHERE kind = '${kind}' AND key = ?`);

  // Counted at import, and read whole when first asked for: autocomplete counts each place it lists. Places are
  // numbered from 0 in the order the import met them.
  let placeCounts: Int32Array | undefined;
  const countOfPlace = (key: string) => {
    placeCounts ??= Int32Array.from(db.prepare<[], number>('SELECT incidents FROM places ORDER BY id').pluck().all());
    return placeCounts[Number(key)] ?? 0;
  };

  // Read when first asked for: a search index built on another thread never needs them here.
  let places: PlaceEntry[] | undefined;
  const readPlaces = () =>
    db
      .prepare<[], { id: number; json: string; incidents: number }>(
        'SELECT id, json, incidents FROM places ORDER BY id',
      )
      .all()
      .map(({ id, json: text, incidents }) => ({ id, place: JSON.parse(text) as Incident['place'], incidents }));

  const tollRow = lazy(() => db.prepare<[string], string>('SELECT toll FROM tolls WHERE country = ?').pluck());
  const tollMap = lazy(() =>
    db.prepare<[string], { map: string; points: Buffer | null }>('SELECT map, points FROM tolls WHERE country = ?'),
  );
  const tolls: Lookup<StoredToll> = lookup(
    (code) => {
      const toll = tollRow.get(code);
      if (toll === undefined) return undefined;
      return {
        toll,
        map: () => {
          const { map, points } = tollMap.get(code) ?? { map: '{}', points: null };
          // A copy, aligned as a Float64Array must be: the buffer better-sqlite3 gives may start anywhere.
          return { json: map, points: points ? new Float64Array(new Uint8Array(points).buffer) : null };
        },
      };
    },
    () => countries.length,
  );

  // One MIN or MAX a query: SQLite reads both ends of the date index only then, else it scans it all.
  const period = db
    .prepare<[], { earliest: string | null; latest: string | null }>(
      'SELECT (SELECT MIN(date) FROM incidents) AS earliest, (SELECT MAX(date) FROM incidents) AS latest',
    )
    .get();

  const incidentsByCountry = groups<Incident>(
    'SELECT json FROM incidents WHERE country = ? ORDER BY row',
    countOfGroup('country'),
    `SELECT COUNT(*) FROM group_counts WHERE kind = 'country'`,
  );
  const incidentsByActor = groups<Incident>(
    'SELECT json FROM incidents WHERE actor = ? ORDER BY row',
    countOfGroup('actor'),
    `SELECT COUNT(*) FROM group_counts WHERE kind = 'actor'`,
  );
  // Counted at import: a country's quarter of a million incidents are not counted again.
  const counted: GroupCounts = { country: incidentsByCountry.count, actor: incidentsByActor.count };

  const dataset: Dataset = {
    version: meta.get('version') ?? '',
    period: period?.earliest && period.latest ? { earliest: period.earliest, latest: period.latest } : null,
    file,
    sources,
    countries,
    actors,
    incidents: list<Incident>('incidents'),
    figures: list<Figure>('figures'),
    statements: list<Statement>('statements'),
    sourcesById: mapLookup(sources, (source) => source.id),
    countriesByCode: mapLookup(countries, (country) => country.code),
    actorsById: mapLookup(actors, (actor) => actor.id),
    incidentsById: byId<Incident>('incidents'),
    figuresById: byId<Figure>('figures'),
    incidentsByCountry,
    incidentsByActor,
    incidentsByPlace: groups(
      'SELECT json FROM incidents WHERE place = CAST(? AS INTEGER) ORDER BY row',
      countOfPlace,
      'SELECT COUNT(*) FROM places',
    ),
    figuresByIncident: groups(
      'SELECT f.json FROM figure_incidents g JOIN figures f ON f.row = g.figure WHERE g.incident = ? ORDER BY g.figure',
      counting('SELECT COUNT(*) FROM figure_incidents WHERE incident = ?'),
      'SELECT COUNT(DISTINCT incident) FROM figure_incidents',
    ),
    statementsByIncident: groups(
      'SELECT s.json FROM statement_incidents g JOIN statements s ON s.row = g.statement WHERE g.incident = ? ORDER BY g.statement',
      counting('SELECT COUNT(*) FROM statement_incidents WHERE incident = ?'),
      'SELECT COUNT(DISTINCT incident) FROM statement_incidents',
    ),
    statementsByCountry: groups(
      'SELECT s.json FROM statement_countries g JOIN statements s ON s.row = g.statement WHERE g.country = ? ORDER BY g.statement',
      counting('SELECT COUNT(*) FROM statement_countries WHERE country = ?'),
      'SELECT COUNT(DISTINCT country) FROM statement_countries',
    ),
    newestIncidents: newestIncidents(db, meta, counted),
    ...incidentsOfAny(db, counted),
    tolls,
    regionFigures: json<[]>('SELECT json FROM figures WHERE region = 1 ORDER BY row')
      .all()
      .map((text) => JSON.parse(text) as Figure),
    get places() {
      places ??= readPlaces();
      return places;
    },
    close: () => db.close(),
  };
  connections.set(dataset, db);
  return dataset;
}

const connections = new WeakMap<Dataset, Database>();

/** The connection a dataset reads: for work done in SQL over a whole index (what a refresh changed). */
export function connectionOf(dataset: Dataset): Database | undefined {
  return connections.get(dataset);
}

/** How many incidents a country or a group has, as the import counted them. */
interface GroupCounts {
  country(code: string): number;
  actor(id: string): number;
}

/**
 * Pages of incidents newest first, through the indexes that hold them in that order. A count of a country's or a
 * group's incidents, or of all, was made at import; other filters count their matches.
 */
function newestIncidents(
  db: Database,
  meta: ReadonlyMap<string, string>,
  counted: GroupCounts,
): Dataset['newestIncidents'] {
  const statements = new Map<
    string,
    { page: SqlStatement<unknown[], string>; count: SqlStatement<unknown[], number> }
  >();
  return (filter, offset, limit) => {
    const conditions: string[] = [];
    const values: string[] = [];
    const where = (condition: string, value: string | undefined) => {
      if (value === undefined) return;
      conditions.push(condition);
      values.push(value);
    };
    where('country = ?', filter.country);
    where('actor = ?', filter.actor);
    where('target = ?', filter.target);
    where('last_day >= ?', filter.fromDay);
    where('first_day <= ?', filter.toDay);
    const key = conditions.join(' AND ');
    let prepared = statements.get(key);
    if (!prepared) {
      const clause = key === '' ? '' : `WHERE ${key}`;
      prepared = {
        page: db
          .prepare<unknown[], string>(
            `SELECT json FROM incidents ${clause} ORDER BY date DESC, place_key, row LIMIT ? OFFSET ?`,
          )
          .pluck(),
        count: db.prepare<unknown[], number>(`SELECT COUNT(*) FROM incidents ${clause}`).pluck(),
      };
      statements.set(key, prepared);
    }
    let total: number;
    if (key === '') total = Number(meta.get('count:incidents') ?? 0);
    else if (key === 'country = ?' && filter.country !== undefined) total = counted.country(filter.country);
    else if (key === 'actor = ?' && filter.actor !== undefined) total = counted.actor(filter.actor);
    else total = prepared.count.get(...values) ?? 0;
    const incidents = prepared.page.all(...values, limit, offset).map((text) => JSON.parse(text) as Incident);
    return { incidents, total };
  };
}

/** Incidents of several countries, groups or places at once: what a name that stands for several has. */
function incidentsOfAny(db: Database, counted: GroupCounts): Pick<Dataset, 'newestOfAny' | 'countOfAny'> {
  const anyOf = (keys: IncidentKeys) => {
    const parts: { column: string; values: readonly (string | number)[] }[] = [
      { column: 'country', values: keys.countries },
      { column: 'actor', values: keys.actors },
      { column: 'place', values: keys.places },
    ];
    const used = parts.filter(({ values }) => values.length > 0);
    return {
      sql: used.map(({ column, values }) => `${column} IN (${values.map(() => '?').join(', ')})`).join(' OR '),
      values: used.flatMap(({ values }) => values),
    };
  };
  return {
    newestOfAny(keys, except, limit) {
      const { sql, values } = anyOf(keys);
      if (sql === '' || limit <= 0) return [];
      const left = except.length === 0 ? '' : `AND id NOT IN (${except.map(() => '?').join(', ')})`;
      return db
        .prepare<unknown[], string>(
          `SELECT json FROM incidents WHERE (${sql}) ${left} ORDER BY date DESC, place_key, row LIMIT ?`,
        )
        .pluck()
        .all(...values, ...except, limit)
        .map((text) => JSON.parse(text) as Incident);
    },
    countOfAny(keys) {
      const { countries, actors, places } = keys;
      if (places.length === 0 && countries.length + actors.length === 1) {
        return countries[0] !== undefined ? counted.country(countries[0]) : counted.actor(actors[0] ?? '');
      }
      const { sql, values } = anyOf(keys);
      if (sql === '') return 0;
      return (
        db
          .prepare<unknown[], number>(`SELECT COUNT(*) FROM incidents WHERE ${sql}`)
          .pluck()
          .get(...values) ?? 0
      );
    },
  };
}

/** What answers run of a statement. */
interface Prepared<P extends unknown[], R> {
  get(...params: P): R | undefined;
  all(...params: P): R[];
}

/** A statement prepared on first use: most of a dataset's statements are never run by a short-lived one. */
function lazy<P extends unknown[], R>(prepare: () => SqlStatement<P, R>): Prepared<P, R> {
  let statement: SqlStatement<P, R> | undefined;
  const prepared = () => {
    statement ??= prepare();
    return statement;
  };
  return {
    get: (...params) => prepared().get(...params),
    all: (...params) => prepared().all(...params),
  };
}

function parsed<T>(text: string | undefined): T | undefined {
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

function lookup<T>(get: (key: string) => T | undefined, size: () => number): Lookup<T> {
  return {
    get,
    has: (key) => get(key) !== undefined,
    get size() {
      return size();
    },
  };
}

/** The few sources, countries and actors, held as they are. */
function mapLookup<T>(items: readonly T[], keyOf: (item: T) => string): Lookup<T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(keyOf(item))) map.set(keyOf(item), item);
  return map;
}
