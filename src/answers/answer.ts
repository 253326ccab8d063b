import { type Dataset, incidentIdsIn } from '../dataset/dataset.js';
import type { Actor, Country, Figure, FigureValue, Incident, LocalText, Source, Statement } from '../dataset/schema.js';
import type { AttackMap } from './attackMap.js';
import type { ListFilters, ListItem } from './listAnswer.js';
import type { SameAttack } from './sameAttack.js';

/** A figure with every attack it covers (one figure may cover several, together; a region figure none). */
export interface FigureView {
  readonly figure: Figure;
  readonly covers: readonly Incident[];
}

/** A statement with the attacks it is about, or the countries it is about as a whole. */
export interface StatementView {
  readonly statement: Statement;
  readonly covers: readonly Incident[];
  readonly countries: readonly Country[];
}

export interface IncidentReport {
  readonly incident: Incident;
  readonly country: Country;
  readonly perpetrator: Actor | null;
  readonly figures: readonly FigureView[];
  /** About this attack, then about its whole country ("no official toll"). */
  readonly statements: readonly StatementView[];
  /** The same attack as other sources report it (an article, ACLED, UCDP), shown beside this one. */
  readonly sameAttack?: SameAttack;
  /** Set when the query named something other than the place itself, e.g. the nearby Mondoro. */
  readonly matchedVia?: { readonly name: string; readonly via: 'alias' | 'nearby' | 'admin_area' };
}

/** How a figure enters a country's toll. */
export type TollRole =
  /** an independent report, added to the conservative total */
  | 'counted'
  /** an independent report that overlaps a larger one for the same attacks: not added */
  | 'overlap'
  /** a perpetrator's claim about attacks no independent report covers: shown apart, as a claim */
  | 'claim_only_source'
  /** a perpetrator's claim about attacks an independent report already covers: not added */
  | 'claim_overlaps_report';

export interface TollTotal {
  readonly counts: Figure['counts'];
  /** Sum of non-overlapping independent reports, or null when there is none. */
  readonly reported: FigureValue | null;
  /** Sum of claims about attacks with no independent report: never added to `reported`. */
  readonly claimedOnly: FigureValue | null;
  readonly claimants: readonly LocalText[];
  /** The independent reports added up in `reported`: each about attacks none of the others covers. */
  readonly reports: Sample<FigureView>;
  /** The claims added up in `claimedOnly`. */
  readonly claims: Sample<FigureView>;
  /** The attacks those claims are about. */
  readonly claimedAttacks: Sample<Incident>;
  /** Every report added up in `reported`, and every claim in `claimedOnly`, by id: what a script checks a sum by. */
  readonly reportIds: readonly string[];
  readonly claimIds: readonly string[];
}

/** The first few of a list that can be long, and how long it is: a country can have 100,000 figures. */
export interface Sample<T> {
  readonly first: readonly T[];
  readonly total: number;
}

type TollFigureView = FigureView & { readonly role: TollRole };

export interface CountryToll {
  readonly country: Country;
  /** Most recent first. None: the sources report no attack in this country ("no data", never "0 killed"). */
  readonly incidents: Sample<Incident>;
  readonly figures: Sample<TollFigureView>;
  /** Every status among all the figures, not only the first. */
  readonly statuses: readonly Figure['status'][];
  readonly totals: readonly TollTotal[];
  readonly incidentsWithoutFigures: Sample<Incident>;
  readonly statements: Sample<StatementView>;
  /** Every attack of the country on a map and a timeline: read only when the pictures are drawn. */
  readonly map: () => AttackMap;
}

export interface RegionToll {
  readonly countries: readonly CountryToll[];
  /** Aggregates over several countries: context, never split among them nor added to them. */
  readonly regionFigures: readonly FigureView[];
}

export interface IncidentSummary {
  readonly incident: Incident;
  readonly country: Country;
}

export type UserErrorCode =
  | 'empty_query'
  | 'query_too_long'
  | 'unknown_command'
  /** A `since`/`until` that is not YYYY-MM or YYYY-MM-DD of the calendar. */
  | 'bad_date'
  /** `since` after `until`. */
  | 'bad_period'
  | 'unknown_target';

export type Answer =
  | { readonly kind: 'incident'; readonly report: IncidentReport; readonly sources: readonly Source[] }
  | {
      readonly kind: 'choose';
      readonly query: string;
      readonly options: readonly IncidentSummary[];
      /** How many incidents matched; `options` may show fewer. */
      readonly total: number;
    }
  | { readonly kind: 'toll'; readonly toll: CountryToll; readonly sources: readonly Source[] }
  | { readonly kind: 'region'; readonly toll: RegionToll; readonly sources: readonly Source[] }
  | {
      readonly kind: 'not_found';
      readonly query: string;
      readonly searched: 'attacks' | 'countries' | 'groups';
      readonly suggestions: readonly string[];
    }
  | {
      readonly kind: 'list';
      readonly filters: ListFilters;
      /** Counted from 0. */
      readonly page: number;
      readonly pageCount: number;
      readonly total: number;
      readonly items: readonly ListItem[];
    }
  | { readonly kind: 'error'; readonly code: UserErrorCode; readonly input: string };

export type AnswerKind = Answer['kind'];

/** Longest query accepted, as the slash commands' `max_length`. */
export const MAX_QUERY_LENGTH = 100;

export function checkQuery(query: string): Answer | undefined {
  if (query.trim() === '') return { kind: 'error', code: 'empty_query', input: query };
  if (query.length > MAX_QUERY_LENGTH) return { kind: 'error', code: 'query_too_long', input: query };
  return undefined;
}

function incidentsIn(dataset: Dataset, scope: Figure['scope'] | Statement['scope']): Incident[] {
  return incidentIdsIn(scope).flatMap((id) => dataset.incidentsById.get(id) ?? []);
}

export function figureView(dataset: Dataset, figure: Figure): FigureView {
  return { figure, covers: incidentsIn(dataset, figure.scope) };
}

export function statementView(dataset: Dataset, statement: Statement): StatementView {
  const { scope } = statement;
  const countries =
    scope.kind === 'countries' ? scope.countryCodes.flatMap((code) => dataset.countriesByCode.get(code) ?? []) : [];
  return { statement, covers: incidentsIn(dataset, scope), countries };
}

/** What was said about a whole country without a number ("no official toll"). */
export function countryStatements(dataset: Dataset, countryCode: string): StatementView[] {
  return (dataset.statementsByCountry.get(countryCode) ?? []).map((statement) => statementView(dataset, statement));
}
