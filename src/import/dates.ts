const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A calendar day (YYYY-MM-DD) from the date forms exports are known to use, each by an explicit pattern, never by
 * locale: `2023-02-16` (with or without a time part), legacy ACLED `16/02/2023`, and Excel's `9-May-20` /
 * `30-Sept-24`. Anything else, or a day the calendar does not have, is undefined.
 */
export function parseExportDate(text: string): string | undefined {
  let year: number;
  let month: number;
  let day: number;
  const iso = text.match(/^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/);
  const legacy = text.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  const excel = text.match(/^(\d{1,2})-([A-Za-z]{3,9})-(\d{2}|\d{4})$/);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (legacy) {
    [day, month, year] = [Number(legacy[1]), Number(legacy[2]), Number(legacy[3])];
  } else if (excel) {
    day = Number(excel[1]);
    month = MONTHS.indexOf((excel[2] as string).slice(0, 3).toLowerCase()) + 1;
    const digits = excel[3] as string;
    year = digits.length === 2 ? 2000 + Number(digits) : Number(digits);
  } else {
    return undefined;
  }
  if (year < 1900 || month < 1 || month > 12) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The day `days` after (or before) a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The first and last day of the month a YYYY-MM-DD day is in. */
export function monthOf(day: string): { start: string; end: string } {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { start: `${day.slice(0, 7)}-01`, end };
}
