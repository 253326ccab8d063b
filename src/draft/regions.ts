import type { LocalText } from '../dataset/schema.js';
import { u } from './unicodeWords.js';

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  januari: 1,
  februari: 2,
  maart: 3,
  mei: 5,
  juni: 6,
  juli: 7,
  augustus: 8,
  janvier: 1,
  février: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
};
const NAMES = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
};
const SINCE = u(
  u(
    /\b(since|sinds|depuis)\s+(?:(early|begin|début|midden|mid-|mid|mi-|late|eind|fin)\s*)?(?:de\s+|d'|l'|the\s+(?:start|beginning)\s+of\s+)?(\p{L}+)(?:\s+(\d{4}))?/iu,
  ),
);

/**
 * The period an aggregate covers ("since early May", "sinds begin mei", "depuis début mai"), in the three languages,
 * with the year taken from the article when the text leaves it out. Undefined when the text gives none.
 */
export function periodOf(text: string, articleYear: number): { text: LocalText; words: string } | undefined {
  const match = text.match(SINCE);
  const month = MONTHS[(match?.[3] ?? '').toLowerCase()];
  if (!match || month === undefined) return undefined;
  const year = match[4] ?? String(articleYear);
  const part = (match[2] ?? '').toLowerCase();
  const early = /early|begin|début/.test(part);
  const mid = /mid|midden|mi-/.test(part);
  const late = /late|eind|fin/.test(part);
  const at = month - 1;
  return {
    words: match[0],
    text: {
      en: `since ${early ? 'early ' : mid ? 'mid-' : late ? 'late ' : ''}${NAMES.en[at]} ${year}`,
      nl: `sinds ${early ? 'begin ' : mid ? 'midden ' : late ? 'eind ' : ''}${NAMES.nl[at]} ${year}`,
      fr: `depuis ${early ? 'début ' : mid ? 'mi-' : late ? 'fin ' : ''}${NAMES.fr[at]} ${year}`,
    },
  };
}
