import { createHash, type Hash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { TollBuilder } from '../answers/tollBuilder.js';
import { CrossCheck, type LocateRecord } from './crossCheck.js';
import { resolveDataFile, SOURCES_FOLDER, totalBytes } from './dataFiles.js';
import { incidentRow } from './incidentRow.js';
import { INDEX_CODE, manifestOf, writeIndexFile } from './indexFiles.js';
import { IndexWriter } from './indexWriter.js';
import { formatPath, type Problem, recordIdAt } from './problems.js';
import { readRecordFile } from './readRecordFiles.js';
import { describeIoError, MAX_PROBLEMS, RECORD_FILES, RECORD_KINDS, type RecordKind } from './recordFiles.js';
import { openDataset } from './repository.js';
import { DatasetFileSchema, type Figure, type Incident, type Source, type Statement } from './schema.js';
import { quotableText } from './sourceText.js';
import { ValidationPool } from './validationPool.js';

export const DATASET_FILE_NAME = 'dataset.json';

/** What to import: the dataset folder's own `dataset.json`, or dataset JSON from elsewhere (a URL, an attachment). */
export interface ImportRequest {
  readonly dataDir: string;
  /** How problems name the JSON's origin. */
  readonly file: string;
  /** The JSON, when it does not come from `dataDir/dataset.json`. */
  readonly text?: string;
}

export type ImportResult =
  | { readonly ok: true; readonly file: string; readonly version: string }
  | { readonly ok: false; readonly problems: Problem[] };

export interface ImportOptions {
  /** Threads that validate the `.jsonl` lines; 0 validates them on this thread. By default, by the files' size. */
  readonly validationThreads?: number;
}

/**
 * Below this many bytes of `.jsonl` the lines are validated on the import's own thread: starting validation threads
 * takes longer than they save.
 */
const THREADS_FROM_BYTES = 16 << 20;

/**
 * The code an index depends on: the index's tables and the dataset's schema. A field another version adds to the
 * schema makes the data import again, and checked again.
 */
export const CODE_VERSION = `${INDEX_CODE}-${createHash('sha256')
  .update(JSON.stringify(z.toJSONSchema(DatasetFileSchema, { unrepresentable: 'any' })))
  .digest('hex')
  .slice(0, 8)}`;

/**
 * Validates a dataset as every start and refresh does (the schema, the `.jsonl` lines, the source texts, the
 * cross-checks) and writes its index file. Whatever fails, no index is written and the serving one stays.
 */
export async function importDataset(request: ImportRequest, options: ImportOptions = {}): Promise<ImportResult> {
  const { dataDir, file } = request;
  const fail = (problems: Problem[]): ImportResult => ({ ok: false, problems });
  const datasetFile = path.join(dataDir, DATASET_FILE_NAME);
  // Taken before anything is read: a file changed while it is read makes the next start import again.
  const recordFiles = RECORD_KINDS.map((kind) => path.join(dataDir, RECORD_FILES[kind].file));
  const manifestBefore = request.text === undefined ? manifestOf([datasetFile, ...recordFiles]) : undefined;
  let text = request.text;
  if (text === undefined) {
    try {
      text = await readFile(datasetFile, 'utf8');
    } catch (error) {
      return fail([{ file, path: '', reason: `cannot read the file (${describeIoError(error)})` }]);
    }
  }
  if (text.trim() === '') return fail([{ file, path: '', reason: 'the file is empty' }]);

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail([{ file, path: '', reason: `not valid JSON (${(error as Error).message})` }]);
  }
  const parsed = DatasetFileSchema.safeParse(json);
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((issue) => {
        const record = recordIdAt(json, issue.path);
        return {
          file,
          ...(record === undefined ? {} : { record }),
          path: formatPath(issue.path),
          reason: issue.message,
        };
      }),
    );
  }
  const data = parsed.data;
  const hash = createHash('sha256').update(CODE_VERSION).update(text);
  const problems: Problem[] = [];

  const { quotableTexts, sourceFiles } = await readSources(data.sources, { dataDir, file }, problems, hash);
  if (problems.length > 0) return fail(problems);

  // Records from dataset.json come first, then each line of the .jsonl file: problems name the line.
  const lines: Record<RecordKind, number[]> = { incidents: [], figures: [], statements: [] };
  const locate: LocateRecord = (kind, index) =>
    index < data[kind].length
      ? { file, path: `${kind}[${index}]` }
      : { file: path.join(dataDir, RECORD_FILES[kind].file), path: `line ${lines[kind][index - data[kind].length]}` };
  const checker = new CrossCheck(data, quotableTexts, file, locate);
  let checkProblems: Problem[] = [];
  const threads = options.validationThreads ?? (await threadsFor(recordFiles));
  const pool = threads > 0 ? new ValidationPool(threads) : undefined;
  try {
    const written = await writeIndexFile(dataDir, async (db) => {
      const writer = new IndexWriter(db, data);
      const tolls = new TollBuilder(checker.incidentRows);
      const sortKeys = new Map<string, string>();
      const kinds = {
        incidents: (record: Incident, index: number, json = JSON.stringify(record)) => {
          checker.incident(record, index);
          const row = incidentRow(record, json, sortKeys);
          writer.incident(row);
          tolls.incident(row);
        },
        figures: (record: Figure, index: number, json?: string) => {
          checker.figure(record, index);
          writer.figure(record, json);
          tolls.figure(record);
        },
        statements: (record: Statement, index: number, json?: string) => {
          checker.statement(record, index);
          writer.statement(record, json);
          tolls.statement(record);
        },
      } as const;
      for (const kind of RECORD_KINDS) {
        const add = kinds[kind] as (record: unknown, index: number, json?: string) => void;
        let index = 0;
        for (const record of data[kind]) add(record, index++);
        await readRecordFile(
          dataDir,
          kind,
          problems,
          hash,
          (record, line, json) => {
            lines[kind].push(line);
            add(record, index++, json);
          },
          pool,
        );
      }
      if (problems.length > 0) return undefined;
      checkProblems = checker.problems();
      if (checkProblems.length > 0) return undefined;
      const version = hash.digest('hex').slice(0, 12);
      const manifest = manifestBefore ? [...(await manifestBefore), ...(await manifestOf(sourceFiles))] : [];
      writer.finish({ version, code: CODE_VERSION, manifest: JSON.stringify(manifest) });
      for (const row of tolls.rows(openDataset(db, undefined))) writer.toll(row);
      return version;
    });
    if (problems.length > 0) return fail(problems);
    if (checkProblems.length > 0) return fail(checkProblems.slice(0, MAX_PROBLEMS));
    if (written === undefined) return fail([{ file: dataDir, path: '', reason: 'the index was not written' }]);
    return { ok: true, file: written, version: path.basename(written, '.sqlite') };
  } catch (error) {
    return fail([{ file: dataDir, path: '', reason: `cannot write the index (${describeIoError(error)})` }]);
  } finally {
    await pool?.close();
  }
}

/** As many validation threads as there are cores besides this thread's, for record files large enough. */
async function threadsFor(recordFiles: readonly string[]): Promise<number> {
  return (await totalBytes(recordFiles)) < THREADS_FROM_BYTES ? 0 : Math.max(1, availableParallelism() - 1);
}

/** Reads the source texts the dataset names, from `dataDir/sources` only; their text goes into `hash`. */
async function readSources(
  sources: readonly Source[],
  where: { dataDir: string; file: string },
  problems: Problem[],
  hash: Hash,
): Promise<{ quotableTexts: Map<string, string>; sourceFiles: string[] }> {
  const { dataDir, file } = where;
  const quotableTexts = new Map<string, string>();
  const sourceFiles: string[] = [];
  for (const [index, source] of sources.entries()) {
    const resolved = await resolveDataFile(dataDir, source.file, SOURCES_FOLDER);
    if (!resolved.ok) {
      problems.push({ file, record: source.id, path: `sources[${index}].file`, reason: resolved.reason });
      continue;
    }
    const sourceFile = resolved.path;
    sourceFiles.push(sourceFile);
    try {
      const sourceText = await readFile(sourceFile, 'utf8');
      hash.update(sourceText);
      const quotable = quotableText(sourceText, source.header);
      if (quotable === undefined) {
        problems.push({
          file,
          record: source.id,
          path: `sources[${index}].header`,
          reason: `${sourceFile} does not start with it`,
        });
      } else {
        quotableTexts.set(source.id, quotable);
      }
    } catch (error) {
      problems.push({
        file,
        record: source.id,
        path: `sources[${index}].file`,
        reason: `cannot read ${sourceFile} (${describeIoError(error)})`,
      });
    }
  }
  return { quotableTexts, sourceFiles };
}
