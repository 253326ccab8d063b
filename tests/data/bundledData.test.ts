import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/dataset.js';
import { loadDataset } from '../../src/dataset/loadDataset.js';
import { formatProblem } from '../../src/dataset/problems.js';
import type { DatasetFile, Quote } from '../../src/dataset/schema.js';
import { normaliseWhitespace, quotableText } from '../../src/dataset/sourceText.js';
import type { Locale } from '../../src/render/locale.js';
import { renderAnswer } from '../../src/render/renderAnswer.js';
import { JSON_SCHEMA_FILE } from '../../src/schemaDoc/datasetJsonSchema.js';
import { buildSearchIndex, type SearchIndex } from '../../src/search/searchIndex.js';
import { everyAnswer } from '../helpers/answers.js';
import { quotesIn } from '../helpers/quotes.js';

// The data tests: the only tests that read the live data/ folder. They hold for whatever data/ holds (no counts, no
// ids), so adding a valid article keeps them green; code tests read tests/fixtures/ instead.
const DATA_DIR = path.resolve(import.meta.dirname, '../../data');
const FIXTURES_DIR = path.resolve(import.meta.dirname, '../fixtures');

/** data/dataset.json as written, not as the loader reads it. */
const listed = JSON.parse(readFileSync(path.join(DATA_DIR, 'dataset.json'), 'utf8')) as DatasetFile;

let dataset: Dataset;
let index: SearchIndex;
/** Each source's quotable text (its file without the header, whitespace normalised), by source id. */
let bodies: Map<string, string>;
beforeAll(async () => {
  const result = await loadDataset(DATA_DIR);
  if (!result.ok) return; // the first test says why
  dataset = result.dataset;
  index = await buildSearchIndex(dataset);
  bodies = new Map(
    dataset.sources.map((source) => [
      source.id,
      quotableText(readFileSync(path.join(DATA_DIR, source.file), 'utf8'), source.header) ?? '',
    ]),
  );
});

const everyQuote = (data: Dataset): Quote[] => [
  ...[...data.incidents].flatMap((incident) => [
    ...(incident.perpetrator.quote ? [incident.perpetrator.quote] : []),
    ...incident.outcomes.map((outcome) => outcome.quote),
  ]),
  ...[...data.figures].flatMap((figure) => figure.quotes),
  ...[...data.statements].map((statement) => statement.quote),
];

describe('the data in data/', () => {
  it('GIVEN whatever data/ holds THEN it loads with every cross-check passing and a content-hash version', async () => {
    const result = await loadDataset(DATA_DIR);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    expect(result.ok && result.dataset.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('GIVEN the records in data/dataset.json THEN every one of them is loaded, in file order', () => {
    const ids = (records: Iterable<{ id: string }>) => [...records].map((record) => record.id);
    expect(listed.incidents.length).toBeGreaterThan(0);
    expect(ids(dataset.sources)).toEqual(ids(listed.sources));
    expect(ids(dataset.incidents).slice(0, listed.incidents.length)).toEqual(ids(listed.incidents));
    expect(ids(dataset.figures).slice(0, listed.figures.length)).toEqual(ids(listed.figures));
    expect(ids(dataset.statements).slice(0, listed.statements.length)).toEqual(ids(listed.statements));
  });

  it('GIVEN every source data/dataset.json lists THEN its file exists inside data/ and starts with its header', () => {
    expect(listed.sources.length).toBeGreaterThan(0);
    for (const source of listed.sources) {
      const file = path.resolve(DATA_DIR, source.file);
      expect(path.relative(DATA_DIR, file), source.id).not.toMatch(/^\.\.(\/|\\|$)/);
      expect(existsSync(file) && statSync(file).isFile(), `${source.id}: ${source.file}`).toBe(true);
      expect(readFileSync(file, 'utf8').startsWith(source.header ?? ''), `${source.id}: header`).toBe(true);
    }
  });

  it('GIVEN every quote in the records THEN it stands verbatim in the source it names', () => {
    const quotes = everyQuote(dataset);
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) {
      expect(bodies.has(quote.sourceId), `source "${quote.sourceId}"`).toBe(true);
      expect(bodies.get(quote.sourceId)).toContain(normaliseWhitespace(quote.text));
    }
  });

  it('GIVEN a source in data/ that the fixtures keep a copy of THEN the two are byte for byte the same', () => {
    const fixtures = readdirSync(FIXTURES_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    for (const source of listed.sources) {
      for (const fixture of fixtures) {
        const copy = path.join(FIXTURES_DIR, fixture.name, source.file);
        if (!existsSync(copy)) continue;
        const kept = readFileSync(path.join(DATA_DIR, source.file));
        expect(kept.equals(readFileSync(copy)), `${source.file} differs from tests/fixtures/${fixture.name}`).toBe(
          true,
        );
      }
    }
  });
});

describe('data/dataset.json and the JSON Schema', () => {
  it('GIVEN a $schema key THEN it names the generated JSON Schema, so editors check the file against it', () => {
    if (listed.$schema === undefined) return;
    expect(path.resolve(DATA_DIR, listed.$schema)).toBe(JSON_SCHEMA_FILE);
  });
});

describe.each<Locale>(['en', 'nl'])('every answer from data/, in %s', (locale) => {
  it('GIVEN every answer the bot gives THEN every quote shown is verbatim text of a source', async () => {
    const texts = [...bodies.values()];
    let quotes = 0;
    for (const answer of await everyAnswer(dataset, index)) {
      for (const quote of quotesIn(renderAnswer(answer, locale))) {
        expect(
          texts.some((text) => text.includes(quote.text)),
          quote.text,
        ).toBe(true);
        quotes += 1;
      }
    }
    expect(quotes).toBeGreaterThan(0);
  });
});
