import type { MarkKind, TimelineEntry } from '../answers/attackMap.js';
import { type Locale, localeTag } from '../render/locale.js';
import type { PictureStrings } from './strings/index.js';
import { FONT, label, n, xml } from './svg.js';

export const TIMELINE_WIDTH = 800;
export const TIMELINE_HEIGHT = 320;
const LEFT = 48;
const RIGHT = 16;
const TOP = 44;
const BOTTOM = 86;
/** Past this many weeks, bars are months: a bar a few pixels wide says nothing. */
const MAX_WEEKS = 104;
const DAY = 86_400_000;

const KINDS: readonly MarkKind[] = ['report', 'claim', 'none'];
const COLOUR: Record<MarkKind, string> = { report: '#c62828', claim: '#ef8a4c', none: '#bdbdbd' };

interface Bucket {
  start: number;
  counts: Record<MarkKind, number>;
}

function dayOf(value: string): number {
  const [year = 1970, month = 1, day = 1] = value.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

function mondayOf(time: number): number {
  const weekday = (new Date(time).getUTCDay() + 6) % 7;
  return time - weekday * DAY;
}

function monthOf(time: number): number {
  const date = new Date(time);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

function nextMonth(time: number): number {
  const date = new Date(time);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** 1, 2, 5, 10, 20, 50…: a step that gives at most four grid lines up to `most`. */
function niceStep(most: number): number {
  const rough = Math.max(1, most / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  return ([1, 2, 5, 10].find((f) => f * power >= rough) ?? 10) * power;
}

/**
 * Attacks per week (per month over two years), each bar split by what its attacks' figures are: an independent
 * report, a claim only, no figure. Attacks dated to the month only are not put in a week they may not belong to:
 * they are drawn apart, as a band across their month. Pure.
 */
export function timelineSvg(entries: readonly TimelineEntry[], strings: PictureStrings): string {
  const dated = entries.filter((entry) => entry.precision !== 'month');
  const monthOnly = entries.filter((entry) => entry.precision === 'month');
  // A loop, not Math.min(...times): tens of thousands of days would overflow the call's arguments.
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const entry of entries) {
    const day = dayOf(entry.date);
    if (day < first) first = day;
    if (day > last) last = day;
  }
  if (entries.length === 0) first = last = Date.UTC(2025, 0, 1);
  const weekly = (mondayOf(last) - mondayOf(first)) / (7 * DAY) < MAX_WEEKS;
  const startOf = weekly ? mondayOf : monthOf;
  const step = weekly ? (time: number) => time + 7 * DAY : nextMonth;
  const buckets: Bucket[] = [];
  const byStart = new Map<number, Bucket>();
  const end = weekly ? step(startOf(last)) : nextMonth(last);
  for (let time = startOf(first); time < end; time = step(time)) {
    const bucket = { start: time, counts: { report: 0, claim: 0, none: 0 } };
    buckets.push(bucket);
    byStart.set(time, bucket);
  }
  for (const entry of weekly ? dated : entries) {
    const bucket = byStart.get(startOf(dayOf(entry.date)));
    if (bucket) bucket.counts[entry.kind] += entry.count;
  }
  const most = Math.max(1, ...buckets.map((b) => b.counts.report + b.counts.claim + b.counts.none));
  const gridStep = niceStep(most);
  const top = Math.ceil(most / gridStep) * gridStep;
  const width = TIMELINE_WIDTH - LEFT - RIGHT;
  const height = TIMELINE_HEIGHT - TOP - BOTTOM;
  const span = end - startOf(first);
  const xOf = (time: number) => LEFT + ((time - startOf(first)) / span) * width;
  const yOf = (count: number) => TOP + height - (count / top) * height;

  const parts: string[] = [
    `<rect width="${TIMELINE_WIDTH}" height="${TIMELINE_HEIGHT}" fill="#fff"/>`,
    label(16, 28, weekly ? strings.perWeek : strings.perMonth, { size: 18, weight: 'bold' }),
  ];
  for (let value = 0; value <= top; value += gridStep) {
    const y = yOf(value);
    parts.push(
      `<line x1="${LEFT}" x2="${TIMELINE_WIDTH - RIGHT}" y1="${n(y)}" y2="${n(y)}" stroke="#e0e0e0"/>`,
      `<text x="${LEFT - 6}" y="${n(y + 4)}" font-size="11" text-anchor="end" fill="#757575">${value.toLocaleString(localeTag(strings.locale))}</text>`,
    );
  }
  for (const bucket of buckets) {
    const x = xOf(bucket.start);
    const barWidth = Math.max(1, xOf(step(bucket.start)) - x - 2);
    let base = 0;
    for (const kind of KINDS) {
      const count = bucket.counts[kind];
      if (count === 0) continue;
      parts.push(
        `<rect class="bar-${kind}" data-start="${new Date(bucket.start).toISOString().slice(0, 10)}" data-count="${count}" x="${n(x + 1)}" y="${n(yOf(base + count))}" width="${n(barWidth)}" height="${n(yOf(base) - yOf(base + count))}" fill="${COLOUR[kind]}"/>`,
      );
      base += count;
    }
  }
  parts.push(...axisLabels(buckets, xOf, weekly, strings.locale));
  if (weekly) {
    const months = new Map<string, number>();
    for (const entry of monthOnly)
      months.set(entry.date.slice(0, 7), (months.get(entry.date.slice(0, 7)) ?? 0) + entry.count);
    for (const [month, count] of months) {
      const from = xOf(Math.max(startOf(first), dayOf(month)));
      const to = xOf(Math.min(end, nextMonth(dayOf(month))));
      const y = TOP + height + 30;
      parts.push(
        `<rect class="month-only" x="${n(from)}" y="${n(y)}" width="${n(Math.max(2, to - from))}" height="8" fill="#9e9e9e" fill-opacity="0.5" stroke="#757575" stroke-dasharray="3 2"/>`,
        `<text x="${n(from)}" y="${n(y + 22)}" font-size="11" fill="#616161">${xml(`${count} · ${strings.monthOnly}`)}</text>`,
      );
    }
  }
  const legendY = TIMELINE_HEIGHT - 10;
  const legendTexts: [MarkKind, string][] = [
    ['report', strings.timelineReport],
    ['claim', strings.timelineClaim],
    ['none', strings.timelineNone],
  ];
  let x = LEFT;
  for (const [kind, text] of legendTexts) {
    parts.push(
      `<rect x="${x}" y="${legendY - 10}" width="12" height="12" fill="${COLOUR[kind]}"/>`,
      `<text x="${x + 17}" y="${legendY}" font-size="11" fill="#424242">${xml(text)}</text>`,
    );
    x += 30 + text.length * 6.3;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${TIMELINE_WIDTH}" height="${TIMELINE_HEIGHT}" viewBox="0 0 ${TIMELINE_WIDTH} ${TIMELINE_HEIGHT}" font-family="${FONT}">${parts.join('')}</svg>`;
}

/** At most eight dates under the axis, the year shown where it changes. */
function axisLabels(
  buckets: readonly Bucket[],
  xOf: (time: number) => number,
  weekly: boolean,
  locale: Locale,
): string[] {
  const every = Math.max(1, Math.ceil(buckets.length / 8));
  const short = new Intl.DateTimeFormat(
    localeTag(locale),
    weekly ? { day: 'numeric', month: 'short', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' },
  );
  const year = new Intl.DateTimeFormat(localeTag(locale), { year: 'numeric', timeZone: 'UTC' });
  const y = TIMELINE_HEIGHT - BOTTOM + 16;
  let lastYear = '';
  const labels: string[] = [];
  buckets.forEach((bucket, i) => {
    if (i % every !== 0) return;
    const date = new Date(bucket.start);
    const thisYear = year.format(date);
    const text = thisYear === lastYear ? short.format(date) : `${short.format(date)} ${thisYear}`;
    lastYear = thisYear;
    labels.push(`<text x="${n(xOf(bucket.start) + 2)}" y="${y}" font-size="11" fill="#616161">${xml(text)}</text>`);
  });
  return labels;
}
