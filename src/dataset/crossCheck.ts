import type { DatasetRecords } from './dataset.js';
import { formatProblem, type Problem } from './problems.js';
import type { RecordKind } from './recordFiles.js';
import type { Figure, Quote, Speaker, Statement } from './schema.js';
import { normaliseWhitespace } from './sourceText.js';

/** Where record `index` of a kind came from: `dataset.json` or a line of a `.jsonl` file. */
export type LocateRecord = (kind: RecordKind, index: number) => { file: string; path: string };

/** What is wrong with a value, as paths within it and reasons. */
type Issue = readonly [path: string, reason: string];

/** A check of one field of every record. */
interface FieldCheck<T extends { readonly id: string }> {
  readonly field: keyof T & string;
  readonly issuesOf: (record: T) => readonly Issue[];
}

function check<T extends { readonly id: string }, K extends keyof T & string>(
  field: K,
  issuesOf: (value: T[K]) => readonly Issue[],
): FieldCheck<T> {
  return { field, issuesOf: (record) => issuesOf(record[field]) };
}

/** Where each id first occurs; `onRepeat` hears of every later use of an id. */
function positionsById(
  ids: readonly string[],
  onRepeat: (index: number, first: number, id: string) => void,
): ReadonlyMap<string, number> {
  const positions = new Map<string, number>();
  for (const [index, id] of ids.entries()) {
    const first = positions.get(id);
    if (first === undefined) positions.set(id, index);
    else onRepeat(index, first, id);
  }
  return positions;
}

/**
 * Checks what a schema cannot: unique ids, references that resolve, quotes that stand verbatim in their
 * source, and figures whose status agrees with who gave them.
 * @param quotableTexts normalised quotable text of each source that could be read, by source id
 */
export function crossCheck(
  data: DatasetRecords,
  quotableTexts: ReadonlyMap<string, string>,
  file: string,
  locate: LocateRecord = (kind, index) => ({ file, path: `${kind}[${index}]` }),
): Problem[] {
  const problems: Problem[] = [];
  const idOf = (kind: keyof DatasetRecords, index: number): string | undefined => {
    if (kind === 'sources' || kind === 'actors') return data[kind][index]?.id;
    if (kind === 'countries') return data.countries[index]?.code;
    return data[kind][index]?.id;
  };
  const where = (path: string): Omit<Problem, 'reason'> => {
    const named = path.match(/^(sources|countries|actors)\[(\d+)\]/);
    const record = path.match(/^(incidents|figures|statements)\[(\d+)\](.*)$/);
    const [, kind, index] = record ?? named ?? [];
    const id = kind === undefined ? undefined : idOf(kind as keyof DatasetRecords, Number(index));
    const withId = id === undefined ? {} : { record: id };
    if (!record) return { file, ...withId, path };
    const at = locate(record[1] as RecordKind, Number(record[2]));
    const rest = record[3] ?? '';
    // A .jsonl record is located by its line: "line 12, place.name".
    const joined =
      at.path.startsWith('line ') && rest !== '' ? `${at.path}, ${rest.replace(/^\./, '')}` : `${at.path}${rest}`;
    return { file: at.file, ...withId, path: joined };
  };
  const report = (path: string, reason: string) => problems.push({ ...where(path), reason });

  const uniqueIds = (kind: keyof DatasetRecords, ids: readonly string[]) =>
    positionsById(ids, (index, first, id) => {
      const firstUse = where(`${kind}[${first}]`);
      const at =
        firstUse.file === where(`${kind}[${index}]`).file ? firstUse.path : formatProblem({ ...firstUse, reason: '' });
      report(`${kind}[${index}]`, `duplicate id "${id}" (first used at ${at})`);
    });
  const sourceIds = uniqueIds(
    'sources',
    data.sources.map((source) => source.id),
  );
  const countryCodes = uniqueIds(
    'countries',
    data.countries.map((country) => country.code),
  );
  const actorIds = uniqueIds(
    'actors',
    data.actors.map((actor) => actor.id),
  );
  const incidentIds = uniqueIds(
    'incidents',
    data.incidents.map((incident) => incident.id),
  );
  uniqueIds(
    'figures',
    data.figures.map((figure) => figure.id),
  );
  uniqueIds(
    'statements',
    data.statements.map((statement) => statement.id),
  );

  const none: readonly Issue[] = [];
  const within = (prefix: string, issues: readonly Issue[]): readonly Issue[] =>
    issues.length === 0 ? none : issues.map(([path, reason]) => [`${prefix}${path}`, reason]);
  const refIssues = (
    what: string,
    known: ReadonlyMap<string, number>,
    ref: string | null | undefined,
  ): readonly Issue[] => (ref != null && !known.has(ref) ? [['', `unknown ${what} "${ref}"`]] : none);
  const refsIssues = (what: string, known: ReadonlyMap<string, number>, refs: readonly string[]): readonly Issue[] =>
    refs.flatMap((ref, index) => within(`[${index}]`, refIssues(what, known, ref)));
  // Large datasets repeat the same quote many times: each distinct one is searched for once (the quotes found, a set
  // a source).
  const verbatimQuotes = new Map<string, Set<string>>();
  const quoteIssues = (quote: Quote): readonly Issue[] => {
    if (!sourceIds.has(quote.sourceId)) return [['.sourceId', `unknown source "${quote.sourceId}"`]];
    const text = quotableTexts.get(quote.sourceId);
    if (text === undefined) return none;
    let found = verbatimQuotes.get(quote.sourceId);
    if (!found) {
      found = new Set();
      verbatimQuotes.set(quote.sourceId, found);
    }
    if (found.has(quote.text)) return none;
    if (!text.includes(normaliseWhitespace(quote.text))) {
      return [['.text', `not found verbatim in source "${quote.sourceId}": "${quote.text.slice(0, 80)}"`]];
    }
    found.add(quote.text);
    return none;
  };
  const sourceDates = new Map(data.sources.map((source) => [source.id, source.date]));
  /** An attack is reported after it happened: its date is never after the date of a source that reports it. */
  const dateAfterSources = (date: string, ids: readonly string[]): readonly Issue[] => {
    for (const id of ids) {
      const published = sourceDates.get(id);
      // Compared as precisely as the coarser of the two is known: "2025-06-15" is not after a source of "2025-06".
      const length = Math.min(date.length, published?.length ?? 0);
      if (published !== undefined && date.slice(0, length) > published.slice(0, length)) {
        return [['.value', `${date} is after the date of source "${id}" (${published}), which reports it`]];
      }
    }
    return none;
  };
  const speakerIssues = (speaker: Speaker): readonly Issue[] => [
    ...within('.actorId', refIssues('actor', actorIds, speaker.actorId)),
    ...within('.countryCode', refIssues('country', countryCodes, speaker.countryCode)),
  ];
  const scopeIssues = (scope: Figure['scope'] | Statement['scope']): readonly Issue[] =>
    scope.kind === 'incidents'
      ? within('.incidentIds', refsIssues('incident', incidentIds, scope.incidentIds))
      : within('.countryCodes', refsIssues('country', countryCodes, scope.countryCodes));

  /** Runs the checks on every record; a problem's path is put together only when there is a problem. */
  const checkTable = <T extends { readonly id: string }>(
    records: readonly T[],
    kind: RecordKind,
    checks: readonly FieldCheck<T>[],
  ) => {
    for (const [row, record] of records.entries()) {
      for (const { field, issuesOf } of checks) {
        for (const [path, reason] of issuesOf(record)) report(`${kind}[${row}].${field}${path}`, reason);
      }
    }
  };

  checkTable(data.incidents, 'incidents', [
    check('countryCode', (code) => refIssues('country', countryCodes, code)),
    check('sourceIds', (ids) => refsIssues('source', sourceIds, ids)),
    check('perpetrator', ({ actorId, attribution, quote }) => [
      ...within('.actorId', refIssues('actor', actorIds, actorId)),
      ...(quote ? within('.quote', quoteIssues(quote)) : none),
      ...(attribution !== 'not_stated' && actorId === null
        ? [['.actorId', `attribution "${attribution}" needs an actor`] as const]
        : none),
    ]),
    { field: 'date', issuesOf: (incident) => dateAfterSources(incident.date.value, incident.sourceIds) },
    check('outcomes', (outcomes) =>
      outcomes.flatMap((outcome, o) => [
        ...within(`[${o}].saidBy`, speakerIssues(outcome.saidBy)),
        ...within(`[${o}].quote`, quoteIssues(outcome.quote)),
      ]),
    ),
  ]);

  checkTable(data.figures, 'figures', [
    check('saidBy', speakerIssues),
    {
      field: 'status',
      issuesOf: (figure) =>
        (figure.saidBy.kind === 'perpetrator') === (figure.status === 'claimed_by_perpetrator')
          ? none
          : [['', 'a figure is "claimed_by_perpetrator" exactly when saidBy.kind is "perpetrator"']],
    },
    check('value', (value) =>
      value.qualifier === 'range' && value.low > value.high
        ? [['', `range low ${value.low} is above high ${value.high}`]]
        : none,
    ),
    check('scope', scopeIssues),
    check('quotes', (quotes) => quotes.flatMap((quote, q) => within(`[${q}]`, quoteIssues(quote)))),
  ]);

  checkTable(data.statements, 'statements', [
    check('saidBy', speakerIssues),
    check('scope', scopeIssues),
    check('quote', quoteIssues),
  ]);

  return problems;
}
