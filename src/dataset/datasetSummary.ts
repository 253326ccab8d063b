import { forEachIndexChunked } from './chunked.js';
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

/** Sums a dataset up without changing it; the dates are gathered a distinct value at a time, as records share them. */
export async function summariseDataset(dataset: Dataset): Promise<DatasetSummary> {
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
    period: await incidentPeriod(dataset),
  };
}

/**
 * Dates are ISO text of a day or a month ("2025-05-24", "2025-05"), which sort by plain comparison: a month sorts
 * before its days, so a month-precision date is the earliest of its month and, as the latest, may hide later days.
 */
async function incidentPeriod(dataset: Dataset): Promise<DatasetSummary['period']> {
  const { incidents } = dataset;
  let earliest: string | undefined;
  let latest: string | undefined;
  const see = (row: number) => {
    const date = incidents.field(row, 'date')?.value;
    if (date === undefined) return;
    if (earliest === undefined || date < earliest) earliest = date;
    if (latest === undefined || date > latest) latest = date;
  };
  const coded = await incidents.forEachCode('date', (_code, rows) => see(rows[0] as number));
  if (!coded) await forEachIndexChunked(incidents.length, see);
  return earliest === undefined || latest === undefined ? null : { earliest, latest };
}
