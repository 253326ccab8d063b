import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { crossCheck } from './crossCheck.js';
import { buildDataset, type Dataset } from './dataset.js';
import { formatPath, type Problem } from './problems.js';
import { DatasetFileSchema } from './schema.js';
import { quotableText } from './sourceText.js';

export const DATASET_FILE_NAME = 'dataset.json';

export type LoadResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

/** Loads `dataset.json` and the source texts it names from a dataset folder. */
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
 * Validates dataset JSON from anywhere (the folder, a URL, an attachment); source texts always come from
 * `dataDir`, so a quote can only ever be checked against a text kept with the data.
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
    return fail(parsed.error.issues.map((issue) => ({ file, path: formatPath(issue.path), reason: issue.message })));
  }
  const data = parsed.data;

  const hash = createHash('sha256').update(text);
  const quotableTexts = new Map<string, string>();
  const problems: Problem[] = [];
  for (const [index, source] of data.sources.entries()) {
    const sourceFile = path.join(dataDir, source.file);
    try {
      const sourceText = await readFile(sourceFile, 'utf8');
      hash.update(sourceText);
      const quotable = quotableText(sourceText, source.header);
      if (quotable === undefined) {
        problems.push({ file, path: `sources[${index}].header`, reason: `${sourceFile} does not start with it` });
      } else {
        quotableTexts.set(source.id, quotable);
      }
    } catch (error) {
      problems.push({
        file,
        path: `sources[${index}].file`,
        reason: `cannot read ${sourceFile} (${describeIoError(error)})`,
      });
    }
  }

  problems.push(...crossCheck(data, quotableTexts, file));
  if (problems.length > 0) return fail(problems);
  return { ok: true, dataset: buildDataset(data, hash.digest('hex').slice(0, 12)) };
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  return code ?? String(error);
}
