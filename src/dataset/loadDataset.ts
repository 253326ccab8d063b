import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { crossCheck, type LocateRecord } from './crossCheck.js';
import { resolveDataFile, SOURCES_FOLDER } from './dataFiles.js';
import { buildDataset, type Dataset } from './dataset.js';
import { formatPath, type Problem, recordIdAt } from './problems.js';
import { readRecordFiles } from './readRecordFiles.js';
import { describeIoError, MAX_PROBLEMS, RECORD_FILES } from './recordFiles.js';
import { DatasetFileSchema } from './schema.js';
import { quotableText } from './sourceText.js';
import { TablesBuilder } from './tablesBuilder.js';

export const DATASET_FILE_NAME = 'dataset.json';

export type LoadResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

/** Loads `dataset.json`, any `.jsonl` record files and the source texts they name from a dataset folder. */
export async function loadDataset(dataDir: string): Promise<LoadResult> {
  const file = path.join(dataDir, DATASET_FILE_NAME);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, problems: [{ file, path: '', reason: `cannot read the file (${describeIoError(error)})` }] };
  }
  return parseDataset(text, { dataDir, file });
}

/**
 * Validates dataset JSON from anywhere (the folder, a URL, an attachment) with the records of `incidents.jsonl`,
 * `figures.jsonl` and `statements.jsonl` in `dataDir`, as a start does: what a refresh serves is what the next start
 * serves. Source texts always come from `dataDir/sources`, so a quote can only ever be checked against a text the
 * operator keeps with the data.
 * @param where.file how problems name the JSON's origin
 */
export async function parseDataset(text: string, where: { dataDir: string; file: string }): Promise<LoadResult> {
  const { dataDir, file } = where;
  const fail = (problems: Problem[]): LoadResult => ({ ok: false, problems });
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
  const hash = createHash('sha256').update(text);
  const problems: Problem[] = [];

  // Records from dataset.json come first, then each line of the .jsonl file: problems name the line.
  const tables = new TablesBuilder();
  tables.addRecords(data);
  const lineNumbers = await readRecordFiles(dataDir, problems, hash, tables);
  const inJson = { incidents: data.incidents.length, figures: data.figures.length, statements: data.statements.length };
  const locate: LocateRecord = (kind, index) =>
    index < inJson[kind]
      ? { file, path: `${kind}[${index}]` }
      : {
          file: path.join(dataDir, RECORD_FILES[kind].file),
          path: `line ${lineNumbers[kind].at(index - inJson[kind])}`,
        };

  const quotableTexts = new Map<string, string>();
  for (const [index, source] of data.sources.entries()) {
    const resolved = await resolveDataFile(dataDir, source.file, SOURCES_FOLDER);
    if (!resolved.ok) {
      problems.push({ file, record: source.id, path: `sources[${index}].file`, reason: resolved.reason });
      continue;
    }
    const sourceFile = resolved.path;
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
  if (problems.length > 0) return fail(problems);

  const records = tables.finish(data);
  const checked = await crossCheck(records, quotableTexts, file, locate);
  if (checked.problems.length > 0) return fail(checked.problems.slice(0, MAX_PROBLEMS));
  return { ok: true, dataset: await buildDataset(records, hash.digest('hex').slice(0, 12), checked.positions) };
}
