import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { resolveDataFile } from './dataFiles.js';
import type { DatasetRecords } from './dataset.js';
import { formatPath, type Problem } from './problems.js';
import { describeIoError, MAX_PROBLEMS, RECORD_FILES, RECORD_KINDS, type RecordKind } from './recordFiles.js';

/** The records of the `.jsonl` files, and the line each came from. */
export type RecordLines = { [K in RecordKind]: { records: DatasetRecords[K]; lines: number[] } };

/**
 * Reads `incidents.jsonl`, `figures.jsonl` and `statements.jsonl` from `dataDir` (a missing one is no records),
 * validating each line; their bytes go into `hash` in order. Runs where the import runs: a worker thread for a large
 * dataset.
 */
export async function readRecordFiles(dataDir: string, problems: Problem[], hash: Hash): Promise<RecordLines> {
  const read = { incidents: empty(), figures: empty(), statements: empty() } as RecordLines;
  for (const kind of RECORD_KINDS) {
    const file = path.join(dataDir, RECORD_FILES[kind].file);
    const resolved = await resolveDataFile(dataDir, RECORD_FILES[kind].file, '');
    if (!resolved.ok) {
      if (!resolved.missing) problems.push({ file, path: '', reason: resolved.reason });
      continue;
    }
    try {
      await readLines(file, kind, read[kind] as { records: unknown[]; lines: number[] }, problems, hash);
    } catch (error) {
      problems.push({ file, path: '', reason: `cannot read the file (${describeIoError(error)})` });
    }
  }
  return read;
}

const empty = () => ({ records: [], lines: [] });

async function readLines(
  file: string,
  kind: RecordKind,
  into: { records: unknown[]; lines: number[] },
  problems: Problem[],
  hash: Hash,
): Promise<void> {
  const { schema } = RECORD_FILES[kind];
  const stream = createReadStream(file);
  stream.on('data', (chunk) => hash.update(chunk));
  const problem = (line: number, where: string, reason: string, record?: unknown) => {
    if (problems.length >= MAX_PROBLEMS) return;
    problems.push({
      file,
      ...(typeof record === 'string' ? { record } : {}),
      path: [`line ${line}`, where].filter((part) => part !== '').join(', '),
      reason,
    });
  };
  let line = 0;
  // A CRLF line keeps no \r: readline ends lines at either.
  for await (const text of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    line += 1;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      problem(line, '', `not valid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const { id } = (value ?? {}) as { id?: unknown };
      for (const issue of parsed.error.issues) problem(line, formatPath(issue.path), issue.message, id);
      continue;
    }
    into.records.push(parsed.data);
    into.lines.push(line);
  }
}
