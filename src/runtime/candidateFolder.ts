import { createReadStream } from 'node:fs';
import { copyFile, cp, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { DATASET_FILE_NAME } from '../dataset/loadDataset.js';
import { RECORD_FILES, RECORD_KINDS } from '../dataset/recordFiles.js';
import { ACLED_REQUIRED } from '../import/acled.js';
import { ImportError } from '../import/csvRows.js';
import { type ImportKind, importExport } from '../import/importFile.js';
import { UCDP_REQUIRED } from '../import/ucdp.js';
import { extractZip, type ZipRefusal } from './extractZip.js';
import { writeDatasetFile } from './writeDatasetFile.js';

/** What an attached file is, by its name: a dataset.json, an ACLED or UCDP GED export, or a zipped data folder. */
export type UploadKind = 'json' | 'csv' | 'zip';

export function uploadKind(name: string): UploadKind | undefined {
  const extension = path.extname(name).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.csv') return 'csv';
  if (extension === '.zip') return 'zip';
  return undefined;
}

/** Why an attachment gave no data folder; the caller says it in the reader's language. */
export type FolderRefusal =
  | ZipRefusal
  | { readonly code: 'unknown_csv' }
  | { readonly code: 'csv_failed'; readonly detail: string }
  | { readonly code: 'no_dataset' };

export type FolderResult = { ok: true; dir: string } | { ok: false; refusal: FolderRefusal };

/** A zip holds a whole data folder, not a dump: this many files is plenty (sources are few, records are JSONL). */
const MAX_ZIP_ENTRIES = 10_000;

/** The files of a data folder that make its dataset: what is copied in for an import and kept after a refresh. */
const DATA_FILES = [DATASET_FILE_NAME, ...RECORD_KINDS.map((kind) => RECORD_FILES[kind].file)];

/** Which export a CSV is, by its header row: ACLED names `event_id_cnty`, UCDP GED `date_start` and `best`. */
export async function csvKind(file: string): Promise<ImportKind | undefined> {
  const lines = createInterface({ input: createReadStream(file, { end: 64 << 10 }), crlfDelay: Infinity });
  let header = '';
  for await (const line of lines) {
    header = line;
    break;
  }
  lines.close();
  const names = header
    .replace(/^\uFEFF/, '')
    .split(',')
    .map((name) => name.trim().replace(/^"|"$/g, '').toLowerCase());
  if (ACLED_REQUIRED.every((column) => names.includes(column))) return 'acled';
  if (UCDP_REQUIRED.every((column) => names.includes(column))) return 'ucdp';
  return undefined;
}

/**
 * A CSV export imported into `dir`, beside a copy of the data folder's dataset (curated articles, the other kind's
 * import), as `npm run import` into the data folder would: the result is what the folder holds after a refresh.
 */
export async function importedFolder(
  csvFile: string,
  label: string,
  dataDir: string,
  dir: string,
): Promise<FolderResult> {
  const kind = await csvKind(csvFile);
  if (!kind) return { ok: false, refusal: { code: 'unknown_csv' } };
  await copyDataFiles(dataDir, dir);
  try {
    await importExport(kind, csvFile, dir, label);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (error instanceof ImportError || code?.startsWith('CSV_')) {
      return { ok: false, refusal: { code: 'csv_failed', detail: (error as Error).message } };
    }
    throw error;
  }
  return { ok: true, dir };
}

/** A zipped data folder extracted into `dir`; a zip of the folder itself (`data/dataset.json`) works too. */
export async function unzippedFolder(zipFile: string, dir: string, maxBytes: number): Promise<FolderResult> {
  const extracted = await extractZip(zipFile, dir, { maxEntries: MAX_ZIP_ENTRIES, maxBytes });
  if (!extracted.ok) return extracted;
  if (extracted.files.includes(DATASET_FILE_NAME)) return { ok: true, dir };
  const tops = new Set(extracted.files.map((file) => file.split('/')[0]));
  const [top] = tops;
  if (tops.size === 1 && top && extracted.files.includes(`${top}/${DATASET_FILE_NAME}`)) {
    return { ok: true, dir: path.join(dir, top) };
  }
  return { ok: false, refusal: { code: 'no_dataset' } };
}

/**
 * Makes the data folder hold what `candidateDir` holds, so that the next start serves what a refresh swapped in:
 * record files and source texts first, `dataset.json` last (kept as `.bak`), each file replaced whole.
 */
export async function keepFolder(candidateDir: string, dataDir: string): Promise<void> {
  for (const kind of RECORD_KINDS) {
    const name = RECORD_FILES[kind].file;
    const target = path.join(dataDir, name);
    if (await exists(path.join(candidateDir, name))) {
      const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
      await copyFile(path.join(candidateDir, name), temporary);
      await rename(temporary, target);
    } else {
      await rm(target, { force: true });
    }
  }
  if (await exists(path.join(candidateDir, 'sources'))) {
    await mkdir(path.join(dataDir, 'sources'), { recursive: true });
    await cp(path.join(candidateDir, 'sources'), path.join(dataDir, 'sources'), { recursive: true, force: true });
  }
  await writeDatasetFile(dataDir, await readFile(path.join(candidateDir, DATASET_FILE_NAME), 'utf8'));
}

async function copyDataFiles(dataDir: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of DATA_FILES) {
    await copyFile(path.join(dataDir, name), path.join(dir, name)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  const sources = path.join(dataDir, 'sources');
  if ((await readdir(sources).catch(() => undefined)) !== undefined) {
    await cp(sources, path.join(dir, 'sources'), { recursive: true });
  }
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}
