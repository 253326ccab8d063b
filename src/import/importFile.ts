import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DATASET_FILE_NAME } from '../dataset/loadDataset.js';
import { RECORD_FILES } from '../dataset/recordFiles.js';
import type { DatasetFile, Source } from '../dataset/schema.js';
import { ACLED_REQUIRED, acledIncident } from './acled.js';
import { ActorTable } from './actors.js';
import { CountryTable } from './countries.js';
import { csvRows } from './csvRows.js';
import type { RowContext, RowResult } from './rowResult.js';
import { UCDP_REQUIRED, ucdpIncident } from './ucdp.js';

export const IMPORT_KINDS = ['acled', 'ucdp'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const KINDS = {
  acled: { required: ACLED_REQUIRED, toIncident: acledIncident, name: 'ACLED', url: 'https://acleddata.com' },
  ucdp: { required: UCDP_REQUIRED, toIncident: ucdpIncident, name: 'UCDP GED', url: 'https://ucdp.uu.se' },
} as const satisfies Record<
  ImportKind,
  { required: readonly string[]; toIncident: (...args: Parameters<typeof acledIncident>) => RowResult } & Record<
    string,
    unknown
  >
>;

export interface ImportReport {
  readonly imported: number;
  /** Rows left out, by the line they start on, and why. */
  readonly skipped: readonly { readonly line: number; readonly reason: string }[];
  /** Rows with a record id seen before: the first row is kept. */
  readonly duplicates: readonly { readonly line: number; readonly recordId: string; readonly firstLine: number }[];
}

/** Past this many, skipped rows and duplicates are counted but not listed one by one. */
const MAX_LISTED = 1000;

/**
 * Imports an ACLED or UCDP GED CSV export into a data folder: `incidents.jsonl` written as the rows stream in
 * (memory grows with distinct ids, actors and countries, not with the file), then `dataset.json` with the import's
 * one source, and the source's text file. The folder is new data: `outDir` is overwritten.
 * @param input a file path or a readable stream of the CSV
 * @param label how the source names the export (its file name)
 */
export async function importExport(
  kind: ImportKind,
  input: string | Readable,
  outDir: string,
  label: string,
): Promise<ImportReport & { skippedCount: number; duplicateCount: number }> {
  const spec = KINDS[kind];
  await mkdir(path.join(outDir, 'sources'), { recursive: true });
  const sourceId = `${kind}-records`;
  const context: RowContext = { sourceId, actors: new ActorTable(spec.name), countries: new CountryTable() };
  const out = createWriteStream(path.join(outDir, RECORD_FILES.incidents.file));
  const firstLines = new Map<string, number>();
  const skipped: { line: number; reason: string }[] = [];
  const duplicates: { line: number; recordId: string; firstLine: number }[] = [];
  let skippedCount = 0;
  let duplicateCount = 0;
  let imported = 0;
  let latest = '';
  try {
    for await (const row of csvRows(input, spec.required)) {
      const result = spec.toIncident(row, context);
      if ('skipped' in result) {
        skippedCount++;
        if (skipped.length < MAX_LISTED) skipped.push({ line: row.line, reason: result.skipped });
        continue;
      }
      const { incident } = result;
      const firstLine = firstLines.get(incident.id);
      if (firstLine !== undefined) {
        duplicateCount++;
        if (duplicates.length < MAX_LISTED) {
          duplicates.push({ line: row.line, recordId: incident.datasetRecord?.recordId ?? incident.id, firstLine });
        }
        continue;
      }
      firstLines.set(incident.id, row.line);
      if (incident.date.value > latest) latest = incident.date.value;
      imported++;
      if (!out.write(`${JSON.stringify(incident)}\n`)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'finish');
  }

  const sourceFile = `sources/${sourceId}.txt`;
  const source: Source = {
    id: sourceId,
    kind: 'dataset_records',
    file: sourceFile,
    header: '',
    language: 'en',
    // Every record is reported by the export, so the export is dated by its latest record.
    date: latest === '' ? new Date().toISOString().slice(0, 10) : latest,
    datePrecision: latest.length === 7 ? 'month' : 'day',
    publisher: spec.name,
    url: spec.url,
    title: {
      en: `${spec.name} records (${label})`,
      nl: `Records van ${spec.name} (${label})`,
      fr: `Enregistrements ${spec.name} (${label})`,
    },
    description: {
      en: `${imported} records imported from the ${spec.name} export ${label}: ${spec.name}'s own coding of events, not news reports.`,
      nl: `${imported} records geïmporteerd uit de ${spec.name}-export ${label}: de eigen codering van ${spec.name}, geen nieuwsberichten.`,
      fr: `${imported} enregistrements importés de l'export ${spec.name} ${label} : le codage propre de ${spec.name}, pas des articles de presse.`,
    },
  };
  const dataset: Omit<DatasetFile, 'incidents' | 'figures' | 'statements'> = {
    sources: [source],
    countries: context.countries.countries,
    actors: context.actors.actors,
  };
  await writeFile(
    path.join(outDir, sourceFile),
    `${spec.name} export ${label}, imported ${new Date().toISOString().slice(0, 10)}: ${imported} records.\n`,
  );
  await writeFile(path.join(outDir, DATASET_FILE_NAME), `${JSON.stringify(dataset, null, 2)}\n`);
  return { imported, skipped, duplicates, skippedCount, duplicateCount };
}

/** The report an operator reads: counts first, then every skipped row and duplicate listed. */
export function formatImportReport(report: Awaited<ReturnType<typeof importExport>>, outDir: string): string {
  const lines = [
    `imported ${report.imported} records into ${outDir}`,
    `skipped ${report.skippedCount} rows${report.skippedCount > report.skipped.length ? ` (first ${report.skipped.length} listed)` : ''}`,
    ...report.skipped.map(({ line, reason }) => `  line ${line}: ${reason}`),
    `duplicates ${report.duplicateCount} rows (the first row of each id is kept)`,
    ...report.duplicates.map(
      ({ line, recordId, firstLine }) => `  line ${line}: ${recordId} again (first at line ${firstLine})`,
    ),
  ];
  return lines.join('\n');
}
