import type { Figure, LocalText, Speaker } from '../dataset/schema.js';
import { countryWords } from './countries.js';
import { u } from './unicodeWords.js';

/** Who says something in a clause, before the drafter knows which group or country it is. */
export interface SpeakerMention {
  readonly kind: Speaker['kind'] | 'group' | 'spokesperson' | 'sources';
  readonly words: string;
  readonly index: number;
  /** "two security sources": how many, when the text says. */
  readonly two: boolean;
  /** "a municipal source": a more precise kind of local source. */
  readonly municipal: boolean;
}

const PATTERNS: readonly [SpeakerMention['kind'], RegExp][] = [
  [
    'online_video',
    u(
      u(
        /\b(?:videos?|video's|vidéos?|images|beelden)\b[^.,]{0,40}\b(?:online|en ligne|social media|réseaux sociaux|shared|gedeeld|partagées?)/giu,
      ),
    ),
  ],
  [
    'security_sources',
    u(
      u(
        /\b(?:(?:two|twee|deux|several|verschillende|plusieurs) )?(?:veiligheidsbronn?en|veiligheidsbron|security sources?|military sources?|militaire bronn?en|sources? (?:sécuritaires?|militaires?|de sécurité)|source sécuritaire)\b/giu,
      ),
    ),
  ],
  [
    'local_source',
    u(
      u(
        /\b(?:(?:een|a|une) )?(?:gemeentelijke bron|lokale bronn?en|local (?:sources?|officials?|residents?)|municipal (?:source|official)|sources? locales?|élus? locaux|élu local|habitants?|residents?|inwoners?|notables?|source municipale)\b/giu,
      ),
    ),
  ],
  // "the army base" is a place, not a speaker.
  [
    'army',
    u(
      u(
        /\b(?:het (?:\p{L}+ )?leger|the (?:\p{L}+ )?(?:army|armed forces|military)|l'armée|l’armée|(?:les )?forces armées|état-major|FAMa|army|leger|armée|defence ministry|ministère de la défense)\b(?!\s+(?:base|bases|camp|positions?|post|convoy|patrol|basis))(?!-?(?:basis|kamp))/giu,
      ),
    ),
  ],
  [
    'government',
    u(
      u(
        /\b(?:regering|government|gouvernement|authorities|autorités|ministry|ministerie|ministère|minister|ministre|junta|junte|overheid|president|président)\b/giu,
      ),
    ),
  ],
  [
    'spokesperson',
    u(
      u(
        /\b(?:een woordvoerder|woordvoerder|a spokesman|a spokesperson|a spokeswoman|spokesman|spokesperson|un porte-parole|porte-parole)\b/giu,
      ),
    ),
  ],
  [
    'group',
    u(
      u(
        /\b(?:the group|de groep|de groepering|le groupe|the jihadists|de jihadisten|les jihadistes|the militants|les assaillants|the insurgents)\b|\b(?:meldde|verklaarde|zei) zij\b|\bit (?:said|claimed|reported)\b|\bil a (?:déclaré|affirmé|annoncé|revendiqué)/giu,
      ),
    ),
  ],
  ['sources', u(u(/\b(?:(?:two|twee|deux|several|verschillende|plusieurs) )?(?:bronnen|sources)\b/giu))],
  ['unattributed', u(u(/\b(?:zouden|zou|reportedly|reported to|auraient|aurait)\b/giu))],
];
const ACCORDING = u(u(/\b(?:volgens|according to|selon|d'après|d’après|aldus)\s+$/iu));

/**
 * Who gives what a clause says: the speaker after "volgens", "according to", "selon", "aldus" when there is one,
 * else the first named. Sources in general ("twee bronnen") and "reportedly" ("zouden") come last: they are what is
 * left when nobody is named.
 */
export function findSpeaker(text: string): SpeakerMention | undefined {
  const all: (SpeakerMention & { rank: number })[] = [];
  for (const [rank, [kind, pattern]] of PATTERNS.entries()) {
    for (const match of text.matchAll(pattern)) {
      const index = match.index ?? 0;
      if (all.some((m) => index < m.index + m.words.length && m.index < index + match[0].length)) continue;
      all.push({
        kind,
        words: match[0],
        index,
        rank,
        two: u(u(/^(?:two|twee|deux)\b/iu)).test(match[0]),
        municipal: /gemeentelijke|municipal/iu.test(match[0]),
      });
    }
  }
  const according = all.filter((m) => ACCORDING.test(text.slice(0, m.index)));
  const named = all.filter((m) => m.kind !== 'sources' && m.kind !== 'unattributed');
  const pick = (list: typeof all) => [...list].sort((a, b) => a.index - b.index)[0];
  const chosen = pick(according) ?? pick(named) ?? pick(all.filter((m) => m.kind === 'sources')) ?? pick(all);
  if (!chosen) return undefined;
  const { rank: _rank, ...mention } = chosen;
  return mention;
}

/** A figure's status follows from who gives it: a group's own count is a claim, an army's or a government's official. */
export function statusOf(kind: Speaker['kind']): Figure['status'] {
  if (kind === 'perpetrator') return 'claimed_by_perpetrator';
  if (kind === 'army' || kind === 'government') return 'official';
  return 'unconfirmed';
}

const list = (locale: 'en' | 'nl' | 'fr', items: string[]) =>
  new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);

/** The dataset's words for a speaker, in en, nl and fr. */
export function speakerLabel(
  kind: Speaker['kind'],
  details: {
    two?: boolean;
    municipal?: boolean;
    actorName?: string;
    countryCodes?: readonly string[];
    place?: string;
    words?: string;
    spokesperson?: boolean;
  },
): LocalText {
  const place = (text: { en: string; nl: string; fr: string }) =>
    details.place
      ? {
          en: `${text.en} in ${details.place}`,
          nl: `${text.nl} in ${details.place}`,
          fr: `${text.fr} à ${details.place}`,
        }
      : text;
  const countries = (details.countryCodes ?? []).map((code) => countryWords(code));
  switch (kind) {
    case 'perpetrator':
      return {
        en: details.actorName ?? 'the group',
        nl: details.actorName ?? 'de groep',
        fr: details.actorName ?? 'le groupe',
      };
    case 'security_sources':
      return details.two
        ? { en: 'two security sources', nl: 'twee veiligheidsbronnen', fr: 'deux sources sécuritaires' }
        : { en: 'security sources', nl: 'veiligheidsbronnen', fr: 'des sources sécuritaires' };
    case 'local_source':
      return place(
        details.municipal
          ? { en: 'a municipal source', nl: 'een gemeentelijke bron', fr: 'une source municipale' }
          : { en: 'a local source', nl: 'een lokale bron', fr: 'une source locale' },
      );
    case 'army': {
      const adjective = countries[0]?.adjective;
      const army = adjective
        ? { en: `the ${adjective.en} army`, nl: `het ${adjective.nl} leger`, fr: `l'armée ${adjective.fr}` }
        : { en: 'the army', nl: 'het leger', fr: "l'armée" };
      return details.spokesperson
        ? {
            en: `a spokesperson for ${army.en}`,
            nl: `een woordvoerder van ${army.nl}`,
            fr: `un porte-parole de ${army.fr}`,
          }
        : army;
    }
    case 'government': {
      const names = countries.flatMap((words) => (words ? [words.country.names] : []));
      if (names.length === 0) return { en: 'the government', nl: 'de regering', fr: 'le gouvernement' };
      const many = names.length > 1;
      return {
        en: `the government${many ? 's' : ''} of ${list(
          'en',
          names.map((n) => n.en),
        )}`,
        nl: `de regering${many ? 'en' : ''} van ${list(
          'nl',
          names.map((n) => n.nl),
        )}`,
        fr: `${many ? 'les gouvernements' : 'le gouvernement'} (${list(
          'fr',
          names.map((n) => n.fr),
        )})`,
      };
    }
    case 'online_video':
      return { en: 'videos shared online', nl: "online gedeelde video's", fr: 'des vidéos partagées en ligne' };
    case 'unattributed':
      return details.words
        ? {
            en: `unattributed ("${details.words}")`,
            nl: `niet toegeschreven ("${details.words}")`,
            fr: `non attribué (« ${details.words} »)`,
          }
        : { en: 'unattributed', nl: 'niet toegeschreven', fr: 'non attribué' };
  }
}
