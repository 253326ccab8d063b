import { type Dataset, incidentIdsIn } from '../dataset/dataset.js';
import { type Country, englishOf, type Figure, type Incident, type LocalText } from '../dataset/schema.js';
import type { SearchIndex } from '../search/searchIndex.js';
import {
  type Answer,
  byDateDescending,
  type CountryToll,
  checkQuery,
  countryStatements,
  figureView,
  type RegionToll,
  type StatementView,
  statementView,
  type TollRole,
  type TollTotal,
} from './answer.js';
import { countryOf } from './attackAnswer.js';
import { largest, sumValues } from './figureValues.js';

/** `/toll`: one country's reported toll, or with no country the whole region's. */
export async function answerToll(dataset: Dataset, index: SearchIndex, query: string | undefined): Promise<Answer> {
  const sources = dataset.sources;
  if (query === undefined || query.trim() === '') return { kind: 'region', toll: await regionToll(dataset), sources };
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
  return { kind: 'toll', toll: await countryToll(dataset, countryOf(dataset, target.code)), sources };
}

export async function regionToll(dataset: Dataset): Promise<RegionToll> {
  const countries: CountryToll[] = [];
  for (const country of dataset.countries) countries.push(await countryToll(dataset, country));
  return {
    countries,
    regionFigures: dataset.regionFigures.map((figure) => figureView(dataset, figure)),
  };
}

/**
 * A dataset never changes once loaded, so a toll worked out once holds until the next refresh replaces it. The
 * promise is kept, so that a second asking while the first is being worked out waits for it.
 */
const tollsByDataset = new WeakMap<Dataset, Map<string, Promise<CountryToll>>>();

/** One country's toll, worked out on first asking: at a million incidents that takes seconds. */
export function countryToll(dataset: Dataset, country: Country): Promise<CountryToll> {
  let tolls = tollsByDataset.get(dataset);
  if (!tolls) {
    tolls = new Map();
    tollsByDataset.set(dataset, tolls);
  }
  let toll = tolls.get(country.code);
  if (!toll) {
    toll = workOutCountryToll(dataset, country);
    tolls.set(country.code, toll);
    // A failure is not kept: the next asking tries again.
    toll.catch(() => tolls.delete(country.code));
  }
  return toll;
}

/**
 * What the sources report for one country, never more: independent reports that cover the same attacks are
 * compared, not added; a perpetrator's claim is never added to an independent report; a figure covering
 * several attacks counts once.
 */
async function workOutCountryToll(dataset: Dataset, country: Country): Promise<CountryToll> {
  // Other interactions are answered between the reads of a large country's records.
  await otherWork();
  const incidents = mostRecentFirst(dataset.incidentsByCountry.get(country.code) ?? []);
  await otherWork();
  const inCountry = new Set<string>();
  // By id: the dataset puts a record together anew each time it is asked for, and a figure about two attacks
  // comes once with each.
  const figuresOfIncidents = new Map<string, Figure>();
  const statements = new Map<string, StatementView>();
  for (const incident of incidents) {
    inCountry.add(incident.id);
    for (const figure of dataset.figuresByIncident.get(incident.id) ?? []) figuresOfIncidents.set(figure.id, figure);
    for (const statement of dataset.statementsByIncident.get(incident.id) ?? []) {
      if (!statements.has(statement.id)) statements.set(statement.id, statementView(dataset, statement));
    }
  }
  for (const view of countryStatements(dataset, country.code)) statements.set(view.statement.id, view);
  const figures = [...figuresOfIncidents.values()];
  await otherWork();

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

  const roles = new Map<Figure, TollRole>();
  const totals: TollTotal[] = [];
  for (const [counts, { reports, claims }] of ownFiguresByCounts) {
    const reportedIncidents = new Set<string>();
    for (const figure of reports) {
      for (const id of incidentIdsIn(figure.scope)) reportedIncidents.add(id);
    }

    const countedReports = overlapClusters(reports).map((cluster) => {
      const counted = largest(cluster) as Figure;
      for (const figure of cluster) roles.set(figure, figure === counted ? 'counted' : 'overlap');
      return counted;
    });
    const claimsAlone: Figure[] = [];
    for (const claim of claims) {
      const alone = !incidentIdsIn(claim.scope).some((id) => reportedIncidents.has(id));
      roles.set(claim, alone ? 'claim_only_source' : 'claim_overlaps_report');
      if (alone) claimsAlone.push(claim);
    }
    const countedClaims = overlapClusters(claimsAlone).map((cluster) => largest(cluster) as Figure);

    totals.push({
      counts,
      reported: sumValues(countedReports.map((figure) => figure.value)),
      claimedOnly: sumValues(countedClaims.map((figure) => figure.value)),
      claimants: uniqueTexts(countedClaims.map((figure) => figure.saidBy.label)),
      reports: countedReports.map((figure) => figureView(dataset, figure)),
      claims: countedClaims.map((figure) => figureView(dataset, figure)),
    });
  }

  const covered = new Set<string>();
  const statuses = new Set<Figure['status']>();
  const views: CountryToll['figures'][number][] = [];
  for (const figure of figures) {
    for (const id of incidentIdsIn(figure.scope)) covered.add(id);
    statuses.add(figure.status);
    views.push({ ...figureView(dataset, figure), role: roles.get(figure) ?? 'overlap' });
  }
  const incidentsWithoutFigures: Incident[] = [];
  for (const incident of incidents) {
    if (!covered.has(incident.id)) incidentsWithoutFigures.push(incident);
  }
  return {
    country,
    incidents,
    figures: views,
    statuses,
    totals,
    incidentsWithoutFigures,
    statements: [...statements.values()],
  };
}

const otherWork = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Most recent first, as `byDateDescending` orders them. */
function mostRecentFirst(incidents: readonly Incident[]): Incident[] {
  return [...incidents].sort(byDateDescending);
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
