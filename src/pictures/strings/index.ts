import type { Locale } from '../../render/locale.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';
import type { PictureStrings } from './pictureStrings.js';

export type { PictureStrings } from './pictureStrings.js';

const BY_LOCALE: Record<Locale, PictureStrings> = { en, nl, fr };

export function pictureStringsFor(locale: Locale): PictureStrings {
  return BY_LOCALE[locale];
}
