import { type IncidentOutline, incidentIdsIn } from '../dataset/dataset.js';
import type { Coordinates, Figure, FigureValue, Incident } from '../dataset/schema.js';
import { lowerBound } from './figureValues.js';

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

interface Headline {
  readonly kind: Exclude<MarkKind, 'none'>;
  /** Null where the only figures are for several attacks together. */
  readonly value: FigureValue | null;
}

interface Headlines {
  readonly byIncident: Map<string, Headline>;
  readonly groups: { figureId: string; kind: Exclude<MarkKind, 'none'>; value: FigureValue; ids: string[] }[];
}

/** Whether `next` is the better headline: a report before a claim, then the larger number. */
function better(current: Headline | undefined, next: Headline): boolean {
  if (current === undefined || current.value === null) return true;
  if (current.kind !== next.kind) return next.kind === 'report';
  return next.value !== null && lowerBound(next.value) > lowerBound(current.value);
}

/**
 * Each attack's largest figure of people killed, kept apart by kind: an independent report is what the mark shows,
 * a claim only where no report is, and a figure for several attacks together stays one figure.
 */
function headlines(figures: readonly MappedFigure[]): Headlines {
  const byIncident = new Map<string, Headline>();
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
    const headline = { kind, value: figure.value } as const;
    if (better(byIncident.get(id), headline)) byIncident.set(id, headline);
  }
  // An attack with only figures for several attacks together: its kind, never a number of its own.
  for (const group of groups) {
    for (const id of group.ids) {
      const current = byIncident.get(id);
      if (current === undefined || (current.value === null && group.kind === 'report')) {
        byIncident.set(id, { kind: group.kind, value: null });
      }
    }
  }
  return { byIncident, groups };
}

/** The map and timeline of some attacks, with the figures about them. */
export function attackMap(incidents: Iterable<IncidentOutline>, figures: readonly MappedFigure[]): AttackMap {
  const found = headlines(figures);
  const marks: Mark[] = [];
  const positions: number[] = [];
  const markIndex = new Map<string, number>();
  const byDate = new Map<string, Record<MarkKind, { -readonly [K in keyof TimelineEntry]: TimelineEntry[K] } | null>>();
  let total = 0;
  for (const incident of incidents) {
    total += 1;
    const headline = found.byIncident.get(incident.id);
    const kind = headline?.kind ?? 'none';
    const { value, precision } = incident.date;
    // Most dates are days: their own text is the key, with no new string made for each attack.
    const key = precision === 'day' ? value : `${value}|${precision}`;
    let kinds = byDate.get(key);
    if (!kinds) {
      kinds = { report: null, claim: null, none: null };
      byDate.set(key, kinds);
    }
    const entry = kinds[kind];
    if (entry) entry.count += 1;
    else kinds[kind] = { date: value, precision, kind, count: 1 };
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
      value: headline?.value ?? null,
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
      timeline: timelineOf(byDate),
    };
  }
  const groups = found.groups.flatMap((group) => {
    const members = [...new Set(group.ids)].flatMap((id) => markIndex.get(id) ?? []);
    return members.length > 0 ? [{ figureId: group.figureId, kind: group.kind, value: group.value, members }] : [];
  });
  return { marks, groups, points: null, total, withoutPosition: total - located, timeline: timelineOf(byDate) };
}

function timelineOf(byDate: ReadonlyMap<string, Record<MarkKind, TimelineEntry | null>>): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const kinds of byDate.values()) {
    for (const entry of [kinds.report, kinds.claim, kinds.none]) if (entry) entries.push(entry);
  }
  return entries;
}

/** Several countries' maps as one: marks while they are few, counts per area once they are many. */
export function combinedMap(maps: readonly AttackMap[]): AttackMap {
  const [only] = maps;
  if (maps.length === 1 && only) return only;
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
