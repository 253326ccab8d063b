import type { LocalText } from '../dataset/schema.js';

export type BasisFacts =
  | { kind: 'stated'; words: string; month: boolean }
  | { kind: 'claim'; words: string }
  | { kind: 'relative'; words: string; value: string; reference: string; claim: boolean }
  | { kind: 'none'; articleDate: string };

/** Why a drafted date is what it is, naming the article's words, in en, nl and fr. */
export function basisOf(facts: BasisFacts): LocalText {
  switch (facts.kind) {
    case 'stated':
      return {
        en: `"${facts.words}"${facts.month ? ', a month without a day' : ''}. Any year left out comes from the article's date.`,
        nl: `"${facts.words}"${facts.month ? ', een maand zonder dag' : ''}. Een weggelaten jaar komt uit de datum van het artikel.`,
        fr: `« ${facts.words} »${facts.month ? ', un mois sans jour' : ''}. L'année omise vient de la date de l'article.`,
      };
    case 'claim':
      return {
        en: `"${facts.words}" is the day of the claim; the attack was on or before it.`,
        nl: `"${facts.words}" is de dag van de claim; de aanval was op of voor die dag.`,
        fr: `« ${facts.words} » est le jour de la revendication ; l'attaque a eu lieu ce jour-là ou avant.`,
      };
    case 'relative': {
      const claim = facts.claim
        ? {
            en: ' It may date the claim; the attack was on or before it.',
            nl: ' Het kan de datum van de claim zijn; de aanval was op of voor die dag.',
            fr: " Elle peut dater la revendication ; l'attaque a eu lieu ce jour-là ou avant.",
          }
        : { en: '', nl: '', fr: '' };
      return {
        en: `"${facts.words}", counted back from ${facts.reference}: ${facts.value}.${claim.en}`,
        nl: `"${facts.words}", teruggerekend vanaf ${facts.reference}: ${facts.value}.${claim.nl}`,
        fr: `« ${facts.words} », compté à rebours depuis le ${facts.reference} : ${facts.value}.${claim.fr}`,
      };
    }
    case 'none':
      return {
        en: `The article gives no date; its own (${facts.articleDate}) stands in.`,
        nl: `Het artikel geeft geen datum; die van het artikel (${facts.articleDate}) staat ervoor in de plaats.`,
        fr: `L'article ne donne pas de date ; la sienne (${facts.articleDate}) la remplace.`,
      };
  }
}
