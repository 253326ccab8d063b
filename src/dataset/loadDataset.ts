import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { pause } from './chunked.js';
import { ChunkedList } from './chunkedList.js';
import { crossCheck, type LocateRecord, type RecordKind } from './crossCheck.js';
import { buildDataset, type Dataset } from './dataset.js';
import { InternPool } from './internPool.js';
import { formatPath, type Problem } from './problems.js';
import {
  DatasetFileSchema,
  type Figure,
  FigureSchema,
  type Incident,
  IncidentSchema,
  type Statement,
  StatementSchema,
} from './schema.js';
import { quotableText } from './sourceText.js';

export const DATASET_FILE_NAME = 'dataset.json';

/** Large datasets keep their records one JSON object a line beside `dataset.json`: read as a stream, never whole. */
const RECORD_FILES = {
  incidents: {
    file: 'incidents.jsonl',
    schema: IncidentSchema,
    shared: ['place', 'date', 'perpetrator', 'outcomes', 'sourceIds'] satisfies (keyof Incident)[],
  },
  figures: {
    file: 'figures.jsonl',
    schema: FigureSchema,
    shared: ['saidBy', 'value'] satisfies (keyof Figure)[],
  },
  statements: {
    file: 'statements.jsonl',
    schema: StatementSchema,
    shared: ['saidBy'] satisfies (keyof Statement)[],
  },
} as const;

/** Past this many problems a file is clearly wrong as a whole: stop collecting more. */
const MAX_PROBLEMS = 500;

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
  return parseDataset(text, { dataDir, file, recordFiles: true });
}

/**
 * Validates dataset JSON from anywhere (the folder, a URL, an attachment); source texts always come from
 * `dataDir`, so a quote can only ever be checked against a text kept with the data.
 * @param where.file how problems name the JSON's origin
 * @param where.recordFiles also read `incidents.jsonl`, `figures.jsonl` and `statements.jsonl` from `dataDir`
 */
export async function parseDataset(
  text: string,
  where: { dataDir: string; file: string; recordFiles?: boolean },
): Promise<LoadResult> {
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
  const problems: Problem[] = [];

  // Records from dataset.json come first, then each line of the .jsonl file: problems name the line.
  const inJson = { incidents: data.incidents.length, figures: data.figures.length, statements: data.statements.length };
  const lineNumbers = {
    incidents: new ChunkedList<number>(),
    figures: new ChunkedList<number>(),
    statements: new ChunkedList<number>(),
  };
  if (where.recordFiles) {
    const pool = new InternPool();
    for (const kind of Object.keys(RECORD_FILES) as RecordKind[]) {
      const { file: name, schema, shared } = RECORD_FILES[kind];
      const records = {
        target: new ChunkedList<unknown>(),
        lineNumbers: lineNumbers[kind],
        share: (record: Record<string, unknown>) => {
          for (const field of shared) record[field] = pool.share(record[field]);
        },
      };
      await readRecordLines(path.join(dataDir, name), schema, records, problems, hash);
      (data as Record<RecordKind, unknown[]>)[kind] = records.target.appendTo(data[kind]);
    }
  }
  const locate: LocateRecord = (kind, index) =>
    index < inJson[kind]
      ? { file, path: `${kind}[${index}]` }
      : {
          file: path.join(dataDir, RECORD_FILES[kind].file),
          path: `line ${lineNumbers[kind].at(index - inJson[kind])}`,
        };

  const quotableTexts = new Map<string, string>();
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
  if (problems.length > 0) return fail(problems);

  const checked = await crossCheck(data, quotableTexts, file, locate);
  if (checked.problems.length > 0) return fail(checked.problems.slice(0, MAX_PROBLEMS));
  return { ok: true, dataset: await buildDataset(data, hash.digest('hex').slice(0, 12), checked.positions) };
}

/** Bytes read at a time from a `.jsonl` file: larger chunks decode slower (measured: 1 MiB takes 2.7 times as long). */
const READ_CHUNK_BYTES = 1 << 16;

/**
 * Streams a `.jsonl` file into `records.target`, validating each line; a missing file is simply no records.
 * @param records.share replaces the parts of a valid record that equal another record's with that record's
 */
async function readRecordLines(
  file: string,
  schema: z.ZodType<Record<string, unknown>>,
  records: {
    target: ChunkedList<unknown>;
    lineNumbers: ChunkedList<number>;
    share: (record: Record<string, unknown>) => void;
  },
  problems: Problem[],
  hash: Hash,
): Promise<void> {
  let lineNumber = 0;
  const readLine = (line: string) => {
    lineNumber += 1;
    if (line.trim() === '' || problems.length >= MAX_PROBLEMS) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push({ file, path: `line ${lineNumber}`, reason: `not valid JSON (${(error as Error).message})` });
      return;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      records.share(parsed.data);
      records.target.push(parsed.data);
      records.lineNumbers.push(lineNumber);
    } else {
      for (const issue of parsed.error.issues) {
        problems.push({
          file,
          path: `line ${lineNumber}${issue.path.length > 0 ? `, ${formatPath(issue.path)}` : ''}`,
          reason: issue.message,
        });
      }
    }
  };

  // Lines are cut at the newline byte, which never occurs inside a UTF-8 character: each piece decodes on its own.
  // A CRLF line keeps its \r, which JSON reads as whitespace.
  let carried: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      const bytes = carried.length === 0 ? chunk : Buffer.concat([carried, chunk]);
      const lastNewline = bytes.lastIndexOf(0x0a);
      if (lastNewline === -1) {
        carried = bytes;
        continue;
      }
      for (const line of bytes.toString('utf8', 0, lastNewline).split('\n')) readLine(line);
      carried = bytes.subarray(lastNewline + 1);
      // The stream hands over chunks it already holds without going back to the event loop (measured during a
      // refresh: up to 100 ms of lines in one go), so pause after each one.
      await pause();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    problems.push({ file, path: '', reason: `cannot read the file (${describeIoError(error)})` });
    return;
  }
  if (carried.length > 0) readLine(carried.toString('utf8'));
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'a folder, not a file';
  return code ?? String(error);
}
