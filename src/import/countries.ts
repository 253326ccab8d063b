import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import type { Country } from '../dataset/schema.js';

const require = createRequire(import.meta.url);
for (const language of ['en', 'nl', 'fr'])
  countries.registerLocale(require(`i18n-iso-countries/langs/${language}.json`));

/** Names people use, where the library gives a formal one ("Republiek Mali"). */
const SHORT_NAMES: Readonly<Record<string, Country['names']>> = {
  ML: { en: 'Mali', nl: 'Mali', fr: 'Mali' },
  BF: { en: 'Burkina Faso', nl: 'Burkina Faso', fr: 'Burkina Faso' },
  NE: { en: 'Niger', nl: 'Niger', fr: 'Niger' },
  TD: { en: 'Chad', nl: 'Tsjaad', fr: 'Tchad' },
  MR: { en: 'Mauritania', nl: 'Mauritanië', fr: 'Mauritanie' },
  NG: { en: 'Nigeria', nl: 'Nigeria', fr: 'Nigeria' },
};

/** The countries an import meets, by ISO 3166 alpha-2 code, with names in the bot's languages. */
export class CountryTable {
  readonly #countries = new Map<string, Country>();

  /**
   * The alpha-2 code for an ISO numeric code (ACLED `iso`) or, failing that, an English name (UCDP `country`,
   * old ACLED files): UCDP's `country_id` is a Gleditsch-Ward code, not ISO, so it is not used.
   */
  codeOf(numeric: string, name: string): string | undefined {
    const code =
      (numeric !== '' ? countries.numericToAlpha2(numeric.padStart(3, '0')) : undefined) ??
      countries.getAlpha2Code(name.replace(/\s*\(.*\)$/, ''), 'en');
    if (code === undefined) return undefined;
    if (!this.#countries.has(code)) {
      this.#countries.set(code, {
        code,
        names: SHORT_NAMES[code] ?? {
          en: countries.getName(code, 'en') ?? code,
          nl: countries.getName(code, 'nl') ?? code,
          fr: countries.getName(code, 'fr') ?? code,
        },
      });
    }
    return code;
  }

  get countries(): Country[] {
    return [...this.#countries.values()];
  }
}
