import { CHUNK_SIZE, pause } from '../dataset/chunked.js';
import type { Dataset } from '../dataset/dataset.js';
import { everyVariantOf } from '../dataset/schema.js';
import { normaliseForSearch } from './normalise.js';

/** What a name can stand for. */
export type NameTarget =
  /** The incidents a name is a place name, alias, nearby place or admin area of: one target for all of them. */
  | { kind: 'incidents'; incidentIds: string[]; via: 'name' | 'alias' | 'nearby' | 'admin_area' }
  | { kind: 'country'; code: string }
  | { kind: 'actor'; actorId: string };

/** One distinct name: many incidents at one place share a single entry, so search cost follows names, not incidents. */
export interface GazetteerEntry {
  /** The normalised name that is matched. */
  readonly key: string;
  /** The name as people write it. */
  readonly label: string;
  readonly targets: NameTarget[];
}

type IncidentVia = Extract<NameTarget, { kind: 'incidents' }>['via'];

export type TargetKind = NameTarget['kind'];

/** Every searchable name in the dataset, of the given kinds, one entry per distinct normalised name. */
export async function buildGazetteer(dataset: Dataset, kinds: ReadonlySet<TargetKind>): Promise<GazetteerEntry[]> {
  const entries = new Map<string, GazetteerEntry>();
  // Large datasets name the same few thousand places a million times: each spelling is normalised once.
  const keys = new Map<string, string>();
  const entryOf = (name: string): GazetteerEntry | undefined => {
    let key = keys.get(name);
    if (key === undefined) {
      key = normaliseForSearch(name);
      keys.set(name, key);
    }
    if (key === '') return undefined;
    let entry = entries.get(key);
    if (!entry) {
      entry = { key, label: name, targets: [] };
      entries.set(key, entry);
    }
    return entry;
  };
  const add = (name: string, target: NameTarget) => entryOf(name)?.targets.push(target);

  if (kinds.has('incidents')) {
    // A million incidents name a few thousand places: their ids are gathered by place, and each place's names
    // are looked at once.
    const { incidents } = dataset;
    const byPlace: { row: number; ids: string[] }[] = [];
    await incidents.forEachCode('place', (_, rows) => {
      const ids: string[] = [];
      for (const row of rows) ids.push(incidents.ids.at(row) as string);
      byPlace.push({ row: rows[0] as number, ids });
    });
    // A place's ids go into its first target as they are; a target that more places add to gets a copy of its own.
    const copied = new WeakSet<string[]>();
    let sinceLastPause = 0;
    for (const { row, ids } of byPlace) {
      const place = incidents.field(row, 'place');
      // Two names of one place can be one name once normalised: its incidents go in once.
      const added = new Set<string>();
      const addIncidents = (name: string, via: IncidentVia) => {
        const entry = entryOf(name);
        if (!entry || added.has(`${entry.key}\u0000${via}`)) return;
        added.add(`${entry.key}\u0000${via}`);
        const target = entry.targets.find((t) => t.kind === 'incidents' && t.via === via);
        if (target?.kind !== 'incidents') {
          entry.targets.push({ kind: 'incidents', incidentIds: ids, via });
        } else {
          if (!copied.has(target.incidentIds)) {
            target.incidentIds = [...target.incidentIds];
            copied.add(target.incidentIds);
          }
          for (const id of ids) target.incidentIds.push(id);
        }
        sinceLastPause += ids.length;
      };
      addIncidents(place.name, 'name');
      for (const alias of place.aliases) addIncidents(alias, 'alias');
      for (const nearby of place.nearby) addIncidents(nearby, 'nearby');
      if (place.adminArea) for (const area of everyVariantOf(place.adminArea)) addIncidents(area, 'admin_area');
      if (sinceLastPause >= CHUNK_SIZE) {
        sinceLastPause = 0;
        await pause();
      }
    }
  }
  if (kinds.has('country')) {
    for (const country of dataset.countries) {
      for (const name of new Set([country.names.en, country.names.nl, country.names.fr, country.code])) {
        add(name, { kind: 'country', code: country.code });
      }
    }
  }
  if (kinds.has('actor')) {
    for (const actor of dataset.actors) {
      for (const name of [actor.name, ...actor.aliases]) add(name, { kind: 'actor', actorId: actor.id });
    }
  }
  return [...entries.values()];
}
