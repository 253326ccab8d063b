import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { formatPath } from './problems.js';
import { describeIoError, MAX_PROBLEMS, RECORD_FILES, type RecordKind } from './recordFiles.js';

/** The lines of a `.jsonl` file that start at a byte in [start, end): ranges split a file between threads. */
export interface RecordRange {
  readonly file: string;
  readonly kind: RecordKind;
  readonly start: number;
  readonly end: number;
}

/** A problem on a line numbered within its range (0: the file as a whole): only the loader knows where it starts. */
export interface RangeProblem {
  line: number;
  path: string;
  reason: string;
}

/**
 * The valid records of a range. A field many records repeat comes as codes into the dictionary of the thread that
 * encoded the range, which sends each distinct value once, as JSON, in the first range that holds it; a field
 * records seldom share comes as JSON a record, parsed only when the record is read. Equal values cross between
 * threads once, and the receiving thread parses a few texts a range, not one a record.
 */
export interface EncodedRange {
  /** Lines the range holds, blank and invalid ones too. */
  lines: number;
  /** The line each record came from, numbered within the range from 1. */
  lineNumbers: Int32Array<ArrayBuffer>;
  ids: string[];
  /** For each repeated field, a code a record: its value's place in the dictionary, -1 when the record leaves it out. */
  codes: Record<string, Int32Array<ArrayBuffer>>;
  /** For each unique field, the records' values as JSON, one after the other ('' where a record leaves it out). */
  uniqueValues: Record<string, UniqueTexts>;
  /** Values first seen in this range, as JSON: the dictionary's next entries, in order. */
  newValues: string[];
  problems: RangeProblem[];
  /** sha256 of the range's lines. */
  digest: string;
}

/**
 * Values as JSON, one after the other in one text, and where each ends. One text a range, not one a record: the
 * garbage collector moves each of its small objects while they are young, and during a refresh that took it
 * 40 to 80 ms at a time.
 */
export interface UniqueTexts {
  readonly text: string;
  readonly ends: Int32Array<ArrayBuffer>;
}

/** The distinct repeated values one thread has seen, as JSON, each with its code: kept from one range to the next. */
export type ValueDictionary = Map<string, number>;

/** Bytes decoded at a time: much larger pieces decode slower (measured: 1 MiB takes 2.7 times as long as 64 KiB). */
const DECODE_BYTES = 1 << 16;

/**
 * Encodes valid records one at a time into an `EncodedRange`.
 * @param dictionary the encoding thread's: ranges must reach the decoder in the order they were encoded
 */
export function recordEncoder(kind: RecordKind, dictionary: ValueDictionary) {
  const { schema, unique } = RECORD_FILES[kind];
  const uniqueNames: readonly string[] = unique;
  const codedNames = Object.keys(schema.shape).filter((name) => name !== 'id' && !uniqueNames.includes(name));
  const lineNumbers: number[] = [];
  const ids: string[] = [];
  const codes = codedNames.map(() => [] as number[]);
  const uniqueValues = uniqueNames.map(() => [] as string[]);
  const joined = (texts: readonly string[]): UniqueTexts => {
    const ends = new Int32Array(texts.length);
    let end = 0;
    for (const [index, text] of texts.entries()) {
      end += text.length;
      ends[index] = end;
    }
    return { text: texts.join(''), ends };
  };
  const newValues: string[] = [];
  const codeOf = (value: unknown) => {
    if (value === undefined) return -1;
    const json = JSON.stringify(value);
    let code = dictionary.get(json);
    if (code === undefined) {
      code = dictionary.size;
      dictionary.set(json, code);
      newValues.push(json);
    }
    return code;
  };
  return {
    add(record: Record<string, unknown>, line: number): void {
      lineNumbers.push(line);
      ids.push(record.id as string);
      for (const [index, name] of codedNames.entries()) (codes[index] as number[]).push(codeOf(record[name]));
      for (const [index, name] of uniqueNames.entries())
        (uniqueValues[index] as string[]).push(JSON.stringify(record[name]) ?? '');
    },
    finish(lines: number, problems: RangeProblem[], digest: string): EncodedRange {
      return {
        lines,
        lineNumbers: Int32Array.from(lineNumbers),
        ids,
        codes: Object.fromEntries(codedNames.map((name, index) => [name, Int32Array.from(codes[index] as number[])])),
        uniqueValues: Object.fromEntries(
          uniqueNames.map((name, index) => [name, joined(uniqueValues[index] as string[])]),
        ),
        newValues,
        problems,
        digest,
      };
    },
  };
}

/**
 * Reads, parses and validates the lines of one range. Synchronous: it runs in a worker thread (or on a small file).
 * @param dictionary the encoding thread's: ranges must reach the decoder in the order they were encoded
 */
export function encodeRange(range: RecordRange, dictionary: ValueDictionary): EncodedRange {
  const { schema } = RECORD_FILES[range.kind];
  const encoder = recordEncoder(range.kind, dictionary);
  const problems: RangeProblem[] = [];
  const problem = (line: number, path: string, reason: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ line, path, reason });
  };

  let bytes: Buffer;
  try {
    bytes = readLinesOf(range);
  } catch (error) {
    problem(0, '', `cannot read the file (${describeIoError(error)})`);
    return encoder.finish(0, problems, '');
  }

  let line = 0;
  const readLine = (text: string) => {
    line += 1;
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return problem(line, '', `not valid JSON (${(error as Error).message})`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problem(line, formatPath(issue.path), issue.message);
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
    let bytes = readAt(fd, from, Math.min(end + READ_AHEAD_BYTES, size) - from);
    const first = range.start === 0 ? 0 : bytes.indexOf(0x0a) + 1;
    // No line starts in the range: one runs through it, or the first starts past it.
    if (range.start !== 0 && (first === 0 || from + first >= end)) return Buffer.alloc(0);
    let last = bytes.indexOf(0x0a, end - 1 - from);
    while (last === -1 && from + bytes.length < size) {
      const searched = bytes.length;
      bytes = Buffer.concat([bytes, readAt(fd, from + bytes.length, READ_AHEAD_BYTES)]);
      last = bytes.indexOf(0x0a, searched);
    }
    return bytes.subarray(first, last === -1 ? bytes.length : last + 1);
  } finally {
    closeSync(fd);
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const read = readSync(fd, buffer, filled, length - filled, position + filled);
    if (read === 0) break;
    filled += read;
  }
  return buffer.subarray(0, filled);
}
