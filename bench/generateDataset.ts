import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Synthetic datasets in the project's own schema, for the benchmark only (never committed): incidents spread over a
 * few thousand invented place names with alias spellings, several countries and groups, a figure for one incident
 * in three, quotes taken verbatim from a generated source text.
 */

export interface Generated {
  readonly dataDir: string;
  readonly placeNames: readonly string[];
  /** Alias of each place (same index), a realistic other spelling. */
  readonly aliases: readonly string[];
}

/** Syllables of the invented place names (tests build names from them too). */
export const SYLLABLES = [
  'bou',
  'kes',
  'si',
  'dio',
  'ra',
  'ta',
  'hou',
  'dos',
  'so',
  'mon',
  'do',
  'ro',
  'ki',
  'dal',
  'me',
  'na',
  'ka',
  'ye',
  'sa',
  'ga',
  'ni',
  'ba',
  'ma',
  'ko',
  'lo',
  'fa',
  'ti',
  'ne',
  'gou',
  'za',
  'ri',
  'wa',
  'lé',
  'ya',
  'tou',
];
const COUNTRIES = [
  { code: 'ML', names: { en: 'Mali', nl: 'Mali', fr: 'Mali' } },
  { code: 'BF', names: { en: 'Burkina Faso', nl: 'Burkina Faso', fr: 'Burkina Faso' } },
  { code: 'NE', names: { en: 'Niger', nl: 'Niger', fr: 'Niger' } },
  { code: 'TD', names: { en: 'Chad', nl: 'Tsjaad', fr: 'Tchad' } },
];
const ACTORS = ['jnim', 'issp', 'ansarul', 'katiba'];
const SENTENCES = 200;

/** Deterministic: the same size always gives the same dataset. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** French and English transliterations differ like this: Boulkessi / Bulkessy, Djibo / Jibo. */
function otherSpelling(name: string): string {
  const swapped = name.replace(/ou/, 'u').replace(/i$/, 'y').replace(/^dj/i, 'J').replace(/ss/, 's');
  return swapped === name ? `${name}h` : swapped;
}

function placeNameCount(incidents: number): number {
  return Math.min(5000, Math.max(50, Math.floor(incidents / 10)));
}

/** Boxes well inside each country, so that every synthetic place passes the loader's country check. */
const INNER_BOXES: Readonly<Record<string, readonly [west: number, south: number, east: number, north: number]>> = {
  ML: [-4.5, 14.8, 0, 17.5],
  BF: [-3, 11.5, 0, 13.4],
  NE: [4, 13.8, 9, 16],
  TD: [16, 11, 21, 15],
};

/** A place's position, the same for every attack there (as a gazetteer would give it). */
function locationOf(place: number, country: string) {
  const [west, south, east, north] = INNER_BOXES[country] ?? [-4.5, 14.8, 0, 17.5];
  // Spread evenly and deterministically: the golden ratio's fractions.
  const u = (place * 0.618_033_988_75) % 1;
  const v = (place * 0.754_877_666_2) % 1;
  return {
    latitude: Math.round((south + v * (north - south)) * 1e4) / 1e4,
    longitude: Math.round((west + u * (east - west)) * 1e4) / 1e4,
    precision: 'place',
    basis: { kind: 'dataset', name: 'synthetic' },
  };
}

export function generateDataset(incidents: number, directory: string): Generated {
  const next = random(incidents);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const placeNames: string[] = [];
  const taken = new Set<string>();
  while (placeNames.length < placeNameCount(incidents)) {
    const length = 2 + Math.floor(next() * 3);
    const raw = Array.from({ length }, () => pick(SYLLABLES)).join('');
    const name = raw.charAt(0).toUpperCase() + raw.slice(1);
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      placeNames.push(name);
    }
  }
  const aliases = placeNames.map(otherSpelling);
  const sentences = Array.from(
    { length: SENTENCES },
    (_, i) => `Volgens bronnen kwamen bij aanval ${i} meer dan ${10 + i} soldaten om.`,
  );
  mkdirSync(path.join(directory, 'sources'), { recursive: true });
  writeFileSync(path.join(directory, 'sources', 'synthetic.txt'), sentences.join('\n'));

  const incidentLines: string[] = [];
  const figureLines: string[] = [];
  for (let i = 0; i < incidents; i++) {
    const place = Math.floor(next() * placeNames.length);
    const country = COUNTRIES[place % COUNTRIES.length]?.code ?? 'ML';
    const day = 1 + Math.floor(next() * 28);
    const month = 1 + Math.floor(next() * 12);
    const id = `syn-${i}`;
    const claimed = next() < 0.6;
    incidentLines.push(
      JSON.stringify({
        id,
        place: { name: placeNames[place], aliases: [aliases[place]], nearby: [], adminArea: null, precision: 'place' },
        location: locationOf(place, country),
        countryCode: country,
        target: 'military_base',
        date: {
          value: `20${10 + (i % 15)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          precision: 'day',
          derivation: 'stated',
          basis: 'synthetic',
        },
        perpetrator: claimed
          ? { actorId: pick(ACTORS), attribution: 'claimed' }
          : { actorId: null, attribution: 'not_stated' },
        sourceIds: ['synthetic'],
      }),
    );
    if (i % 3 === 0) {
      const sentence = Math.floor(next() * SENTENCES);
      figureLines.push(
        JSON.stringify({
          id: `fig-${i}`,
          counts: 'soldiers_killed',
          value: { qualifier: 'more_than', number: 10 + sentence },
          saidBy: { kind: 'security_sources', label: 'security sources' },
          status: 'unconfirmed',
          scope: { kind: 'incidents', incidentIds: [id] },
          quotes: [{ sourceId: 'synthetic', text: sentences[sentence] }],
        }),
      );
    }
  }
  const head = {
    sources: [
      {
        id: 'synthetic',
        file: 'sources/synthetic.txt',
        language: 'nl',
        date: '2025-06',
        datePrecision: 'month',
        publisher: null,
        title: 'Synthetic benchmark source',
        description: 'Generated for the benchmark',
      },
    ],
    countries: COUNTRIES,
    actors: ACTORS.map((id) => ({ id, name: id.toUpperCase(), aliases: [], description: 'synthetic group' })),
  };
  writeFileSync(path.join(directory, 'dataset.json'), JSON.stringify(head));
  writeFileSync(path.join(directory, 'incidents.jsonl'), `${incidentLines.join('\n')}\n`);
  writeFileSync(path.join(directory, 'figures.jsonl'), `${figureLines.join('\n')}\n`);
  return { dataDir: directory, placeNames, aliases };
}
