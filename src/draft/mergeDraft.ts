import type { DatasetFile, Figure, Incident, Statement } from '../dataset/schema.js';
import type { Draft } from './draftSchema.js';
import { uniqueIds } from './uniqueIds.js';

/** What a merge did, for the moderator: which draft incidents were already in the dataset, what was added. */
export interface MergeReport {
  readonly sourceId: string;
  /** Draft incident id → the dataset incident it was recognised as. */
  readonly matched: Readonly<Record<string, string>>;
  readonly added: { incidents: string[]; figures: string[]; statements: string[]; countries: string[] };
  /** Draft figures that repeat a figure the dataset has: their quotes were added to it. */
  readonly samesAs: Readonly<Record<string, string>>;
}

export type MergeResult = { ok: true; data: DatasetFile; report: MergeReport } | { ok: false; reason: string };

/** Incidents the dataset keeps elsewhere (`incidents.jsonl`): matched, never changed. */
export type OtherIncidents = Iterable<Pick<Incident, 'id' | 'place' | 'countryCode' | 'date'>>;

const DAY_MS = 86_400_000;
const WEEK_DAYS = 7;

/**
 * Merges a reviewed draft into a dataset file. A drafted attack the dataset already has (same country, same place by
 * name or alias, dates within a week) is not added again: the draft's figures and statements become reports on it,
 * and the new source is added to its sources. A drafted figure that repeats one of the dataset's (same incidents,
 * what is counted, value and kind of speaker) adds its quote to it; a figure that differs stays a report of its own.
 * Review notes are dropped. Pure: the caller writes and validates.
 */
export function mergeDraft(data: DatasetFile, draft: Draft, others: OtherIncidents = []): MergeResult {
  if (data.sources.some((source) => source.id === draft.source.id)) {
    return {
      ok: false,
      reason: `the dataset already has the source "${draft.source.id}": this draft was merged before`,
    };
  }
  const merged: DatasetFile = structuredClone(data);
  merged.sources.push(draft.source);
  const report: MergeReport = {
    sourceId: draft.source.id,
    matched: {},
    added: { incidents: [], figures: [], statements: [], countries: [] },
    samesAs: {},
  };
  const matched = report.matched as Record<string, string>;
  const samesAs = report.samesAs as Record<string, string>;

  for (const country of draft.countries) {
    if (merged.countries.some((known) => known.code === country.code)) continue;
    merged.countries.push(country);
    report.added.countries.push(country.code);
  }

  const ids = new Set([...merged.incidents, ...merged.figures, ...merged.statements].map((record) => record.id));
  for (const incident of others) ids.add(incident.id);
  const fresh = uniqueIds(ids);

  const incidentIds = new Map<string, string>();
  for (const { review: _review, ...incident } of draft.incidents) {
    const same = [...merged.incidents, ...others].find((known) => sameAttack(known, incident));
    if (same) {
      incidentIds.set(incident.id, same.id);
      matched[incident.id] = same.id;
      const inFile = merged.incidents.find((known) => known.id === same.id);
      if (inFile) {
        if (!inFile.sourceIds.includes(draft.source.id)) inFile.sourceIds.push(draft.source.id);
        inFile.outcomes.push(...incident.outcomes);
        if (inFile.perpetrator.attribution === 'not_stated' && incident.perpetrator.attribution !== 'not_stated') {
          inFile.perpetrator = incident.perpetrator;
        }
      }
      continue;
    }
    const id = fresh(incident.id);
    incidentIds.set(incident.id, id);
    merged.incidents.push({ ...incident, id });
    report.added.incidents.push(id);
  }

  const rescope = <S extends Figure['scope'] | Statement['scope']>(scope: S): S =>
    scope.kind === 'incidents'
      ? { ...scope, incidentIds: [...new Set(scope.incidentIds.map((id) => incidentIds.get(id) ?? id))] }
      : scope;

  for (const { review: _review, ...drafted } of draft.figures) {
    const figure: Figure = { ...drafted, scope: rescope(drafted.scope) };
    const repeat = merged.figures.find((known) => sameFigure(known, figure));
    if (repeat) {
      repeat.quotes.push(...figure.quotes);
      samesAs[figure.id] = repeat.id;
      continue;
    }
    const id = fresh(figure.id);
    merged.figures.push({ ...figure, id });
    report.added.figures.push(id);
  }
  for (const { review: _review, ...drafted } of draft.statements) {
    const id = fresh(drafted.id);
    merged.statements.push({ ...drafted, id, scope: rescope(drafted.scope) });
    report.added.statements.push(id);
  }
  return { ok: true, data: merged, report };
}

/** Same country, same place (by any of its names), and dates no more than a week apart. */
export function sameAttack(
  a: Pick<Incident, 'place' | 'countryCode' | 'date'>,
  b: Pick<Incident, 'place' | 'countryCode' | 'date'>,
): boolean {
  if (a.countryCode !== b.countryCode) return false;
  const names = (incident: Pick<Incident, 'place'>) =>
    new Set([incident.place.name, ...incident.place.aliases].map((name) => fold(name)));
  const ours = names(a);
  if (![...names(b)].some((name) => ours.has(name))) return false;
  const [aFrom, aTo] = daysOf(a.date);
  const [bFrom, bTo] = daysOf(b.date);
  const gap = Math.max(aFrom - bTo, bFrom - aTo, 0);
  return gap <= WEEK_DAYS;
}

function sameFigure(a: Figure, b: Figure): boolean {
  return (
    a.counts === b.counts &&
    a.saidBy.kind === b.saidBy.kind &&
    (a.saidBy.actorId ?? null) === (b.saidBy.actorId ?? null) &&
    JSON.stringify(a.value) === JSON.stringify(b.value) &&
    JSON.stringify(a.scope) === JSON.stringify(b.scope)
  );
}

/** The first and last day a date can mean, as day numbers: a month is all its days, a week seven. */
function daysOf(date: Incident['date']): [number, number] {
  if (date.precision === 'month') {
    const [year = 0, month = 1] = date.value.split('-').map(Number);
    return [Date.UTC(year, month - 1, 1) / DAY_MS, Date.UTC(year, month, 0) / DAY_MS];
  }
  const day = Date.parse(`${date.value}T00:00:00Z`) / DAY_MS;
  return [day, date.precision === 'week' ? day + 6 : day];
}

/** Names compared without case, accents or the word "region": "Boulkéssi" is "Boulkessi", "Tahoua region" "Tahoua". */
function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+(region|regio|region de|province)$/u, '')
    .trim();
}
