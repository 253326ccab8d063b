import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { DATASET_FILE_NAME } from '../dataset/loadDataset.js';
import { RECORD_FILES } from '../dataset/recordFiles.js';
import type { Actor, DatasetFile, Source } from '../dataset/schema.js';
import { ACLED_REQUIRED, acledIncident } from './acled.js';
import { ActorTable } from './actors.js';
import { CountryTable } from './countries.js';
import { csvRows, ImportError } from './csvRows.js';
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

/** Records written at a time: one write a record costs more than the records' JSON. */
const WRITE_BATCH = 1000;

/** Past this many, skipped rows and duplicates are counted but not listed one by one. */
const MAX_LISTED = 1000;

/**
 * Imports an ACLED or UCDP GED CSV export into a data folder: `incidents.jsonl` written as the rows stream in
 * (memory grows with distinct ids, actors and countries, not with the file), then `dataset.json` with the import's
 * one source, and the source's text file. A folder that already holds a dataset (curated articles, the other
 * dataset's import) keeps it: this import's records and source replace those of an earlier import of the same kind.
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
  const existing = await existingDataset(outDir);
  const recordsFile = path.join(outDir, RECORD_FILES.incidents.file);
  const out = createWriteStream(`${recordsFile}.importing`);
  await keepOtherRecords(recordsFile, sourceId, out);
  const firstLines = new Map<string, number>();
  const skipped: { line: number; reason: string }[] = [];
  const duplicates: { line: number; recordId: string; firstLine: number }[] = [];
  let skippedCount = 0;
  let duplicateCount = 0;
  let imported = 0;
  let latest = '';
  const batch: string[] = [];
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
      batch.push(JSON.stringify(incident));
      if (batch.length === WRITE_BATCH && !out.write(`${batch.splice(0).join('\n')}\n`)) await once(out, 'drain');
    }
    if (batch.length > 0) out.write(`${batch.join('\n')}\n`);
  } finally {
    out.end();
    await once(out, 'finish');
  }
  await rename(`${recordsFile}.importing`, recordsFile);

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
  const dataset = mergeInto(existing, {
    sources: [source],
    countries: context.countries.countries,
    actors: context.actors.actors,
  });
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

type DatasetHead = Pick<DatasetFile, 'sources' | 'countries' | 'actors'> & Record<string, unknown>;

/** The dataset already in the folder, as plain JSON (it is validated as a whole after the import); none if absent. */
async function existingDataset(outDir: string): Promise<DatasetHead | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(outDir, DATASET_FILE_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as DatasetHead;
  } catch (error) {
    throw new ImportError(`${DATASET_FILE_NAME} in ${outDir} is not valid JSON (${(error as Error).message})`);
  }
}

/** Copies the folder's records that are not from an earlier import of this source, line by line. */
async function keepOtherRecords(recordsFile: string, sourceId: string, out: NodeJS.WritableStream): Promise<void> {
  let input: ReturnType<typeof createReadStream>;
  try {
    input = createReadStream(recordsFile);
    await once(input, 'open');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const ours = `"sourceIds":["${sourceId}"]`;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line.trim() === '' || line.includes(ours)) continue;
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
}

/** The folder's dataset with this import's source, countries and actors added (an actor's aliases merged). */
function mergeInto(existing: DatasetHead | undefined, added: DatasetHead): DatasetHead {
  if (!existing) return added;
  const [source] = added.sources;
  const actors = new Map<string, Actor>(existing.actors.map((actor) => [actor.id, actor]));
  for (const actor of added.actors) {
    const known = actors.get(actor.id);
    if (!known) actors.set(actor.id, actor);
    else {
      const names = new Set([known.name, ...known.aliases]);
      actors.set(actor.id, {
        ...known,
        aliases: [...known.aliases, ...actor.aliases.filter((alias) => !names.has(alias))],
      });
    }
  }
  const codes = new Set(existing.countries.map((country) => country.code));
  return {
    ...existing,
    sources: [...existing.sources.filter((known) => known.id !== source?.id), ...added.sources],
    countries: [...existing.countries, ...added.countries.filter((country) => !codes.has(country.code))],
    actors: [...actors.values()],
  };
}
