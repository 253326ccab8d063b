import type { Dataset, IncidentKeys, RecordGroups } from '../dataset/dataset.js';
import type { Incident } from '../dataset/schema.js';
import type { GazetteerEntry, NameTarget } from '../search/gazetteer.js';
import type { SearchIndex } from '../search/searchIndex.js';
import {
  type Answer,
  checkQuery,
  countryStatements,
  figureView,
  type IncidentReport,
  type IncidentSummary,
  statementView,
} from './answer.js';
import { withSameAttack } from './sameAttack.js';

/** Most incidents a "choose one" answer lists: as many as a select menu holds. */
export const MAX_CHOICES = 25;

/** `/attack`: the incident a query names, a list to choose from, or "not found" with near misses. */
export function answerAttack(dataset: Dataset, index: SearchIndex, query: string): Answer {
  const invalid = checkQuery(query);
  if (invalid) return invalid;

  const byId = dataset.incidentsById.get(query.trim());
  if (byId) return incidentAnswer(dataset, byId);

  const result = index.anything.match(query);
  if (result.kind === 'not_found') {
    return {
      kind: 'not_found',
      query,
      searched: 'attacks',
      suggestions: result.suggestions.map((entry) => entry.label),
    };
  }

  const incidents = incidentsOf(
    dataset,
    result.matches.map((match) => match.entry),
    MAX_CHOICES,
  );
  const [only] = incidents.first;
  if (incidents.total === 1 && only) {
    const [match] = result.matches;
    const via = match?.entry.targets.find(
      (target) =>
        target.kind === 'incidents' &&
        target.placeIds.some((place) =>
          dataset.incidentsByPlace.get(String(place))?.some((incident) => incident.id === only.id),
        ),
    );
    const matchedVia =
      match && via?.kind === 'incidents' && via.via !== 'name' && via.via !== 'alias'
        ? { name: match.entry.label, via: via.via }
        : undefined;
    return incidentAnswer(dataset, only, matchedVia);
  }
  return {
    kind: 'choose',
    query,
    options: incidents.first.map((incident) => summarise(dataset, incident)),
    total: incidents.total,
  };
}

/**
 * The first `limit` incidents the matched names stand for (a place's own, a country's, a group's) and how many
 * there are in all. The best-matching name's incidents come first, each name's most recent first. Only the
 * first are put in order: a country can have a quarter of a million incidents.
 */
function incidentsOf(
  dataset: Dataset,
  entries: readonly GazetteerEntry[],
  limit: number,
): { first: Incident[]; total: number } {
  const first: Incident[] = [];
  for (const entry of entries) {
    if (first.length >= limit) break;
    const except = first.map((incident) => incident.id);
    first.push(...dataset.newestOfAny(keysOf([entry]), except, limit - first.length));
  }
  return { first, total: dataset.countOfAny(keysOf(entries)) };
}

function keysOf(entries: readonly GazetteerEntry[]): IncidentKeys {
  const keys = { countries: new Set<string>(), actors: new Set<string>(), places: new Set<number>() };
  for (const target of entries.flatMap((entry) => entry.targets)) {
    if (target.kind === 'country') keys.countries.add(target.code);
    else if (target.kind === 'actor') keys.actors.add(target.actorId);
    else for (const place of target.placeIds) keys.places.add(place);
  }
  return { countries: [...keys.countries], actors: [...keys.actors], places: [...keys.places] };
}

/**
 * How many incidents a name stands for, and the incident when it is one: for autocomplete, on every keystroke,
 * so nothing is sorted.
 */
export function countIncidents(dataset: Dataset, entry: GazetteerEntry): { count: number; only: Incident | undefined } {
  // Two targets (a name of some places, an alias of others) may share places: each place counts once.
  const places = new Set<number>();
  let count = 0;
  for (const target of entry.targets) {
    if (target.kind !== 'incidents') count += groupOf(dataset, target).count(groupKey(target));
    else for (const place of target.placeIds) places.add(place);
  }
  for (const place of places) count += dataset.incidentsByPlace.count(String(place));
  if (count !== 1) return { count, only: undefined };
  const [only] = entry.targets.flatMap((target) => incidentsOfGroup(dataset, target));
  return { count, only };
}

function groupOf(dataset: Dataset, target: NameTarget): RecordGroups<Incident> {
  if (target.kind === 'incidents') return dataset.incidentsByPlace;
  return target.kind === 'country' ? dataset.incidentsByCountry : dataset.incidentsByActor;
}

function groupKey(target: Exclude<NameTarget, { kind: 'incidents' }>): string {
  return target.kind === 'country' ? target.code : target.actorId;
}

/** The incidents of a target's places, its country or its group, in dataset order. */
function incidentsOfGroup(dataset: Dataset, target: NameTarget): readonly Incident[] {
  if (target.kind === 'incidents') {
    return target.placeIds.flatMap((place) => dataset.incidentsByPlace.get(String(place)) ?? []);
  }
  return groupOf(dataset, target).get(groupKey(target)) ?? [];
}

function summarise(dataset: Dataset, incident: Incident): IncidentSummary {
  return { incident, country: countryOf(dataset, incident.countryCode) };
}

function incidentAnswer(dataset: Dataset, incident: Incident, matchedVia?: IncidentReport['matchedVia']): Answer {
  const country = countryOf(dataset, incident.countryCode);
  const statements = [
    ...(dataset.statementsByIncident.get(incident.id) ?? []).map((statement) => statementView(dataset, statement)),
    ...countryStatements(dataset, country.code),
  ];
  const report: IncidentReport = {
    incident,
    country,
    perpetrator: incident.perpetrator.actorId ? (dataset.actorsById.get(incident.perpetrator.actorId) ?? null) : null,
    figures: (dataset.figuresByIncident.get(incident.id) ?? []).map((figure) => figureView(dataset, figure)),
    statements,
    ...withSameAttack(dataset, incident),
    ...(matchedVia ? { matchedVia } : {}),
  };
  const sources = incident.sourceIds.flatMap((id) => dataset.sourcesById.get(id) ?? []);
  return { kind: 'incident', report, sources };
}

/** Cross-checked at load: every incident's country exists. */
export function countryOf(dataset: Dataset, code: string) {
  const country = dataset.countriesByCode.get(code);
  if (!country) throw new Error(`dataset invariant broken: unknown country ${code}`);
  return country;
}
