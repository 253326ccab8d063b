import { type Dataset, incidentIdsIn } from '../dataset/dataset.js';
import type { IncidentRow } from '../dataset/incidentRow.js';
import type { TollRow } from '../dataset/indexWriter.js';
import { type Country, englishOf, type Figure, type LocalText, type Statement } from '../dataset/schema.js';
import { type CountryToll, figureView, type Sample, statementView, type TollRole, type TollTotal } from './answer.js';
import { type AttackMap, attackMap } from './attackMap.js';
import { largest, sumValues } from './figureValues.js';
import { IncidentOutlines } from './incidentOutlines.js';

/** How many of each long list a stored toll keeps: more than an embed or a console answer shows. */
const SAMPLE_SIZE = 30;

/** A toll as the import stores it: its country and its map are read apart. */
export type StoredTollJson = Omit<CountryToll, 'country' | 'map'>;
export type StoredMapJson = Omit<AttackMap, 'points'>;

/** What a toll needs of a figure: all but its quotes, which only the few figures an answer shows are read for. */
type FigureCore = Omit<Figure, 'quotes'>;

/** A figure or statement with the rows of the incidents it is about: rows index arrays where ids would hash. */
interface Fed<T> {
  readonly record: T;
  readonly rows: readonly number[];
}

/**
 * Works out every country's toll and map while an import writes the records, from what it hands over as it goes:
 * nothing is read back but the few records an answer shows. Feed it every incident, in rows' order, before any figure
 * or statement.
 */
export class TollBuilder {
  private readonly outlines = new IncidentOutlines();
  /** The rows of each country's incidents. */
  private readonly incidentsByCountry = new Map<string, number[]>();
  private readonly figuresByCountry = new Map<string, Fed<FigureCore>[]>();
  private readonly statementsByCountry = new Map<string, Fed<Statement>[]>();

  /** @param rowOf each incident's row: the place it was handed over at, by id */
  constructor(private readonly rowOf: ReadonlyMap<string, number>) {}

  incident(incident: IncidentRow): void {
    const row = this.outlines.size;
    this.outlines.add(incident);
    // A repeated id is a problem the checks report: the import stops, its tolls are never stored.
    if (this.rowOf.get(incident.id) === row) listIn(this.incidentsByCountry, incident.countryCode).push(row);
  }

  figure(figure: Figure): void {
    const { quotes: _quotes, ...record } = figure;
    const fed = { record, rows: this.rowsOf(figure) };
    for (const code of this.countriesOf(fed.rows)) listIn(this.figuresByCountry, code).push(fed);
  }

  statement(statement: Statement): void {
    const fed = { record: statement, rows: this.rowsOf(statement) };
    for (const code of this.countriesOf(fed.rows)) listIn(this.statementsByCountry, code).push(fed);
  }

  /** Each country's toll and map, once every record was handed over; `dataset` reads the records answers show. */
  *rows(dataset: Dataset): Generator<TollRow> {
    for (const country of dataset.countries) {
      const { toll, map } = this.workOut(dataset, country);
      const { points, ...mapJson } = map;
      yield { country: country.code, toll: JSON.stringify(toll), map: JSON.stringify(mapJson), points };
    }
  }

  /** The rows of the incidents a record is about; -1 for an id no incident has (the checks report it). */
  private rowsOf(record: Figure | Statement): number[] {
    return incidentIdsIn(record.scope).map((id) => this.rowOf.get(id) ?? -1);
  }

  private countriesOf(rows: readonly number[]): Set<string> {
    const codes = new Set<string>();
    for (const row of rows) {
      const code = this.outlines.countryOf(row);
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
    const view = ({ record }: Fed<FigureCore>) =>
      figureView(dataset, written(dataset.figuresById.get(record.id), record.id));

    // Figures and statements in the order of their most recent attack, then what was said of the whole country.
    const figures = this.byMostRecentAttack(this.figuresByCountry.get(country.code) ?? [], country.code);
    const countryWide = dataset.statementsByCountry.get(country.code) ?? [];
    const aboutCountry = new Set(countryWide.map(({ id }) => id));
    const aboutAttacks = this.byMostRecentAttack(this.statementsByCountry.get(country.code) ?? [], country.code)
      .map(({ record }) => record)
      .filter(({ id }) => !aboutCountry.has(id));

    // A figure that also covers attacks elsewhere cannot be attributed to this country alone.
    const inCountry = (row: number) => this.outlines.countryOf(row) === country.code;
    const ownFiguresByCounts = new Map<Figure['counts'], { reports: Fed<FigureCore>[]; claims: Fed<FigureCore>[] }>();
    for (const fed of figures) {
      const { record } = fed;
      if (record.scope.kind !== 'incidents' || !fed.rows.every(inCountry)) continue;
      let ofKind = ownFiguresByCounts.get(record.counts);
      if (!ofKind) {
        ofKind = { reports: [], claims: [] };
        ownFiguresByCounts.set(record.counts, ofKind);
      }
      (record.status === 'claimed_by_perpetrator' ? ofKind.claims : ofKind.reports).push(fed);
    }

    const roles = new Map<string, TollRole>();
    const totals: TollTotal[] = [];
    for (const [counts, { reports, claims }] of ownFiguresByCounts) {
      const reportedIncidents = new Uint8Array(this.outlines.size);
      for (const fed of reports) for (const row of fed.rows) reportedIncidents[row] = 1;

      const countedReports = this.overlapClusters(reports).map((cluster) => {
        const counted = largestFed(cluster);
        for (const fed of cluster) roles.set(fed.record.id, fed === counted ? 'counted' : 'overlap');
        return counted;
      });
      const claimsAlone: Fed<FigureCore>[] = [];
      for (const claim of claims) {
        const alone = !claim.rows.some((row) => reportedIncidents[row] === 1);
        roles.set(claim.record.id, alone ? 'claim_only_source' : 'claim_overlaps_report');
        if (alone) claimsAlone.push(claim);
      }
      const countedClaims = this.overlapClusters(claimsAlone).map(largestFed);

      totals.push({
        counts,
        reported: sumValues(countedReports.map(({ record }) => record.value)),
        claimedOnly: sumValues(countedClaims.map(({ record }) => record.value)),
        claimants: uniqueTexts(countedClaims.map(({ record }) => record.saidBy.label)),
        reports: sampled(countedReports, view),
        claims: sampled(countedClaims, view),
        claimedAttacks: sampled(
          countedClaims.flatMap(({ record }) => incidentIdsIn(record.scope)),
          (id) => incident(id) ?? [],
        ),
        reportIds: countedReports.map(({ record }) => record.id),
        claimIds: countedClaims.map(({ record }) => record.id),
      });
    }

    const covered = new Uint8Array(this.outlines.size);
    const statuses = new Set<Figure['status']>();
    for (const fed of figures) {
      for (const row of fed.rows) covered[row] = 1;
      statuses.add(fed.record.status);
    }
    const newest = dataset.newestIncidents({ country: country.code }, 0, SAMPLE_SIZE);
    const withoutFigures = incidents.filter((row) => covered[row] !== 1);
    const toll: StoredTollJson = {
      incidents: { first: newest.incidents, total: incidents.length },
      figures: sampled(figures, (fed) => ({ ...view(fed), role: roles.get(fed.record.id) ?? 'overlap' })),
      statuses: [...statuses],
      totals,
      incidentsWithoutFigures: {
        first: this.mostRecent(withoutFigures, SAMPLE_SIZE).flatMap((row) => incident(this.outlines.id(row)) ?? []),
        total: withoutFigures.length,
      },
      // What was said of the whole country ("no official toll") is kept whole, however many statements come before.
      statements: {
        first: [...aboutAttacks.slice(0, Math.max(0, SAMPLE_SIZE - countryWide.length)), ...countryWide].map(
          (statement) => statementView(dataset, statement),
        ),
        total: aboutAttacks.length + countryWide.length,
      },
    };
    return {
      toll,
      map: attackMap(
        this.outlines.outlines(incidents),
        figures.map(({ record }) => record),
      ),
    };
  }

  /** Groups figures that share an attack, directly or through another figure (union-find over incident rows). */
  private overlapClusters(figures: readonly Fed<FigureCore>[]): Fed<FigureCore>[][] {
    const parent = new Int32Array(this.outlines.size).fill(-1);
    const root = (row: number): number => {
      let current = row;
      while (parent[current] !== current) {
        const next = parent[current] as number;
        parent[current] = parent[next] as number;
        current = next;
      }
      return current;
    };
    for (const { rows } of figures) {
      const first = rows[0];
      if (first === undefined || first < 0) continue;
      if (parent[first] === -1) parent[first] = first;
      for (let i = 1; i < rows.length; i++) {
        const row = rows[i] as number;
        if (row < 0) continue;
        if (parent[row] === -1) parent[row] = row;
        parent[root(row)] = root(first);
      }
    }
    const clusters = new Map<number | string, Fed<FigureCore>[]>();
    for (const fed of figures) {
      const first = fed.rows[0];
      const key = first === undefined || first < 0 ? fed.record.id : root(first);
      const cluster = clusters.get(key);
      if (cluster) cluster.push(fed);
      else clusters.set(key, [fed]);
    }
    return [...clusters.values()];
  }

  /** Records about attacks, in the order of their most recent attack in the country, then in the data's order. */
  private byMostRecentAttack<T>(records: readonly Fed<T>[], countryCode: string): Fed<T>[] {
    const outlines = this.outlines;
    const keyed = records.map((fed, index) => {
      let best = -1;
      for (const row of fed.rows) {
        if (outlines.countryOf(row) === countryCode && (best < 0 || outlines.newestFirst(row, best) < 0)) best = row;
      }
      return { fed, best, index };
    });
    keyed.sort((a, b) => {
      if (a.best >= 0 && b.best >= 0 && a.best !== b.best) return outlines.newestFirst(a.best, b.best);
      return a.index - b.index;
    });
    return keyed.map(({ fed }) => fed);
  }

  /** The `count` most recent of some rows, most recent first, in one pass: no sorting of the rest. */
  private mostRecent(rows: readonly number[], count: number): number[] {
    const best: number[] = [];
    for (const row of rows) {
      const last = best[best.length - 1];
      if (best.length === count && last !== undefined && this.outlines.newestFirst(row, last) >= 0) continue;
      let at = best.length;
      while (at > 0 && this.outlines.newestFirst(row, best[at - 1] as number) < 0) at--;
      best.splice(at, 0, row);
      if (best.length > count) best.pop();
    }
    return best;
  }
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

/** The largest of overlapping figures: compared, never added. */
function largestFed(cluster: readonly Fed<FigureCore>[]): Fed<FigureCore> {
  const best = largest(cluster.map(({ record }) => record));
  return cluster.find(({ record }) => record === best) ?? (cluster[0] as Fed<FigureCore>);
}

/** The same words once, whatever languages they come in. */
function uniqueTexts(texts: readonly LocalText[]): LocalText[] {
  return [...new Map(texts.map((text) => [englishOf(text), text])).values()];
}
