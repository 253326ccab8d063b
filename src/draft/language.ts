import type { DraftLanguage } from './dates.js';

const WORDS: Record<DraftLanguage, RegExp> = {
  en: /\b(?:the|and|of|was|were|said|that|with|has|by)\b/giu,
  nl: /\b(?:het|een|van|dat|zijn|werd|werden|bij|volgens|niet|heeft|zij)\b/giu,
  fr: /\b(?:le|la|les|des|du|et|est|sont|dans|selon|une|ont|avait)\b/giu,
};

/** The article's language by its commonest short words; English when nothing tells. */
export function guessLanguage(text: string): DraftLanguage {
  const scores = (Object.keys(WORDS) as DraftLanguage[]).map((language) => ({
    language,
    score: text.match(WORDS[language])?.length ?? 0,
  }));
  scores.sort((a, b) => b.score - a.score);
  return scores[0]?.language ?? 'en';
}
