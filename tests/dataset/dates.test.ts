import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/loadDataset.js';
import { formatProblem } from '../../src/dataset/problems.js';
import type { DatasetFile } from '../../src/dataset/schema.js';
import { byId, fixtureDatasetJson, indexOfId, writeDataDir } from '../helpers/datasets.js';

const DIOURA = 'ml-dioura-2025-05-24';

function changed(change: (data: DatasetFile) => void): DatasetFile {
  const data = fixtureDatasetJson();
  change(data);
  return data;
}

const incident = (data: DatasetFile, id: string) => byId(data.incidents, id);
const figure = (data: DatasetFile, id: string) => byId(data.figures, id);

async function problemsOf(data: DatasetFile): Promise<string[]> {
  const result = await loadDataset(writeDataDir(data));
  if (result.ok) throw new Error('expected the dataset to be refused');
  return result.problems.map((problem) => formatProblem({ ...problem, file: path.basename(problem.file) }));
}

const at = (data: DatasetFile, id: string) => `incidents[${indexOfId(data.incidents, id)}]`;

describe('dates are dates of the calendar, never after the source that reports them', () => {
  it.each([
    ['2025-05-33', 'day'],
    ['2025-02-30', 'day'],
    ['2025-02-29', 'day'],
    ['2025-13-01', 'day'],
    ['2025-00-10', 'day'],
    ['2025-13', 'month'],
    ['2025-05-00', 'day'],
  ] as const)(
    'GIVEN an incident dated %s (%s precision) THEN it is refused, naming the field',
    async (value, precision) => {
      const data = changed((d) => Object.assign(incident(d, DIOURA).date, { value, precision }));
      expect(await problemsOf(data)).toEqual([
        `dataset.json: ${DIOURA} (${at(data, DIOURA)}.date.value): not a date of the calendar (month 01 to 12, a day the month has)`,
      ]);
    },
  );

  it('GIVEN 29 February of a leap year THEN it is a date', async () => {
    const data = changed((d) => {
      Object.assign(incident(d, DIOURA).date, { value: '2024-02-29' });
    });
    expect((await loadDataset(writeDataDir(data))).ok).toBe(true);
  });

  it('GIVEN an incident dated after its source (June 2025) THEN it is refused', async () => {
    const data = changed((d) => Object.assign(incident(d, DIOURA).date, { value: '2025-07-01' }));
    expect(await problemsOf(data)).toEqual([
      `dataset.json: ${DIOURA} (${at(data, DIOURA)}.date.value): 2025-07-01 is after the date of source "nl-2025-06-jnim-sahel" (2025-06), which reports it`,
    ]);
  });

  it('GIVEN an incident on a day in the month of a source known to the month THEN it is not after it', async () => {
    const data = changed((d) => Object.assign(incident(d, DIOURA).date, { value: '2025-06-30' }));
    expect((await loadDataset(writeDataDir(data))).ok).toBe(true);
  });

  it('GIVEN a source date that does not exist, or a precision that does not fit it THEN it is refused', async () => {
    const data = changed((d) => {
      Object.assign(d.sources[0] as object, { date: '2025-06-31', datePrecision: 'day' });
    });
    expect(await problemsOf(data)).toEqual([
      'dataset.json: nl-2025-06-jnim-sahel (sources[0].date): not a date of the calendar (month 01 to 12, a day the month has)',
    ]);
    const unfit = changed((d) => Object.assign(d.sources[0] as object, { datePrecision: 'day' }));
    expect(await problemsOf(unfit)).toEqual([
      'dataset.json: nl-2025-06-jnim-sahel (sources[0].date): precision "day" expects YYYY-MM-DD',
    ]);
  });
});

describe('figure numbers', () => {
  it('GIVEN a negative number, a fraction or a range low above high THEN each is refused', async () => {
    const data = changed((d) => {
      figure(d, 'fig-dioura-soldiers-killed-jnim-claim').value = { qualifier: 'exact', number: -40 };
      figure(d, 'fig-djibo-soldiers-killed-jnim-claim').value = { qualifier: 'at_least', number: 2.5 };
      figure(d, 'fig-boulkessi-soldiers-killed-security-sources').value = { qualifier: 'range', low: 40, high: 30 };
    });
    const problems = await problemsOf(data);
    const index = (id: string) => indexOfId(data.figures, id);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          `fig-dioura-soldiers-killed-jnim-claim (figures[${index('fig-dioura-soldiers-killed-jnim-claim')}].value.number):`,
        ),
        expect.stringContaining(
          `fig-djibo-soldiers-killed-jnim-claim (figures[${index('fig-djibo-soldiers-killed-jnim-claim')}].value.number):`,
        ),
      ]),
    );
    // Shape problems stop the load before cross-checks: the unordered range is refused on its own.
    const unordered = changed((d) => {
      figure(d, 'fig-boulkessi-soldiers-killed-security-sources').value = { qualifier: 'range', low: 40, high: 30 };
    });
    expect(await problemsOf(unordered)).toEqual([
      `dataset.json: fig-boulkessi-soldiers-killed-security-sources (figures[${index('fig-boulkessi-soldiers-killed-security-sources')}].value): range low 40 is above high 30`,
    ]);
  });
});
