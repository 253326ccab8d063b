/** The languages replies are written in. Quotes stay in their source language whatever this is. */
export type Locale = 'en' | 'nl';

/** Discord sends `nl` for Dutch users; everyone else gets English. */
export function toLocale(discordLocale: string | null | undefined): Locale {
  return discordLocale?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}
