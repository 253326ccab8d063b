import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { resolveDataFile } from './dataFiles.js';
import type { DatasetRecords } from './dataset.js';
import type { Problem } from './problems.js';
import { describeIoError, MAX_PROBLEMS, RECORD_FILES, type RecordKind } from './recordFiles.js';
import { type ValidatedPiece, validateLines } from './recordLines.js';
import { type ValidationPool, ValidationThreadError } from './validationPool.js';

/** Bytes read at a time; a piece handed to validation is this much, cut back to the last whole line. */
const READ_BYTES = 1 << 20;
/** Pieces being validated on other threads at once: enough to keep them busy, few enough to hold little memory. */
const PIECES_IN_FLIGHT = 8;

/**
 * Reads one kind's `.jsonl` file from `dataDir` (a missing one is no records), validating each line and handing
 * each valid record to `visit` with its line number, in the file's order; the file's bytes go into `hash`. Records
 * are never all held at once: a million of them, kept, took twice as long to read.
 * @param pool validates the lines on other threads; `visit` then also gets each record as JSON
 */
export async function readRecordFile<K extends RecordKind>(
  dataDir: string,
  kind: K,
  problems: Problem[],
  hash: Hash,
  visit: (record: DatasetRecords[K][number], line: number, json?: string) => void,
  pool?: ValidationPool,
): Promise<void> {
  const file = path.join(dataDir, RECORD_FILES[kind].file);
  const resolved = await resolveDataFile(dataDir, RECORD_FILES[kind].file, '');
  if (!resolved.ok) {
    if (!resolved.missing) problems.push({ file, path: '', reason: resolved.reason });
    return;
  }
  // Lines before the piece being taken in: pieces are validated apart, and count their lines from 1.
  let linesBefore = 0;
  const takeIn = (piece: ValidatedPiece<unknown>, asJson: boolean) => {
    for (const { line, where, reason, record } of piece.issues) {
      if (problems.length >= MAX_PROBLEMS) break;
      problems.push({
        file,
        ...(record === undefined ? {} : { record }),
        path: [`line ${linesBefore + line}`, where].filter((part) => part !== '').join(', '),
        reason,
      });
    }
    const { records, lines } = piece;
    for (let i = 0; i < records.length; i++) {
      const line = linesBefore + (lines[i] as number);
      if (asJson) {
        const json = records[i] as string;
        visit(JSON.parse(json) as DatasetRecords[K][number], line, json);
      } else {
        visit(records[i] as DatasetRecords[K][number], line);
      }
    }
    linesBefore += piece.lineCount;
  };
  const inFlight: Promise<ValidatedPiece<string>>[] = [];
  const validate = (bytes: Uint8Array) => {
    if (pool) {
      const piece = pool.validate(kind, bytes);
      // Handled when its turn comes; a failing thread rejects every piece at once, before their turns.
      piece.catch(() => undefined);
      inFlight.push(piece);
    } else {
      takeIn(
        validateLines(kind, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), false),
        false,
      );
    }
  };
  try {
    let rest: Uint8Array = new Uint8Array(0);
    for await (const chunk of createReadStream(file, { highWaterMark: READ_BYTES }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      // A piece ends just after a line feed: no line, and no character, is cut in two.
      const end = chunk.lastIndexOf(0x0a) + 1;
      if (end === 0) {
        rest = joined(rest, chunk, chunk.length);
        continue;
      }
      validate(joined(rest, chunk, end));
      rest = chunk.subarray(end);
      while (inFlight.length >= PIECES_IN_FLIGHT)
        takeIn(await (inFlight.shift() as Promise<ValidatedPiece<string>>), true);
    }
    if (rest.length > 0) validate(joined(rest, new Uint8Array(0), 0));
    while (inFlight.length > 0) takeIn(await (inFlight.shift() as Promise<ValidatedPiece<string>>), true);
  } catch (error) {
    if (error instanceof ValidationThreadError) throw error;
    problems.push({ file, path: '', reason: `cannot read the file (${describeIoError(error)})` });
  }
}

/** `rest` and the first `end` bytes of `chunk`, in memory of their own: a piece may be handed to another thread. */
function joined(rest: Uint8Array, chunk: Uint8Array, end: number): Uint8Array {
  const bytes = new Uint8Array(rest.length + end);
  bytes.set(rest);
  bytes.set(chunk.subarray(0, end), rest.length);
  return bytes;
}
