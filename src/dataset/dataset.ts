import type { Actor, Country, DatasetFile, Figure, Incident, Source, Statement } from './schema.js';

/** A validated, cross-checked dataset with the look-ups answers need. Immutable once built. */
export interface Dataset extends DatasetFile {
  /** Content hash of the dataset file and every source text. */
  readonly version: string;
  readonly sourcesById: ReadonlyMap<string, Source>;
  readonly countriesByCode: ReadonlyMap<string, Country>;
  readonly actorsById: ReadonlyMap<string, Actor>;
  readonly incidentsById: ReadonlyMap<string, Incident>;
  readonly incidentsByCountry: ReadonlyMap<string, readonly Incident[]>;
  readonly incidentsByActor: ReadonlyMap<string, readonly Incident[]>;
  readonly figuresByIncident: ReadonlyMap<string, readonly Figure[]>;
  readonly statementsByIncident: ReadonlyMap<string, readonly Statement[]>;
}

function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

export function buildDataset(data: DatasetFile, version: string): Dataset {
  return {
    ...data,
    version,
    sourcesById: new Map(data.sources.map((source) => [source.id, source])),
    countriesByCode: new Map(data.countries.map((country) => [country.code, country])),
    actorsById: new Map(data.actors.map((actor) => [actor.id, actor])),
    incidentsById: new Map(data.incidents.map((incident) => [incident.id, incident])),
    incidentsByCountry: groupBy(data.incidents, (incident) => [incident.countryCode]),
    incidentsByActor: groupBy(data.incidents, (incident) =>
      incident.perpetrator.actorId ? [incident.perpetrator.actorId] : [],
    ),
    figuresByIncident: groupBy(data.figures, (f) => (f.scope.kind === 'incidents' ? f.scope.incidentIds : [])),
    statementsByIncident: groupBy(data.statements, (s) => (s.scope.kind === 'incidents' ? s.scope.incidentIds : [])),
  };
}
