import { type Dataset, firstDay, lastDay } from '../dataset/dataset.js';
import { type Actor, type Country, type Figure, type Incident, isCalendarDate, TARGETS } from '../dataset/schema.js';
import type { NameTarget } from '../search/gazetteer.js';
import type { NameIndex } from '../search/nameIndex.js';
import type { SearchIndex } from '../search/searchIndex.js';
import { type Answer, checkQuery, type FigureView, figureView } from './answer.js';
import { countryOf } from './attackAnswer.js';
import { largest } from './figureValues.js';

/** Attacks a page of `/attacks` shows. */
export const LIST_PAGE_SIZE = 10;

export type Target = Incident['target'];

/** What `/attacks` narrows to, once every option was resolved: a country code, an actor id, ISO dates. */
export interface ListFilters {
  readonly country?: Country;
  readonly group?: Actor;
  /** YYYY-MM or YYYY-MM-DD: from the first day it names. */
  readonly since?: string;
  /** YYYY-MM or YYYY-MM-DD: up to the last day it names. */
  readonly until?: string;
  readonly target?: Target;
}

/** The options as typed: names to resolve, dates to check. */
export interface ListQuery {
  readonly country?: string | undefined;
  readonly group?: string | undefined;
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly target?: string | undefined;
}

export interface ListItem {
  readonly incident: Incident;
  readonly country: Country;
  readonly perpetrator: Actor | null;
  /** The figure a line shows: the largest independent report, else the largest claim; null when there is none. */
  readonly headline: FigureView | null;
}

const DATE_PATTERN = /^\d{4}-\d{2}(-\d{2})?$/;

/**
 * `/attacks`: attacks newest first, narrowed by country, group, period and target, a page at a time. An attack known
 * only to the month is kept when its month overlaps the period.
 */
export function answerList(dataset: Dataset, index: SearchIndex, query: ListQuery, page = 0): Answer {
  const resolved = resolveFilters(dataset, index, query);
  return 'kind' in resolved ? resolved : listPage(dataset, resolved, page);
}

/**
 * The same list from the ids a page button keeps (a country code, an actor id): another page of it, or the same page
 * after a restart. A country or group the dataset no longer has is "not found", never silently dropped.
 */
export function answerListOfIds(dataset: Dataset, ids: ListQuery, page: number): Answer {
  const filters = checkPeriodAndTarget(ids);
  if ('kind' in filters) return filters;
  const country = ids.country === undefined ? undefined : dataset.countriesByCode.get(ids.country);
  if (ids.country !== undefined && !country) {
    return { kind: 'not_found', query: ids.country, searched: 'countries', suggestions: [] };
  }
  const group = ids.group === undefined ? undefined : dataset.actorsById.get(ids.group);
  if (ids.group !== undefined && !group)
    return { kind: 'not_found', query: ids.group, searched: 'groups', suggestions: [] };
  return listPage(dataset, { ...filters, ...(country ? { country } : {}), ...(group ? { group } : {}) }, page);
}

function listPage(dataset: Dataset, filters: ListFilters, page: number): Answer {
  const filter = {
    ...(filters.country ? { country: filters.country.code } : {}),
    ...(filters.group ? { actor: filters.group.id } : {}),
    ...(filters.target ? { target: filters.target } : {}),
    ...(filters.since ? { fromDay: firstDay(filters.since) } : {}),
    ...(filters.until ? { toDay: lastDay(filters.until) } : {}),
  };
  const wanted = Math.max(0, Math.trunc(page));
  let found = dataset.newestIncidents(filter, wanted * LIST_PAGE_SIZE, LIST_PAGE_SIZE);
  const pageCount = Math.max(1, Math.ceil(found.total / LIST_PAGE_SIZE));
  const shown = Math.min(wanted, pageCount - 1);
  // A page past the end (the data shrank since the button was made) shows the last one.
  if (shown !== wanted) found = dataset.newestIncidents(filter, shown * LIST_PAGE_SIZE, LIST_PAGE_SIZE);
  const items = found.incidents.map((incident) => listItem(dataset, incident));
  return { kind: 'list', filters, page: shown, pageCount, total: found.total, items };
}

function resolveFilters(dataset: Dataset, index: SearchIndex, query: ListQuery): ListFilters | Answer {
  const filters: { country?: Country; group?: Actor } = {};
  const country = given(query.country);
  if (country !== undefined) {
    const found = one(index.countries, country, 'countries', (target) =>
      target.kind === 'country' ? dataset.countriesByCode.get(target.code) : undefined,
    );
    if ('kind' in found) return found;
    filters.country = found;
  }
  const group = given(query.group);
  if (group !== undefined) {
    const found = one(index.groups, group, 'groups', (target) =>
      target.kind === 'actor' ? dataset.actorsById.get(target.actorId) : undefined,
    );
    if ('kind' in found) return found;
    filters.group = found;
  }
  const rest = checkPeriodAndTarget(query);
  return 'kind' in rest ? rest : { ...filters, ...rest };
}

const given = (text: string | undefined) => (text === undefined || text.trim() === '' ? undefined : text.trim());

/** `since` and `until` as days of the calendar in order, and a target the schema knows. */
function checkPeriodAndTarget(query: ListQuery): Pick<ListFilters, 'since' | 'until' | 'target'> | Answer {
  const filters: { since?: string; until?: string; target?: Target } = {};
  for (const key of ['since', 'until'] as const) {
    const date = given(query[key]);
    if (date === undefined) continue;
    if (!DATE_PATTERN.test(date) || !isCalendarDate(date)) return { kind: 'error', code: 'bad_date', input: date };
    filters[key] = date;
  }
  if (filters.since && filters.until && firstDay(filters.since) > lastDay(filters.until)) {
    return { kind: 'error', code: 'bad_period', input: `${filters.since} – ${filters.until}` };
  }
  const target = given(query.target);
  if (target !== undefined) {
    // The option's menu sends the key; a typed "military base" is the same.
    const key = target.toLowerCase().replace(/[\s-]+/g, '_');
    const known = TARGETS.find((value) => value === key);
    if (!known) return { kind: 'error', code: 'unknown_target', input: target };
    filters.target = known;
  }
  return filters;
}

/** The one thing a name stands for, or "not found" with near misses: a filter never guesses. */
function one<T>(
  names: NameIndex,
  text: string,
  searched: 'countries' | 'groups',
  pick: (target: NameTarget) => T | undefined,
): T | Answer {
  const rejected = checkQuery(text);
  if (rejected) return rejected;
  const result = names.match(text);
  if (result.kind === 'found' && result.matches.length === 1) {
    const [match] = result.matches;
    const value = match?.entry.targets.map(pick).find((found) => found !== undefined);
    if (value !== undefined) return value;
  }
  const suggestions =
    result.kind === 'found' ? result.matches.map((m) => m.entry.label) : result.suggestions.map((e) => e.label);
  return { kind: 'not_found', query: text, searched, suggestions };
}

function listItem(dataset: Dataset, incident: Incident): ListItem {
  const figures = dataset.figuresByIncident.get(incident.id) ?? [];
  const reports = figures.filter((figure) => figure.status !== 'claimed_by_perpetrator');
  const headline: Figure | undefined = largest(reports.length > 0 ? reports : figures);
  return {
    incident,
    country: countryOf(dataset, incident.countryCode),
    perpetrator: incident.perpetrator.actorId ? (dataset.actorsById.get(incident.perpetrator.actorId) ?? null) : null,
    headline: headline ? figureView(dataset, headline) : null,
  };
}
