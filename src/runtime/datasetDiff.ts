import { isDeepStrictEqual } from 'node:util';
import type { Dataset, RecordList } from '../dataset/dataset.js';

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
 * written in another order are no change.
 */
export async function diffDatasets(before: Dataset, after: Dataset): Promise<DatasetDiff> {
  return {
    sources: diffList(before.sources, after.sources, (source) => source.id),
    countries: diffList(before.countries, after.countries, (country) => country.code),
    actors: diffList(before.actors, after.actors, (actor) => actor.id),
    incidents: diffRecords(before.incidents, after.incidents, before.incidentsById),
    figures: diffRecords(before.figures, after.figures, byIdIn(before.figures)),
    statements: diffRecords(before.statements, after.statements, byIdIn(before.statements)),
  };
}

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

/** The first record of each id: what the dataset's look-ups by id answer. */
function byIdIn<T extends { readonly id: string }>(records: RecordList<T>): { get(id: string): T | undefined } {
  const byId = new Map<string, T>();
  for (const record of records) if (!byId.has(record.id)) byId.set(record.id, record);
  return byId;
}

function diffRecords<T extends { readonly id: string }>(
  before: RecordList<T>,
  after: RecordList<T>,
  beforeById: { get(id: string): T | undefined },
): IdChanges {
  const afterIds = new Set<string>();
  const added: string[] = [];
  const changed: string[] = [];
  for (const record of after) {
    if (afterIds.has(record.id)) continue;
    afterIds.add(record.id);
    const previous = beforeById.get(record.id);
    if (previous === undefined) added.push(record.id);
    else if (!isDeepStrictEqual(previous, record)) changed.push(record.id);
  }
  const removed = new Set<string>();
  for (const id of before.ids) if (!afterIds.has(id)) removed.add(id);
  return { added, removed: [...removed], changed };
}
