import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';

/** One data row of a CSV export, its values by lower-cased header name, and the line it starts on. */
export interface CsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

/**
 * The rows of a CSV export, streamed: a byte-order mark is dropped, quoted fields may hold commas, doubled quotes and
 * line breaks, columns are known by their header's name (case and surrounding spaces ignored) and never by position,
 * and an HXL hashtag row under the header (`#event+code`, on HDX copies) is skipped.
 * @param requiredColumns the header must name all of these, or the whole file is refused
 */
export async function* csvRows(input: string | Readable, requiredColumns: readonly string[]): AsyncGenerator<CsvRow> {
  const parser = (typeof input === 'string' ? createReadStream(input) : input).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  let header: string[] | undefined;
  let lastLine = 0;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const line = lastLine + 1;
    lastLine = info.lines;
    if (header === undefined) {
      header = record.map((name) => name.trim().toLowerCase());
      const missing = requiredColumns.filter((column) => !header?.includes(column));
      if (missing.length > 0) throw new ImportError(`the header has no column ${missing.join(', ')}`);
      continue;
    }
    if (record.length > 0 && record.every((value) => value === '' || value.startsWith('#'))) continue;
    const values: Record<string, string> = {};
    for (const [index, name] of header.entries()) values[name] = (record[index] ?? '').trim();
    yield { line, values };
  }
  if (header === undefined) throw new ImportError('the file is empty');
}

/** A file that cannot be imported at all (as opposed to a row that is skipped). */
export class ImportError extends Error {}
