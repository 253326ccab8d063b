import { isDeepStrictEqual } from 'node:util';
import type { Database } from 'better-sqlite3';
import type { Dataset } from '../dataset/dataset.js';
import { connectionOf } from '../dataset/repository.js';
import { inThread } from './threads.js';

/** Every kind of record a dataset holds, in the order `dataset.json` lists them. */
export const DIFF_KINDS = ['sources', 'countries', 'actors', 'incidents', 'figures', 'statements'] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];

/** Ids (country codes for countries) of the records of one kind a refresh added, removed or changed. */
export interface IdChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

/** What a refresh did to each kind of record. */
export type DatasetDiff = { readonly [K in DiffKind]: IdChanges };

/** From this many records in the two datasets together, they are compared on a worker thread. */
const IN_THREAD_RECORDS = 5_000;

export function hasChanges(changes: IdChanges): boolean {
  return changes.added.length + changes.removed.length + changes.changed.length > 0;
}

/**
 * Compares two datasets record by record, by id. Records are compared by content, not by their JSON text: keys
 * written in another order are no change. Large datasets are compared on a worker thread, from their index files.
 */
export async function diffDatasets(before: Dataset, after: Dataset): Promise<DatasetDiff> {
  const records = (dataset: Dataset) => dataset.incidents.length + dataset.figures.length + dataset.statements.length;
  if (before.file && after.file && records(before) + records(after) >= IN_THREAD_RECORDS) {
    return inThread({ kind: 'diff', before: before.file, after: after.file });
  }
  const beforeDb = connectionOf(before);
  const afterDb = connectionOf(after);
  if (!beforeDb || !afterDb) throw new Error('a dataset to compare is not an index');
  return diffIndexes(beforeDb, afterDb);
}

/** Compares two index files, each on a connection of its own. */
export function diffIndexes(before: Database, after: Database): DatasetDiff {
  return {
    sources: diffHeads<{ id: string }>(before, after, 'sources', (source) => source.id),
    countries: diffHeads<{ code: string }>(before, after, 'countries', (country) => country.code),
    actors: diffHeads<{ id: string }>(before, after, 'actors', (actor) => actor.id),
    incidents: diffRecords(before, after, 'incidents'),
    figures: diffRecords(before, after, 'figures'),
    statements: diffRecords(before, after, 'statements'),
  };
}

/** The few sources, countries and actors, compared in memory. */
function diffHeads<T>(before: Database, after: Database, kind: string, idOf: (item: T) => string): IdChanges {
  const read = (db: Database) =>
    db
      .prepare<[string], string>('SELECT json FROM heads WHERE kind = ? ORDER BY position')
      .pluck()
      .all(kind)
      .map((json) => JSON.parse(json) as T);
  const old = new Map<string, T>();
  for (const item of read(before)) if (!old.has(idOf(item))) old.set(idOf(item), item);
  const items = read(after);
  const kept = new Set(items.map(idOf));
  const added: string[] = [];
  const changed: string[] = [];
  for (const item of items) {
    const previous = old.get(idOf(item));
    if (previous === undefined) added.push(idOf(item));
    else if (!isDeepStrictEqual(previous, item)) changed.push(idOf(item));
  }
  const removed = [...old.keys()].filter((id) => !kept.has(id));
  return { added, removed, changed };
}

interface Row {
  readonly row: number;
  readonly id: string;
  readonly json: string;
}

/**
 * Both tables walked in order of id, side by side, the first record of each id only (what look-ups by id answer).
 * Added and changed ids are listed in the new dataset's order, removed ones in the old one's.
 */
function diffRecords(before: Database, after: Database, table: 'incidents' | 'figures' | 'statements'): IdChanges {
  const sql = `SELECT row, id, json FROM ${table} ORDER BY id, row`;
  const old = firstOfEachId(before.prepare<[], Row>(sql).iterate());
  const now = firstOfEachId(after.prepare<[], Row>(sql).iterate());
  const added: Row[] = [];
  const removed: Row[] = [];
  const changed: Row[] = [];
  let previous = take(old);
  let next = take(now);
  while (previous || next) {
    const order = !previous ? 1 : !next ? -1 : compareAsSqlite(previous.id, next.id);
    if (order < 0 && previous) {
      removed.push(previous);
      previous = take(old);
    } else if (order > 0 && next) {
      added.push(next);
      next = take(now);
    } else if (previous && next) {
      if (previous.json !== next.json && !sameContent(previous.json, next.json)) changed.push(next);
      previous = take(old);
      next = take(now);
    }
  }
  const ids = (rows: Row[]) => rows.sort((a, b) => a.row - b.row).map(({ id }) => id);
  return { added: ids(added), removed: ids(removed), changed: ids(changed) };
}

function take(rows: Iterator<Row>): Row | undefined {
  const next = rows.next();
  return next.done ? undefined : next.value;
}

function* firstOfEachId(rows: Iterable<Row>): Generator<Row> {
  let last: string | undefined;
  for (const row of rows) {
    if (row.id === last) continue;
    last = row.id;
    yield row;
  }
}

/** JSON written differently (keys in another order) for the same record. */
function sameContent(before: string, after: string): boolean {
  return isDeepStrictEqual(JSON.parse(before), JSON.parse(after));
}

/**
 * The order of SQLite's `ORDER BY` on text (its bytes in UTF-8, that is by code point): JavaScript's `<` compares
 * UTF-16 units, where characters beyond U+FFFF (two surrogates, 0xD800–0xDFFF) sort before U+E000–U+FFFF.
 */
export function compareAsSqlite(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}
