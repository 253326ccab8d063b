import {
  englishOf,
  type FigureValue,
  type Incident,
  type IncidentDate,
  type LocalText,
  type Quote,
  type Source,
} from '../dataset/schema.js';
import { formatNumber, type Locale, localeTag } from './locale.js';
import { fill, type Strings } from './strings.js';

const ELLIPSIS = '…';
const EMBED_TOTAL_LIMIT = 6000;
const ZERO_WIDTH_SPACE = '\u200b';

/** Line breaks and other control characters: a line break would let text start a heading, a list or a quote. */
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]+/gu;
/**
 * Characters that change how the text around them is shown without showing themselves (direction overrides and
 * isolates, marks, zero-width space, byte-order mark). The joiners (U+200C, U+200D) stay: scripts and emoji need them.
 */
const INVISIBLE_FORMATTING = /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Text as plain characters, on one line: for places that show no markdown (autocomplete choices, the console). */
export function plainText(text: string): string {
  return text.replace(INVISIBLE_FORMATTING, '').replace(CONTROL_CHARACTERS, ' ');
}

/**
 * Text from users or datasets, made inert for Discord: one line, no markdown of any kind (headings, lists, quotes,
 * masked links included), no mention, channel, emoji or timestamp tag, no link. Every markdown character is escaped
 * wherever it stands: discord.js's `escapeMarkdown` guesses which ones Discord would read (it leaves `_` after a link
 * and every masked link of a line but the first), and a guess is a hole. Escaping only lengthens text, so what could
 * never be shown (beyond `max`) is dropped first.
 */
export function inert(text: string, max: number = EMBED_TOTAL_LIMIT): string {
  return (
    plainText(text.length > max ? text.slice(0, max + 1) : text)
      .replace(/[\\*_~|`[\]]/g, '\\$&')
      // Markdown that only counts at the start of a line: a heading, subtext, a quote, a list.
      .replace(/^(\s*)(#|-|>|\+|\d+(?=\.))/, (_, space: string, mark: string) =>
        /\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
      )
      // `<@id>`, `<#id>`, `<t:…>`, `<:emoji:id>`, `</command:id>`, `<https://…>`: all start with "<".
      .replace(/[<@]/g, (sign) => `${sign}${ZERO_WIDTH_SPACE}`)
      // Discord makes a link of any "scheme://"; an invite shows as a card even without one.
      .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
      .replace(/(discord(?:app)?)\.(gg|com|me|io|li)\//gi, `$1${ZERO_WIDTH_SPACE}.$2/`)
  );
}

/** Shortens to at most `max` characters, at a word boundary where one is near, ending in an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}${ELLIPSIS}`;
}

/**
 * A verbatim quote as a blockquote, then its translation, marked as such. A quote too long for `max` is cut
 * and says so: what stands before the ellipsis is still verbatim.
 */
export function quoteBlock(quote: Quote, strings: Strings, max: number, sources: readonly Source[]): string {
  const quoteLanguage = sources.find((source) => source.id === quote.sourceId)?.language ?? '';
  const translated = translationFor(quote, strings.locale, quoteLanguage);
  const translation = translated
    ? `\n*${strings.translation} (${translated.language})${strings.colon}* ${inert(translated.text, max)}`
    : '';
  const shownQuote = inert(quote.text, max);
  const full = `> ${shownQuote}${translation}`;
  if (full.length <= max) return full;
  const marker = ` [${strings.shortened}]`;
  const budget = Math.max(20, max - marker.length - 2);
  const quotePart = truncate(`> ${shownQuote}`, Math.ceil(budget * 0.6));
  const translationPart = truncate(translation, budget - quotePart.length);
  return truncate(`${quotePart}${marker}${translationPart}`, max);
}

/**
 * The translation a reader needs: none when the quote is in their language; theirs where the editors wrote one;
 * else the English one.
 */
function translationFor(quote: Quote, locale: Locale, quoteLanguage: string) {
  if (quoteLanguage === locale || !quote.translations) return undefined;
  const own = quote.translations[locale];
  if (own) return { language: locale, text: own };
  const english = quote.translations.en;
  return english && quoteLanguage !== 'en' ? { language: 'en', text: english } : undefined;
}

/** The dataset editors' own words in the reader's language, or the English marked as such; always inert. */
/** A place as a reader names it: "Boulkessi", or for a place known only as a region, "Tahoua region". Plain. */
export function placeName(place: Incident['place'], strings: Strings): string {
  return place.precision === 'admin_area' ? fill(strings.regionNamed, { name: place.name }) : place.name;
}

export function localText(text: LocalText, strings: Strings, max?: number): string {
  const own = ownVariant(text, strings);
  return own === undefined ? `${inert(englishOf(text), max)} ${strings.inEnglish}` : inert(own, max);
}

/** `localText` as plain text, for places that make it inert themselves. */
export function plainLocalText(text: LocalText, strings: Strings): string {
  return ownVariant(text, strings) ?? `${englishOf(text)} ${strings.inEnglish}`.trimEnd();
}

function ownVariant(text: LocalText, strings: Strings): string | undefined {
  if (strings.locale === 'en') return englishOf(text);
  return typeof text === 'string' ? undefined : text[strings.locale];
}

export function formatValue(value: FigureValue, strings: Strings, locale: Locale): string {
  const n = (x: number) => formatNumber(x, locale);
  if (value.qualifier === 'range') return fill(strings.qualifier.range, { low: n(value.low), high: n(value.high) });
  return fill(strings.qualifier[value.qualifier], { n: n(value.number) });
}

/** "Sunday, 1 June 2025" (with `weekday`), "1 June 2025", or "June 2025" for a month (YYYY-MM). */
export function formatCalendarDate(value: string, locale: Locale, { weekday = false } = {}): string {
  const [year = 1970, month = 1, day] = value.split('-').map(Number);
  const options: Intl.DateTimeFormatOptions =
    day === undefined
      ? { month: 'long', year: 'numeric' }
      : { ...(weekday ? { weekday: 'long' } : {}), day: 'numeric', month: 'long', year: 'numeric' };
  return new Intl.DateTimeFormat(localeTag(locale), { ...options, timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day ?? 1)),
  );
}

/** An attack's date as precise as it is known: "Sunday, 1 June 2025", or "May 2025"; `short` leaves out the weekday. */
export function formatDate(date: IncidentDate, locale: Locale, { short = false } = {}): string {
  return formatCalendarDate(date.value, locale, { weekday: !short });
}

/**
 * A date with what keeps it honest, for lists and tolls: "24 May 2025, date of the claim", "May 2025, month only",
 * "week of 12 May 2025, inferred date". A stated day needs no caveat.
 */
export function formatDateWithCaveat(date: IncidentDate, strings: Strings, locale: Locale): string {
  const shown = formatDate(date, locale, { short: true });
  const when = date.precision === 'week' ? fill(strings.caveat.week, { date: shown }) : shown;
  const caveats = [
    date.precision === 'month' ? strings.caveat.month : undefined,
    date.derivation === 'stated' ? undefined : strings.caveat[date.derivation],
  ].filter((caveat) => caveat !== undefined);
  return [when, ...caveats].join(', ');
}

/**
 * What a reader needs to cite a source: "“Headline” (Publisher, 1 June 2025, nl)", or our title for a source without
 * a headline, with "publisher unknown" where it is. Plain text: the caller makes it inert where markdown is read.
 */
export function describeSource(source: Source, strings: Strings, locale: Locale): string {
  const date = formatCalendarDate(source.published ?? source.date, locale);
  const name = source.headline ? `“${source.headline}”` : plainLocalText(source.title, strings);
  return `${name} (${source.publisher ?? strings.publisherUnknown}, ${date}, ${source.language})`;
}
