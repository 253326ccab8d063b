import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../src/dataset/schema.js';

/** The calendar as `Date` keeps it: what `isCalendarDate` must agree with, without making a `Date` per record. */
function byDate(value: string): boolean {
  const [year = 0, month = 0, day] = value.split('-').map(Number);
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const digits = (length: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: length, maxLength: length }).map((d) => d.join(''));

describe('isCalendarDate', () => {
  it('knows leap days and month ends', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2025-04-31')).toBe(false);
    expect(isCalendarDate('2025-12-31')).toBe(true);
    expect(isCalendarDate('2025-13')).toBe(false);
    expect(isCalendarDate('2025-06-00')).toBe(false);
    // Date reads years 0 to 99 as 1900 to 1999: 1900 had no 29 February, 1904 had.
    expect(isCalendarDate('0000-02-29')).toBe(byDate('0000-02-29'));
    expect(isCalendarDate('0004-02-29')).toBe(byDate('0004-02-29'));
  });

  it('agrees with Date on every YYYY-MM-DD and YYYY-MM, and on other text', () => {
    const dates = fc.oneof(
      fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
      fc.tuple(digits(4), digits(2)).map(([y, m]) => `${y}-${m}`),
      fc.string(),
    );
    fc.assert(
      fc.property(dates, (value) => isCalendarDate(value) === byDate(value)),
      { numRuns: 20_000 },
    );
  });
});
