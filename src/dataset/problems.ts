/** One thing wrong with a dataset, precise enough to fix without reading code. */
export interface Problem {
  /** The file as the user knows it, e.g. `data/dataset.json`. */
  file: string;
  /** The id of the record the problem is in, where it has one. */
  record?: string;
  /** Where in the file, e.g. `incidents[3].date.value` or `line 12, date.value`; empty for the file as a whole. */
  path: string;
  reason: string;
}

/** `data/dataset.json: ml-dioura-2025-05-24 (incidents[1].date.value): reason`, the record's id where it has one. */
export function formatProblem(problem: Problem): string {
  const where = problem.record === undefined ? problem.path : `${problem.record} (${problem.path})`;
  return [problem.file, where, problem.reason].filter((part) => part !== '').join(': ');
}

/** The id of the record at the start of `path` (`incidents[3]…`) in raw JSON, if it has a string one. */
export function recordIdAt(json: unknown, path: ReadonlyArray<PropertyKey>): string | undefined {
  const [kind, index] = path;
  if (typeof kind !== 'string' || typeof index !== 'number') return undefined;
  const records = (json as Record<string, unknown> | null)?.[kind];
  const record = Array.isArray(records) ? (records[index] as Record<string, unknown> | undefined) : undefined;
  const id = record?.id ?? record?.code;
  return typeof id === 'string' ? id : undefined;
}

/** Turns a zod/JSON path into the `incidents[3].place.name` form people read. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}
