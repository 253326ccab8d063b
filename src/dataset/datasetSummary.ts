import type { Dataset } from './dataset.js';
import type { Source } from './schema.js';

/** What a dataset holds, in brief: what `npm run validate` prints once the dataset passed every check. */
export interface DatasetSummary {
  readonly version: string;
  readonly counts: {
    readonly sources: number;
    readonly countries: number;
    readonly actors: number;
    readonly incidents: number;
    readonly figures: number;
    readonly statements: number;
  };
  readonly sources: readonly Pick<Source, 'id' | 'title' | 'date'>[];
  /** The earliest and latest incident dates, as written; null for a dataset without incidents. */
  readonly period: { readonly earliest: string; readonly latest: string } | null;
}

/** Sums a dataset up without changing it. */
export function summariseDataset(dataset: Dataset): DatasetSummary {
  return {
    version: dataset.version,
    counts: {
      sources: dataset.sources.length,
      countries: dataset.countries.length,
      actors: dataset.actors.length,
      incidents: dataset.incidents.length,
      figures: dataset.figures.length,
      statements: dataset.statements.length,
    },
    sources: dataset.sources.map(({ id, title, date }) => ({ id, title, date })),
    period: dataset.period,
  };
}
