import { formatPath } from './problems.js';
import { MAX_PROBLEMS, RECORD_FILES, type RecordKind } from './recordFiles.js';

/**
 * What is wrong with one line of a `.jsonl` file. The line is counted from the start of its piece: only the reader
 * knows how many lines came before.
 */
export interface LineIssue {
  readonly line: number;
  readonly where: string;
  readonly reason: string;
  readonly record?: string;
}

/** The valid records of a piece of a `.jsonl` file, each with its line, and what is wrong with the others. */
export interface ValidatedPiece<R> {
  readonly records: R[];
  /** The line of each record, counted from the piece's start (its first line is 1). */
  readonly lines: number[];
  readonly issues: LineIssue[];
  /** How many lines the piece ends: the next piece's lines are counted on from here. */
  readonly lineCount: number;
}

/** Line ends as `readline` finds them (with an infinite `crlfDelay`): CRLF, LF, and a CR alone. */
const LINE_END = /\r?\n|\r(?!\n)/;

/**
 * Validates the lines of a piece of a `.jsonl` file against its kind's schema. A piece holds whole lines only (it
 * ends just after a line feed, or at the end of the file), so no line and no character is cut in two.
 * @param serialise gives the record as JSON instead of as a value: what passes cheaply between threads
 */
export function validateLines(kind: RecordKind, text: string, serialise: true): ValidatedPiece<string>;
export function validateLines(kind: RecordKind, text: string, serialise: false): ValidatedPiece<unknown>;
export function validateLines(kind: RecordKind, text: string, serialise: boolean): ValidatedPiece<unknown> {
  const { schema } = RECORD_FILES[kind];
  const records: unknown[] = [];
  const lines: number[] = [];
  const issues: LineIssue[] = [];
  const issue = (line: number, where: string, reason: string, record?: unknown) => {
    if (issues.length >= MAX_PROBLEMS) return;
    issues.push({ line, where, reason, ...(typeof record === 'string' ? { record } : {}) });
  };
  const texts = text.split(LINE_END);
  for (let at = 0; at < texts.length; at++) {
    const lineText = texts[at] as string;
    const line = at + 1;
    if (lineText.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(lineText);
    } catch (error) {
      issue(line, '', `not valid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const { id } = (value ?? {}) as { id?: unknown };
      for (const { path, message } of parsed.error.issues) issue(line, formatPath(path), message, id);
      continue;
    }
    records.push(serialise ? JSON.stringify(parsed.data) : parsed.data);
    lines.push(line);
  }
  return { records, lines, issues, lineCount: texts.length - 1 };
}
