import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { answerAttack } from '../../src/answers/attackAnswer.js';
import { countryToll } from '../../src/answers/tollAnswer.js';
import type { Dataset } from '../../src/dataset/dataset.js';
import { loadDataset } from '../../src/dataset/loadDataset.js';
import type { Incident } from '../../src/dataset/schema.js';
import { ImportError } from '../../src/import/csvRows.js';
import { parseExportDate } from '../../src/import/dates.js';
import { type ImportKind, importExport } from '../../src/import/importFile.js';
import { renderAnswer } from '../../src/render/renderAnswer.js';
import { buildSearchIndex } from '../../src/search/searchIndex.js';
import { FIXTURE_DIR } from '../helpers/datasets.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sahel-import-'));
  dirs.push(dir);
  return dir;
}

async function imported(kind: ImportKind, file: string, into = tempDir()) {
  const report = await importExport(kind, path.join(FIXTURES, kind, file), into, file);
  const loaded = await loadDataset(into);
  if (!loaded.ok) throw new Error(`the import does not load: ${JSON.stringify(loaded.problems.slice(0, 3))}`);
  return { report, dataset: loaded.dataset, dir: into };
}

function incident(dataset: Dataset, id: string): Incident {
  const found = dataset.incidentsById.get(id);
  if (!found) throw new Error(`no incident ${id}`);
  return found;
}

async function attackText(dataset: Dataset, query: string, locale: 'en' | 'nl' | 'fr' = 'en'): Promise<string> {
  return JSON.stringify(renderAnswer(answerAttack(dataset, await buildSearchIndex(dataset), query), locale).embeds);
}

describe('ACLED import', () => {
  it('GIVEN the current layout with a BOM THEN every good row imported, bad rows and duplicates reported by line', async () => {
    const { report, dataset } = await imported('acled', 'current.csv');
    expect(report.imported).toBe(3);
    expect(report.skipped).toEqual([
      { line: 7, reason: 'fatalities "" is not a whole number' },
      { line: 8, reason: 'year 0025 does not match event_date 2025-05-30' },
    ]);
    expect(report.duplicates).toEqual([{ line: 6, recordId: 'MLI30001', firstLine: 2 }]);
    expect(dataset.sources.map((source) => source.kind)).toEqual(['dataset_records']);
  });

  it('GIVEN notes with commas, quotes and a line break THEN kept verbatim as the record summary', async () => {
    const { dataset } = await imported('acled', 'current.csv');
    expect(incident(dataset, 'acled-mli30001').datasetRecord?.summary).toContain(
      'JNIM claimed "more than 100" soldiers were killed; the army said 30, the figure coded here.',
    );
    expect(incident(dataset, 'acled-mli30002').datasetRecord?.summary).toBe(
      'Around 24 May 2025 (as reported), an IED hit an army vehicle near Dioura.\nCasualties were reported, no figure given.',
    );
  });

  it('GIVEN each precision code THEN the date and place precision and the period follow it; no coordinates, no point', async () => {
    const { dataset } = await imported('acled', 'current.csv');
    const [day, week, month] = ['acled-mli30001', 'acled-mli30002', 'acled-bfo9001'].map((id) => incident(dataset, id));
    expect([day?.date.precision, week?.date.precision, month?.date.precision]).toEqual(['day', 'week', 'month']);
    expect([day?.place.precision, week?.place.precision, month?.place.precision]).toEqual([
      'place',
      'near_place',
      'admin_area',
    ]);
    expect(week?.datasetRecord?.period).toEqual({ start: '2025-05-21', end: '2025-05-27' });
    expect(month?.date.value).toBe('2025-05');
    expect(month?.datasetRecord?.period).toEqual({ start: '2025-05-01', end: '2025-05-31' });
    expect(day?.location).toEqual({
      latitude: 14.7522,
      longitude: -1.3036,
      precision: 'place',
      basis: { kind: 'dataset', name: 'ACLED' },
    });
    expect(month?.location).toBeUndefined();
    expect(month?.countryCode).toBe('BF');
  });

  it('GIVEN the 2019 layout with an HXL row and Excel dates, and the pre-2019 Africa layout THEN both import', async () => {
    const old = await imported('acled', 'layout-2019.csv');
    expect(old.report.imported).toBe(2);
    expect(old.report.skipped).toEqual([{ line: 5, reason: 'event_date "31/02/2024" is not a date in a known form' }]);
    expect(incident(old.dataset, 'acled-mli2999').date.value).toBe('2024-09-30');
    expect(incident(old.dataset, 'acled-nig1234').countryCode).toBe('NE');
    const africa = await imported('acled', 'africa-pre2019.csv');
    expect(africa.report.imported).toBe(2);
    expect(incident(africa.dataset, 'acled-1416rta').datasetRecord?.actors).toEqual([
      'MNLA: National Movement for the Liberation of Azawad',
      'Ansar Dine',
      'Military Forces of Mali (2002-2012)',
    ]);
  });

  it('GIVEN actors under several names THEN JNIM is one actor with its aliases', async () => {
    const { dataset } = await imported('acled', 'current.csv');
    const jnim = dataset.actors.find((actor) => actor.id === 'jnim');
    expect(jnim?.aliases).toContain("JNIM: Jama'a Nusrat al-Islam wal-Muslimin");
    expect(jnim?.aliases).toContain('GSIM');
  });

  it("GIVEN /attack on an imported place THEN ACLED's note as ACLED's words and the figure as ACLED's estimate", async () => {
    const { dataset } = await imported('acled', 'current.csv');
    const text = await attackText(dataset, 'Boulkessi');
    expect(text).toContain('30 killed: ACLED’s coded estimate');
    expect(text).toContain('ACLED’s own summary (record MLI30001): ACLED’s words, not a news quote');
    expect(text).toContain('ACLED’s sources: Fixture Radio; Fixture Wire');
    const none = await attackText(dataset, 'Dioura', 'nl');
    expect(none).toContain('Geen doden gemeld (ACLED codeert 0)');
    expect(none).not.toMatch(/\b0 (doden|killed)/);
  });

  it('GIVEN a file without the columns an ACLED file has THEN the whole file is refused', async () => {
    const csv = Readable.from(['event_id_cnty,event_date\nX1,2025-01-01\n']);
    await expect(importExport('acled', csv, tempDir(), 'bad.csv')).rejects.toThrow(ImportError);
  });
});

describe('UCDP GED import', () => {
  it('GIVEN every where_prec and date_prec THEN mapped, with no pin for a country or the sea', async () => {
    const { report, dataset } = await imported('ucdp', 'ged-26.1.csv');
    expect(report.imported).toBe(7);
    expect(report.skipped).toEqual([{ line: 10, reason: 'best 5 is not between low 1 and high 3' }]);
    expect(report.duplicates).toEqual([{ line: 11, recordId: '600001', firstLine: 2 }]);
    const byId = (n: number) => incident(dataset, `ucdp-60000${n}`);
    expect([1, 2, 3, 4, 5].map((n) => byId(n).date.precision)).toEqual(['day', 'week', 'week', 'month', 'month']);
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => byId(n).place.precision)).toEqual([
      'place',
      'near_place',
      'admin_area',
      'admin_area',
      'admin_area',
      'admin_area',
      'admin_area',
    ]);
    expect(byId(6).location).toBeUndefined();
    expect(byId(7).location).toBeUndefined();
    expect(byId(5).datasetRecord?.period).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(byId(1).datasetRecord?.deaths).toEqual({
      kind: 'ucdp_range',
      best: 40,
      low: 30,
      high: 60,
      bySide: { sideA: 35, sideB: 5, civilians: 0, unknown: 0 },
    });
    // No deaths by side given: none invented.
    expect(byId(3).datasetRecord?.deaths).toEqual({ kind: 'ucdp_range', best: 2, low: 2, high: 4 });
  });

  it('GIVEN the 19.1 column order THEN mapped by name', async () => {
    const { dataset } = await imported('ucdp', 'ged-19.1.csv');
    const only = incident(dataset, 'ucdp-300001');
    expect(only.datasetRecord?.deaths).toMatchObject({ best: 4, low: 4, high: 6 });
    expect(only.datasetRecord?.headline).toBe('Clash near Menaka');
  });

  it('GIVEN /attack on an imported place THEN the best estimate with its range, in French', async () => {
    const { dataset } = await imported('ucdp', 'ged-26.1.csv');
    const text = await attackText(dataset, 'ucdp-600001', 'fr');
    expect(text).toContain('40 tués : meilleure estimation d’UCDP (30 à 60)');
    expect(text).toContain('Government of Mali 35, JNIM 5, civils 0');
  });
});

describe('one attack, several sources', () => {
  it('GIVEN the article, ACLED and UCDP in one folder THEN /attack shows each report side by side and which agree; /toll adds none', async () => {
    const dir = tempDir();
    // Without the store's index of the fixture (a copy's records differ from it).
    cpSync(FIXTURE_DIR, dir, { recursive: true, filter: (from) => !from.includes('.index') });
    await importExport('acled', path.join(FIXTURES, 'acled/current.csv'), dir, 'current.csv');
    const { dataset } = await imported('ucdp', 'ged-26.1.csv', dir);

    const answer = answerAttack(dataset, await buildSearchIndex(dataset), 'ucdp-600001');
    if (answer.kind !== 'incident') throw new Error(answer.kind);
    expect(answer.report.sameAttack?.others.map((other) => other.incident.id).sort()).toEqual([
      'acled-mli30001',
      'ml-boulkessi-2025-06-01',
    ]);
    // UCDP's 30 to 60 includes ACLED's 30.
    expect(answer.report.sameAttack?.agreeing).toContainEqual([0, 1]);
    const text = JSON.stringify(renderAnswer(answer, 'en').embeds);
    expect(text).toContain('The same attack in other sources');
    expect(text).toContain('ACLED MLI30001: Boulkessi, 30 killed: ACLED’s coded estimate');
    expect(text).toContain('Reports of one attack are compared, never added together.');

    const before = await loadDataset(FIXTURE_DIR);
    if (!before.ok) throw new Error('the article fixture does not load');
    const mali = async (data: Dataset) => {
      const country = data.countriesByCode.get('ML');
      if (!country) throw new Error('no Mali');
      return countryToll(data, country);
    };
    const [withImports, articleOnly] = [await mali(dataset), await mali(before.dataset)];
    expect(withImports.incidents.total).toBeGreaterThan(articleOnly.incidents.total);
    expect(withImports.totals).toEqual(articleOnly.totals);
    // Once the answers are checked (the loaded dataset reads its folder): a second import of the same kind replaces
    // the first, keeping the rest.
    await importExport('acled', path.join(FIXTURES, 'acled/current.csv'), dir, 'current.csv');
    expect(readFileSync(path.join(dir, 'incidents.jsonl'), 'utf8').trim().split('\n')).toHaveLength(10);
  });
});

describe('export dates', () => {
  it('GIVEN each known form THEN the day; an impossible or unknown form THEN nothing', () => {
    expect(parseExportDate('2023-02-16')).toBe('2023-02-16');
    expect(parseExportDate('2025-06-01 00:00:00.000')).toBe('2025-06-01');
    expect(parseExportDate('16/02/2023')).toBe('2023-02-16');
    expect(parseExportDate('9-May-20')).toBe('2020-05-09');
    expect(parseExportDate('30-Sept-24')).toBe('2024-09-30');
    expect(parseExportDate('31/02/2024')).toBeUndefined();
    expect(parseExportDate('43960')).toBeUndefined();
    expect(parseExportDate('05/09/20')).toBeUndefined();
  });
});
