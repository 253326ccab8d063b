import { forEachChunked } from './chunked.js';
import { type IdPositions, positionsById } from './positions.js';
import { formatProblem, type Problem } from './problems.js';
import type { DatasetFile, Figure, Quote, Speaker, Statement } from './schema.js';
import { type Lookup, ShardedMap } from './shardedMap.js';
import { normaliseWhitespace } from './sourceText.js';

export type RecordKind = 'incidents' | 'figures' | 'statements';
/** Where record `index` of a kind came from: `dataset.json` or a line of a `.jsonl` file. */
export type LocateRecord = (kind: RecordKind, index: number) => { file: string; path: string };

/**
 * Checks what a schema cannot: unique ids, references that resolve, quotes that stand verbatim in their
 * source, and figures whose status agrees with who gave them.
 * @param quotableTexts normalised quotable text of each source that could be read, by source id
 */
export async function crossCheck(
  data: DatasetFile,
  quotableTexts: ReadonlyMap<string, string>,
  file: string,
  locate: LocateRecord = (kind, index) => ({ file, path: `${kind}[${index}]` }),
): Promise<{ problems: Problem[]; positions: IdPositions }> {
  const problems: Problem[] = [];
  const where = (path: string) => {
    const record = path.match(/^(incidents|figures|statements)\[(\d+)\](.*)$/);
    if (!record) return { file, path };
    const at = locate(record[1] as RecordKind, Number(record[2]));
    const rest = record[3] ?? '';
    // A .jsonl record is located by its line: "line 12, place.name".
    const joined =
      at.path.startsWith('line ') && rest !== '' ? `${at.path}, ${rest.replace(/^\./, '')}` : `${at.path}${rest}`;
    return { file: at.file, path: joined };
  };
  const report = (path: string, reason: string) => problems.push({ ...where(path), reason });

  const uniqueIds = <T>(kind: keyof DatasetFile, items: readonly T[], idOf: (item: T) => string) =>
    positionsById(items, idOf, (index, first, id) => {
      const firstUse = where(`${kind}[${first}]`);
      const at =
        firstUse.file === where(`${kind}[${index}]`).file ? firstUse.path : formatProblem({ ...firstUse, reason: '' });
      report(`${kind}[${index}]`, `duplicate id "${id}" (first used at ${at})`);
    });
  const sourceIds = await uniqueIds('sources', data.sources, (source) => source.id);
  const countryCodes = await uniqueIds('countries', data.countries, (country) => country.code);
  const actorIds = await uniqueIds('actors', data.actors, (actor) => actor.id);
  const incidentIds = await uniqueIds('incidents', data.incidents, (incident) => incident.id);
  await uniqueIds('figures', data.figures, (figure) => figure.id);
  await uniqueIds('statements', data.statements, (statement) => statement.id);

  // A million records pass here: a problem's path is put together only when there is a problem.
  type At = readonly [kind: RecordKind, index: number, field: string];
  const reportAt = ([kind, index, field]: At, reason: string) => report(`${kind}[${index}]${field}`, reason);
  const within = ([kind, index, field]: At, more: string): At => [kind, index, `${field}${more}`];

  const checkRef = (at: At, what: string, known: Lookup<number>, ref: string | null | undefined) => {
    if (ref != null && !known.has(ref)) reportAt(at, `unknown ${what} "${ref}"`);
  };
  // Large datasets repeat the same quote many times: each distinct one is searched for once.
  const verbatimQuotes = new ShardedMap<true>();
  const checkQuote = (at: At, quote: Quote) => {
    if (!sourceIds.has(quote.sourceId)) return reportAt(within(at, '.sourceId'), `unknown source "${quote.sourceId}"`);
    const text = quotableTexts.get(quote.sourceId);
    const key = `${quote.sourceId}\u0000${quote.text}`;
    if (text === undefined || verbatimQuotes.has(key)) return;
    if (text.includes(normaliseWhitespace(quote.text))) verbatimQuotes.set(key, true);
    else {
      const reason = `not found verbatim in source "${quote.sourceId}": "${quote.text.slice(0, 80)}"`;
      reportAt(within(at, '.text'), reason);
    }
  };
  const checkRefs = (at: At, what: string, known: Lookup<number>, refs: readonly string[]) => {
    for (const [index, ref] of refs.entries()) {
      if (!known.has(ref)) checkRef(within(at, `[${index}]`), what, known, ref);
    }
  };
  const checkScope = (at: At, scope: Figure['scope'] | Statement['scope']) => {
    if (scope.kind === 'incidents') checkRefs(within(at, '.incidentIds'), 'incident', incidentIds, scope.incidentIds);
    else checkRefs(within(at, '.countryCodes'), 'country', countryCodes, scope.countryCodes);
  };
  const checkSpeaker = (at: At, speaker: Speaker) => {
    if (speaker.actorId !== undefined) checkRef(within(at, '.actorId'), 'actor', actorIds, speaker.actorId);
    if (speaker.countryCode !== undefined) {
      checkRef(within(at, '.countryCode'), 'country', countryCodes, speaker.countryCode);
    }
  };

  await forEachChunked(data.incidents, (incident, i) => {
    const { perpetrator, date } = incident;
    checkRef(['incidents', i, '.countryCode'], 'country', countryCodes, incident.countryCode);
    checkRefs(['incidents', i, '.sourceIds'], 'source', sourceIds, incident.sourceIds);
    checkRef(['incidents', i, '.perpetrator.actorId'], 'actor', actorIds, perpetrator.actorId);
    if (perpetrator.quote) checkQuote(['incidents', i, '.perpetrator.quote'], perpetrator.quote);
    if (perpetrator.attribution !== 'not_stated' && perpetrator.actorId === null) {
      reportAt(['incidents', i, '.perpetrator.actorId'], `attribution "${perpetrator.attribution}" needs an actor`);
    }
    const dayPrecision = date.precision !== 'month';
    if (dayPrecision !== /^\d{4}-\d{2}-\d{2}$/.test(date.value)) {
      const expected = dayPrecision ? 'YYYY-MM-DD' : 'YYYY-MM';
      reportAt(['incidents', i, '.date.value'], `precision "${date.precision}" expects ${expected}`);
    }
    incident.outcomes.forEach((outcome, o) => {
      checkSpeaker(['incidents', i, `.outcomes[${o}].saidBy`], outcome.saidBy);
      checkQuote(['incidents', i, `.outcomes[${o}].quote`], outcome.quote);
    });
  });

  await forEachChunked(data.figures, (figure, f) => {
    checkSpeaker(['figures', f, '.saidBy'], figure.saidBy);
    if ((figure.saidBy.kind === 'perpetrator') !== (figure.status === 'claimed_by_perpetrator')) {
      reportAt(
        ['figures', f, '.status'],
        'a figure is "claimed_by_perpetrator" exactly when saidBy.kind is "perpetrator"',
      );
    }
    if (figure.value.qualifier === 'range' && figure.value.low > figure.value.high) {
      reportAt(['figures', f, '.value'], `range low ${figure.value.low} is above high ${figure.value.high}`);
    }
    checkScope(['figures', f, '.scope'], figure.scope);
    figure.quotes.forEach((quote, q) => {
      checkQuote(['figures', f, `.quotes[${q}]`], quote);
    });
  });

  await forEachChunked(data.statements, (statement, s) => {
    checkSpeaker(['statements', s, '.saidBy'], statement.saidBy);
    checkScope(['statements', s, '.scope'], statement.scope);
    checkQuote(['statements', s, '.quote'], statement.quote);
  });

  return {
    problems,
    positions: { sources: sourceIds, countries: countryCodes, actors: actorIds, incidents: incidentIds },
  };
}
