import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { resolveDataFile } from './dataFiles.js';
import type { DatasetRecords } from './dataset.js';
import { formatPath, type Problem } from './problems.js';
import { describeIoError, MAX_PROBLEMS, RECORD_FILES, type RecordKind } from './recordFiles.js';

/**
 * Reads one kind's `.jsonl` file from `dataDir` (a missing one is no records), validating each line and handing
 * each valid record to `visit` with its line number; the file's bytes go into `hash`. Records are never all held
 * at once: a million of them, kept, took twice as long to read.
 */
export async function readRecordFile<K extends RecordKind>(
  dataDir: string,
  kind: K,
  problems: Problem[],
  hash: Hash,
  visit: (record: DatasetRecords[K][number], line: number) => void,
): Promise<void> {
  const file = path.join(dataDir, RECORD_FILES[kind].file);
  const resolved = await resolveDataFile(dataDir, RECORD_FILES[kind].file, '');
  if (!resolved.ok) {
    if (!resolved.missing) problems.push({ file, path: '', reason: resolved.reason });
    return;
  }
  const { schema } = RECORD_FILES[kind];
  const problem = (line: number, where: string, reason: string, record?: unknown) => {
    if (problems.length >= MAX_PROBLEMS) return;
    problems.push({
      file,
      ...(typeof record === 'string' ? { record } : {}),
      path: [`line ${line}`, where].filter((part) => part !== '').join(', '),
      reason,
    });
  };
  try {
    const stream = createReadStream(file);
    stream.on('data', (chunk) => hash.update(chunk));
    let line = 0;
    // A CRLF line loses its \r as well: readline ends lines at either.
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
      visit(parsed.data as DatasetRecords[K][number], line);
    }
  } catch (error) {
    problems.push({ file, path: '', reason: `cannot read the file (${describeIoError(error)})` });
  }
}
