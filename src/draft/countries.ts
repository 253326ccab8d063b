import type { Country } from '../dataset/schema.js';

/** A country the drafter knows by name and by adjective ("Malian", "Malinese", "malien"), in en, nl and fr. */
export interface CountryWords {
  readonly country: Country;
  /** Adjectives as they qualify an army or a government, lower case, every gender. */
  readonly adjectives: readonly string[];
  readonly adjective: { readonly en: string; readonly nl: string; readonly fr: string };
}

const c = (
  code: string,
  names: [en: string, nl: string, fr: string],
  adjective: [en: string, nl: string, fr: string],
  more: string[] = [],
): CountryWords => ({
  country: { code, names: { en: names[0], nl: names[1], fr: names[2] } },
  adjectives: [...new Set([...adjective, ...more].map((word) => word.toLowerCase()))],
  adjective: { en: adjective[0], nl: adjective[1], fr: adjective[2] },
});

/** The Sahel and its neighbours: enough to name every country an article on the region is likely to. */
export const COUNTRY_WORDS: readonly CountryWords[] = [
  c('ML', ['Mali', 'Mali', 'Mali'], ['Malian', 'Malinese', 'malienne'], ['malien', 'maliens', 'maliennes']),
  c(
    'BF',
    ['Burkina Faso', 'Burkina Faso', 'Burkina Faso'],
    ['Burkinabe', 'Burkinese', 'burkinabè'],
    ['burkinabé', 'burkinabè', 'burkinabe', 'burkinabés'],
  ),
  c('NE', ['Niger', 'Niger', 'Niger'], ['Nigerien', 'Nigerese', 'nigérienne'], ['nigérien', 'nigériens']),
  c('TD', ['Chad', 'Tsjaad', 'Tchad'], ['Chadian', 'Tsjadische', 'tchadienne'], ['tchadien', 'tchadiens']),
  c('MR', ['Mauritania', 'Mauritanië', 'Mauritanie'], ['Mauritanian', 'Mauritaanse', 'mauritanienne'], ['mauritanien']),
  c('NG', ['Nigeria', 'Nigeria', 'Nigeria'], ['Nigerian', 'Nigeriaanse', 'nigériane'], ['nigérian', 'nigérians']),
  c('BJ', ['Benin', 'Benin', 'Bénin'], ['Beninese', 'Beninse', 'béninoise'], ['béninois']),
  c('TG', ['Togo', 'Togo', 'Togo'], ['Togolese', 'Togolese', 'togolaise'], ['togolais']),
  c('SN', ['Senegal', 'Senegal', 'Sénégal'], ['Senegalese', 'Senegalese', 'sénégalaise'], ['sénégalais']),
  c(
    'CI',
    ["Côte d'Ivoire", 'Ivoorkust', "Côte d'Ivoire"],
    ['Ivorian', 'Ivoriaanse', 'ivoirienne'],
    ['ivoirien', 'Ivory Coast'],
  ),
  c('GH', ['Ghana', 'Ghana', 'Ghana'], ['Ghanaian', 'Ghanese', 'ghanéenne'], ['ghanéen']),
  c('DZ', ['Algeria', 'Algerije', 'Algérie'], ['Algerian', 'Algerijnse', 'algérienne'], ['algérien']),
  c('CM', ['Cameroon', 'Kameroen', 'Cameroun'], ['Cameroonian', 'Kameroense', 'camerounaise'], ['camerounais']),
  c('SD', ['Sudan', 'Soedan', 'Soudan'], ['Sudanese', 'Soedanese', 'soudanaise'], ['soudanais']),
  c('LY', ['Libya', 'Libië', 'Libye'], ['Libyan', 'Libische', 'libyenne'], ['libyen']),
];

export interface CountryMention {
  readonly code: string;
  readonly index: number;
  readonly words: string;
  /** "the Malian army": an adjective, not the country's name. */
  readonly adjective: boolean;
}

const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");

/** The countries a text names, in order; the names of `extra` (the dataset's own countries) too. */
export function findCountries(text: string, extra: readonly Country[] = []): CountryMention[] {
  const mentions: CountryMention[] = [];
  const known = new Map(COUNTRY_WORDS.map((words) => [words.country.code, words]));
  for (const country of extra) {
    if (!known.has(country.code)) known.set(country.code, { country, adjectives: [], adjective: country.names });
  }
  const taken: [number, number][] = [];
  const candidates: { code: string; word: string; adjective: boolean }[] = [];
  for (const { country, adjectives } of known.values()) {
    for (const name of new Set(Object.values(country.names)))
      candidates.push({ code: country.code, word: name, adjective: false });
    for (const word of adjectives) candidates.push({ code: country.code, word, adjective: true });
  }
  // The longest words first: "Nigeria" is not "Niger", "Burkina Faso" is one name.
  candidates.sort((a, b) => b.word.length - a.word.length);
  for (const { code, word, adjective } of candidates) {
    const flags = adjective ? 'giu' : 'gu';
    for (const match of text.matchAll(new RegExp(`(?<![\\p{L}-])${escapeRegExp(word)}(?![\\p{L}])`, flags))) {
      const index = match.index ?? 0;
      const end = index + match[0].length;
      if (taken.some(([from, to]) => index < to && end > from)) continue;
      taken.push([index, end]);
      mentions.push({ code, index, words: match[0], adjective });
    }
  }
  return mentions.sort((a, b) => a.index - b.index);
}

/** The words for a country code, or undefined for one the drafter does not know. */
export function countryWords(code: string): CountryWords | undefined {
  return COUNTRY_WORDS.find((words) => words.country.code === code);
}
