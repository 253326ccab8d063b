import { forEachChunked } from './chunked.js';
import { ById, type IdPositions, positionsById } from './positions.js';
import type { Actor, Country, DatasetFile, Figure, Incident, Source, Statement } from './schema.js';
import { type Lookup, ShardedMap } from './shardedMap.js';

/** A validated, cross-checked dataset with the look-ups answers need. Immutable once built. */
export interface Dataset extends DatasetFile {
  /** Content hash of the dataset file and every source text. */
  readonly version: string;
  readonly sourcesById: Lookup<Source>;
  readonly countriesByCode: Lookup<Country>;
  readonly actorsById: Lookup<Actor>;
  readonly incidentsById: Lookup<Incident>;
  readonly incidentsByCountry: Lookup<readonly Incident[]>;
  readonly incidentsByActor: Lookup<readonly Incident[]>;
  readonly figuresByIncident: Lookup<readonly Figure[]>;
  readonly statementsByIncident: Lookup<readonly Statement[]>;
}

/** The incidents a figure or statement is about; none for a region- or country-wide one. */
export function incidentIdsIn(scope: Figure['scope'] | Statement['scope']): readonly string[] {
  return scope.kind === 'incidents' ? scope.incidentIds : [];
}

async function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Promise<Lookup<T[]>> {
  const groups = new ShardedMap<T[]>();
  await forEachChunked(items, (item) => {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  });
  return groups;
}

async function byId<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  positions: Lookup<number> | undefined,
): Promise<Lookup<T>> {
  return new ById(positions ?? (await positionsById(items, idOf)), items);
}

/**
 * Builds the look-ups in chunks: a million incidents never hold the event loop for long.
 * @param positions where each id occurs, if the cross-check found them already
 */
export async function buildDataset(data: DatasetFile, version: string, positions?: IdPositions): Promise<Dataset> {
  return {
    ...data,
    version,
    sourcesById: await byId(data.sources, (source) => source.id, positions?.sources),
    countriesByCode: await byId(data.countries, (country) => country.code, positions?.countries),
    actorsById: await byId(data.actors, (actor) => actor.id, positions?.actors),
    incidentsById: await byId(data.incidents, (incident) => incident.id, positions?.incidents),
    incidentsByCountry: await groupBy(data.incidents, (incident) => [incident.countryCode]),
    incidentsByActor: await groupBy(data.incidents, (incident) =>
      incident.perpetrator.actorId ? [incident.perpetrator.actorId] : [],
    ),
    figuresByIncident: await groupBy(data.figures, (figure) => incidentIdsIn(figure.scope)),
    statementsByIncident: await groupBy(data.statements, (statement) => incidentIdsIn(statement.scope)),
  };
}
