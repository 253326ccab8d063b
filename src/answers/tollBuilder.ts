import { type Dataset, type IncidentOutline, incidentIdsIn } from '../dataset/dataset.js';
import type { TollRow } from '../dataset/indexWriter.js';
import {
  type Country,
  englishOf,
  type Figure,
  type Incident,
  type LocalText,
  type Statement,
} from '../dataset/schema.js';
import { type CountryToll, type Sample, statementView, type TollRole, type TollTotal } from './answer.js';
import { type AttackMap, attackMap } from './attackMap.js';
import { largest, sumValues } from './figureValues.js';

/** How many of each long list a stored toll keeps: more than an embed or a console answer shows. */
const SAMPLE_SIZE = 30;

/** A toll as the import stores it: its country and its map are read apart. */
export type StoredTollJson = Omit<CountryToll, 'country' | 'map'>;
export type StoredMapJson = Omit<AttackMap, 'points'>;

/** An incident's outline, with its place in the data: what orders attacks that share a date and a place name. */
interface RankedOutline extends IncidentOutline {
  readonly row: number;
  readonly countryCode: string;
}

/** What a toll needs of a figure: all but its quotes, which only the few figures an answer shows are read for. */
type FigureCore = Omit<Figure, 'quotes'>;

/**
 * Works out every country's toll and map while an import writes the records, from what it hands over as it goes:
 * nothing is read back but the few records an answer shows. Feed it every incident before any figure or statement.
 */
export class TollBuilder {
  private readonly outlines = new Map<string, RankedOutline>();
  private readonly incidentsByCountry = new Map<string, RankedOutline[]>();
  private readonly figuresByCountry = new Map<string, FigureCore[]>();
  private readonly statementsByCountry = new Map<string, Statement[]>();

  incident(incident: Incident): void {
    const { id, date, place, location, countryCode } = incident;
    if (this.outlines.has(id)) return;
    const outline: RankedOutline = {
      id,
      date: { value: date.value, precision: date.precision },
      place: { name: place.name },
      ...(location
        ? { location: { longitude: location.longitude, latitude: location.latitude, precision: location.precision } }
        : {}),
      row: this.outlines.size,
      countryCode,
    };
    this.outlines.set(id, outline);
    listIn(this.incidentsByCountry, countryCode).push(outline);
  }

  figure(figure: Figure): void {
    const { quotes: _quotes, ...core } = figure;
    for (const code of this.countriesOf(figure)) listIn(this.figuresByCountry, code).push(core);
  }

  statement(statement: Statement): void {
    for (const code of this.countriesOf(statement)) listIn(this.statementsByCountry, code).push(statement);
  }

  /** Each country's toll and map, once every record was handed over; `dataset` reads the records answers show. */
  *rows(dataset: Dataset): Generator<TollRow> {
    for (const country of dataset.countries) {
      const { toll, map } = this.workOut(dataset, country);
      const { points, ...mapJson } = map;
      yield { country: country.code, toll: JSON.stringify(toll), map: JSON.stringify(mapJson), points };
    }
  }

  private countriesOf(record: Figure | Statement): Set<string> {
    const codes = new Set<string>();
    for (const id of incidentIdsIn(record.scope)) {
      const code = this.outlines.get(id)?.countryCode;
      if (code !== undefined) codes.add(code);
    }
    return codes;
  }

  /**
   * What the sources report for one country, never more: independent reports that cover the same attacks are
   * compared, not added; a perpetrator's claim is never added to an independent report; a figure covering
   * several attacks counts once.
   */
  private workOut(dataset: Dataset, country: Country): { toll: StoredTollJson; map: AttackMap } {
    const incidents = this.incidentsByCountry.get(country.code) ?? [];
    const incident = (id: string) => dataset.incidentsById.get(id);
    const view = (core: FigureCore) => ({
      figure: written(dataset.figuresById.get(core.id), core.id),
      covers: incidentIdsIn(core.scope).flatMap((id) => incident(id) ?? []),
    });

    // Figures and statements in the order of their most recent attack, then what was said of the whole country.
    const figures = this.byMostRecentAttack(this.figuresByCountry.get(country.code) ?? []);
    const countryWide = dataset.statementsByCountry.get(country.code) ?? [];
    const statements = [
      ...new Map(
        [...this.byMostRecentAttack(this.statementsByCountry.get(country.code) ?? []), ...countryWide].map((s) => [
          s.id,
          s,
        ]),
      ).values(),
    ];

    // A figure that also covers attacks elsewhere cannot be attributed to this country alone.
    const ownFiguresByCounts = new Map<Figure['counts'], { reports: FigureCore[]; claims: FigureCore[] }>();
    for (const core of figures) {
      const { scope } = core;
      if (scope.kind !== 'incidents') continue;
      if (!scope.incidentIds.every((id) => this.outlines.get(id)?.countryCode === country.code)) continue;
      let ofKind = ownFiguresByCounts.get(core.counts);
      if (!ofKind) {
        ofKind = { reports: [], claims: [] };
        ownFiguresByCounts.set(core.counts, ofKind);
      }
      (core.status === 'claimed_by_perpetrator' ? ofKind.claims : ofKind.reports).push(core);
    }

    const roles = new Map<string, TollRole>();
    const totals: TollTotal[] = [];
    for (const [counts, { reports, claims }] of ownFiguresByCounts) {
      const reportedIncidents = new Set<string>();
      for (const core of reports) {
        for (const id of incidentIdsIn(core.scope)) reportedIncidents.add(id);
      }

      const countedReports = overlapClusters(reports).map((cluster) => {
        const counted = largest(cluster) as FigureCore;
        for (const core of cluster) roles.set(core.id, core === counted ? 'counted' : 'overlap');
        return counted;
      });
      const claimsAlone: FigureCore[] = [];
      for (const claim of claims) {
        const alone = !incidentIdsIn(claim.scope).some((id) => reportedIncidents.has(id));
        roles.set(claim.id, alone ? 'claim_only_source' : 'claim_overlaps_report');
        if (alone) claimsAlone.push(claim);
      }
      const countedClaims = overlapClusters(claimsAlone).map((cluster) => largest(cluster) as FigureCore);

      totals.push({
        counts,
        reported: sumValues(countedReports.map((core) => core.value)),
        claimedOnly: sumValues(countedClaims.map((core) => core.value)),
        claimants: uniqueTexts(countedClaims.map((core) => core.saidBy.label)),
        reports: sampled(countedReports, view),
        claims: sampled(countedClaims, view),
        claimedAttacks: sampled(
          countedClaims.flatMap((core) => incidentIdsIn(core.scope)),
          (id) => incident(id) ?? [],
        ),
      });
    }

    const covered = new Set<string>();
    const statuses = new Set<Figure['status']>();
    for (const core of figures) {
      for (const id of incidentIdsIn(core.scope)) covered.add(id);
      statuses.add(core.status);
    }
    const newest = dataset.newestIncidents({ country: country.code }, 0, SAMPLE_SIZE);
    const withoutFigures = incidents.filter(({ id }) => !covered.has(id));
    const toll: StoredTollJson = {
      incidents: { first: newest.incidents, total: incidents.length },
      figures: sampled(figures, (core) => ({ ...view(core), role: roles.get(core.id) ?? 'overlap' })),
      statuses: [...statuses],
      totals,
      incidentsWithoutFigures: {
        first: mostRecent(withoutFigures, SAMPLE_SIZE).flatMap(({ id }) => incident(id) ?? []),
        total: withoutFigures.length,
      },
      statements: sampled(statements, (statement) => statementView(dataset, statement)),
    };
    return { toll, map: attackMap(incidents, figures) };
  }

  /** Records about attacks, in the order of their most recent attack, then in the data's order. */
  private byMostRecentAttack<T extends FigureCore | Statement>(records: readonly T[]): T[] {
    const keyed = records.map((record, index) => {
      let best: RankedOutline | undefined;
      for (const id of incidentIdsIn(record.scope)) {
        const outline = this.outlines.get(id);
        if (outline && (!best || newestFirst(outline, best) < 0)) best = outline;
      }
      return { record, best, index };
    });
    keyed.sort((a, b) => {
      if (a.best && b.best && a.best !== b.best) return newestFirst(a.best, b.best);
      return a.index - b.index;
    });
    return keyed.map(({ record }) => record);
  }
}

/** By date, most recent first, then by place name and the data's order: as the index lists incidents. */
function newestFirst(a: RankedOutline, b: RankedOutline): number {
  if (a.date.value !== b.date.value) return a.date.value < b.date.value ? 1 : -1;
  if (a.place.name !== b.place.name) return a.place.name < b.place.name ? -1 : 1;
  return a.row - b.row;
}

/** The `count` most recent outlines, most recent first, in one pass: no sorting of the rest. */
function mostRecent(outlines: readonly RankedOutline[], count: number): RankedOutline[] {
  const best: RankedOutline[] = [];
  for (const outline of outlines) {
    const last = best[best.length - 1];
    if (best.length === count && last && newestFirst(outline, last) >= 0) continue;
    let at = best.length;
    while (at > 0 && newestFirst(outline, best[at - 1] as RankedOutline) < 0) at--;
    best.splice(at, 0, outline);
    if (best.length > count) best.pop();
  }
  return best;
}

/** A record the import wrote, read back: missing, the index is not what this import wrote. */
function written<T>(record: T | undefined, id: string): T {
  if (record === undefined) throw new Error(`${id} was written but cannot be read back`);
  return record;
}

function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

/** The first SAMPLE_SIZE items, each read whole; a missing one is left out. */
function sampled<T, V>(items: readonly T[], read: (item: T) => V | readonly V[]): Sample<V> {
  return { first: items.slice(0, SAMPLE_SIZE).flatMap((item) => read(item)), total: items.length };
}

/** Groups figures that share an attack, directly or through another figure (union-find: linear in figures). */
function overlapClusters(figures: readonly FigureCore[]): FigureCore[][] {
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
  const clusters = new Map<string, FigureCore[]>();
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
