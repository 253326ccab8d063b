import { escapeMarkdown } from 'discord.js';
import type { FigureValue, IncidentDate, Quote, Source } from '../dataset/schema.js';
import type { Locale } from './locale.js';
import { fill, type Strings } from './strings.js';

const ELLIPSIS = '…';
const EMBED_TOTAL_LIMIT = 6000;

/**
 * Text from users or datasets, made inert: no markdown, no mentions. Escaping only lengthens text, so what
 * could never be shown (beyond `max`) is dropped first: escaping is slow on long text.
 */
export function inert(text: string, max: number = EMBED_TOTAL_LIMIT): string {
  return escapeMarkdown(text.length > max ? text.slice(0, max + 1) : text).replace(/@/g, '@\u200b');
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
export function quoteBlock(quote: Quote, strings: Strings, max: number): string {
  const translation = quote.translationEn ? `\n*${strings.translation} (en):* ${inert(quote.translationEn, max)}` : '';
  const shownQuote = inert(quote.text, max);
  const full = `> ${shownQuote}${translation}`;
  if (full.length <= max) return full;
  const marker = ` [${strings.shortened}]`;
  const budget = Math.max(20, max - marker.length - 2);
  const quotePart = truncate(`> ${shownQuote}`, Math.ceil(budget * 0.6));
  const translationPart = truncate(translation, budget - quotePart.length);
  return truncate(`${quotePart}${marker}${translationPart}`, max);
}

export function formatValue(value: FigureValue, strings: Strings, locale: Locale): string {
  const n = (x: number) => x.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB');
  if (value.qualifier === 'range') return fill(strings.qualifier.range, { low: n(value.low), high: n(value.high) });
  return fill(strings.qualifier[value.qualifier], { n: n(value.number) });
}

export function formatDate(date: IncidentDate, locale: Locale): string {
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  const [year, month, day] = date.value.split('-').map(Number);
  const when = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions =
    date.precision === 'month'
      ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(tag, options).format(when);
}

/** "nl-2025-06 article, June 2025, publisher unknown": what a footer needs to find the source again. */
export function describeSource(source: Source, strings: Strings, locale: Locale): string {
  const [year, month] = source.date.split('-').map(Number);
  const date = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 1)));
  return `${source.title} (${source.language}, ${date}, ${source.publisher ?? strings.publisherUnknown})`;
}
