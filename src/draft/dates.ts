import * as chrono from 'chrono-node';
import type { IncidentDate } from '../dataset/schema.js';

export type DraftLanguage = 'en' | 'nl' | 'fr';

/** A date the article states or implies, where it stands in the text. */
export interface DateMention {
  readonly value: string;
  readonly precision: IncidentDate['precision'];
  /** "stated" for "24 May"; "inferred" for "last Sunday", worked out from the article's date. */
  readonly derivation: 'stated' | 'inferred';
  /** The article's own words for it. */
  readonly words: string;
  readonly index: number;
  /** The weekday alone ("Sunday", "afgelopen zondag"): a reference date turned it into a day. */
  readonly relative: boolean;
}

const parsers: Record<DraftLanguage, chrono.Chrono> = {
  en: chrono.en.casual,
  nl: chrono.nl.casual,
  fr: chrono.fr.casual,
};
const DAY_MS = 86_400_000;

const iso = (date: Date) => date.toISOString().slice(0, 10);
const utc = (value: string) => new Date(`${value}T12:00:00Z`);

/**
 * The dates in a sentence, against `reference` (the day the article was published, YYYY-MM-DD). A weekday alone
 * ("Sunday", "last Friday", "afgelopen vrijdag", "dimanche dernier") is the latest such day before the reference:
 * news tells what happened, so "Tuesday" is never next Tuesday. A month alone ("mid-May") stays a month. Times and
 * durations are ignored.
 */
export function findDates(text: string, reference: string, language: DraftLanguage): DateMention[] {
  const instant = utc(reference);
  const found: DateMention[] = [];
  for (const result of parsers[language].parse(text, { instant, timezone: 0 })) {
    const known = certain(result.start);
    const year = known.year ?? (result.start.get('year') as number);
    const month = known.month;
    const base = widen(text, result.text, result.index);
    if (known.day !== undefined && month !== undefined) {
      let value = `${year}-${pad(month)}-${pad(known.day)}`;
      // "24 May" in an article of 2 January is last year's 24 May.
      if (known.year === undefined && value > reference) value = `${year - 1}-${pad(month)}-${pad(known.day)}`;
      found.push({ ...base, value, precision: 'day', derivation: 'stated', relative: false });
    } else if (known.weekday !== undefined && known.day === undefined) {
      found.push({
        ...base,
        value: weekdayBefore(reference, known.weekday),
        precision: 'day',
        derivation: 'inferred',
        relative: true,
      });
    } else if (month !== undefined) {
      let value = `${year}-${pad(month)}`;
      if (known.year === undefined && value > reference.slice(0, 7)) value = `${year - 1}-${pad(month)}`;
      found.push({ ...base, value, precision: 'month', derivation: 'stated', relative: false });
    }
  }
  return found;
}

/** The latest day before `reference` that falls on `weekday` (0 Sunday … 6 Saturday). */
export function weekdayBefore(reference: string, weekday: number): string {
  const day = utc(reference);
  const back = ((day.getUTCDay() - weekday + 6) % 7) + 1;
  return iso(new Date(day.getTime() - back * DAY_MS));
}

/**
 * The day relative dates are worked out from. An article dated to the day is its own reference. An article dated
 * only to a month ("2025-06") is read as published on the day after the first `firstWeekday` of that month (the first
 * weekday the article names alone): the earliest reading in which that day falls within the month. Always a choice
 * for the moderator to check.
 */
export function referenceDay(articleDate: string, firstWeekday: number | undefined): { day: string; assumed: boolean } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(articleDate)) return { day: articleDate, assumed: false };
  const first = utc(`${articleDate}-01`);
  if (firstWeekday === undefined) return { day: iso(first), assumed: true };
  const ahead = (firstWeekday - first.getUTCDay() + 7) % 7;
  return { day: iso(new Date(first.getTime() + (ahead + 1) * DAY_MS)), assumed: true };
}

/** The first weekday a text names alone, for `referenceDay`. */
export function firstWeekdayIn(text: string, language: DraftLanguage): number | undefined {
  for (const result of parsers[language].parse(text, { instant: utc('2000-01-01'), timezone: 0 })) {
    const known = certain(result.start);
    if (known.weekday !== undefined && known.day === undefined) return known.weekday;
  }
  return undefined;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

type Unit = 'year' | 'month' | 'day' | 'weekday';

/** The parts of a date the text itself gives, not those chrono filled in from the reference. */
function certain(components: chrono.ParsedComponents): Partial<Record<Unit, number>> {
  const known: Partial<Record<Unit, number>> = {};
  for (const unit of ['year', 'month', 'day', 'weekday'] as const) {
    const value = components.get(unit);
    if (components.isCertain(unit) && value !== null) known[unit] = value;
  }
  return known;
}

// chrono reads "zondag" in "afgelopen zondag" and "mei" in "midden mei": the quoted words keep what qualifies them.
const BEFORE =
  /(?:afgelopen|vorige|komende|last|this past|past|midden|half|begin|eind|early|mid-?|late|mi-|début|fin)\s*$/iu;
const AFTER = /^\s+(?:dernier|passé)(?!\p{L})/iu;

function widen(text: string, words: string, index: number): { words: string; index: number } {
  const before = text.slice(Math.max(0, index - 14), index).match(BEFORE);
  const after = text.slice(index + words.length).match(AFTER);
  const start = before ? index - before[0].length : index;
  const end = index + words.length + (after && !/dernier|passé/iu.test(words) ? after[0].length : 0);
  return { words: text.slice(start, end).replace(/[\s,.;:]+$/u, ''), index: start };
}
