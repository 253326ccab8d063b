import type { DatasetAccess } from '../../commands/command.js';
import type { UserErrorCode } from '../answers/answer.js';
import type { Figure, Incident, Outcome, Statement } from '../dataset/schema.js';
import type { Locale, PluralForms } from './locale.js';
import { en } from './strings/en.js';
import { fr } from './strings/fr.js';
import { nl } from './strings/nl.js';

type Labels<K extends string> = Record<K, string>;

/** Every word the bot says, in each reply language. Dataset text comes in its own languages (`localText`). */
export interface Strings {
  locale: Locale;
  counts: Labels<Figure['counts']>;
  target: Labels<Incident['target']>;
  outcome: Labels<Outcome['outcome']>;
  statement: Labels<Statement['kind']>;
  precision: Labels<Incident['date']['precision']>;
  derivation: Labels<Incident['date']['derivation']>;
  /** What a date shown in a list or a toll carries with it: "date of the claim", "month only", "week of …". */
  caveat: Labels<Exclude<Incident['date']['derivation'], 'stated'> | 'month' | 'week'>;
  attribution: Labels<Incident['perpetrator']['attribution']>;
  errors: Labels<UserErrorCode>;
  qualifier: { exact: string; more_than: string; at_least: string; about: string; range: string };
  status: Labels<Figure['status']>;
  legend: string;
  date: string;
  place: string;
  target_: string;
  perpetrator: string;
  notStated: string;
  disputedOutcome: string;
  matchedNearby: string;
  matchedAdminArea: string;
  figures: string;
  noFigures: string;
  outcomes: string;
  statements: string;
  translation: string;
  /** After the dataset editors' words where they wrote none in the reader's language. */
  inEnglish: string;
  shortened: string;
  note: string;
  source: string;
  sources: string;
  publisherUnknown: string;
  accessed: string;
  dataset: string;
  attackTitle: string;
  attackTitleNoTarget: string;
  tollTitle: string;
  regionTitle: string;
  coversTogether: string;
  /** Where and when a figure or statement in a toll applies: "at Boulkessi (1 June 2025, inferred date)". */
  /** Where an attack was: a place, or a place known only as a region. */
  /** Before a colon: nothing in English and Dutch, a space in French. */
  colon: string;
  atPlace: string;
  inRegion: string;
  placeOnDate: string;
  moreAttacks: PluralForms;
  inCountries: string;
  role: Labels<'counted' | 'overlap' | 'claim_only_source' | 'claim_overlaps_report'>;
  reportedOne: string;
  reportedSum: PluralForms;
  reportLine: string;
  /** By the number of claimants: "JNIM claims", "JNIM and ISSP claim". */
  claimedOnly: PluralForms;
  onlyClaims: PluralForms;
  moreReports: PluralForms;
  neverAdded: string;
  noNumbers: string;
  noData: string;
  noDataCountry: string;
  withoutFigures: string;
  regionWide: string;
  regionNotSplit: string;
  chooseTitle: string;
  chooseHint: string;
  andMore: string;
  notFoundTitle: string;
  notFoundAttacks: string;
  notFoundCountries: string;
  notFoundGroups: string;
  /** `/attacks`: the filters as words, a page of lines, its buttons. */
  listTitle: string;
  listFilters: Labels<'country' | 'group' | 'since' | 'until' | 'target'>;
  listEmpty: string;
  listPage: string;
  attacks: PluralForms;
  listPerpetrator: Labels<Incident['perpetrator']['attribution']>;
  listNoFigure: string;
  listTogether: string;
  previous: string;
  next: string;
  choosePlaceholder: string;
  chooseNarrow: string;
  sourcesButton: string;
  sourcesTitle: string;
  staleChoice: string;
  regionNamed: string;
  newest: string;
  didYouMean: string;
  notCoveredIsNotZero: string;
  errorTitle: string;
  attacksInCountry: PluralForms;
  truncatedFields: PluralForms;
  aboutTitle: string;
  aboutText: string;
  version: string;
  counts_: string;
  countsOf: Record<'incidents' | 'figures' | 'statements' | 'sources', PluralForms>;
  loaded: string;
  loadedValue: string;
  statusTitle: string;
  refreshedTitle: string;
  refreshedText: string;
  /** With several bot processes (shards): how many serve the new version. */
  refreshedShards: string;
  /** The refresh's changes, a field a kind of record: "Figures (1 changed)", then "changed: `fig-…`". */
  recordKinds: Labels<'sources' | 'countries' | 'actors' | 'incidents' | 'figures' | 'statements'>;
  recordChanges: Labels<'added' | 'removed' | 'changed'>;
  noRecordChanged: string;
  none: string;
  refreshFailedTitle: string;
  refreshFailedText: string;
  validTitle: string;
  validText: string;
  invalidTitle: string;
  invalidText: string;
  /** Why an attached file gave no dataset to check (a refresh or a validation with `file:`). */
  upload: Labels<'notZip' | 'unsafePath' | 'tooManyEntries' | 'tooLarge' | 'unknownCsv' | 'csvFailed' | 'noDataset'>;
  period: string;
  periodValue: string;
  refusedTitle: string;
  refusedText: Labels<Exclude<DatasetAccess, 'operator'>>;
  crashTitle: string;
  crashText: string;
  /** `/dataset draft`: a draft of an attached article, for a moderator to review. */
  datasetRecord: DatasetRecordStrings;
  draft: DraftStrings;
}

export interface DraftStrings {
  title: string;
  text: string;
  incidents: string;
  review: PluralForms;
  merge: string;
  mergeOk: string;
  mergeProblems: string;
  mergeUnchecked: string;
  notServed: string;
  failedTitle: string;
  fetchFailed: string;
  badInput: string;
  fileDescription: string;
  noIncident: string;
}

/** How a conflict dataset's record (ACLED, UCDP GED) and other sources' reports of the same attack are shown. */
export interface DatasetRecordStrings {
  /** "{dataset}'s own summary (record {id}), not a news quote". */
  summaryTitle: string;
  sourcesLine: string;
  noSourcesNamed: string;
  headlines: string;
  originalSource: string;
  eventType: string;
  actors: string;
  period: string;
  acledEstimate: string;
  acledEstimateNote: string;
  acledNoneReported: string;
  acledNoneReportedNote: string;
  ucdpBest: string;
  ucdpBestNote: string;
  ucdpBySide: string;
  sameAttackTitle: string;
  otherReport: string;
  agree: string;
  differ: string;
  neverAdded: string;
}

const tables: Record<Locale, Strings> = { en, nl, fr };

export function stringsFor(locale: Locale): Strings {
  return tables[locale];
}

/** Fills `{name}` placeholders; values are inserted as given (escape user text before). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
