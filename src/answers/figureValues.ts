import type { FigureValue } from '../dataset/schema.js';

/** The least the figure asserts: "more than 30" asserts at least 30 (strictly more, shown as such). */
export function lowerBound(value: FigureValue): number {
  return value.qualifier === 'range' ? value.low : value.number;
}

/** The larger of overlapping figures: overlapping reports are compared, never added. */
export function largest<T extends { value: FigureValue }>(items: readonly T[]): T | undefined {
  return items.reduce<T | undefined>(
    (best, item) => (best === undefined || lowerBound(item.value) > lowerBound(best.value) ? item : best),
    undefined,
  );
}

/**
 * Adds figures about separate attacks, keeping what each asserts: "more than 30" + "more than 100" is
 * "more than 130"; anything "about" makes the sum "about"; an open bound makes it open.
 */
export function sumValues(values: readonly FigureValue[]): FigureValue | null {
  const [first, ...rest] = values;
  if (first === undefined) return null;
  if (rest.length === 0) return first;
  const low = values.reduce((sum, value) => sum + lowerBound(value), 0);
  const has = (qualifier: FigureValue['qualifier']) => values.some((value) => value.qualifier === qualifier);
  if (has('about')) return { qualifier: 'about', number: low };
  if (has('more_than')) return { qualifier: 'more_than', number: low };
  if (has('at_least')) return { qualifier: 'at_least', number: low };
  if (has('range')) {
    const high = values.reduce((sum, value) => sum + (value.qualifier === 'range' ? value.high : value.number), 0);
    return { qualifier: 'range', low, high };
  }
  return { qualifier: 'exact', number: low };
}
