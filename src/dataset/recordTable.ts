import { CHUNK_SIZE, pause } from './chunked.js';
import type { PartList } from './partList.js';
import type { UniqueTexts } from './recordEncoder.js';

/** Rows `forEachCode` handles between two pauses: a visit of a row is much cheaper than a record's work. */
const ROWS_BETWEEN_PAUSES = 10 * CHUNK_SIZE;
/** What a visit of a value costs beyond its rows, in rows. */
const VISIT_ROWS = 10;

/**
 * How a table keeps one field of its records: a part for each range of records as they were read. Joining the
 * parts of a million records into one array held the event loop for 160 to 300 ms at a time during a refresh.
 */
export type StoredField =
  | { readonly name: string; readonly stored: 'id' }
  /** An index a record into the values every table of a dataset shares; -1 where a record leaves the field out. */
  | { readonly name: string; readonly stored: 'coded'; readonly parts: readonly Int32Array[] }
  /** A value a record as JSON, parsed when read: values records seldom share. */
  | { readonly name: string; readonly stored: 'unique'; readonly parts: readonly UniqueTexts[] };

/**
 * Records kept field by field: an id, then for each field a code into values shared by all the dataset's records
 * (a million incidents name a few thousand places, dates and groups), or the record's own value as JSON. A record
 * is put together when asked for. Held as objects, a million records were about ten million of them, and the
 * garbage collector's work on them was most of a load and the longest holds of the event loop during a refresh.
 *
 * Records put together are new objects each time: compare them by id, never by identity.
 */
export class RecordTable<T extends { readonly id: string }> implements Iterable<T> {
  private readonly fieldIndexes: ReadonlyMap<string, number>;

  constructor(
    /** The records' ids, in order, a part a range as read: a record's row is its position here. */
    readonly ids: PartList<string>,
    /** In the order the schema lists them, so that records read (and print) as they were written. */
    private readonly fields: readonly StoredField[],
    private readonly sharedValues: readonly unknown[],
  ) {
    this.fieldIndexes = new Map(fields.map((field, index) => [field.name, index]));
  }

  get length(): number {
    return this.ids.length;
  }

  /** The record at `row`, put together from its fields; undefined past the end. */
  at(row: number): T | undefined {
    const id = this.ids.at(row);
    if (id === undefined || row < 0) return undefined;
    const part = this.ids.partOf(row);
    const index = row - this.ids.startOf(part);
    const record: Record<string, unknown> = {};
    for (const field of this.fields) {
      const value = field.stored === 'id' ? id : this.read(field, part, index);
      if (value !== undefined) record[field.name] = value;
    }
    return record as T;
  }

  /** One field of the record at `row`, without putting the record together. */
  field<K extends keyof T & string>(row: number, name: K): T[K] {
    const field = this.fields[this.fieldIndexes.get(name) ?? -1];
    const id = this.ids.at(row);
    if (field === undefined || id === undefined) throw new RangeError(`no field ${name} at row ${row}`);
    if (field.stored === 'id') return id as T[K];
    const part = this.ids.partOf(row);
    return this.read(field, part, row - this.ids.startOf(part)) as T[K];
  }

  /**
   * Which shared value the field holds at `row` (-1: none), for work done once per distinct value;
   * undefined for a field whose values are not shared.
   */
  code(row: number, name: keyof T & string): number | undefined {
    const field = this.fields[this.fieldIndexes.get(name) ?? -1];
    if (field?.stored !== 'coded') return undefined;
    const part = this.ids.partOf(row);
    return field.parts[part]?.[row - this.ids.startOf(part)];
  }

  /**
   * Visits each value a coded field holds (code -1: left out) once, with the rows that hold it in row order, so that
   * work done per value need not look at every row; pauses every few thousand rows.
   * @returns false for a field whose values are not shared, which it leaves unvisited
   */
  async forEachCode(name: keyof T & string, visit: (code: number, rows: Int32Array) => void): Promise<boolean> {
    const field = this.fields[this.fieldIndexes.get(name) ?? -1];
    if (field?.stored !== 'coded') return false;
    let sincePause = 0;
    const pauseAfter = async (rows: number) => {
      sincePause += rows;
      if (sincePause < ROWS_BETWEEN_PAUSES) return;
      sincePause = 0;
      await pause();
    };
    const forEachPart = async (visitPart: (codes: Int32Array) => void) => {
      for (const codes of field.parts) {
        visitPart(codes);
        await pauseAfter(codes.length);
      }
    };
    // A counting sort by code, shifted by one so that -1 counts too: no object a row or a value.
    let largest = -1;
    await forEachPart((codes) => {
      for (let index = 0; index < codes.length; index++) largest = Math.max(largest, codes[index] as number);
    });
    const starts = new Int32Array(largest + 3);
    await forEachPart((codes) => {
      for (let index = 0; index < codes.length; index++) {
        const slot = (codes[index] as number) + 2;
        starts[slot] = (starts[slot] as number) + 1;
      }
    });
    for (let slot = 1; slot < starts.length; slot++)
      starts[slot] = (starts[slot] as number) + (starts[slot - 1] as number);
    const rows = new Int32Array(this.ids.length);
    let row = 0;
    await forEachPart((codes) => {
      for (let index = 0; index < codes.length; index++) {
        const slot = (codes[index] as number) + 1;
        rows[starts[slot] as number] = row++;
        starts[slot] = (starts[slot] as number) + 1;
      }
    });
    // Each code's rows now end where the next code's start.
    for (let code = -1; code <= largest; code++) {
      const start = code === -1 ? 0 : (starts[code] as number);
      const end = starts[code + 1] as number;
      if (start === end) continue;
      visit(code, rows.subarray(start, end));
      // A visit costs something even for one row: a check of a value, say.
      await pauseAfter(end - start + VISIT_ROWS);
    }
    return true;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let row = 0; row < this.ids.length; row++) yield this.at(row) as T;
  }

  private read(field: Exclude<StoredField, { stored: 'id' }>, part: number, index: number): unknown {
    if (field.stored === 'coded') {
      const code = field.parts[part]?.[index] ?? -1;
      return code === -1 ? undefined : this.sharedValues[code];
    }
    const { text, ends } = field.parts[part] as UniqueTexts;
    const json = text.slice(index === 0 ? 0 : ends[index - 1], ends[index]);
    return json === '' ? undefined : JSON.parse(json);
  }
}
