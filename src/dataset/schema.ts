import { z } from 'zod';

/**
 * The dataset's shape. Modelled on ACLED (event date + time precision, actor, fatalities, source, notes)
 * and UCDP GED (low/best/high estimates, date and place precision, `source_original`: who said it).
 * Every type the rest of the code uses about data is inferred from here.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase id of letters, digits and dashes');
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 alpha-2 code such as "ML"');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** The languages the dataset's own words may come in: the bot's reply languages. */
export const TEXT_LANGUAGES = ['en', 'nl', 'fr'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/**
 * The dataset editors' own words (a basis, a note, who said it): English, alone or with other languages beside it.
 * A reader whose language is missing gets the English, marked as such.
 */
export const LocalTextSchema = z.union([
  nonEmpty,
  z.object({ en: nonEmpty, nl: nonEmpty.optional(), fr: nonEmpty.optional() }).strict(),
]);

/** Whether "YYYY-MM" or "YYYY-MM-DD" names a month or a day that exists: "2025-02-30" and "2025-13" do not. */
export function isCalendarDate(value: string): boolean {
  const [year = 0, month = 0, day] = value.split('-').map(Number);
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** As the calendar of `Date` counts them, where years 0 to 99 stand for 1900 to 1999. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const calendarYear = year >= 0 && year <= 99 ? 1900 + year : year;
    const leap = (calendarYear % 4 === 0 && calendarYear % 100 !== 0) || calendarYear % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A month (YYYY-MM) or a day (YYYY-MM-DD) of the calendar. */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected YYYY-MM or YYYY-MM-DD')
  .refine(isCalendarDate, 'not a date of the calendar (month 01 to 12, a day the month has)');

/** A day of the calendar (YYYY-MM-DD). */
const day = calendarDate.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** A day precision needs YYYY-MM-DD, a month precision YYYY-MM. `field` names the date's field, for the problem. */
function precisionMatches(
  date: { value: string; precision: 'day' | 'week' | 'month' },
  context: z.core.$RefinementCtx,
  field: string,
): void {
  const dayPrecision = date.precision !== 'month';
  if (dayPrecision !== /^\d{4}-\d{2}-\d{2}$/.test(date.value)) {
    context.addIssue({
      code: 'custom',
      path: [field],
      message: `precision "${date.precision}" expects ${dayPrecision ? 'YYYY-MM-DD' : 'YYYY-MM'}`,
    });
  }
}

/** What an attack was on. */
export const TARGETS = [
  'military_base',
  'military_positions',
  'military_positions_and_town',
  'military_convoy',
  'patrol',
  'checkpoint',
  'police_post',
  'town',
  'village',
  'civilians',
  'displacement_camp',
  'market',
  'place_of_worship',
  'school',
  'health_facility',
  'mine',
  'infrastructure',
  'government_building',
  'unspecified',
] as const;

export const QuoteSchema = z.object({
  sourceId: id,
  /** Verbatim source text (only whitespace may differ). */
  text: nonEmpty,
  /** The dataset editors' translations, by language: always shown as a translation, never as a quote. */
  translations: z
    .object({ en: nonEmpty.optional(), nl: nonEmpty.optional(), fr: nonEmpty.optional() })
    .strict()
    .optional(),
});

export const SourceSchema = z
  .object({
    id,
    /** Path of the verbatim text, relative to the dataset folder. */
    file: nonEmpty,
    /** Exact text the file starts with that is not source text (a date marker, say): never quotable. */
    header: z.string().default(''),
    language: z.string().regex(/^[a-z]{2}$/, 'expected an ISO 639-1 language code such as "nl"'),
    /** When the source was published, as precisely as known: what "last Sunday" is worked out from. */
    date: calendarDate,
    datePrecision: z.enum(['day', 'month']),
    /** The day of publication, where the source gives it more precisely than `date`. */
    published: day.optional(),
    /** The day our copy of the text was taken. */
    accessed: day.optional(),
    /** Who published it; null or left out: unknown. */
    publisher: nonEmpty.nullable().default(null),
    /** The source's own headline, verbatim, where our copy has one. */
    headline: nonEmpty.optional(),
    /** Where the source can be read. */
    url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
    /** How the bot names the source: our words, not the source's. */
    title: LocalTextSchema,
    description: LocalTextSchema,
    /** Set when the source is a conflict dataset's records (its incidents carry `datasetRecord`), not a text. */
    kind: z.literal('dataset_records').optional(),
  })
  .superRefine((source, context) => {
    precisionMatches({ value: source.date, precision: source.datePrecision }, context, 'date');
    if (source.published !== undefined && !source.published.startsWith(source.date)) {
      context.addIssue({
        code: 'custom',
        path: ['published'],
        message: `${source.published} is not within the source's date (${source.date})`,
      });
    }
    if (source.accessed !== undefined && source.accessed < (source.published ?? source.date)) {
      context.addIssue({
        code: 'custom',
        path: ['accessed'],
        message: `${source.accessed} is before the source was published (${source.published ?? source.date})`,
      });
    }
  });

export const CountrySchema = z.object({
  code: countryCode,
  names: z.object({ en: nonEmpty, nl: nonEmpty, fr: nonEmpty }),
});

export const ActorSchema = z.object({
  id,
  name: nonEmpty,
  /** Other names and acronyms, used only to find the actor: not facts from a source. */
  aliases: z.array(nonEmpty).default([]),
  description: LocalTextSchema,
});

/** Who reported something: UCDP GED's `source_original`. */
export const SpeakerSchema = z.object({
  kind: z.enum([
    'perpetrator',
    'security_sources',
    'army',
    'government',
    'local_source',
    'online_video',
    'unattributed',
  ]),
  /** Human description, e.g. "two security sources". */
  label: LocalTextSchema,
  actorId: id.optional(),
  countryCode: countryCode.optional(),
});

export const IncidentDateSchema = z
  .object({
    /** YYYY-MM-DD for day or week precision, YYYY-MM for month precision. */
    value: calendarDate,
    /** ACLED time_precision: 1 day, 2 week, 3 month. */
    precision: z.enum(['day', 'week', 'month']),
    /** stated: the source gives the attack date; claim_date: the source dates the claim, not the attack; inferred: worked out from relative wording. */
    derivation: z.enum(['stated', 'claim_date', 'inferred']),
    /** Why this date, naming the words it rests on. */
    basis: LocalTextSchema,
  })
  .superRefine((date, context) => precisionMatches(date, context, 'value'));

export const OutcomeSchema = z.object({
  outcome: z.enum(['captured', 'attacked', 'repelled', 'withdrew', 'camp_emptied', 'overrun']),
  saidBy: SpeakerSchema,
  quote: QuoteSchema,
});

/** A point on the map, never shown as more exact than it is. */
export const CoordinatesSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** After ACLED's geo_precision: the place itself, near it, or only a region (its centre stands in). */
  precision: z.enum(['place', 'near_place', 'admin_area']),
  /** Where the point comes from: a named gazetteer entry, an approximate centroid, or a dataset's own coding. */
  basis: z.object({ kind: z.enum(['gazetteer', 'centroid', 'dataset']), name: nonEmpty }),
});

// --- Records imported from conflict datasets (ACLED, UCDP GED): the dataset's own coding, kept as what it is. ---

/** The conflict datasets an importer reads. */
export const CONFLICT_DATASETS = ['acled', 'ucdp_ged'] as const;

/** A dataset's death count for one record, in the dataset's own terms: never a figure a source gave. */
export const DatasetDeathsSchema = z.discriminatedUnion('kind', [
  /** ACLED `fatalities`: a conservative estimate of all deaths, every side; 0 means none reported, not none. */
  z.object({ kind: z.literal('acled_estimate'), number: z.number().int().min(0) }),
  /** UCDP `best` with `low`..`high`, and the best estimate's deaths suffered by each side (they sum to `best`). */
  z.object({
    kind: z.literal('ucdp_range'),
    best: z.number().int().min(0),
    low: z.number().int().min(0),
    high: z.number().int().min(0),
    /** Left out when the export does not give all four. */
    bySide: z
      .object({
        sideA: z.number().int().min(0),
        sideB: z.number().int().min(0),
        civilians: z.number().int().min(0),
        unknown: z.number().int().min(0),
      })
      .optional(),
  }),
]);

/** One row of a conflict dataset: the source of an imported incident is this record, not a news report. */
export const DatasetRecordSchema = z.object({
  dataset: z.enum(CONFLICT_DATASETS),
  /** ACLED `event_id_cnty`, UCDP `id`. */
  recordId: nonEmpty,
  /** ACLED `notes`, verbatim: the dataset's own summary, never a quotation of a news source. */
  summary: nonEmpty.optional(),
  /** The sources the dataset names (ACLED `source`, UCDP `source_office`): names only, not quotes. */
  sourceNames: z.array(nonEmpty).default([]),
  /** UCDP `source_headline`, verbatim: the outlets' headlines as UCDP records them. */
  headline: nonEmpty.optional(),
  /** UCDP `source_original`: whom the outlets relied on. */
  originalSource: nonEmpty.optional(),
  /** The dataset's event type (ACLED event_type / sub_event_type; UCDP type of violence). */
  eventType: nonEmpty,
  /** The actors as the dataset names them; their order says nothing about who attacked. */
  actors: z.array(nonEmpty).default([]),
  /** The first and last day the event may have happened on (ACLED time_precision, UCDP date_start..date_end). */
  period: z.object({ start: day, end: day }),
  deaths: DatasetDeathsSchema,
});

export const IncidentSchema = z.object({
  id,
  place: z.object({
    name: nonEmpty,
    /** Other spellings of the same place. */
    aliases: z.array(nonEmpty).default([]),
    /** Places the source mentions as nearby (where a local source sits, say). */
    nearby: z.array(nonEmpty).default([]),
    /** The area the place lies in, in the editors' words ("central Mali"). */
    adminArea: LocalTextSchema.nullable(),
    /** UCDP where_prec, simplified: how exactly the place is known. */
    precision: z.enum(['place', 'near_place', 'admin_area']),
    /** Where the nearby places are, by a name from `nearby`. */
    nearbyLocations: z.array(z.object({ name: nonEmpty, location: CoordinatesSchema })).default([]),
  }),
  location: CoordinatesSchema.optional(),
  countryCode,
  /** What was attacked, in the words news reports use; the kinds follow ACLED's sub-event vocabulary where it fits. */
  target: z.enum(TARGETS),
  date: IncidentDateSchema,
  perpetrator: z.object({
    actorId: id.nullable(),
    attribution: z.enum(['claimed', 'alleged', 'not_stated']),
    quote: QuoteSchema.optional(),
  }),
  outcomes: z.array(OutcomeSchema).default([]),
  sourceIds: z.array(id).min(1, 'an incident needs at least one source'),
  notes: LocalTextSchema.optional(),
  /** Set when the incident is one row of a conflict dataset (its source is then the dataset). */
  datasetRecord: DatasetRecordSchema.optional(),
});

export const FigureValueSchema = z.discriminatedUnion('qualifier', [
  z.object({ qualifier: z.enum(['exact', 'more_than', 'at_least', 'about']), number: z.number().int().min(0) }),
  z.object({ qualifier: z.literal('range'), low: z.number().int().min(0), high: z.number().int().min(0) }),
]);

export const FigureScopeSchema = z.discriminatedUnion('kind', [
  /** One figure for one or more attacks together: never split, never counted once per attack. */
  z.object({ kind: z.literal('incidents'), incidentIds: z.array(id).min(1) }),
  /** An aggregate over several countries: never attached to one of them. */
  z.object({ kind: z.literal('region'), countryCodes: z.array(countryCode).min(1), period: LocalTextSchema }),
]);

export const FigureSchema = z.object({
  id,
  counts: z.enum(['soldiers_killed', 'civilians_killed', 'people_killed', 'wounded']),
  value: FigureValueSchema,
  saidBy: SpeakerSchema,
  status: z.enum(['claimed_by_perpetrator', 'unconfirmed', 'disputed', 'official', 'confirmed']),
  scope: FigureScopeSchema,
  /** The first quote is the one shown; more may back the same figure. */
  quotes: z.array(QuoteSchema).min(1, 'a figure needs the verbatim quote it rests on'),
});

/** Something said about casualties without a number: silence is information too. */
export const StatementSchema = z.object({
  id,
  kind: z.enum(['no_casualty_figures', 'declined_to_answer', 'no_official_toll', 'many_dead']),
  saidBy: SpeakerSchema,
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('incidents'), incidentIds: z.array(id).min(1) }),
    z.object({ kind: z.literal('countries'), countryCodes: z.array(countryCode).min(1) }),
  ]),
  quote: QuoteSchema,
});

export const DatasetFileSchema = z.object({
  /** Where editors find the JSON Schema of this file (docs/dataset.schema.json); the loader ignores it. */
  $schema: z.string().optional(),
  sources: z.array(SourceSchema).min(1, 'the dataset needs at least one source'),
  countries: z.array(CountrySchema),
  actors: z.array(ActorSchema),
  /** Records may also (or only) come one a line from `incidents.jsonl`, `figures.jsonl`, `statements.jsonl`. */
  incidents: z.array(IncidentSchema).default([]),
  figures: z.array(FigureSchema).default([]),
  statements: z.array(StatementSchema).default([]),
});

export type LocalText = z.infer<typeof LocalTextSchema>;

/** The English of the editors' words: what tells two of them apart. */
export function englishOf(text: LocalText): string {
  return typeof text === 'string' ? text : text.en;
}

/** Every language's version of the editors' words: what a search may meet. */
export function everyVariantOf(text: LocalText): string[] {
  return typeof text === 'string' ? [text] : Object.values(text).filter((variant) => variant !== undefined);
}
export type Quote = z.infer<typeof QuoteSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Country = z.infer<typeof CountrySchema>;
export type Actor = z.infer<typeof ActorSchema>;
export type Speaker = z.infer<typeof SpeakerSchema>;
export type IncidentDate = z.infer<typeof IncidentDateSchema>;
export type Outcome = z.infer<typeof OutcomeSchema>;
export type Incident = z.infer<typeof IncidentSchema>;
export type Coordinates = z.infer<typeof CoordinatesSchema>;
export type FigureValue = z.infer<typeof FigureValueSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type Statement = z.infer<typeof StatementSchema>;
export type DatasetFile = z.infer<typeof DatasetFileSchema>;
export type DatasetRecord = z.infer<typeof DatasetRecordSchema>;
export type DatasetDeaths = z.infer<typeof DatasetDeathsSchema>;
