import { z } from 'zod';
import { FigureSchema, FigureValueSchema, SourceSchema, StatementSchema } from '../dataset/schema.js';
import type { MessagePayload } from '../render/payload.js';

/** Raised whenever a field changes meaning or goes away; a new field alone keeps the version. */
export const ANSWER_JSON_VERSION = 1;

export const IncidentJsonSchema = z.object({
  id: z.string(),
  /** The place's name as the source gives it. */
  place: z.string(),
  countryCode: z.string(),
  /** YYYY-MM-DD or YYYY-MM, as in the dataset. */
  date: z.string(),
});

/** A figure as the dataset has it, and how it enters a toll. */
export const FigureJsonSchema = FigureSchema.pick({
  id: true,
  counts: true,
  value: true,
  saidBy: true,
  status: true,
  scope: true,
  quotes: true,
}).extend({
  /** In a toll, how the figure counts; `region_wide`: an aggregate over several countries; null outside a toll. */
  role: z.enum(['counted', 'overlap', 'claim_only_source', 'claim_overlaps_report', 'region_wide']).nullable(),
});

export const StatementJsonSchema = StatementSchema.pick({
  id: true,
  kind: true,
  saidBy: true,
  scope: true,
  quote: true,
});

/** A country's toll of one kind of count: what `/toll` adds up, and what it keeps apart. */
export const TotalJsonSchema = z.object({
  countryCode: z.string(),
  counts: FigureSchema.shape.counts,
  /** The sum of independent reports that do not overlap; null when there is none. */
  reported: FigureValueSchema.nullable(),
  /** The sum of claims about attacks no independent report covers: never part of `reported`. */
  claimedOnly: FigureValueSchema.nullable(),
  claimants: z.array(z.string()),
  /** The ids of the figures added up in `reported`: each about attacks none of the others covers. */
  reports: z.array(z.string()),
  /** The ids of the claims added up in `claimedOnly`. */
  claims: z.array(z.string()),
});

const { id, title, date, language, publisher } = SourceSchema.shape;
export const SourceJsonSchema = z.object({ id, title, date, language, publisher });

/** What `npm run -s ask -- --json` prints: one object, every key always present. */
export const AnswerJsonSchema = z.object({
  schemaVersion: z.literal(ANSWER_JSON_VERSION),
  /** What the answer is; `info` for what answers no question (/help, /about, /dataset status). */
  kind: z.enum(['incident', 'choose', 'list', 'toll', 'region', 'not_found', 'error', 'info']),
  /** With kind `error`: why there is no answer. */
  error: z
    .enum([
      'empty_query',
      'query_too_long',
      'unknown_command',
      'bad_date',
      'bad_period',
      'unknown_target',
      'refused',
      'failed',
      'crash',
    ])
    .nullable(),
  /** What was looked up, where the answer says (choose, not_found, error). */
  query: z.string().nullable(),
  /** The incidents answered, best first; with `choose`, the ones to choose from. */
  incidents: z.array(IncidentJsonSchema),
  /**
   * With `choose`, `list`, `toll` and `region`: how many incidents matched (`incidents` lists one page, a toll's
   * newest 30 of each country, or fewer).
   */
  matched: z.number().int().nullable(),
  /** Each figure once, even where a region's countries share it. */
  figures: z.array(FigureJsonSchema),
  statements: z.array(StatementJsonSchema),
  totals: z.array(TotalJsonSchema),
  /** With `not_found`: "did you mean". */
  suggestions: z.array(z.string()),
  /** The sources the quotes come from. */
  sources: z.array(SourceJsonSchema),
  /**
   * The message the bot would send (embeds): null for a plain text. Its `files` (the pictures) are listed by name,
   * size and where `--images` wrote them, never as bytes.
   */
  message: z
    .custom<MessageJson>((value) => typeof value === 'object' && value !== null && 'embeds' in value)
    .nullable(),
  /** A plain-text result (/help); null otherwise. */
  text: z.string().nullable(),
});

/** A file sent with a message, as `ask --json` lists it. */
export interface FileJson {
  readonly name: string;
  readonly description: string | null;
  readonly bytes: number;
  /** Where `--images` wrote it; null when it was not written. */
  readonly path: string | null;
}

export type MessageJson = Omit<MessagePayload, 'files'> & { files?: FileJson[] };

export type AnswerJson = z.infer<typeof AnswerJsonSchema>;
export type IncidentJson = z.infer<typeof IncidentJsonSchema>;
export type FigureJson = z.infer<typeof FigureJsonSchema>;
export type StatementJson = z.infer<typeof StatementJsonSchema>;
export type SourceJson = z.infer<typeof SourceJsonSchema>;
