import type { Dataset } from '../dataset/dataset.js';
import type { DatasetDeaths, Figure, Incident, Source } from '../dataset/schema.js';
import { type FigureView, figureView } from './answer.js';

/** Reports of one attack by different sources are linked when their periods come this close (in days). */
export const SAME_ATTACK_WINDOW_DAYS = 3;

/** Another source's report of the same attack: its own incident, figures and sources, shown beside the first. */
export interface OtherReport {
  readonly incident: Incident;
  readonly figures: readonly FigureView[];
  readonly sources: readonly Source[];
}

/**
 * Whether the reports agree on the number killed, pair by pair (0 is the report asked for, 1.. the others): two
 * agree when a number one gives lies within what the other gives. Reports of one attack are compared, never added.
 */
export interface SameAttack {
  readonly others: readonly OtherReport[];
  readonly agreeing: readonly (readonly [number, number])[];
  readonly differing: readonly (readonly [number, number])[];
}

/**
 * The same attack as reported by other sources: same country, same place (by name or alias, case and accents
 * ignored), periods within the window, no source in common. Curated articles, ACLED and UCDP records each stay
 * their own report.
 */
export function sameAttack(dataset: Dataset, incident: Incident): SameAttack {
  const names = placeNames(incident);
  const period = periodOf(incident);
  const others: OtherReport[] = [];
  for (const other of incidentsAtPlacesNamed(dataset, names)) {
    if (other.countryCode !== incident.countryCode) continue;
    if (other.id === incident.id || other.sourceIds.some((id) => incident.sourceIds.includes(id))) continue;
    const otherPeriod = periodOf(other);
    if (gapInDays(period, otherPeriod) > SAME_ATTACK_WINDOW_DAYS) continue;
    others.push({
      incident: other,
      figures: (dataset.figuresByIncident.get(other.id) ?? []).map((figure) => figureView(dataset, figure)),
      sources: other.sourceIds.flatMap((id) => dataset.sourcesById.get(id) ?? []),
    });
  }
  const killed = [
    killedRanges(
      incident,
      (dataset.figuresByIncident.get(incident.id) ?? []).map((figure) => figure),
    ),
    ...others.map((other) =>
      killedRanges(
        other.incident,
        other.figures.map((view) => view.figure),
      ),
    ),
  ];
  const agreeing: [number, number][] = [];
  const differing: [number, number][] = [];
  for (let a = 0; a < killed.length; a++) {
    for (let b = a + 1; b < killed.length; b++) {
      const [first, second] = [killed[a] ?? [], killed[b] ?? []];
      if (first.length === 0 || second.length === 0) continue;
      const overlap = first.some(([low, high]) => second.some(([low2, high2]) => low <= high2 && low2 <= high));
      (overlap ? agreeing : differing).push([a, b]);
    }
  }
  return { others, agreeing, differing };
}

/** Each dataset's places by every folded name and alias: built once, on the first attack asked for. */
const placesByName = new WeakMap<Dataset, Map<string, number[]>>();

/** The incidents of every place one of `names` names, each once: never a whole country's. */
function incidentsAtPlacesNamed(dataset: Dataset, names: readonly string[]): Incident[] {
  let byName = placesByName.get(dataset);
  if (!byName) {
    byName = new Map();
    for (const { id, place } of dataset.places) {
      for (const name of new Set([place.name, ...place.aliases].map(fold))) {
        const ids = byName.get(name);
        if (ids) ids.push(id);
        else byName.set(name, [id]);
      }
    }
    placesByName.set(dataset, byName);
  }
  const places = [...new Set(names.flatMap((name) => byName.get(name) ?? []))].sort((a, b) => a - b);
  return places.flatMap((place) => dataset.incidentsByPlace.get(String(place)) ?? []);
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

function placeNames(incident: Incident): string[] {
  return [incident.place.name, ...incident.place.aliases].map(fold);
}

/** The first and last day an incident may have happened on, as day numbers. */
function periodOf(incident: Incident): [number, number] {
  const record = incident.datasetRecord;
  if (record) return [dayNumber(record.period.start), dayNumber(record.period.end)];
  const { value, precision } = incident.date;
  if (precision === 'month') {
    const [year, month] = value.split('-').map(Number) as [number, number];
    return [Date.UTC(year, month - 1, 1) / 86_400_000, Date.UTC(year, month, 0) / 86_400_000];
  }
  const day = dayNumber(value);
  return precision === 'week' ? [day - 3, day + 3] : [day, day];
}

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}

function gapInDays([start, end]: [number, number], [start2, end2]: [number, number]): number {
  return Math.max(0, start2 - end, start - end2);
}

/** The numbers killed a report gives, as ranges: a dataset's estimate, or its figures of people or soldiers killed. */
function killedRanges(incident: Incident, figures: readonly Figure[]): [number, number][] {
  const deaths: DatasetDeaths | undefined = incident.datasetRecord?.deaths;
  // ACLED's 0 is "none reported", not a number killed: it agrees or disagrees with nothing.
  if (deaths?.kind === 'acled_estimate') return deaths.number === 0 ? [] : [[deaths.number, deaths.number]];
  if (deaths?.kind === 'ucdp_range') return [[deaths.low, deaths.high]];
  return figures
    .filter((figure) => figure.counts !== 'wounded')
    .map(({ value }): [number, number] => {
      if (value.qualifier === 'range') return [value.low, value.high];
      if (value.qualifier === 'exact') return [value.number, value.number];
      if (value.qualifier === 'about') return [Math.floor(value.number * 0.9), Math.ceil(value.number * 1.1)];
      return [value.number, Number.POSITIVE_INFINITY];
    });
}

/** The report's `sameAttack`, only when other sources report the attack. */
export function withSameAttack(dataset: Dataset, incident: Incident): { sameAttack?: SameAttack } {
  const found = sameAttack(dataset, incident);
  return found.others.length > 0 ? { sameAttack: found } : {};
}
