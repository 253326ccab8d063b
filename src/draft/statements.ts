import type { Statement } from '../dataset/schema.js';
import { u } from './unicodeWords.js';

// Silence about casualties, in the three languages. The first that matches wins.
const RULES: readonly [Statement['kind'], RegExp][] = [
  [
    'no_official_toll',
    u(
      /\bno official (?:death )?toll|(?:has|have) not (?:published|released|given) (?:an? )?official|geen officieel dodental|officieel dodental\b.*\b(?:gepubliceerd|bekendgemaakt)|(?:aucun|pas de|n'ont? (?:pas )?publié de) bilan officiel|bilan officiel n'a/iu,
    ),
  ],
  [
    'declined_to_answer',
    /did not (?:answer|respond|reply)|declined to (?:comment|answer|give)|refused to (?:comment|give)|could not be reached|gaf geen antwoord|weigerde|reageerde niet|wilde niet|n'a pas répondu|n’a pas répondu|a refusé de|n'ont pas répondu|injoignable/iu,
  ],
  [
    'no_casualty_figures',
    /without (?:giving|providing|disclosing) (?:any )?(?:casualty|death)|no casualty (?:figures|numbers)|did not give (?:a |any )?(?:toll|casualty|figures)|zonder aantallen|geen aantallen slachtoffers|geen (?:slachtoffer|dodental)|sans (?:donner|préciser|communiquer) (?:de |le )?(?:bilan|nombre)|aucun bilan n'a|sans bilan/iu,
  ],
  [
    'many_dead',
    u(
      u(
        /\bmany (?:dead|killed|casualties)|heavy (?:casualties|losses)|veel doden|vele doden|zware verliezen|de nombreux morts|beaucoup de morts|lourdes pertes|nombreuses victimes/iu,
      ),
    ),
  ],
];

/** What a clause says about casualties without a number, if anything. */
export function statementKindOf(text: string): Statement['kind'] | undefined {
  for (const [kind, words] of RULES) if (words.test(text)) return kind;
  return undefined;
}
