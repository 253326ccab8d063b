import type { Figure, FigureValue } from '../dataset/schema.js';
import { u } from './unicodeWords.js';

export interface FigureMention {
  readonly value: FigureValue;
  readonly counts: Figure['counts'];
  /** The article's words for the number and what it counts: "meer dan 30 soldaten". */
  readonly words: string;
  readonly index: number;
}

/** A count given in words only ("dozens", "tientallen", "des dizaines"): kept as words, never made a number. */
export interface VagueMention {
  readonly words: string;
  readonly index: number;
  readonly counts: Figure['counts'];
}

const WORD_NUMBERS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
  elf: 11,
  twaalf: 12,
  vijftien: 15,
  twintig: 20,
  dertig: 30,
  veertig: 40,
  vijftig: 50,
  honderd: 100,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  quinze: 15,
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  cent: 100,
};
const NUMBER = `(\\d{1,3}(?:[ .,\\u00a0\\u202f]\\d{3})+|\\d+|${Object.keys(WORD_NUMBERS).join('|')})`;

const QUALIFIERS: readonly [Exclude<FigureValue['qualifier'], 'range'>, string][] = [
  ['more_than', "more than|over|upwards of|meer dan|ruim|plus de|plus d'|over"],
  ['at_least', 'at least|no fewer than|ten minste|tenminste|minstens|minimaal|au moins|pas moins de'],
  [
    'about',
    "about|around|some|approximately|roughly|nearly|almost|ongeveer|circa|zo'n|rond de|bijna|environ|près de|quelque|presque|une? (?:quinzaine|vingtaine|trentaine|cinquantaine|centaine) de",
  ],
];
const RANGE = new RegExp(
  `(?:between|tussen|entre)\\s+${NUMBER}\\s+(?:and|en|et)\\s+${NUMBER}|(?:from\\s+|de\\s+|van\\s+)?${NUMBER}\\s*(?:-|–|to|tot|à)\\s*${NUMBER}(?=\\s)`,
  'giu',
);

const PEOPLE: readonly [RegExp, 'soldiers' | 'civilians' | 'people'][] = [
  [
    u(
      /^(?:\p{L}+\s+){0,2}?(?:soldiers|troops|servicemen|military personnel|soldaten|militairen|militaires|soldats|gendarmes|policemen|agents|politieagenten|policiers|members of the (?:army|security forces)|élements|éléments)\b/iu,
    ),
    'soldiers',
  ],
  [
    u(
      /^(?:\p{L}+\s+){0,2}?(?:civilians|villagers|burgers|dorpelingen|civils|villageois|worshippers|gelovigen|fidèles|herders|éleveurs|miners|orpailleurs)\b/iu,
    ),
    'civilians',
  ],
  [u(/^(?:\p{L}+\s+){0,2}?(?:people|persons|mensen|personen|personnes|victims|slachtoffers|victimes)\b/iu), 'people'],
  [u(/^(?:dead|doden|morts|killed|tués|gedood)\b/iu), 'people'],
];
const KILLED = u(
  u(
    /\bkill|\bdied\b|\bdead\b|\bdeath|\blost their lives|omgekomen|omkwamen|kwamen\b.*\bom\b|komen\b.*\bom\b|\bgedood|gesneuveld|\bdoden\b|\bdood\b|\btués?\b|\bmorts?\b|trouvé la mort|\bpéri|\bsont décédés|\btuant\b/iu,
  ),
);
const WOUNDED = /wounded|injured|gewond|gewonden|bless[ée]s?/iu;
const AMONG_SOLDIERS =
  /^\S+\s+(?:parmi les|among the|onder de)\s+(?:soldats|militaires|soldiers|troops|militairen|soldaten)/iu;
const VAGUE = u(u(/\b(?:dozens|scores|hundreds|tientallen|honderden|(?:des|plusieurs) (?:dizaines|centaines))\b/giu));

/** The counts of the dead or wounded a clause gives, with their qualifier: "meer dan 30 soldaten" is more than 30. */
export function findFigures(text: string): FigureMention[] {
  const killed = KILLED.test(text);
  const wounded = WOUNDED.test(text);
  if (!killed && !wounded) return [];
  const found: FigureMention[] = [];
  const push = (value: FigureValue, index: number, end: number) => {
    const counts = countedAfter(text.slice(end), killed, wounded);
    if (!counts || found.some((f) => index < f.index + f.words.length && f.index < end)) return;
    found.push({ value, counts: counts.counts, words: text.slice(index, end + counts.length), index });
  };
  for (const match of text.matchAll(RANGE)) {
    const [low, high] = [match[1] ?? match[3], match[2] ?? match[4]].map((n) => toNumber(n ?? ''));
    if (low === undefined || high === undefined || low >= high) continue;
    push({ qualifier: 'range', low, high }, match.index ?? 0, (match.index ?? 0) + match[0].length);
  }
  for (const [qualifier, words] of QUALIFIERS) {
    for (const match of text.matchAll(new RegExp(`(?<![\\p{L}])(?:${words})\\s+${NUMBER}(?![\\p{L}\\d])`, 'giu'))) {
      const number = toNumber(match[1] ?? '');
      if (number !== undefined) push({ qualifier, number }, match.index ?? 0, (match.index ?? 0) + match[0].length);
    }
  }
  for (const match of text.matchAll(new RegExp(`(?<![\\p{L}\\d])${NUMBER}(?![\\p{L}\\d])`, 'giu'))) {
    const number = toNumber(match[1] ?? '');
    if (number !== undefined)
      push({ qualifier: 'exact', number }, match.index ?? 0, (match.index ?? 0) + match[0].length);
  }
  return found.sort((a, b) => a.index - b.index);
}

/** "Dozens of soldiers were killed": a count in words, for a statement and a review note. */
export function findVagueCounts(text: string): VagueMention[] {
  const killed = KILLED.test(text);
  const wounded = WOUNDED.test(text);
  if (!killed && !wounded) return [];
  const found: VagueMention[] = [];
  for (const match of text.matchAll(VAGUE)) {
    const end = (match.index ?? 0) + match[0].length;
    const counts = countedAfter(text.slice(end).replace(/^\s*(?:of|van|de|d')\s*/iu, ' '), killed, wounded);
    if (counts) found.push({ words: match[0], index: match.index ?? 0, counts: counts.counts });
  }
  return found;
}

function countedAfter(
  after: string,
  killed: boolean,
  wounded: boolean,
): { counts: Figure['counts']; length: number } | undefined {
  const rest = after.replace(/^\s+/, '');
  const lead = after.length - rest.length;
  for (const [pattern, who] of PEOPLE) {
    const match = rest.match(pattern);
    if (!match) continue;
    const length = lead + match[0].length;
    // "killed" alone after the number ("30 killed") counts people; wounded wins only without a death word nearby.
    const woundedHere = wounded && (!killed || (WOUNDED.test(rest.slice(0, 40)) && !KILLED.test(rest.slice(0, 40))));
    if (woundedHere) return { counts: 'wounded', length };
    if (!killed) return undefined;
    // "12 morts parmi les militaires": the dead are soldiers.
    if (who === 'people' && AMONG_SOLDIERS.test(rest)) return { counts: 'soldiers_killed', length };
    return {
      counts: who === 'soldiers' ? 'soldiers_killed' : who === 'civilians' ? 'civilians_killed' : 'people_killed',
      length,
    };
  }
  return undefined;
}

function toNumber(words: string): number | undefined {
  const word = WORD_NUMBERS[words.toLowerCase()];
  if (word !== undefined) return word;
  const digits = words.replace(/[ .,\u00a0\u202f]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}
