import type { Incident, LocalText } from '../dataset/schema.js';
import { findCountries } from './countries.js';
import { u } from './unicodeWords.js';

/** A place the dataset already knows: an incident's place, its spellings, its country. */
export interface KnownPlace {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly countryCode: string;
  readonly adminArea: LocalText | null;
  readonly precision: Incident['place']['precision'];
}

export interface PlaceMention {
  /** The name as the dataset spells it, or as the article does for a new place. */
  readonly name: string;
  readonly words: string;
  readonly index: number;
  readonly known?: KnownPlace;
  /** "the Tahoua region": an administrative area, not a town. */
  readonly region: boolean;
  /** "a source in Mondoro": where someone who speaks is, not where the attack was. */
  readonly speakerPlace: boolean;
  /** After "near", "nabij", "près de": a place beside the attack, unless nothing else places it. */
  readonly near?: boolean;
}

// The words that put a name after them: "in Boulkessi", "nabij Mondoro", "près de Gao", "the town of Djibo".
const CUES = [
  'in',
  'at',
  'near',
  'outside',
  'around',
  'bij',
  'nabij',
  'nabij het',
  'rond',
  'à',
  'au',
  'près de',
  'près d’',
  "près d'",
  'aux environs de',
  'dans la localité de',
  'de stad',
  'het dorp',
  'de plaats',
  'the town of',
  'the village of',
  'the city of',
  'la ville de',
  'le village de',
  'la localité de',
  'la commune de',
  'camp militaire de',
  'base militaire de',
  'le camp de',
  'la base de',
  'le marché de',
  'le poste de',
  "le village d'",
  'the base of',
  'de basis van',
  'de markt van',
];
/** Cues that place a name beside another one rather than at the attack: "Inekar, near Ménaka". */
const NEAR = new Set([
  'near',
  'outside',
  'around',
  'nabij',
  'nabij het',
  'bij',
  'rond',
  'près de',
  'près d’',
  "près d'",
  'aux environs de',
]);
const REGION_BEFORE = [
  'de regio',
  'de provincie',
  'the region of',
  'the province of',
  'la région de',
  'la province de',
  'la région du',
];
// "the Tahoua region", "Tahoua region".
const REGION_AFTER = u(u(/^(\p{Lu}[\p{L}'’-]+)\s+(region|province)\b/u));
// Capitalised words, a name of up to three ("Ouagadougou", "Ménaka", "Bourem Inaly", "Tillabéri").
const NAME = /(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})/u;
const SPEAKER_BEFORE =
  /(?<![\p{L}])(bron|bronnen|source|sources|resident|residents|inwoner|inwoners|habitant|habitants|official|officials|élu|élus|notable|notables|journalist|journalists|journaliste)\s+(?:\p{L}+\s+){0,2}$/iu;
/** Words that are capitalised and follow "in" without being a place. */
const NOT_PLACES = new Set(
  [
    'Africa',
    'Afrika',
    'Afrique',
    'West',
    'Sahel',
    'The',
    'De',
    'Het',
    'Le',
    'La',
    'Les',
    'A',
    'An',
    'Een',
    'Un',
    'Une',
    'May',
    'Mei',
    'Mai',
    'June',
    'Juni',
    'Juin',
    'July',
    'Juli',
    'Juillet',
    'April',
    'Avril',
    'March',
    'Maart',
    'Mars',
    'January',
    'February',
    'August',
    'September',
    'October',
    'November',
    'December',
    'Al',
    'Al-Qaïda',
    'Al-Qaida',
    'Al-Qaeda',
    'Qaeda',
    'Islamic',
    'Etat',
    'État',
    'Allah',
  ].map((w) => w.toLowerCase()),
);

const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The places a sentence names: every known place or alias wherever it stands, and any capitalised name after a place
 * cue ("in", "nabij", "près de", "de stad", "the region of"…) that is not a country, proposed as new.
 */
export function findPlaces(text: string, known: readonly KnownPlace[]): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  const taken = (index: number, length: number) =>
    mentions.some((m) => index < m.index + m.words.length && index + length > m.index);
  const countries = findCountries(text);
  const isCountry = (index: number, words: string) =>
    countries.some((c) => c.index <= index && index + words.length <= c.index + c.words.length + 1 && !c.adjective);

  const names = known.flatMap((place) => [place.name, ...place.aliases].map((name) => ({ name, place })));
  names.sort((a, b) => b.name.length - a.name.length);
  const folded = fold(text);
  for (const { name, place } of names) {
    const bare = name.replace(/\s+(region|regio|région)$/i, '');
    for (const match of folded.matchAll(new RegExp(`(?<![\\p{L}])${escapeRegExp(fold(bare))}(?![\\p{L}])`, 'gu'))) {
      const index = match.index ?? 0;
      const words = text.slice(index, index + bare.length);
      if (!/^\p{Lu}/u.test(words) || taken(index, words.length)) continue;
      const speakerPlace = SPEAKER_BEFORE.test(text.slice(0, index));
      mentions.push({
        name: place.name,
        words,
        index,
        known: place,
        region: place.precision === 'admin_area',
        speakerPlace,
      });
    }
  }

  const cue = new RegExp(
    `(?<![\\p{L}])(${[...REGION_BEFORE, ...CUES].map(escapeRegExp).join('|')})\\s+(?:(?:the|de|het|la|le)\\s+)?`,
    'giu',
  );
  // Cues overlap ("in de regio Tahoua": "in de", then "de regio"): each position is tried.
  for (let match = cue.exec(text); match; cue.lastIndex = match.index + 1, match = cue.exec(text)) {
    const after = (match.index ?? 0) + match[0].length;
    const rest = text.slice(after);
    const region = REGION_BEFORE.includes((match[1] ?? '').toLowerCase());
    const regionAfter = rest.match(REGION_AFTER);
    const name = regionAfter ? [regionAfter[0], regionAfter[1]] : rest.match(new RegExp(`^${NAME.source}`, 'u'));
    if (!name?.[1]) continue;
    let words = name[1];
    // A name stops before a capitalised word of the next sentence part: "Boulkessi, in" is Boulkessi.
    words = words.replace(/\s+(?:In|At|Bij|Op|On|Le|La|Les|De|Het|The)$/u, '');
    const first = words.split(/[\s-]+/)[0] ?? '';
    if (NOT_PLACES.has(first.toLowerCase()) || isCountry(after, words) || taken(after, words.length)) continue;
    // A cue at the start of a sentence ("In Niger kwamen") is still a cue; a country there was skipped above.
    const speakerPlace = SPEAKER_BEFORE.test(text.slice(0, after));
    const isRegion = region || regionAfter !== null;
    mentions.push({
      name: isRegion ? `${words} region` : words,
      words: regionAfter ? regionAfter[0] : words,
      index: after,
      region: isRegion,
      speakerPlace,
      near: NEAR.has((match[1] ?? '').toLowerCase()),
    });
  }
  return mentions.sort((a, b) => a.index - b.index);
}
