import { z } from 'zod';
import type { Answer, CountryToll, FigureView } from '../answers/answer.js';
import {
  FigureSchema,
  FigureValueSchema,
  type Incident,
  type Source,
  SourceSchema,
  type Statement,
  StatementSchema,
} from '../dataset/schema.js';
import type { MessagePayload } from '../render/payload.js';
import type { LineOutcome } from './answerLine.js';

/** Raised whenever a field changes meaning or goes away; a new field alone keeps the version. */
export const ANSWER_JSON_VERSION = 1;

const IncidentJsonSchema = z.object({
  id: z.string(),
  /** The place's name as the source gives it. */
  place: z.string(),
  countryCode: z.string(),
  /** YYYY-MM-DD or YYYY-MM, as in the dataset. */
  date: z.string(),
});

/** A figure as the dataset has it, and how it enters a toll. */
const FigureJsonSchema = FigureSchema.pick({
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

const StatementJsonSchema = StatementSchema.pick({ id: true, kind: true, saidBy: true, scope: true, quote: true });

/** A country's toll of one kind of count: what `/toll` adds up, and what it keeps apart. */
const TotalJsonSchema = z.object({
  countryCode: z.string(),
  counts: FigureSchema.shape.counts,
  /** The sum of independent reports that do not overlap; null when there is none. */
  reported: FigureValueSchema.nullable(),
  /** The sum of claims about attacks no independent report covers: never part of `reported`. */
  claimedOnly: FigureValueSchema.nullable(),
  claimants: z.array(z.string()),
  reporters: z.array(z.object({ status: FigureSchema.shape.status, label: z.string() })),
});

const SourceJsonSchema = SourceSchema.pick({ id: true, title: true, date: true, language: true, publisher: true });

/** What `npm run -s ask -- --json` prints: one object, every key always present. */
export const AnswerJsonSchema = z.object({
  schemaVersion: z.literal(ANSWER_JSON_VERSION),
  /** What the answer is; `info` for what answers no question (/help, /about, /dataset status). */
  kind: z.enum(['incident', 'choose', 'toll', 'region', 'not_found', 'error', 'info']),
  /** With kind `error`: why there is no answer. */
  error: z.enum(['empty_query', 'query_too_long', 'unknown_command', 'refused', 'failed', 'crash']).nullable(),
  /** What was looked up, where the answer says (choose, not_found, error). */
  query: z.string().nullable(),
  /** The incidents answered, best first; with `choose`, the ones to choose from. */
  incidents: z.array(IncidentJsonSchema),
  /** With `choose`: how many incidents matched (`incidents` may list fewer). */
  matched: z.number().int().nullable(),
  /** Each figure once, even where a region's countries share it. */
  figures: z.array(FigureJsonSchema),
  statements: z.array(StatementJsonSchema),
  totals: z.array(TotalJsonSchema),
  /** With `not_found`: "did you mean". */
  suggestions: z.array(z.string()),
  /** The sources the quotes come from. */
  sources: z.array(SourceJsonSchema),
  /** The message the bot would send (embeds): null for a plain text. */
  message: z
    .custom<MessagePayload>((value) => typeof value === 'object' && value !== null && 'embeds' in value)
    .nullable(),
  /** A plain-text result (/help); null otherwise. */
  text: z.string().nullable(),
});

export type AnswerJson = z.infer<typeof AnswerJsonSchema>;
type FigureJson = z.infer<typeof FigureJsonSchema>;

const NOTHING: AnswerJson = {
  schemaVersion: ANSWER_JSON_VERSION,
  kind: 'info',
  error: null,
  query: null,
  incidents: [],
  matched: null,
  figures: [],
  statements: [],
  totals: [],
  suggestions: [],
  sources: [],
  message: null,
  text: null,
};

/** Whatever a line got, as JSON: an answer, a reply that answers no question (/about), a text (/help), a crash. */
export function outcomeJson(outcome: LineOutcome): AnswerJson {
  switch (outcome.kind) {
    case 'quit':
      return { ...NOTHING, text: '' };
    case 'text':
      return { ...NOTHING, text: outcome.text };
    case 'crash':
      return { ...NOTHING, kind: 'error', error: 'crash', message: outcome.reply.payload };
    case 'reply': {
      const { reply } = outcome;
      if (reply.answer) return answerJson(reply.answer, reply.payload);
      if (reply.kind === 'refused') return { ...NOTHING, kind: 'error', error: 'refused', message: reply.payload };
      // A reply of kind error without an answer: a command that could not do it (a refresh's dataset has problems).
      if (reply.kind === 'error') return { ...NOTHING, kind: 'error', error: 'failed', message: reply.payload };
      return { ...NOTHING, message: reply.payload };
    }
  }
}

/** An answer as JSON: the records it rests on, as the dataset has them, beside the message rendered from it. */
export function answerJson(answer: Answer, message: MessagePayload | null): AnswerJson {
  const base = { ...NOTHING, kind: answer.kind, message };
  switch (answer.kind) {
    case 'incident': {
      const { report } = answer;
      return {
        ...base,
        incidents: [incidentJson(report.incident)],
        figures: report.figures.map((view) => figureJson(view, null)),
        statements: report.statements.map(statementJson),
        sources: answer.sources.map(sourceJson),
      };
    }
    case 'choose':
      return {
        ...base,
        query: answer.query,
        incidents: answer.options.map((option) => incidentJson(option.incident)),
        matched: answer.total,
      };
    case 'toll':
      return { ...base, ...tollsJson([answer.toll], []), sources: answer.sources.map(sourceJson) };
    case 'region':
      return {
        ...base,
        ...tollsJson(answer.toll.countries, answer.toll.regionFigures),
        sources: answer.sources.map(sourceJson),
      };
    case 'not_found':
      return { ...base, query: answer.query, suggestions: [...answer.suggestions] };
    case 'error':
      return { ...base, error: answer.code, query: answer.input };
  }
}

function tollsJson(
  tolls: readonly CountryToll[],
  regionFigures: readonly FigureView[],
): Pick<AnswerJson, 'incidents' | 'figures' | 'statements' | 'totals'> {
  // A figure or statement about attacks in two countries comes in both countries' tolls: it is listed once.
  const figures = new Map<string, FigureJson>();
  const statements = new Map<string, Statement>();
  const addFigure = (view: FigureView, role: FigureJson['role']) => {
    if (!figures.has(view.figure.id)) figures.set(view.figure.id, figureJson(view, role));
  };
  for (const toll of tolls) {
    for (const view of toll.figures) addFigure(view, view.role);
    for (const statement of toll.statements) if (!statements.has(statement.id)) statements.set(statement.id, statement);
  }
  for (const view of regionFigures) addFigure(view, 'region_wide');
  return {
    incidents: tolls.flatMap((toll) => toll.incidents.map(incidentJson)),
    figures: [...figures.values()],
    statements: [...statements.values()].map(statementJson),
    totals: tolls.flatMap((toll) =>
      toll.totals.map((total) => ({
        countryCode: toll.country.code,
        counts: total.counts,
        reported: total.reported,
        claimedOnly: total.claimedOnly,
        claimants: [...total.claimants],
        reporters: total.reporters.map(({ status, label }) => ({ status, label })),
      })),
    ),
  };
}

function incidentJson(incident: Incident): z.infer<typeof IncidentJsonSchema> {
  return { id: incident.id, place: incident.place.name, countryCode: incident.countryCode, date: incident.date.value };
}

/** Field by field, so that a field the dataset gains is not published before it is documented. */
function figureJson({ figure }: FigureView, role: FigureJson['role']): FigureJson {
  const { id, counts, value, saidBy, status, scope, quotes } = figure;
  return { id, counts, value, saidBy, status, scope, quotes, role };
}

function statementJson(statement: Statement): z.infer<typeof StatementJsonSchema> {
  const { id, kind, saidBy, scope, quote } = statement;
  return { id, kind, saidBy, scope, quote };
}

function sourceJson(source: Source): z.infer<typeof SourceJsonSchema> {
  const { id, title, date, language, publisher } = source;
  return { id, title, date, language, publisher };
}
