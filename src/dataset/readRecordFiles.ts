import type { Hash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pause } from './chunked.js';
import { resolveDataFile } from './dataFiles.js';
import { type EncodedBy, encodeInWorkers } from './encodeInWorkers.js';
import { PartList } from './partList.js';
import type { Problem } from './problems.js';
import type { ValueDictionary } from './recordEncoder.js';
import { describeIoError, MAX_PROBLEMS, RECORD_FILES, RECORD_KINDS, type RecordKind } from './recordFiles.js';
import { encodeRange, type RecordRange } from './recordRange.js';
import type { TablesBuilder } from './tablesBuilder.js';

/** Bytes of a `.jsonl` file a worker thread takes at a time (about 25,000 incidents). */
const RANGE_BYTES = 8 << 20;
/**
 * Record files smaller than this in all (about 50,000 incidents) are read on this thread: starting the worker threads
 * takes longer (10,000 incidents loaded in 1.1 s with them, about 0.2 s without).
 */
const IN_THREAD_BYTES = 16 << 20;
/** Bytes read on this thread at a time, with a pause after each: a few milliseconds' work. */
const IN_THREAD_RANGE_BYTES = 256 << 10;

/**
 * Reads `incidents.jsonl`, `figures.jsonl` and `statements.jsonl` from `dataDir` (a missing one is no records),
 * validating each line into `tables`; their bytes go into `hash` in order. Large files are parsed in worker threads
 * while this thread adds them to the tables range by range, small ones on this thread a small range at a time; either
 * way it pauses between ranges so that other interactions get answered.
 * @returns the line each record came from
 */
export async function readRecordFiles(
  dataDir: string,
  problems: Problem[],
  hash: Hash,
  tables: TablesBuilder,
): Promise<Record<RecordKind, PartList<number>>> {
  const lineNumbers = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, new PartList<number>()])) as Record<
    RecordKind,
    PartList<number>
  >;

  const sizes: { file: string; kind: RecordKind; size: number }[] = [];
  for (const kind of RECORD_KINDS) {
    const file = path.join(dataDir, RECORD_FILES[kind].file);
    const resolved = await resolveDataFile(dataDir, RECORD_FILES[kind].file, '');
    if (!resolved.ok) {
      if (!resolved.missing) problems.push({ file, path: '', reason: resolved.reason });
      continue;
    }
    try {
      sizes.push({ file, kind, size: (await stat(file)).size });
    } catch (error) {
      problems.push({ file, path: '', reason: `cannot read the file (${describeIoError(error)})` });
    }
  }
  const inThread = sizes.reduce((total, { size }) => total + size, 0) < IN_THREAD_BYTES;
  const rangeBytes = inThread ? IN_THREAD_RANGE_BYTES : RANGE_BYTES;
  const ranges: RecordRange[] = [];
  for (const { file, kind, size } of sizes) {
    for (let start = 0; start < size; start += rangeBytes) ranges.push({ file, kind, start, end: start + rangeBytes });
  }
  const dictionary: ValueDictionary = new Map();
  const inWorkers = inThread ? [] : encodeInWorkers(ranges);
  const encodedRange = async (index: number): Promise<EncodedBy> =>
    inThread
      ? { encoded: encodeRange(ranges[index] as RecordRange, dictionary), encoder: 0 }
      : (inWorkers[index] as Promise<EncodedBy>);

  const linesBefore = new Map<string, number>();
  for (const [index, range] of ranges.entries()) {
    let encodedBy: EncodedBy;
    try {
      encodedBy = await encodedRange(index);
    } catch (error) {
      problems.push({ file: range.file, path: '', reason: `cannot read the file (${(error as Error).message})` });
      return lineNumbers;
    }
    const { encoded, encoder } = encodedBy;
    const firstLine = linesBefore.get(range.file) ?? 0;
    linesBefore.set(range.file, firstLine + encoded.lines);
    hash.update(encoded.digest);
    for (const problem of encoded.problems.slice(0, MAX_PROBLEMS - problems.length)) {
      const line = problem.line === 0 ? '' : `line ${firstLine + problem.line}`;
      problems.push({
        file: range.file,
        ...(problem.record === undefined ? {} : { record: problem.record }),
        path: [line, problem.path].filter((part) => part !== '').join(', '),
        reason: problem.reason,
      });
    }
    // Added even after a problem: the range brings values the next ranges of its thread refer to.
    await tables.share(encoded, encoder);
    tables.add(range.kind, encoded, encoder);
    const { lineNumbers: rangeLines } = encoded;
    for (let record = 0; record < rangeLines.length; record++)
      rangeLines[record] = firstLine + (rangeLines[record] as number);
    lineNumbers[range.kind].push(rangeLines);
    await pause();
  }
  return lineNumbers;
}
