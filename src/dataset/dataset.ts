import { forEachChunked } from './chunked.js';
import { ById, positionsById } from './positions.js';
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

async function byKey<T>(items: readonly T[], keyOf: (item: T) => string): Promise<ShardedMap<T>> {
  const map = new ShardedMap<T>();
  await forEachChunked(items, (item) => map.set(keyOf(item), item));
  return map;
}

/**
 * Builds the look-ups in chunks: a million incidents never hold the event loop for long.
 * @param incidentPositions where each incident id occurs in `data.incidents`, if the cross-check found them already
 */
export async function buildDataset(
  data: DatasetFile,
  version: string,
  incidentPositions?: Lookup<number>,
): Promise<Dataset> {
  return {
    ...data,
    version,
    sourcesById: await byKey(data.sources, (source) => source.id),
    countriesByCode: await byKey(data.countries, (country) => country.code),
    actorsById: await byKey(data.actors, (actor) => actor.id),
    incidentsById: new ById(
      incidentPositions ?? (await positionsById(data.incidents, (incident) => incident.id)),
      data.incidents,
    ),
    incidentsByCountry: await groupBy(data.incidents, (incident) => [incident.countryCode]),
    incidentsByActor: await groupBy(data.incidents, (incident) =>
      incident.perpetrator.actorId ? [incident.perpetrator.actorId] : [],
    ),
    figuresByIncident: await groupBy(data.figures, (figure) => incidentIdsIn(figure.scope)),
    statementsByIncident: await groupBy(data.statements, (statement) => incidentIdsIn(statement.scope)),
  };
}
