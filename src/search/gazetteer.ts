import { forEachChunked } from '../dataset/chunked.js';
import type { Dataset } from '../dataset/dataset.js';
import { normaliseForSearch } from './normalise.js';

/** What a name can stand for. */
export type NameTarget =
  | { kind: 'incident'; incidentId: string; via: 'name' | 'alias' | 'nearby' | 'admin_area' }
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

export type TargetKind = NameTarget['kind'];

/** Every searchable name in the dataset, of the given kinds, one entry per distinct normalised name. */
export async function buildGazetteer(dataset: Dataset, kinds: ReadonlySet<TargetKind>): Promise<GazetteerEntry[]> {
  const entries = new Map<string, GazetteerEntry>();
  const add = (name: string, target: NameTarget) => {
    const key = normaliseForSearch(name);
    if (key === '') return;
    const entry = entries.get(key);
    if (entry) entry.targets.push(target);
    else entries.set(key, { key, label: name, targets: [target] });
  };

  if (kinds.has('incident')) {
    await forEachChunked(dataset.incidents, (incident) => {
      const incidentId = incident.id;
      add(incident.place.name, { kind: 'incident', incidentId, via: 'name' });
      for (const alias of incident.place.aliases) add(alias, { kind: 'incident', incidentId, via: 'alias' });
      for (const nearby of incident.place.nearby) add(nearby, { kind: 'incident', incidentId, via: 'nearby' });
      if (incident.place.adminArea) add(incident.place.adminArea, { kind: 'incident', incidentId, via: 'admin_area' });
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
