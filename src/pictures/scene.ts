import type { Answer, FigureView } from '../answers/answer.js';
import type { Coordinates, Figure, FigureValue, Incident } from '../dataset/schema.js';
import type { Locale } from '../render/locale.js';
import { forEachChunked } from './chunks.js';

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
  readonly kind: Exclude<MarkKind, 'none'>;
  readonly value: FigureValue;
  /** Indexes into the scene's marks. */
  readonly members: readonly number[];
}

export interface NearbyPlace {
  readonly name: string;
  readonly longitude: number;
  readonly latitude: number;
}

/** What a map shows, worked out from an answer: plain data, so that drawing it is a pure function. */
export interface MapScene {
  readonly focus: 'attack' | 'countries';
  /** The countries the answer is about: the map is framed on them (or on the attack) and they stand out. */
  readonly countryCodes: readonly string[];
  /** Names of the dataset's countries in the reader's language; other countries take the picture strings' names. */
  readonly countryNames: Readonly<Record<string, string>>;
  readonly marks: readonly Mark[];
  readonly groups: readonly MarkGroup[];
  /** With more attacks than MARK_LIMIT: their positions, longitude and latitude in turn, drawn as counts per area. */
  readonly points: Float64Array | null;
  readonly nearby: readonly NearbyPlace[];
  /** Attacks in the answer, drawn or not. */
  readonly total: number;
  readonly withoutPosition: number;
}

/** One attack's date and what its figures are, for the timeline. */
export interface TimelineEntry {
  readonly date: string;
  readonly precision: Incident['date']['precision'];
  readonly kind: MarkKind;
  readonly count: number;
}

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
  readonly groups: { kind: Exclude<MarkKind, 'none'>; value: FigureValue; ids: string[] }[];
}

/**
 * Each attack's largest figure of people killed, kept apart by kind: an independent report is what the mark shows,
 * a claim only where no report is, and a figure for several attacks together stays one figure.
 */
async function headlines(figures: readonly FigureView[]): Promise<Headlines> {
  const reports = new Map<string, FigureValue>();
  const claims = new Map<string, FigureValue>();
  const groups: Headlines['groups'] = [];
  await forEachChunked(figures, ({ figure, covers }) => {
    if (!KILLED.has(figure.counts) || covers.length === 0) return;
    const kind = figure.status === 'claimed_by_perpetrator' ? 'claim' : 'report';
    if (covers.length > 1) {
      groups.push({ kind, value: figure.value, ids: covers.map((incident) => incident.id) });
      return;
    }
    const id = (covers[0] as Incident).id;
    const byKind = kind === 'claim' ? claims : reports;
    if (larger(byKind.get(id), figure.value)) byKind.set(id, figure.value);
  });
  return { reports, claims, groups };
}

function kindOf(id: string, found: Headlines, grouped: ReadonlyMap<string, MarkKind>): MarkKind {
  if (found.reports.has(id)) return 'report';
  if (found.claims.has(id)) return 'claim';
  return grouped.get(id) ?? 'none';
}

/** What an answer's pictures show; null for an answer that has none (a list to choose from, an error). */
export async function sceneOf(
  answer: Answer,
  locale: Locale,
): Promise<{ map: MapScene; timeline: TimelineEntry[] | null } | null> {
  let incidents: readonly Incident[];
  let figures: readonly FigureView[];
  let countryCodes: string[];
  const countryNames: Record<string, string> = {};
  switch (answer.kind) {
    case 'incident':
      incidents = [answer.report.incident];
      figures = answer.report.figures;
      countryCodes = [answer.report.country.code];
      countryNames[answer.report.country.code] = answer.report.country.names[locale];
      break;
    case 'toll':
      incidents = answer.toll.incidents;
      figures = answer.toll.figures;
      countryCodes = [answer.toll.country.code];
      countryNames[answer.toll.country.code] = answer.toll.country.names[locale];
      break;
    case 'region': {
      const { countries } = answer.toll;
      incidents = countries.length === 1 ? (countries[0]?.incidents ?? []) : countries.flatMap((c) => c.incidents);
      figures = countries.flatMap((c) => c.figures);
      countryCodes = countries.map((c) => c.country.code);
      for (const { country } of countries) countryNames[country.code] = country.names[locale];
      break;
    }
    default:
      return null;
  }

  const found = await headlines(figures);
  const grouped = new Map<string, MarkKind>();
  for (const group of found.groups) {
    for (const id of group.ids) if (grouped.get(id) !== 'report') grouped.set(id, group.kind);
  }
  const located = incidents.filter((incident) => incident.location !== undefined).length;
  const binned = located > MARK_LIMIT;
  const marks: Mark[] = [];
  const points = binned ? new Float64Array(located * 2) : null;
  const markIndex = new Map<string, number>();
  const byDate = new Map<string, TimelineEntry & { count: number }>();
  let filled = 0;
  await forEachChunked(incidents, (incident) => {
    const kind = kindOf(incident.id, found, grouped);
    const key = `${incident.date.value}|${incident.date.precision}|${kind}`;
    const entry = byDate.get(key);
    if (entry) entry.count += 1;
    else byDate.set(key, { date: incident.date.value, precision: incident.date.precision, kind, count: 1 });
    const { location } = incident;
    if (!location) return;
    if (points) {
      points[filled++] = location.longitude;
      points[filled++] = location.latitude;
      return;
    }
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
  });
  const groups: MarkGroup[] = binned
    ? []
    : found.groups.flatMap((group) => {
        const members = [...new Set(group.ids)].flatMap((id) => markIndex.get(id) ?? []);
        return members.length > 0 ? [{ kind: group.kind, value: group.value, members }] : [];
      });
  const nearby =
    answer.kind === 'incident'
      ? answer.report.incident.place.nearbyLocations.map(({ name, location }) => ({
          name,
          longitude: location.longitude,
          latitude: location.latitude,
        }))
      : [];
  return {
    map: {
      focus: answer.kind === 'incident' ? 'attack' : 'countries',
      countryCodes,
      countryNames,
      marks,
      groups,
      points,
      nearby,
      total: incidents.length,
      withoutPosition: incidents.length - located,
    },
    timeline: answer.kind === 'incident' ? null : [...byDate.values()],
  };
}
