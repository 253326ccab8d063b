import type { Answer, CountryToll, FigureView } from '../answers/answer.js';
import { englishOf, type Incident, type Source, type Statement } from '../dataset/schema.js';
import type { MessagePayload } from '../render/payload.js';
import {
  ANSWER_JSON_VERSION,
  type AnswerJson,
  type FigureJson,
  type IncidentJson,
  type MessageJson,
  type SourceJson,
  type StatementJson,
} from './answerJsonSchema.js';
import type { LineOutcome } from './answerLine.js';

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

/**
 * A message as JSON: its files by name and size (and where they were written), not their bytes.
 * @param paths where `--images` wrote each file, by name
 */
export function messageJson(payload: MessagePayload, paths: ReadonlyMap<string, string> = new Map()): MessageJson {
  const { files, ...rest } = payload;
  if (!files) return rest;
  return {
    ...rest,
    files: files.map((file) => ({
      name: file.name,
      description: file.description ?? null,
      bytes: file.data.byteLength,
      path: paths.get(file.name) ?? null,
    })),
  };
}

/** Whatever a line got, as JSON: an answer, a reply that answers no question (/about), a text (/help), a crash. */
export function outcomeJson(outcome: LineOutcome, paths?: ReadonlyMap<string, string>): AnswerJson {
  switch (outcome.kind) {
    case 'quit':
    case 'locale':
      return { ...NOTHING, text: '' };
    case 'text':
      return { ...NOTHING, text: outcome.text };
    case 'crash':
      return { ...NOTHING, kind: 'error', error: 'crash', message: messageJson(outcome.reply.payload, paths) };
    case 'reply': {
      const { reply } = outcome;
      if (reply.answer) return answerJson(reply.answer, reply.payload, paths);
      if (reply.kind === 'refused')
        return { ...NOTHING, kind: 'error', error: 'refused', message: messageJson(reply.payload, paths) };
      // A reply of kind error without an answer: a command that could not do it (a refresh's dataset has problems).
      if (reply.kind === 'error')
        return { ...NOTHING, kind: 'error', error: 'failed', message: messageJson(reply.payload, paths) };
      return { ...NOTHING, message: messageJson(reply.payload, paths) };
    }
  }
}

/** An answer as JSON: the records it rests on, as the dataset has them, beside the message rendered from it. */
export function answerJson(
  answer: Answer,
  payload: MessagePayload | null,
  paths?: ReadonlyMap<string, string>,
): AnswerJson {
  const base = { ...NOTHING, kind: answer.kind, message: payload && messageJson(payload, paths) };
  switch (answer.kind) {
    case 'incident': {
      const { report } = answer;
      return {
        ...base,
        incidents: [incidentJson(report.incident)],
        figures: report.figures.map((view) => figureJson(view, null)),
        statements: report.statements.map((view) => statementJson(view.statement)),
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
    case 'list':
      return {
        ...base,
        incidents: answer.items.map((item) => incidentJson(item.incident)),
        figures: answer.items.flatMap((item) => (item.headline ? [figureJson(item.headline, null)] : [])),
        matched: answer.total,
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
): Pick<AnswerJson, 'incidents' | 'matched' | 'figures' | 'statements' | 'totals'> {
  // A figure or statement about attacks in two countries comes in both countries' tolls: it is listed once.
  const figures = new Map<string, FigureJson>();
  const statements = new Map<string, Statement>();
  const addFigure = (view: FigureView, role: FigureJson['role']) => {
    if (!figures.has(view.figure.id)) figures.set(view.figure.id, figureJson(view, role));
  };
  for (const toll of tolls) {
    for (const view of toll.figures.first) addFigure(view, view.role);
    for (const { statement } of toll.statements.first) statements.set(statement.id, statement);
  }
  for (const view of regionFigures) addFigure(view, 'region_wide');
  return {
    incidents: tolls.flatMap((toll) => toll.incidents.first.map(incidentJson)),
    matched: tolls.reduce((sum, toll) => sum + toll.incidents.total, 0),
    figures: [...figures.values()],
    statements: [...statements.values()].map(statementJson),
    totals: tolls.flatMap((toll) =>
      toll.totals.map((total) => ({
        countryCode: toll.country.code,
        counts: total.counts,
        reported: total.reported,
        claimedOnly: total.claimedOnly,
        claimants: total.claimants.map(englishOf),
        reports: [...total.reportIds],
        claims: [...total.claimIds],
      })),
    ),
  };
}

function incidentJson(incident: Incident): IncidentJson {
  return { id: incident.id, place: incident.place.name, countryCode: incident.countryCode, date: incident.date.value };
}

/** Field by field, so that a field the dataset gains is not published before it is documented. */
function figureJson({ figure }: FigureView, role: FigureJson['role']): FigureJson {
  const { id, counts, value, saidBy, status, scope, quotes } = figure;
  return { id, counts, value, saidBy, status, scope, quotes, role };
}

function statementJson(statement: Statement): StatementJson {
  const { id, kind, saidBy, scope, quote } = statement;
  return { id, kind, saidBy, scope, quote };
}

function sourceJson(source: Source): SourceJson {
  const { id, title, date, language, publisher } = source;
  return { id, title, date, language, publisher };
}
