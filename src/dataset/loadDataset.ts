import path from 'node:path';
import { totalBytes } from './dataFiles.js';
import type { Dataset } from './dataset.js';
import {
  CODE_VERSION,
  DATASET_FILE_NAME,
  type ImportRequest,
  type ImportResult,
  importDataset,
} from './importDataset.js';
import { findCurrentIndex, openIndexFile } from './indexFiles.js';
import type { Problem } from './problems.js';
import { RECORD_FILES, RECORD_KINDS } from './recordFiles.js';
import { openDataset } from './repository.js';
import { threadModule } from './threadModule.js';
import { resultOfWorker } from './workerResult.js';

export { DATASET_FILE_NAME };

export type LoadResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

/**
 * Below this many bytes of JSON an import runs on the calling thread: starting a worker thread takes longer than the
 * whole import, which holds the event loop only briefly.
 */
const IN_THREAD_BYTES = 256 << 10;

/**
 * The dataset of a folder: its index file when the files have not changed since it was built, else an import of
 * `dataset.json`, any `.jsonl` record files and the source texts they name.
 */
export async function loadDataset(dataDir: string): Promise<LoadResult> {
  const current = await findCurrentIndex(dataDir, CODE_VERSION);
  if (current) {
    try {
      return { ok: true, dataset: openDataset(openIndexFile(current), current) };
    } catch {
      // Removed or unreadable since it was found: imported again below.
    }
  }
  return imported({ dataDir, file: path.join(dataDir, DATASET_FILE_NAME) });
}

/** An index file another process wrote and checked (a refresh in another shard), opened for reading. */
export function openIndexedDataset(file: string): Dataset {
  return openDataset(openIndexFile(file), file);
}

/**
 * Validates dataset JSON from anywhere (the folder, a URL, an attachment) with the records of `incidents.jsonl`,
 * `figures.jsonl` and `statements.jsonl` in `dataDir`, as a start does: what a refresh serves is what the next start
 * serves. Source texts always come from `dataDir/sources`, so a quote can only ever be checked against a text the
 * operator keeps with the data.
 * @param where.file how problems name the JSON's origin
 */
export async function parseDataset(text: string, where: { dataDir: string; file: string }): Promise<LoadResult> {
  return imported({ ...where, text });
}

async function imported(request: ImportRequest): Promise<LoadResult> {
  const result = (await inWorker(request)) ? await importInWorker(request) : await importDataset(request);
  if (!result.ok) return result;
  return { ok: true, dataset: openDataset(openIndexFile(result.file), result.file) };
}

/** Whether the import is large enough to be worth a thread of its own. */
async function inWorker(request: ImportRequest): Promise<boolean> {
  const files = [
    ...(request.text === undefined ? [path.join(request.dataDir, DATASET_FILE_NAME)] : []),
    ...RECORD_KINDS.map((kind) => path.join(request.dataDir, RECORD_FILES[kind].file)),
  ];
  return (await totalBytes(files)) + (request.text?.length ?? 0) >= IN_THREAD_BYTES;
}

/** The import on a worker thread: this thread goes on answering meanwhile. */
export function importInWorker(request: ImportRequest): Promise<ImportResult> {
  return resultOfWorker(threadModule('import', import.meta.url), request, 'import');
}
