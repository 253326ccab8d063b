import { allowedEdits, editDistance } from '../src/search/editDistance.js';
import { normaliseForSearch } from '../src/search/normalise.js';
import type { Generated } from './generateDataset.js';

/** A query and the place it should find, or null where the right answer is "not found". */
export interface BenchQuery {
  readonly text: string;
  readonly expected: string | null;
  readonly kind: 'typo' | 'spelling' | 'negative';
}

export interface QuerySet {
  /** What people type letter by letter: the first letters of a name. */
  readonly prefixes: string[];
  /** Whole names with one typo. */
  readonly typos: string[];
  /** The accuracy table: typos, other spellings and names the dataset does not have. */
  readonly table: BenchQuery[];
}

const FOREIGN = ['xan', 'qor', 'vel', 'zup', 'pim', 'wok', 'jeh', 'fru', 'cly', 'spo'];
const REAL_NEGATIVES = ['Timbuktu', 'Gao', 'Bamako', 'Nigeria', 'Ouagadougou', 'Agadez'];

/** One typo, as people make them: a letter dropped, swapped with its neighbour, or replaced. */
export function typo(name: string, variant: number): string {
  const at = 1 + (variant % Math.max(1, name.length - 2));
  if (variant % 3 === 0) return name.slice(0, at) + name.slice(at + 1);
  if (variant % 3 === 1) return name.slice(0, at) + (name[at + 1] ?? '') + (name[at] ?? '') + name.slice(at + 2);
  const replacement = name[at] === 'a' ? 'e' : 'a';
  return name.slice(0, at) + replacement + name.slice(at + 1);
}

export function buildQuerySet(generated: Generated, perKind: number): QuerySet {
  const step = Math.max(1, Math.floor(generated.placeNames.length / perKind));
  const sampled = generated.placeNames.filter((_, i) => i % step === 0).slice(0, perKind);
  const known = [...generated.placeNames, ...generated.aliases].map(normaliseForSearch);
  const isFarFromEveryName = (text: string) => {
    const key = normaliseForSearch(text);
    const cap = allowedEdits(key.length) + 1;
    return known.every((name) => editDistance(key, name, cap) > cap && !name.startsWith(key));
  };

  const typos = sampled.filter((name) => name.length >= 5).map((name, i) => typo(name, i));
  const negatives = [
    ...REAL_NEGATIVES,
    ...Array.from({ length: perKind }, (_, i) => {
      const word = [
        FOREIGN[i % FOREIGN.length],
        FOREIGN[(i * 3 + 1) % FOREIGN.length],
        FOREIGN[(i * 7 + 2) % FOREIGN.length],
      ].join('');
      return word.charAt(0).toUpperCase() + word.slice(1);
    }),
  ].filter(isFarFromEveryName);

  const placeOf = (name: string) => generated.placeNames.indexOf(name);
  return {
    prefixes: sampled.map((name) => name.slice(0, 4)),
    typos,
    table: [
      ...sampled
        .filter((name) => name.length >= 5)
        .map((name, i): BenchQuery => ({ text: typo(name, i), expected: name, kind: 'typo' })),
      ...sampled.map(
        (name): BenchQuery => ({ text: generated.aliases[placeOf(name)] ?? name, expected: name, kind: 'spelling' }),
      ),
      ...negatives.slice(0, perKind).map((text): BenchQuery => ({ text, expected: null, kind: 'negative' })),
    ],
  };
}
