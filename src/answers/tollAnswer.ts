import { type Dataset, type IncidentOutline, incidentIdsIn } from '../dataset/dataset.js';
import type { TollRow } from '../dataset/indexWriter.js';
import { type Country, englishOf, type Figure, type LocalText, type Statement } from '../dataset/schema.js';
import type { SearchIndex } from '../search/searchIndex.js';
import {
  type Answer,
  type CountryToll,
  checkQuery,
  figureView,
  type RegionToll,
  type Sample,
  statementView,
  type TollRole,
  type TollTotal,
} from './answer.js';
import { countryOf } from './attackAnswer.js';
import { type AttackMap, attackMap } from './attackMap.js';
import { largest, sumValues } from './figureValues.js';

/** `/toll`: one country's reported toll, or with no country the whole region's. */
export function answerToll(dataset: Dataset, index: SearchIndex, query: string | undefined): Answer {
  const sources = dataset.sources;
  if (query === undefined || query.trim() === '') return { kind: 'region', toll: regionToll(dataset), sources };
  const invalid = checkQuery(query);
  if (invalid) return invalid;

  const result = index.countries.match(query);
  const [match] = result.kind === 'found' ? result.matches : [];
  const target = match?.entry.targets[0];
  if (result.kind === 'not_found' || result.matches.length > 1 || target?.kind !== 'country') {
    const suggestions =
      result.kind === 'found' ? result.matches.map((m) => m.entry.label) : result.suggestions.map((e) => e.label);
    return { kind: 'not_found', query, searched: 'countries', suggestions };
  }
  return { kind: 'toll', toll: countryToll(dataset, countryOf(dataset, target.code)), sources };
}

export function regionToll(dataset: Dataset): RegionToll {
  return {
    countries: dataset.countries.map((country) => countryToll(dataset, country)),
    regionFigures: dataset.regionFigures.map((figure) => figureView(dataset, figure)),
  };
}

/** How many of each long list a stored toll keeps: more than an embed or a console answer shows. */
const SAMPLE_SIZE = 100;

/** A toll as the import stores it: its country and its map are read apart. */
type StoredTollJson = Omit<CountryToll, 'country' | 'map'>;
type StoredMapJson = Omit<AttackMap, 'points'>;

/** One country's toll, as the import worked it out. */
export function countryToll(dataset: Dataset, country: Country): CountryToll {
  const stored = dataset.tolls.get(country.code);
  if (!stored) throw new Error(`the index holds no toll for ${country.code}: it was written by other code`);
  return {
    ...(JSON.parse(stored.toll) as StoredTollJson),
    country,
    map: () => {
      const { json, points } = stored.map();
      return { ...(JSON.parse(json) as StoredMapJson), points };
    },
  };
}

/** Every country's toll and map, worked out once at import: a country can have a quarter of a million attacks. */
export function* tollRows(dataset: Dataset): Generator<TollRow> {
  for (const country of dataset.countries) {
    const { toll, map } = workOutCountryToll(dataset, country);
    const { map: _map, ...stored } = toll;
    const { points, ...mapJson } = map;
    yield { country: country.code, toll: JSON.stringify(stored), map: JSON.stringify(mapJson), points };
  }
}

/**
 * What the sources report for one country, never more: independent reports that cover the same attacks are
 * compared, not added; a perpetrator's claim is never added to an independent report; a figure covering
 * several attacks counts once. Records are read whole only for what the answer shows.
 */
function workOutCountryToll(
  dataset: Dataset,
  country: Country,
): { toll: Omit<CountryToll, 'country'>; map: AttackMap } {
  const incidents = dataset.incidentOutlines(country.code);
  const inCountry = new Set(incidents.map((incident) => incident.id));
  const incident = (id: string) => dataset.incidentsById.get(id);
  const view = (figure: Figure) => ({
    figure,
    covers: incidentIdsIn(figure.scope).flatMap((id) => incident(id) ?? []),
  });

  // Figures and statements in the order of their most recent attack, then what was said of the whole country.
  const figures = inOrderOf(incidents, dataset.figuresInCountry.get(country.code) ?? []);
  const statementRecords = inOrderOf(incidents, dataset.statementsInCountry.get(country.code) ?? []);
  const countryWide = dataset.statementsByCountry.get(country.code) ?? [];
  const statements = [...new Map([...statementRecords, ...countryWide].map((s) => [s.id, s])).values()];

  // A figure that also covers attacks elsewhere cannot be attributed to this country alone.
  const ownFiguresByCounts = new Map<Figure['counts'], { reports: Figure[]; claims: Figure[] }>();
  for (const figure of figures) {
    if (figure.scope.kind !== 'incidents' || !figure.scope.incidentIds.every((id) => inCountry.has(id))) continue;
    let ofKind = ownFiguresByCounts.get(figure.counts);
    if (!ofKind) {
      ofKind = { reports: [], claims: [] };
      ownFiguresByCounts.set(figure.counts, ofKind);
    }
    (figure.status === 'claimed_by_perpetrator' ? ofKind.claims : ofKind.reports).push(figure);
  }

  const roles = new Map<string, TollRole>();
  const totals: TollTotal[] = [];
  for (const [counts, { reports, claims }] of ownFiguresByCounts) {
    const reportedIncidents = new Set<string>();
    for (const figure of reports) {
      for (const id of incidentIdsIn(figure.scope)) reportedIncidents.add(id);
    }

    const countedReports = overlapClusters(reports).map((cluster) => {
      const counted = largest(cluster) as Figure;
      for (const figure of cluster) roles.set(figure.id, figure === counted ? 'counted' : 'overlap');
      return counted;
    });
    const claimsAlone: Figure[] = [];
    for (const claim of claims) {
      const alone = !incidentIdsIn(claim.scope).some((id) => reportedIncidents.has(id));
      roles.set(claim.id, alone ? 'claim_only_source' : 'claim_overlaps_report');
      if (alone) claimsAlone.push(claim);
    }
    const countedClaims = overlapClusters(claimsAlone).map((cluster) => largest(cluster) as Figure);
    const claimedAttacks = countedClaims.flatMap((figure) => incidentIdsIn(figure.scope));

    totals.push({
      counts,
      reported: sumValues(countedReports.map((figure) => figure.value)),
      claimedOnly: sumValues(countedClaims.map((figure) => figure.value)),
      claimants: uniqueTexts(countedClaims.map((figure) => figure.saidBy.label)),
      reports: sampled(countedReports, view),
      claims: sampled(countedClaims, view),
      claimedAttacks: sampled(claimedAttacks, (id) => incident(id) ?? []),
    });
  }

  const covered = new Set<string>();
  const statuses = new Set<Figure['status']>();
  for (const figure of figures) {
    for (const id of incidentIdsIn(figure.scope)) covered.add(id);
    statuses.add(figure.status);
  }
  const map = attackMap(incidents, figures);
  const toll = {
    incidents: sampled(incidents, ({ id }) => incident(id) ?? []),
    figures: sampled(figures, (figure) => ({ ...view(figure), role: roles.get(figure.id) ?? 'overlap' })),
    statuses: [...statuses],
    totals,
    incidentsWithoutFigures: sampled(
      incidents.filter(({ id }) => !covered.has(id)),
      ({ id }) => incident(id) ?? [],
    ),
    statements: sampled(statements, (statement) => statementView(dataset, statement)),
    map: () => map,
  };
  return { toll, map };
}

/** The first SAMPLE_SIZE items, each read whole; a missing one is left out. */
function sampled<T, V>(items: readonly T[], read: (item: T) => V | readonly V[]): Sample<V> {
  return { first: items.slice(0, SAMPLE_SIZE).flatMap((item) => read(item)), total: items.length };
}

/** Records about attacks, in the order of their most recent attack among `incidents`. */
function inOrderOf<T extends Figure | Statement>(incidents: readonly IncidentOutline[], records: readonly T[]): T[] {
  const byIncident = new Map<string, T[]>();
  for (const record of records) {
    for (const id of incidentIdsIn(record.scope)) {
      const list = byIncident.get(id);
      if (list) list.push(record);
      else byIncident.set(id, [record]);
    }
  }
  const ordered = new Map<string, T>();
  for (const { id } of incidents) {
    for (const record of byIncident.get(id) ?? []) if (!ordered.has(record.id)) ordered.set(record.id, record);
  }
  return [...ordered.values()];
}

/** Groups figures that share an attack, directly or through another figure (union-find: linear in figures). */
function overlapClusters(figures: readonly Figure[]): Figure[][] {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let current = id;
    for (let next = parent.get(current); next !== undefined && next !== current; next = parent.get(current)) {
      parent.set(current, parent.get(next) ?? next);
      current = next;
    }
    return current;
  };
  for (const figure of figures) {
    const [first, ...others] = incidentIdsIn(figure.scope);
    if (first === undefined) continue;
    if (!parent.has(first)) parent.set(first, first);
    for (const id of others) {
      if (!parent.has(id)) parent.set(id, id);
      parent.set(root(id), root(first));
    }
  }
  const clusters = new Map<string, Figure[]>();
  for (const figure of figures) {
    const [first] = incidentIdsIn(figure.scope);
    const key = first === undefined ? figure.id : root(first);
    const cluster = clusters.get(key);
    if (cluster) cluster.push(figure);
    else clusters.set(key, [figure]);
  }
  return [...clusters.values()];
}

/** The same words once, whatever languages they come in. */
function uniqueTexts(texts: readonly LocalText[]): LocalText[] {
  return [...new Map(texts.map((text) => [englishOf(text), text])).values()];
}
