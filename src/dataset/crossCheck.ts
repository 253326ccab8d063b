import { forEachIndexChunked, type IndexedList } from './chunked.js';
import type { DatasetRecords } from './dataset.js';
import { locationIssues, nearbyLocationIssues } from './locationCheck.js';
import { type IdPositions, positionsById } from './positions.js';
import { formatProblem, type Problem } from './problems.js';
import type { RecordKind } from './recordFiles.js';
import type { RecordTable } from './recordTable.js';
import type { Figure, Quote, Speaker, Statement } from './schema.js';
import type { Lookup } from './shardedMap.js';
import { normaliseWhitespace } from './sourceText.js';

/** Where record `index` of a kind came from: `dataset.json` or a line of a `.jsonl` file. */
export type LocateRecord = (kind: RecordKind, index: number) => { file: string; path: string };

/** What is wrong with a value, as paths within it and reasons. */
type Issue = readonly [path: string, reason: string];

/**
 * A check of one field of every record.
 * @param ofValue the check reads nothing but the field's value, so records that share the value share its issues
 */
interface FieldCheck<T extends { readonly id: string }> {
  readonly field: keyof T & string;
  readonly ofValue: boolean;
  readonly issuesOf: (table: RecordTable<T>, row: number) => readonly Issue[];
}

function check<T extends { readonly id: string }, K extends keyof T & string>(
  field: K,
  issuesOf: (value: T[K]) => readonly Issue[],
): FieldCheck<T> {
  return { field, ofValue: true, issuesOf: (table, row) => issuesOf(table.field(row, field)) };
}

/**
 * Checks what a schema cannot: unique ids, references that resolve, quotes that stand verbatim in their
 * source, and figures whose status agrees with who gave them.
 * @param quotableTexts normalised quotable text of each source that could be read, by source id
 */
export async function crossCheck(
  data: DatasetRecords,
  quotableTexts: ReadonlyMap<string, string>,
  file: string,
  locate: LocateRecord = (kind, index) => ({ file, path: `${kind}[${index}]` }),
): Promise<{ problems: Problem[]; positions: IdPositions }> {
  const problems: Problem[] = [];
  const idOf = (kind: keyof DatasetRecords, index: number): string | undefined => {
    if (kind === 'sources' || kind === 'actors') return data[kind][index]?.id;
    if (kind === 'countries') return data.countries[index]?.code;
    return data[kind].ids.at(index);
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

  const uniqueIds = (kind: keyof DatasetRecords, ids: IndexedList<string>) =>
    positionsById(ids, (index, first, id) => {
      const firstUse = where(`${kind}[${first}]`);
      const at =
        firstUse.file === where(`${kind}[${index}]`).file ? firstUse.path : formatProblem({ ...firstUse, reason: '' });
      report(`${kind}[${index}]`, `duplicate id "${id}" (first used at ${at})`);
    });
  const sourceIds = await uniqueIds(
    'sources',
    data.sources.map((source) => source.id),
  );
  const countryCodes = await uniqueIds(
    'countries',
    data.countries.map((country) => country.code),
  );
  const actorIds = await uniqueIds(
    'actors',
    data.actors.map((actor) => actor.id),
  );
  const incidentIds = await uniqueIds('incidents', data.incidents.ids);
  await uniqueIds('figures', data.figures.ids);
  await uniqueIds('statements', data.statements.ids);

  const none: readonly Issue[] = [];
  const within = (prefix: string, issues: readonly Issue[]): readonly Issue[] =>
    issues.length === 0 ? none : issues.map(([path, reason]) => [`${prefix}${path}`, reason]);
  const refIssues = (what: string, known: Lookup<number>, ref: string | null | undefined): readonly Issue[] =>
    ref != null && !known.has(ref) ? [['', `unknown ${what} "${ref}"`]] : none;
  const refsIssues = (what: string, known: Lookup<number>, refs: readonly string[]): readonly Issue[] =>
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

  /**
   * Runs the checks on every record. A million records share a few thousand places, dates and speakers: a check of
   * one field's value is worked out once per distinct value, and a problem's path is put together only when there
   * is a problem. Problems are reported record by record, in the order of the checks.
   */
  const checkTable = async <T extends { readonly id: string }>(
    table: RecordTable<T>,
    kind: RecordKind,
    checks: readonly FieldCheck<T>[],
  ) => {
    const found: { row: number; check: number; issues: readonly Issue[] }[] = [];
    const rowByRow: number[] = [];
    for (const [check, { issuesOf, ofValue, field }] of checks.entries()) {
      const byValue =
        ofValue &&
        (await table.forEachCode(field, (_, rows) => {
          const issues = issuesOf(table, rows[0] as number);
          if (issues.length > 0) for (const row of rows) found.push({ row, check, issues });
        }));
      if (!byValue) rowByRow.push(check);
    }
    await forEachIndexChunked(table.length, (row) => {
      for (const check of rowByRow) {
        const issues = (checks[check] as FieldCheck<T>).issuesOf(table, row);
        if (issues.length > 0) found.push({ row, check, issues });
      }
    });
    found.sort((a, b) => a.row - b.row || a.check - b.check);
    for (const { row, check, issues } of found) {
      for (const [path, reason] of issues)
        report(`${kind}[${row}].${(checks[check] as FieldCheck<T>).field}${path}`, reason);
    }
  };

  await checkTable(data.incidents, 'incidents', [
    check('countryCode', (code) => refIssues('country', countryCodes, code)),
    check('sourceIds', (ids) => refsIssues('source', sourceIds, ids)),
    check('perpetrator', ({ actorId, attribution, quote }) => [
      ...within('.actorId', refIssues('actor', actorIds, actorId)),
      ...(quote ? within('.quote', quoteIssues(quote)) : none),
      ...(attribution !== 'not_stated' && actorId === null
        ? [['.actorId', `attribution "${attribution}" needs an actor`] as const]
        : none),
    ]),
    {
      field: 'date',
      ofValue: false,
      issuesOf: (incidents, row) =>
        dateAfterSources(incidents.field(row, 'date').value, incidents.field(row, 'sourceIds')),
    },
    check('place', nearbyLocationIssues),
    {
      field: 'location',
      ofValue: false,
      issuesOf: (incidents, row) =>
        locationIssues(incidents.field(row, 'location'), incidents.field(row, 'countryCode')),
    },
    check('outcomes', (outcomes) =>
      outcomes.flatMap((outcome, o) => [
        ...within(`[${o}].saidBy`, speakerIssues(outcome.saidBy)),
        ...within(`[${o}].quote`, quoteIssues(outcome.quote)),
      ]),
    ),
  ]);

  await checkTable(data.figures, 'figures', [
    check('saidBy', speakerIssues),
    {
      field: 'status',
      ofValue: false,
      issuesOf: (figures, row) =>
        (figures.field(row, 'saidBy').kind === 'perpetrator') ===
        (figures.field(row, 'status') === 'claimed_by_perpetrator')
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

  await checkTable(data.statements, 'statements', [
    check('saidBy', speakerIssues),
    check('scope', scopeIssues),
    check('quote', quoteIssues),
  ]);

  return {
    problems,
    positions: { sources: sourceIds, countries: countryCodes, actors: actorIds, incidents: incidentIds },
  };
}
