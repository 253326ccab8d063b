import { type IncidentOutline, incidentIdsIn } from '../dataset/dataset.js';
import type { Coordinates, Figure, FigureValue, Incident } from '../dataset/schema.js';

/** Past this many attacks with a position, a map shows how many attacks each area had, not one mark each. */
export const MARK_LIMIT = 400;

/** What a figure on a mark says: an independent report, a perpetrator's claim (never added to it), or nothing. */
export type MarkKind = 'report' | 'claim' | 'none';

export interface Mark {
  readonly incidentId: string;
  readonly name: string;
  readonly longitude: number;
  readonly latitude: number;
  readonly precision: Coordinates['precision'];
  readonly kind: MarkKind;
  /** The headline figure of this attack alone, or null: no figure, or only one for several attacks together. */
  readonly value: FigureValue | null;
}

/** One figure for several attacks together: drawn once, joining its attacks, never split among them. */
export interface MarkGroup {
  /** The figure's id: a figure about attacks in two countries is one group on the region's map. */
  readonly figureId: string;
  readonly kind: Exclude<MarkKind, 'none'>;
  readonly value: FigureValue;
  /** Indexes into the map's marks. */
  readonly members: readonly number[];
}

/** How many attacks of a day (or a month, for an attack known only to the month) had which kind of figure. */
export interface TimelineEntry {
  readonly date: string;
  readonly precision: Incident['date']['precision'];
  readonly kind: MarkKind;
  readonly count: number;
}

/**
 * Every attack of an answer as a map and a timeline show it: plain data, locale-free, worked out once per country
 * at import and combined for the region.
 */
export interface AttackMap {
  /** One mark each, when there are at most MARK_LIMIT attacks with a position; else none. */
  readonly marks: readonly Mark[];
  readonly groups: readonly MarkGroup[];
  /** With more attacks than MARK_LIMIT: their positions, longitude and latitude in turn, drawn as counts per area. */
  readonly points: Float64Array | null;
  /** Attacks in the answer, drawn or not. */
  readonly total: number;
  readonly withoutPosition: number;
  readonly timeline: readonly TimelineEntry[];
}

/** What a map needs of a figure. */
type MappedFigure = Pick<Figure, 'id' | 'counts' | 'status' | 'value' | 'scope'>;

const KILLED: ReadonlySet<Figure['counts']> = new Set(['soldiers_killed', 'civilians_killed', 'people_killed']);

/** The number a figure is at least: what a mark's size rests on. */
export function lowerBound(value: FigureValue): number {
  return value.qualifier === 'range' ? value.low : value.number;
}

function larger(a: FigureValue | undefined, b: FigureValue): boolean {
  return a === undefined || lowerBound(b) > lowerBound(a);
}

interface Headlines {
  readonly reports: Map<string, FigureValue>;
  readonly claims: Map<string, FigureValue>;
  readonly groups: { figureId: string; kind: Exclude<MarkKind, 'none'>; value: FigureValue; ids: string[] }[];
}

/**
 * Each attack's largest figure of people killed, kept apart by kind: an independent report is what the mark shows,
 * a claim only where no report is, and a figure for several attacks together stays one figure.
 */
function headlines(figures: readonly MappedFigure[]): Headlines {
  const reports = new Map<string, FigureValue>();
  const claims = new Map<string, FigureValue>();
  const groups: Headlines['groups'] = [];
  for (const figure of figures) {
    const ids = incidentIdsIn(figure.scope);
    if (!KILLED.has(figure.counts) || ids.length === 0) continue;
    const kind = figure.status === 'claimed_by_perpetrator' ? 'claim' : 'report';
    if (ids.length > 1) {
      groups.push({ figureId: figure.id, kind, value: figure.value, ids: [...ids] });
      continue;
    }
    const id = ids[0] as string;
    const byKind = kind === 'claim' ? claims : reports;
    if (larger(byKind.get(id), figure.value)) byKind.set(id, figure.value);
  }
  return { reports, claims, groups };
}

function kindOf(id: string, found: Headlines, grouped: ReadonlyMap<string, MarkKind>): MarkKind {
  if (found.reports.has(id)) return 'report';
  if (found.claims.has(id)) return 'claim';
  return grouped.get(id) ?? 'none';
}

/** The map and timeline of some attacks, with the figures about them. */
export function attackMap(incidents: Iterable<IncidentOutline>, figures: readonly MappedFigure[]): AttackMap {
  const found = headlines(figures);
  const grouped = new Map<string, MarkKind>();
  for (const group of found.groups) {
    for (const id of group.ids) if (grouped.get(id) !== 'report') grouped.set(id, group.kind);
  }
  const marks: Mark[] = [];
  const positions: number[] = [];
  const markIndex = new Map<string, number>();
  const byDate = new Map<string, { -readonly [K in keyof TimelineEntry]: TimelineEntry[K] }>();
  let total = 0;
  for (const incident of incidents) {
    total += 1;
    const kind = kindOf(incident.id, found, grouped);
    const key = `${incident.date.value}|${incident.date.precision}|${kind}`;
    const entry = byDate.get(key);
    if (entry) entry.count += 1;
    else byDate.set(key, { date: incident.date.value, precision: incident.date.precision, kind, count: 1 });
    const { location } = incident;
    if (!location) continue;
    positions.push(location.longitude, location.latitude);
    if (positions.length > MARK_LIMIT * 2) continue;
    markIndex.set(incident.id, marks.length);
    marks.push({
      incidentId: incident.id,
      name: incident.place.name,
      longitude: location.longitude,
      latitude: location.latitude,
      precision: location.precision,
      kind,
      value: (kind === 'report' ? found.reports.get(incident.id) : found.claims.get(incident.id)) ?? null,
    });
  }
  const located = positions.length / 2;
  if (located > MARK_LIMIT) {
    return {
      marks: [],
      groups: [],
      points: Float64Array.from(positions),
      total,
      withoutPosition: total - located,
      timeline: [...byDate.values()],
    };
  }
  const groups = found.groups.flatMap((group) => {
    const members = [...new Set(group.ids)].flatMap((id) => markIndex.get(id) ?? []);
    return members.length > 0 ? [{ figureId: group.figureId, kind: group.kind, value: group.value, members }] : [];
  });
  return { marks, groups, points: null, total, withoutPosition: total - located, timeline: [...byDate.values()] };
}

/** Several countries' maps as one: marks while they are few, counts per area once they are many. */
export function combinedMap(maps: readonly AttackMap[]): AttackMap {
  const total = maps.reduce((sum, map) => sum + map.total, 0);
  const withoutPosition = maps.reduce((sum, map) => sum + map.withoutPosition, 0);
  const timeline = maps.flatMap((map) => map.timeline);
  if (total - withoutPosition > MARK_LIMIT) {
    const points = new Float64Array((total - withoutPosition) * 2);
    let filled = 0;
    for (const map of maps) {
      if (map.points) {
        points.set(map.points, filled);
        filled += map.points.length;
      } else {
        for (const mark of map.marks) {
          points[filled++] = mark.longitude;
          points[filled++] = mark.latitude;
        }
      }
    }
    return { marks: [], groups: [], points, total, withoutPosition, timeline };
  }
  const marks: Mark[] = [];
  const groups = new Map<string, MarkGroup>();
  for (const map of maps) {
    const offset = marks.length;
    marks.push(...map.marks);
    for (const group of map.groups) {
      const members = [
        ...(groups.get(group.figureId)?.members ?? []),
        ...group.members.map((member) => member + offset),
      ];
      groups.set(group.figureId, { ...group, members });
    }
  }
  return { marks, groups: [...groups.values()], points: null, total, withoutPosition, timeline };
}
