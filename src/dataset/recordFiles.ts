import type { z } from 'zod';
import { type Figure, FigureSchema, type Incident, IncidentSchema, type Statement, StatementSchema } from './schema.js';

export type RecordKind = 'incidents' | 'figures' | 'statements';

/**
 * Large datasets keep their records one JSON object a line beside `dataset.json`.
 * `unique` names the fields whose values records seldom share (a note, the quotes behind a figure): every other
 * field repeats across many records (a place, a date, who said it), and records hold one copy of each value.
 */
export const RECORD_FILES = {
  incidents: {
    file: 'incidents.jsonl',
    schema: IncidentSchema,
    unique: ['notes', 'datasetRecord'] satisfies (keyof Incident)[],
  },
  figures: {
    file: 'figures.jsonl',
    schema: FigureSchema,
    unique: ['scope', 'quotes'] satisfies (keyof Figure)[],
  },
  statements: {
    file: 'statements.jsonl',
    schema: StatementSchema,
    unique: ['scope', 'quote'] satisfies (keyof Statement)[],
  },
} as const satisfies Record<RecordKind, { file: string; schema: z.ZodObject; unique: readonly string[] }>;

export const RECORD_KINDS = Object.keys(RECORD_FILES) as RecordKind[];

/** Past this many problems a file is clearly wrong as a whole: stop collecting more. */
export const MAX_PROBLEMS = 500;

export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'a folder, not a file';
  return code ?? String(error);
}
