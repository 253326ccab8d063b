/** One thing wrong with a dataset, precise enough to fix without reading code. */
export interface Problem {
  /** The file as the user knows it, e.g. `data/dataset.json`. */
  file: string;
  /** Where in the file, e.g. `incidents[3].figures[0].status`; empty for the file as a whole. */
  path: string;
  reason: string;
}

export function formatProblem(problem: Problem): string {
  return [problem.file, problem.path, problem.reason].filter((part) => part !== '').join(': ');
}

/** Turns a zod/JSON path into the `incidents[3].place.name` form people read. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}
