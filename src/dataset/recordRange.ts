import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { formatPath } from './problems.js';
import { type EncodedRange, type RangeProblem, recordEncoder, type ValueDictionary } from './recordEncoder.js';
import { describeIoError, MAX_PROBLEMS, RECORD_FILES, type RecordKind } from './recordFiles.js';

/** The lines of a `.jsonl` file that start at a byte in [start, end): ranges split a file between threads. */
export interface RecordRange {
  readonly file: string;
  readonly kind: RecordKind;
  readonly start: number;
  readonly end: number;
}

/** Bytes decoded at a time: much larger pieces decode slower (measured: 1 MiB takes 2.7 times as long as 64 KiB). */
const DECODE_BYTES = 1 << 16;

/**
 * Reads, parses and validates the lines of one range. Synchronous: it runs in a worker thread (or on a small file).
 * @param dictionary the encoding thread's: ranges must reach the decoder in the order they were encoded
 */
export function encodeRange(range: RecordRange, dictionary: ValueDictionary): EncodedRange {
  const { schema } = RECORD_FILES[range.kind];
  const problems: RangeProblem[] = [];
  const problem = (line: number, path: string, reason: string, record?: unknown) => {
    if (problems.length >= MAX_PROBLEMS) return;
    problems.push({ line, path, reason, ...(typeof record === 'string' ? { record } : {}) });
  };

  let bytes: Buffer;
  try {
    bytes = readLinesOf(range);
  } catch (error) {
    problem(0, '', `cannot read the file (${describeIoError(error)})`);
    return recordEncoder(range.kind, dictionary, 0).finish(0, problems, '');
  }
  const encoder = recordEncoder(range.kind, dictionary, lineCount(bytes));

  let line = 0;
  const readLine = (text: string) => {
    line += 1;
    if (text.trim() === '' || encoder.addText(text, line)) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return problem(line, '', `not valid JSON (${(error as Error).message})`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const { id } = (value ?? {}) as { id?: unknown };
      for (const issue of parsed.error.issues) problem(line, formatPath(issue.path), issue.message, id);
      return;
    }
    encoder.add(parsed.data, line);
  };
  // Lines are cut at the newline byte, which never occurs inside a UTF-8 character: each piece decodes on its own.
  // A CRLF line keeps its \r, which JSON reads as whitespace.
  for (let start = 0; start < bytes.length; ) {
    // Whole lines up to a newline (or the end of the file) at most DECODE_BYTES on, or one longer line.
    let end = bytes.lastIndexOf(0x0a, Math.min(bytes.length, start + DECODE_BYTES) - 1);
    if (end < start) end = bytes.indexOf(0x0a, start) === -1 ? bytes.length : bytes.indexOf(0x0a, start);
    for (const text of bytes.toString('utf8', start, end).split('\n')) readLine(text);
    start = end + 1;
  }
  return encoder.finish(line, problems, createHash('sha256').update(bytes).digest('hex'));
}

/** How many lines the bytes hold at most: a line after each newline, and one before the first. */
function lineCount(bytes: Buffer): number {
  let count = 1;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) count += 1;
  return count;
}

/** Bytes read past a range at once: its last line almost always ends within them. */
const READ_AHEAD_BYTES = 1 << 16;

/**
 * The bytes of the lines that start in the range, with the newline that ends each. A line belongs to the range
 * its first byte is in: the byte before `start` tells whether a line starts right at `start`.
 */
function readLinesOf(range: RecordRange): Buffer {
  const fd = openSync(range.file, 'r');
  try {
    const size = fstatSync(fd).size;
    const from = Math.max(0, range.start - 1);
    const end = Math.min(range.end, size);
    let bytes = readAt(fd, from, 0, Math.min(end + READ_AHEAD_BYTES, size) - from);
    const first = range.start === 0 ? 0 : bytes.indexOf(0x0a) + 1;
    // No line starts in the range: one runs through it, or the first starts past it.
    if (range.start !== 0 && (first === 0 || from + first >= end)) return Buffer.alloc(0);
    let last = bytes.indexOf(0x0a, end - 1 - from);
    while (last === -1 && from + bytes.length < size) {
      const searched = bytes.length;
      bytes = readAt(fd, from + searched, searched, READ_AHEAD_BYTES);
      last = bytes.indexOf(0x0a, searched);
    }
    return bytes.subarray(first, last === -1 ? bytes.length : last + 1);
  } finally {
    closeSync(fd);
  }
}

/**
 * One buffer a thread, reused from range to range: a fresh 8 MiB buffer a range cost the system a page fault every
 * 4 KiB and a mapping to undo after.
 */
let readBuffer = Buffer.alloc(0);

/** Reads `length` bytes at `position` in the file into the read buffer at `offset`, keeping the bytes before it. */
function readAt(fd: number, position: number, offset: number, length: number): Buffer {
  if (readBuffer.length < offset + length) {
    const larger = Buffer.allocUnsafe(offset + length);
    readBuffer.copy(larger, 0, 0, offset);
    readBuffer = larger;
  }
  let filled = offset;
  while (filled < offset + length) {
    const read = readSync(fd, readBuffer, filled, offset + length - filled, position + filled - offset);
    if (read === 0) break;
    filled += read;
  }
  return readBuffer.subarray(0, filled);
}
