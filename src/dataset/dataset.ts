import { CHUNK_SIZE, forEachIndexChunked, type IndexedList, mapChunked, pause } from './chunked.js';
import { ById, type IdPositions, positionsById } from './positions.js';
import type { RecordTable } from './recordTable.js';
import type { Actor, Country, Figure, Incident, Source, Statement } from './schema.js';
import { type Lookup, ShardedMap } from './shardedMap.js';

/** Steps of a loop over typed arrays between two pauses: each is a few array reads and writes. */
const TYPED_STEPS_BETWEEN_PAUSES = 50 * CHUNK_SIZE;

/** Everything a dataset holds: the few sources, countries and actors as they are, the many records in tables. */
export interface DatasetRecords {
  readonly sources: readonly Source[];
  readonly countries: readonly Country[];
  readonly actors: readonly Actor[];
  readonly incidents: RecordTable<Incident>;
  readonly figures: RecordTable<Figure>;
  readonly statements: RecordTable<Statement>;
}

/** A validated, cross-checked dataset with the look-ups answers need. Immutable once built. */
export interface Dataset extends DatasetRecords {
  /** Content hash of the dataset file and every source text. */
  readonly version: string;
  readonly sourcesById: Lookup<Source>;
  readonly countriesByCode: Lookup<Country>;
  readonly actorsById: Lookup<Actor>;
  readonly incidentsById: Lookup<Incident>;
  readonly incidentsByCountry: RecordGroups<Incident>;
  readonly incidentsByActor: RecordGroups<Incident>;
  readonly figuresByIncident: RecordGroups<Figure>;
  readonly statementsByIncident: RecordGroups<Statement>;
  /** What was said about whole countries ("no official toll"), by country code. */
  readonly statementsByCountry: RecordGroups<Statement>;
  /** Aggregates over several countries. */
  readonly regionFigures: readonly Figure[];
}

/** The incidents a figure or statement is about; none for a region- or country-wide one. */
export function incidentIdsIn(scope: Figure['scope'] | Statement['scope']): readonly string[] {
  return scope.kind === 'incidents' ? scope.incidentIds : [];
}

/** The records of a table that share a key (a country, an incident), put together when asked for. */
export class RecordGroups<T extends { readonly id: string }> implements Lookup<T[]> {
  constructor(
    private readonly table: RecordTable<T>,
    /** A group of one is its row alone: a million figures about one incident each would be a million arrays. */
    private readonly rows: Lookup<number | Int32Array | readonly number[]>,
  ) {}

  get size(): number {
    return this.rows.size;
  }

  get(key: string): T[] | undefined {
    const rows = this.rowsOf(key);
    if (!rows) return undefined;
    const records: T[] = [];
    for (let index = 0; index < rows.length; index++) records.push(this.table.at(rows[index] as number) as T);
    return records;
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }

  /** `get`, put together in chunks: a country's 300,000 incidents take a while. */
  async getInChunks(key: string): Promise<T[]> {
    return mapChunked(this.rowsOf(key) ?? [], (row) => this.table.at(row) as T);
  }

  /** How many records share `key`, without putting them together. */
  count(key: string): number {
    return this.rowsOf(key)?.length ?? 0;
  }

  private rowsOf(key: string): Int32Array | readonly number[] | undefined {
    const rows = this.rows.get(key);
    return typeof rows === 'number' ? [rows] : rows;
  }
}

/**
 * @param field when the keys come from a field whose values records share, the keys of each distinct value are
 * worked out once, and its rows added together
 */
async function groupBy<T extends { readonly id: string }, K extends keyof T & string>(
  table: RecordTable<T>,
  field: K,
  keysOf: (value: T[K]) => readonly string[],
): Promise<RecordGroups<T>> {
  const groups = new ShardedMap<number | Int32Array | number[]>();
  /** The rows of each value that leads to a key, joined once all values are seen. */
  const rowsByKey = new Map<string, Int32Array[]>();
  const coded = await table.forEachCode(field, (_, rows) => {
    for (const key of keysOf(table.field(rows[0] as number, field))) {
      const parts = rowsByKey.get(key);
      if (parts) parts.push(rows);
      else rowsByKey.set(key, [rows]);
    }
  });
  for (const [key, parts] of rowsByKey) {
    const [first] = parts;
    if (parts.length === 1 && first) {
      groups.set(key, first.length === 1 ? (first[0] as number) : first);
      continue;
    }
    // The rows of several values, each in row order: joined, then put back in row order.
    const joined = new Int32Array(parts.reduce((length, part) => length + part.length, 0));
    let length = 0;
    for (const part of parts) {
      joined.set(part, length);
      length += part.length;
    }
    groups.set(key, joined.sort());
    await pause();
  }
  if (!coded) {
    await forEachIndexChunked(table.length, (row) => {
      for (const key of keysOf(table.field(row, field))) {
        const group = groups.get(key);
        if (group === undefined) groups.set(key, row);
        else if (typeof group === 'number') groups.set(key, [group, row]);
        else (group as number[]).push(row);
      }
    });
  }
  return new RecordGroups(table, groups);
}

/**
 * The records of a table grouped by the incidents they are about, kept as rows in one typed array in the incidents'
 * order: at a million figures about an incident each, a map of groups was a million entries for the garbage
 * collector to trace.
 * @param incidentIdsOf the incidents a record is about, every one of them known to `incidentRows`
 */
async function groupByIncident<T extends { readonly id: string }>(
  table: RecordTable<T>,
  incidentRows: Lookup<number>,
  incidentCount: number,
  incidentIdsOf: (row: number) => readonly string[],
): Promise<RecordGroups<T>> {
  const pairs: number[] = [];
  const starts = new Int32Array(incidentCount + 1);
  await forEachIndexChunked(table.length, (row) => {
    for (const id of incidentIdsOf(row)) {
      const incident = incidentRows.get(id) as number;
      pairs.push(incident, row);
      starts[incident + 1] = (starts[incident + 1] as number) + 1;
    }
  });
  let groups = 0;
  for (let incident = 0; incident < incidentCount; incident++) {
    if (starts[incident + 1] !== 0) groups += 1;
    starts[incident + 1] = (starts[incident + 1] as number) + (starts[incident] as number);
    if (incident % TYPED_STEPS_BETWEEN_PAUSES === 0) await pause();
  }
  const rows = new Int32Array(pairs.length / 2);
  const filled = starts.slice(0, incidentCount);
  for (let pair = 0; pair < pairs.length; pair += 2) {
    const incident = pairs[pair] as number;
    rows[filled[incident] as number] = pairs[pair + 1] as number;
    filled[incident] = (filled[incident] as number) + 1;
    if (pair % TYPED_STEPS_BETWEEN_PAUSES === 0) await pause();
  }
  const rowsOf = (id: string): Int32Array | undefined => {
    const incident = incidentRows.get(id);
    if (incident === undefined || starts[incident] === starts[incident + 1]) return undefined;
    return rows.subarray(starts[incident], starts[incident + 1]);
  };
  return new RecordGroups(table, { get: rowsOf, has: (id) => rowsOf(id) !== undefined, size: groups });
}

async function byId<T>(
  items: { at(index: number): T | undefined },
  ids: IndexedList<string>,
  positions: Lookup<number> | undefined,
): Promise<Lookup<T>> {
  return new ById(positions ?? (await positionsById(ids)), items);
}

/**
 * Builds the look-ups in chunks: a million incidents never hold the event loop for long.
 * @param positions where each id occurs, if the cross-check found them already
 */
export async function buildDataset(data: DatasetRecords, version: string, positions?: IdPositions): Promise<Dataset> {
  const { incidents, figures, statements } = data;
  const incidentRows = positions?.incidents ?? (await positionsById(incidents.ids));
  const regionRows: number[] = [];
  return {
    ...data,
    version,
    sourcesById: await byId(
      data.sources,
      data.sources.map((source) => source.id),
      positions?.sources,
    ),
    countriesByCode: await byId(
      data.countries,
      data.countries.map((country) => country.code),
      positions?.countries,
    ),
    actorsById: await byId(
      data.actors,
      data.actors.map((actor) => actor.id),
      positions?.actors,
    ),
    incidentsById: await byId(incidents, incidents.ids, incidentRows),
    incidentsByCountry: await groupBy(incidents, 'countryCode', (code) => [code]),
    incidentsByActor: await groupBy(incidents, 'perpetrator', ({ actorId }) => (actorId ? [actorId] : [])),
    figuresByIncident: await groupByIncident(figures, incidentRows, incidents.length, (row) => {
      const scope = figures.field(row, 'scope');
      if (scope.kind === 'region') regionRows.push(row);
      return incidentIdsIn(scope);
    }),
    statementsByIncident: await groupByIncident(statements, incidentRows, incidents.length, (row) =>
      incidentIdsIn(statements.field(row, 'scope')),
    ),
    statementsByCountry: await groupBy(statements, 'scope', (scope) =>
      scope.kind === 'countries' ? scope.countryCodes : [],
    ),
    regionFigures: regionRows.map((row) => figures.at(row) as Figure),
  };
}
