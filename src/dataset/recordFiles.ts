import type { z } from 'zod';
import { FigureSchema, IncidentSchema, StatementSchema } from './schema.js';

export type RecordKind = 'incidents' | 'figures' | 'statements';

/** Large datasets keep their records one JSON object a line beside `dataset.json`. */
export const RECORD_FILES = {
  incidents: {
    file: 'incidents.jsonl',
    schema: IncidentSchema,
  },
  figures: {
    file: 'figures.jsonl',
    schema: FigureSchema,
  },
  statements: {
    file: 'statements.jsonl',
    schema: StatementSchema,
  },
} as const satisfies Record<RecordKind, { file: string; schema: z.ZodObject }>;

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
