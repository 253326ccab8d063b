import { forEachChunked } from '../dataset/chunked.js';
import type { Dataset } from '../dataset/dataset.js';
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
  const addIncident = (name: string, incidentId: string, via: IncidentVia) => {
    const entry = entryOf(name);
    if (!entry) return;
    const target = entry.targets.find((t) => t.kind === 'incidents' && t.via === via);
    // Two aliases of one incident can be one name once normalised: its id goes in once.
    if (target?.kind === 'incidents') {
      if (target.incidentIds.at(-1) !== incidentId) target.incidentIds.push(incidentId);
    } else entry.targets.push({ kind: 'incidents', incidentIds: [incidentId], via });
  };

  if (kinds.has('incidents')) {
    await forEachChunked(dataset.incidents, ({ id, place }) => {
      addIncident(place.name, id, 'name');
      for (const alias of place.aliases) addIncident(alias, id, 'alias');
      for (const nearby of place.nearby) addIncident(nearby, id, 'nearby');
      if (place.adminArea) addIncident(place.adminArea, id, 'admin_area');
    });
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
