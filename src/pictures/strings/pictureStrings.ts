import type { Locale, PluralForms } from '../../render/locale.js';

/** Every word the pictures show, in each reply language (tsc flags a missing one). */
export interface PictureStrings {
  readonly locale: Locale;
  /** "{n} reported attacks" over a country's or the region's map. */
  readonly attacksTitle: PluralForms;
  /** "{n} attacks without a position (not drawn)". */
  readonly withoutPosition: PluralForms;
  readonly legendReport: string;
  readonly legendClaim: string;
  readonly legendNoFigure: string;
  readonly legendNear: string;
  readonly legendArea: string;
  readonly legendNearby: string;
  readonly legendTogether: string;
  /** Binned map: a circle's size is the number of attacks in its area. */
  readonly legendBinned: string;
  /** After a claim's number: "40 claimed". */
  readonly claimed: string;
  readonly noFigureMark: string;
  /** Timeline bars: attacks with an independent figure, with a perpetrator's claim only, with no figure. */
  readonly timelineReport: string;
  readonly timelineClaim: string;
  readonly timelineNone: string;
  readonly perWeek: string;
  readonly perMonth: string;
  /** Attacks whose date the sources give to the month only, drawn apart. */
  readonly monthOnly: string;
  readonly credit: string;
  /** Alt texts of the attachments. */
  readonly mapAlt: string;
  readonly timelineAlt: string;
  /** Names of the countries a map may show that a dataset does not name, by ISO alpha-2 code. */
  readonly countryNames: Readonly<Record<string, string>>;
}
