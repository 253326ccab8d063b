import { isDeepStrictEqual } from 'node:util';
import { forEachIndexChunked } from '../dataset/chunked.js';
import type { Dataset } from '../dataset/dataset.js';
import { positionsById } from '../dataset/positions.js';
import type { RecordTable } from '../dataset/recordTable.js';

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

export function hasChanges(changes: IdChanges): boolean {
  return changes.added.length + changes.removed.length + changes.changed.length > 0;
}

/**
 * Compares two datasets record by record, by id. Records are compared by content, not by their JSON text: keys
 * written in another order are no change. The tables are compared in chunks, as large datasets take a while.
 */
export async function diffDatasets(before: Dataset, after: Dataset): Promise<DatasetDiff> {
  return {
    sources: diffList(before.sources, after.sources, (source) => source.id),
    countries: diffList(before.countries, after.countries, (country) => country.code),
    actors: diffList(before.actors, after.actors, (actor) => actor.id),
    incidents: await diffTable(before.incidents, after.incidents),
    figures: await diffTable(before.figures, after.figures),
    statements: await diffTable(before.statements, after.statements),
  };
}

/** The few sources, countries and actors, kept as plain arrays. */
function diffList<T>(before: readonly T[], after: readonly T[], idOf: (item: T) => string): IdChanges {
  const old = new Map(before.map((item) => [idOf(item), item]));
  const kept = new Set(after.map(idOf));
  const added: string[] = [];
  const changed: string[] = [];
  for (const item of after) {
    const previous = old.get(idOf(item));
    if (previous === undefined) added.push(idOf(item));
    else if (!isDeepStrictEqual(previous, item)) changed.push(idOf(item));
  }
  const removed = before.map(idOf).filter((id) => !kept.has(id));
  return { added, removed, changed };
}

async function diffTable<T extends { readonly id: string }>(
  before: RecordTable<T>,
  after: RecordTable<T>,
): Promise<IdChanges> {
  const beforeRows = await positionsById(before.ids);
  const afterRows = await positionsById(after.ids);
  const added: string[] = [];
  const changed: string[] = [];
  await forEachIndexChunked(after.length, (row) => {
    const id = after.ids.at(row) as string;
    const oldRow = beforeRows.get(id);
    if (oldRow === undefined) added.push(id);
    else if (!isDeepStrictEqual(before.at(oldRow), after.at(row))) changed.push(id);
  });
  const removed: string[] = [];
  await forEachIndexChunked(before.length, (row) => {
    const id = before.ids.at(row) as string;
    if (!afterRows.has(id)) removed.push(id);
  });
  return { added, removed, changed };
}
