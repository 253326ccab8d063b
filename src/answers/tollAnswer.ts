import { type Dataset, incidentIdsIn } from '../dataset/dataset.js';
import type { Country, Figure, Incident } from '../dataset/schema.js';
import type { SearchIndex } from '../search/searchIndex.js';
import {
  type Answer,
  byDateDescending,
  type CountryToll,
  checkQuery,
  countryStatements,
  figureView,
  type RegionToll,
  type TollRole,
  type TollTotal,
} from './answer.js';
import { countryOf } from './attackAnswer.js';
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
    regionFigures: dataset.figures
      .filter((figure) => figure.scope.kind === 'region')
      .map((figure) => figureView(dataset, figure)),
  };
}

/** A dataset never changes once loaded, so a toll worked out once holds until the next refresh replaces it. */
const tollsByDataset = new WeakMap<Dataset, Map<string, CountryToll>>();

/** One country's toll, worked out on first asking: at a million incidents that takes a good part of a second. */
export function countryToll(dataset: Dataset, country: Country): CountryToll {
  let tolls = tollsByDataset.get(dataset);
  if (!tolls) {
    tolls = new Map();
    tollsByDataset.set(dataset, tolls);
  }
  let toll = tolls.get(country.code);
  if (!toll) {
    toll = workOutCountryToll(dataset, country);
    tolls.set(country.code, toll);
  }
  return toll;
}

/**
 * What the sources report for one country, never more: independent reports that cover the same attacks are
 * compared, not added; a perpetrator's claim is never added to an independent report; a figure covering
 * several attacks counts once.
 */
function workOutCountryToll(dataset: Dataset, country: Country): CountryToll {
  const incidents = [...(dataset.incidentsByCountry.get(country.code) ?? [])].sort(byDateDescending);
  const inCountry = new Set(incidents.map((incident) => incident.id));
  const figures = unique(incidents.flatMap((incident) => dataset.figuresByIncident.get(incident.id) ?? []));
  // A figure that also covers attacks elsewhere cannot be attributed to this country alone.
  const ownFigures = figures.filter(
    (figure) => figure.scope.kind === 'incidents' && figure.scope.incidentIds.every((id) => inCountry.has(id)),
  );

  const roles = new Map<Figure, TollRole>();
  const totals: TollTotal[] = [];
  for (const counts of unique(ownFigures.map((figure) => figure.counts))) {
    const ofKind = ownFigures.filter((figure) => figure.counts === counts);
    const reports = ofKind.filter((figure) => figure.status !== 'claimed_by_perpetrator');
    const claims = ofKind.filter((figure) => figure.status === 'claimed_by_perpetrator');
    const reportedIncidents = new Set(reports.flatMap((figure) => incidentIdsIn(figure.scope)));

    const countedReports = overlapClusters(reports).map((cluster) => {
      const counted = largest(cluster) as Figure;
      for (const figure of cluster) roles.set(figure, figure === counted ? 'counted' : 'overlap');
      return counted;
    });
    const claimsAlone = new Set(
      claims.filter((claim) => !incidentIdsIn(claim.scope).some((id) => reportedIncidents.has(id))),
    );
    for (const claim of claims)
      roles.set(claim, claimsAlone.has(claim) ? 'claim_only_source' : 'claim_overlaps_report');
    const countedClaims = overlapClusters([...claimsAlone]).map((cluster) => largest(cluster) as Figure);

    totals.push({
      counts,
      reported: sumValues(countedReports.map((figure) => figure.value)),
      claimedOnly: sumValues(countedClaims.map((figure) => figure.value)),
      claimants: unique(countedClaims.map((figure) => figure.saidBy.label)),
    });
  }

  const covered = new Set(figures.flatMap((figure) => incidentIdsIn(figure.scope)));
  return {
    country,
    incidents,
    figures: figures.map((figure) => ({ ...figureView(dataset, figure), role: roles.get(figure) ?? 'overlap' })),
    totals,
    incidentsWithoutFigures: incidents.filter((incident: Incident) => !covered.has(incident.id)),
    statements: unique([
      ...incidents.flatMap((incident) => dataset.statementsByIncident.get(incident.id) ?? []),
      ...countryStatements(dataset, country.code),
    ]),
  };
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

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
