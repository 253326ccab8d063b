import type { Actor, Incident } from '../dataset/schema.js';
import { u } from './unicodeWords.js';

export interface ActorMention {
  readonly actorId: string;
  readonly index: number;
  readonly words: string;
}

const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");

/** The dataset's actors a text names, by name or alias ("JNIM", "JNIM-groep", "GSIM"), in order. */
export function findActors(text: string, actors: readonly Actor[]): ActorMention[] {
  const found: ActorMention[] = [];
  for (const actor of actors) {
    for (const name of [actor.name, ...actor.aliases]) {
      const pattern = new RegExp(`(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])`, 'gu');
      for (const match of text.matchAll(pattern)) {
        const index = match.index ?? 0;
        if (found.some((m) => m.index === index)) continue;
        found.push({ actorId: actor.id, index, words: match[0] });
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

// A group that says it did it: "claimed", "opgeëist", "eiste … op", "revendiqué"; "the group said it had attacked".
const CLAIM = u(
  /claim(?:ed|s)? (?:responsibility|the attack|attacks?)|claimed\b|opge[eë]ist|\beiste\b[^.]*\bop\b|\beisen\b[^.]*\bop\b|revendiqu|(?:said|says|announced|reported|verklaarde|meldde|zei|a (?:déclaré|affirmé|annoncé)|affirme|annonce)\b[^.]{0,80}\b(?:it|zij|ze|il|elle)\b[^.]{0,120}?\b(?:had|has|avait|a|heeft)?\s*(?:attacked|taken|seized|overrun|killed|aangevallen|ingenomen|veroverd|gedood|attaqué|pris|tué|s'est emparé)/iu,
);
// "Nobody has claimed the attack", "niet opgeëist", "n'a pas été revendiquée": no claim.
const UNCLAIMED = u(
  /\b(?:nobody|no one|no group|niemand|geen enkele groep|aucun groupe|personne)\b[^.]{0,30}(?:claim|opge[eë]ist|revendiqu)|(?:not|niet|pas|jamais) (?:yet )?(?:been )?(?:été )?(?:claimed|opge[eë]ist|revendiqu)|unclaimed/iu,
);
// Others who put it on a group: "blamed on", "accused", "suspected", "attributed to", "toegeschreven", "imputée".
const ALLEGED =
  /blam(?:ed|es)|accus(?:ed|e|ent|é)|suspect|attributed to|toegeschreven|verdacht|beschuldig|imput|attribu[ée]e? (?:à|au)|presumed|présumés?|vermoedelijk/iu;

/** How the text ties an attack to a group: it claimed it, someone else put it on it, or nothing is said. */
export function attributionIn(text: string): Exclude<Incident['perpetrator']['attribution'], 'not_stated'> | undefined {
  if (CLAIM.test(text) && !UNCLAIMED.test(text)) return 'claimed';
  if (ALLEGED.test(text)) return 'alleged';
  return undefined;
}

// "the group", "de groep", "zij", "le groupe", "the jihadists": a group named in an earlier sentence.
const GROUP_REFERENCE = u(
  u(
    /\b(?:the group|de groep|le groupe|la groupe|l'organisation|the militants|de groepering|het netwerk)\b|^(?:zij|ze|it|il|elle)\b/iu,
  ),
);
const GROUP_WORD = u(u(/\bgroup|groep|groepering|groupe|organisation|organization|netwerk/iu));

/** Whether a sentence speaks of a group without naming it ("de groep verklaarde", "Afgelopen vrijdag meldde zij"). */
export function refersToGroup(text: string): boolean {
  return (
    GROUP_REFERENCE.test(text) || /\b(?:meldde|verklaarde|eiste) zij\b|\bit (?:said|claimed|reported)\b/iu.test(text)
  );
}

/** Whether the text speaks of an unnamed group ("an Al Qaeda-affiliated group"). */
export function mentionsGroup(text: string): boolean {
  return GROUP_WORD.test(text);
}
