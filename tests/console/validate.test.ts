import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summaryText } from '../../src/console/summaryText.js';
import { summariseDataset } from '../../src/dataset/datasetSummary.js';
import { type DatasetFile, englishOf } from '../../src/dataset/schema.js';
import { datasetInMemory } from '../helpers/datasetInMemory.js';
import { fixtureDatasetJson, writeDataDir } from '../helpers/datasets.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function validate(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/validate.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn' },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const summaryOf = async (data: DatasetFile) => summariseDataset(await datasetInMemory(data, 'v-test'));

describe('summariseDataset', () => {
  it('GIVEN a dataset THEN its counts by kind, its sources and the earliest and latest incident dates', async () => {
    const data = fixtureDatasetJson();
    const [first] = data.incidents;
    if (!first) throw new Error('the bundled dataset has no incident');
    data.incidents.push(
      { ...first, id: 'early', date: { ...first.date, value: '1999-12', precision: 'month' } },
      { ...first, id: 'late', date: { ...first.date, value: '2031-01-02' } },
    );
    const summary = await summaryOf(data);
    expect(summary).toEqual({
      version: 'v-test',
      counts: {
        sources: data.sources.length,
        countries: data.countries.length,
        actors: data.actors.length,
        incidents: data.incidents.length,
        figures: data.figures.length,
        statements: data.statements.length,
      },
      sources: data.sources.map(({ id, title, date }) => ({ id, title, date })),
      period: { earliest: '1999-12', latest: '2031-01-02' },
    });
  });

  it('GIVEN no incidents THEN no period', async () => {
    const data = { ...fixtureDatasetJson(), incidents: [], figures: [], statements: [] };
    expect((await summaryOf(data)).period).toBeNull();
  });

  it('GIVEN a summary THEN text with each count, each source (id, date, English title) and the period', () => {
    const text = summaryText('data', {
      version: 'abc123',
      counts: { sources: 2, countries: 3, actors: 1, incidents: 6, figures: 5, statements: 4 },
      sources: [
        { id: 'a', title: 'First article', date: '2025-06' },
        { id: 'bb', title: { en: 'Second article', fr: 'Deuxième article' }, date: '2025-07-01' },
      ],
      period: { earliest: '2025-05', latest: '2025-06-01' },
    });
    expect(text.split('\n')).toEqual([
      'data: valid, version abc123',
      'counts:',
      '  sources     2',
      '  countries   3',
      '  actors      1',
      '  incidents   6',
      '  figures     5',
      '  statements  4',
      'sources:',
      '  a   2025-06     First article',
      '  bb  2025-07-01  Second article',
      'period: 2025-05 to 2025-06-01 (earliest and latest incident date)',
    ]);
  });
});

describe('npm run validate', () => {
  it('GIVEN a valid folder THEN the summary on stdout, exit 0', () => {
    const data = fixtureDatasetJson();
    const { code, stdout, stderr } = validate([writeDataDir(data)]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/: valid, version [0-9a-f]{12}\n/);
    expect(stdout).toContain(`  incidents   ${data.incidents.length}\n`);
    for (const source of data.sources) expect(stdout).toContain(`${source.date}     ${englishOf(source.title)}\n`);
    expect(stdout).not.toContain('[object');
    expect(stdout).toMatch(/\nperiod: \d{4}-\d{2}(-\d{2})? to \d{4}-\d{2}(-\d{2})? /);
  });

  it('GIVEN a folder that fails the schema THEN the problem on its own line on stdout, exit 1, no stack trace', () => {
    const data = fixtureDatasetJson();
    const [first] = data.figures;
    if (!first) throw new Error('the bundled dataset has no figure');
    data.figures = [{ ...first, status: 'sure' as 'confirmed' }, ...data.figures.slice(1)];
    const dir = writeDataDir(data);
    const { code, stdout, stderr } = validate([dir]);
    expect(code).toBe(1);
    const file = path.join(dir, 'dataset.json');
    expect(stdout.trim().split('\n')).toEqual([
      expect.stringMatching(`^${file}: ${first.id} \\(figures\\[0\\]\\.status\\): `),
    ]);
    expect(stderr).toContain('Problems found: 1');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('GIVEN a folder whose records fail the cross-checks THEN each of those problems too', () => {
    const data = fixtureDatasetJson();
    const [first, second] = data.figures;
    if (!first || !second) throw new Error('the bundled dataset has fewer than two figures');
    data.figures = [first, { ...second, id: first.id }, ...data.figures.slice(2)];
    data.incidents = data.incidents.map((incident, i) => (i === 0 ? { ...incident, countryCode: 'ZZ' } : incident));
    const { code, stdout } = validate([writeDataDir(data)]);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.some((line) => line.includes('ZZ'))).toBe(true);
    expect(lines.some((line) => line.includes(first.id))).toBe(true);
  });

  it('GIVEN a folder that does not exist THEN one clear line on stderr, nothing on stdout, exit 1', () => {
    const { code, stdout, stderr } = validate(['no/such/folder']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'No dataset folder at no/such/folder (give one: npm run -s validate -- DIR, or set DATA_DIR)\n',
    );
  });
});
