import type { Dataset } from '../dataset/dataset.js';
import { type Known, knownFrom } from './known.js';

/** The gazetteer of the dataset being served or loaded. */
export function knownFromDataset(dataset: Dataset): Known {
  return knownFrom({ countries: dataset.countries, actors: dataset.actors, incidents: dataset.incidents });
}
