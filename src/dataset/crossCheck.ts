import type { DatasetRecords } from './dataset.js';
import { locationIssues, nearbyLocationIssues } from './locationCheck.js';
import { formatProblem, type Problem } from './problems.js';
import type { RecordKind } from './recordFiles.js';
import type { Figure, Incident, Quote, Speaker, Statement } from './schema.js';
import { normaliseWhitespace } from './sourceText.js';

/** Where record `index` of a kind came from: `dataset.json` or a line of a `.jsonl` file. */
export type LocateRecord = (kind: RecordKind, index: number) => { file: string; path: string };

/** What is wrong with a value, as paths within it and reasons. */
type Issue = readonly [path: string, reason: string];

/** A check of one field of every record. */
interface FieldCheck<T> {
  readonly field: keyof T & string;
  readonly issuesOf: (record: T) => readonly Issue[];
}

function check<T, K extends keyof T & string>(field: K, issuesOf: (value: T[K]) => readonly Issue[]): FieldCheck<T> {
  return { field, issuesOf: (record) => issuesOf(record[field]) };
}

const checks = <T>(list: readonly FieldCheck<T>[]) => list;

type Head = Pick<DatasetRecords, 'sources' | 'countries' | 'actors'>;
const KINDS: readonly (keyof DatasetRecords)[] = [
  'sources',
  'countries',
  'actors',
  'incidents',
  'figures',
  'statements',
];

/**
 * Checks what a schema cannot: unique ids, references that resolve, quotes that stand verbatim in their
 * source, and figures whose status agrees with who gave them. Records are handed over one at a time, as an import
 * reads them, each kind in order and every incident before any figure or statement (which refer to incidents).
 * Problems come as they always did: repeated ids first, then record by record, incidents, figures, statements.
 */
export class CrossCheck {
  private readonly duplicates = new Map<keyof DatasetRecords, Problem[]>(KINDS.map((kind) => [kind, []]));
  private readonly found = new Map<RecordKind, Problem[]>([
    ['incidents', []],
    ['figures', []],
    ['statements', []],
  ]);
  private readonly ids = new Map<keyof DatasetRecords, Map<string, number>>(KINDS.map((kind) => [kind, new Map()]));
  private readonly incidentChecks: readonly FieldCheck<Incident>[];
  private readonly figureChecks: readonly FieldCheck<Figure>[];
  private readonly statementChecks: readonly FieldCheck<Statement>[];

  /**
   * @param quotableTexts normalised quotable text of each source that could be read, by source id
   * @param locate where record `index` of a kind came from
   */
  constructor(
    head: Head,
    quotableTexts: ReadonlyMap<string, string>,
    private readonly file: string,
    private readonly locate: LocateRecord = (kind, index) => ({ file, path: `${kind}[${index}]` }),
  ) {
    for (const [index, source] of head.sources.entries()) this.see('sources', source.id, index);
    for (const [index, country] of head.countries.entries()) this.see('countries', country.code, index);
    for (const [index, actor] of head.actors.entries()) this.see('actors', actor.id, index);
    const sourceIds = this.idsOf('sources');
    const countryCodes = this.idsOf('countries');
    const actorIds = this.idsOf('actors');
    const incidentIds = this.idsOf('incidents');

    const none: readonly Issue[] = [];
    const within = (prefix: string, issues: readonly Issue[]): readonly Issue[] =>
      issues.length === 0 ? none : issues.map(([path, reason]) => [`${prefix}${path}`, reason]);
    const refIssues = (
      what: string,
      known: { has(id: string): boolean },
      ref: string | null | undefined,
    ): readonly Issue[] => (ref != null && !known.has(ref) ? [['', `unknown ${what} "${ref}"`]] : none);
    const refsIssues = (what: string, known: { has(id: string): boolean }, refs: readonly string[]): readonly Issue[] =>
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
    const sourceDates = new Map(head.sources.map((source) => [source.id, source.date]));
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

    this.incidentChecks = checks<Incident>([
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
      check('place', nearbyLocationIssues),
      { field: 'location', issuesOf: (incident) => locationIssues(incident.location, incident.countryCode) },
      check('outcomes', (outcomes) =>
        outcomes.flatMap((outcome, o) => [
          ...within(`[${o}].saidBy`, speakerIssues(outcome.saidBy)),
          ...within(`[${o}].quote`, quoteIssues(outcome.quote)),
        ]),
      ),
    ]);

    this.figureChecks = checks<Figure>([
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

    this.statementChecks = checks<Statement>([
      check('saidBy', speakerIssues),
      check('scope', scopeIssues),
      check('quote', quoteIssues),
    ]);
  }

  /** The row of each incident, by id: where its id was first seen. */
  get incidentRows(): ReadonlyMap<string, number> {
    return this.idsOf('incidents');
  }

  incident(incident: Incident, index: number): void {
    this.see('incidents', incident.id, index);
    this.run('incidents', incident, index, this.incidentChecks);
  }

  figure(figure: Figure, index: number): void {
    this.see('figures', figure.id, index);
    this.run('figures', figure, index, this.figureChecks);
  }

  statement(statement: Statement, index: number): void {
    this.see('statements', statement.id, index);
    this.run('statements', statement, index, this.statementChecks);
  }

  problems(): Problem[] {
    return [...KINDS.flatMap((kind) => this.duplicates.get(kind) ?? []), ...[...this.found.values()].flat()];
  }

  private idsOf(kind: keyof DatasetRecords): Map<string, number> {
    return this.ids.get(kind) as Map<string, number>;
  }

  /** Where each id first occurs; a later use of it is a problem. */
  private see(kind: keyof DatasetRecords, id: string, index: number): void {
    const ids = this.idsOf(kind);
    const first = ids.get(id);
    if (first === undefined) {
      ids.set(id, index);
      return;
    }
    const firstUse = this.where(kind, first, id, '');
    const here = this.where(kind, index, id, '');
    const at = firstUse.file === here.file ? firstUse.path : formatProblem({ ...firstUse, reason: '' });
    this.duplicates.get(kind)?.push({ ...here, reason: `duplicate id "${id}" (first used at ${at})` });
  }

  /** Runs the checks on a record; a problem's path is put together only when there is a problem. */
  private run<T extends { readonly id: string }>(
    kind: RecordKind,
    record: T,
    index: number,
    list: readonly FieldCheck<T>[],
  ): void {
    for (const { field, issuesOf } of list) {
      for (const [path, reason] of issuesOf(record)) {
        this.found.get(kind)?.push({ ...this.where(kind, index, record.id, `.${field}${path}`), reason });
      }
    }
  }

  private where(kind: keyof DatasetRecords, index: number, id: string, rest: string): Omit<Problem, 'reason'> {
    if (kind === 'sources' || kind === 'countries' || kind === 'actors') {
      return { file: this.file, record: id, path: `${kind}[${index}]${rest}` };
    }
    const at = this.locate(kind, index);
    // A .jsonl record is located by its line: "line 12, place.name".
    const path =
      at.path.startsWith('line ') && rest !== '' ? `${at.path}, ${rest.replace(/^\./, '')}` : `${at.path}${rest}`;
    return { file: at.file, record: id, path };
  }
}

/** All records of a dataset at once: `CrossCheck` for records already in memory. */
export function crossCheck(
  data: DatasetRecords,
  quotableTexts: ReadonlyMap<string, string>,
  file: string,
  locate?: LocateRecord,
): Problem[] {
  const checker = new CrossCheck(data, quotableTexts, file, locate);
  for (const [index, incident] of data.incidents.entries()) checker.incident(incident, index);
  for (const [index, figure] of data.figures.entries()) checker.figure(figure, index);
  for (const [index, statement] of data.statements.entries()) checker.statement(statement, index);
  return checker.problems();
}
