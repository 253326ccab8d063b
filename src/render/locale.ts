/** The languages replies are written in. Quotes stay in their source language whatever this is. */
export const LOCALES = ['en', 'nl', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** Discord sends `nl` for Dutch and `fr` for French users; everyone else gets English. */
export function toLocale(discordLocale: string | null | undefined): Locale {
  const language = discordLocale?.toLowerCase().slice(0, 2);
  return LOCALES.find((locale) => locale === language) ?? 'en';
}

const TAGS: Record<Locale, string> = { en: 'en-GB', nl: 'nl-NL', fr: 'fr-FR' };

/** The BCP 47 tag the Intl formatters take. */
export function localeTag(locale: Locale): string {
  return TAGS[locale];
}

/** A phrase in each plural category the language has ("other" always, "one" for English and Dutch). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const pluralRules = new Map<Locale, Intl.PluralRules>();
const lists = new Map<string, Intl.ListFormat>();

/** The form of `forms` for `n`, with `{n}` filled in as the language writes numbers. */
export function plural(forms: PluralForms, n: number, locale: Locale): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(localeTag(locale));
    pluralRules.set(locale, rules);
  }
  const form = forms[rules.select(n)] ?? forms.other;
  return form.replace(/\{n\}/g, formatNumber(n, locale));
}

export function formatNumber(n: number, locale: Locale): string {
  return n.toLocaleString(localeTag(locale));
}

/** "JNIM, ISSP and Katiba Macina", "JNIM en ISSP": items already made safe to show. */
export function listOf(items: readonly string[], locale: Locale, type: 'conjunction' | 'disjunction' = 'conjunction') {
  const key = `${locale}:${type}`;
  let format = lists.get(key);
  if (!format) {
    format = new Intl.ListFormat(localeTag(locale), { style: 'long', type });
    lists.set(key, format);
  }
  return format.format(items);
}
