import { z } from 'zod';
import {
  CountrySchema,
  FigureSchema,
  IncidentSchema,
  SourceSchema,
  StatementSchema,
  TEXT_LANGUAGES,
} from '../dataset/schema.js';

/** What the moderator should check about a record: the drafter's uncertain choices, in plain words. */
const review = z.array(z.string().min(1)).default([]);

/**
 * A draft: records for one new article, for a moderator to check and merge. The records are the dataset's own, each
 * with its `review` notes (dropped on merge); the article travels with them byte for byte.
 */
export const DraftSchema = z.object({
  draft: z.object({
    format: z.literal('sahel-attack-bot draft'),
    version: z.literal(1),
    /** The article's file name as given to the drafter. */
    article: z.string(),
    language: z.enum(TEXT_LANGUAGES),
    /** The day relative dates ("last Sunday") were worked out from. */
    referenceDay: z.string(),
  }),
  source: SourceSchema,
  /** The article's file, byte for byte: written to `sources/` on merge. */
  text: z.string(),
  /** Countries the records name, for a dataset that lacks them. */
  countries: z.array(CountrySchema),
  incidents: z.array(IncidentSchema.extend({ review })),
  figures: z.array(FigureSchema.extend({ review })),
  statements: z.array(StatementSchema.extend({ review })),
  /** Notes about the article as a whole: what the drafter saw and left out. */
  review,
});

export type Draft = z.infer<typeof DraftSchema>;
export type DraftIncident = Draft['incidents'][number];
export type DraftFigure = Draft['figures'][number];
export type DraftStatement = Draft['statements'][number];
