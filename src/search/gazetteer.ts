import type { Dataset } from '../dataset/dataset.js';
import { everyVariantOf } from '../dataset/schema.js';
import { normaliseForSearch } from './normalise.js';

/** What a name can stand for. */
export type NameTarget =
  /**
   * The places (`PlaceEntry` ids) a name is the name, an alias, a nearby place or the admin area of: one target for
   * all of them, whose incidents the dataset looks up.
   */
  | { kind: 'incidents'; placeIds: number[]; via: 'name' | 'alias' | 'nearby' | 'admin_area' }
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
    for (const { id, place } of dataset.places) {
      // Two names of one place can be one name once normalised: the place goes in once.
      const added = new Set<string>();
      const addPlace = (name: string, via: IncidentVia) => {
        const entry = entryOf(name);
        if (!entry || added.has(`${entry.key}\u0000${via}`)) return;
        added.add(`${entry.key}\u0000${via}`);
        const target = entry.targets.find((t) => t.kind === 'incidents' && t.via === via);
        if (target?.kind === 'incidents') target.placeIds.push(id);
        else entry.targets.push({ kind: 'incidents', placeIds: [id], via });
      };
      addPlace(place.name, 'name');
      for (const alias of place.aliases) addPlace(alias, 'alias');
      for (const nearby of place.nearby) addPlace(nearby, 'nearby');
      if (place.adminArea) for (const area of everyVariantOf(place.adminArea)) addPlace(area, 'admin_area');
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
