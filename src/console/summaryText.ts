import type { DatasetSummary } from '../dataset/datasetSummary.js';
import { englishOf } from '../dataset/schema.js';

/** `npm run validate`'s report of a dataset that passed: counts, sources, the period its incidents cover. */
export function summaryText(dataDir: string, summary: DatasetSummary): string {
  const counts = Object.entries(summary.counts).map(([kind, count]) => `  ${kind.padEnd(12)}${count}`);
  const idWidth = Math.max(0, ...summary.sources.map((source) => source.id.length)) + 2;
  const sources = summary.sources.map(
    (source) => `  ${source.id.padEnd(idWidth)}${source.date.padEnd(12)}${englishOf(source.title)}`,
  );
  const period = summary.period
    ? `${summary.period.earliest} to ${summary.period.latest} (earliest and latest incident date)`
    : 'none (no incidents)';
  return [
    `${dataDir}: valid, version ${summary.version}`,
    'counts:',
    ...counts,
    'sources:',
    ...sources,
    `period: ${period}`,
  ].join('\n');
}
