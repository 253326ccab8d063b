import { beforeAll, describe, expect, it } from 'vitest';
import { answerAttack, countIncidents } from '../../src/answers/attackAnswer.js';
import { answerToll } from '../../src/answers/tollAnswer.js';
import type { Dataset } from '../../src/dataset/dataset.js';
import { buildSearchIndex, type SearchIndex } from '../../src/search/searchIndex.js';
import { datasetInMemory } from '../helpers/datasetInMemory.js';
import { byId, fixtureDatasetJson, loadFixtureDataset } from '../helpers/datasets.js';

let dataset: Dataset;
let index: SearchIndex;
beforeAll(async () => {
  dataset = await loadFixtureDataset();
  index = await buildSearchIndex(dataset);
});

/** What `/attack query` answers: one incident id, several (choose), or not found. */
function attackOutcome(query: string): string | string[] {
  const answer = answerAttack(dataset, index, query);
  if (answer.kind === 'incident') return answer.report.incident.id;
  if (answer.kind === 'choose') return answer.options.map((option) => option.incident.id).sort();
  return answer.kind;
}

describe('/attack: typos and spellings resolve', () => {
  it.each([
    ['Boulkessi', 'ml-boulkessi-2025-06-01'],
    ['boulkessi', 'ml-boulkessi-2025-06-01'],
    ['  BOULKÉSSI!! ', 'ml-boulkessi-2025-06-01'],
    ['Boulkesi', 'ml-boulkessi-2025-06-01'],
    ['Boulkessy', 'ml-boulkessi-2025-06-01'],
    ['Bulkessi', 'ml-boulkessi-2025-06-01'],
    ['Bouklessi', 'ml-boulkessi-2025-06-01'],
    ['boulk', 'ml-boulkessi-2025-06-01'],
    ['Mondoro', 'ml-boulkessi-2025-06-01'],
    ['Jibo', 'bf-djibo-2025-05'],
    ['Djibo', 'bf-djibo-2025-05'],
    ['Diora', 'ml-dioura-2025-05-24'],
    ['Dioura', 'ml-dioura-2025-05-24'],
    ['Sirakorola', 'ml-sirakorola-2025-05-30'],
    ['Sirakorla', 'ml-sirakorola-2025-05-30'],
    ['Tahoua', 'ne-tahoua-2025-05-24'],
    ['dosso', 'ne-dosso-2025-05-26'],
    ['Dosso region', 'ne-dosso-2025-05-26'],
    ['ml-dioura-2025-05-24', 'ml-dioura-2025-05-24'],
  ])('%s → %s', (query, expected) => {
    expect(attackOutcome(query)).toBe(expected);
  });
});

describe('/attack: a country or a group lists its attacks to choose from', () => {
  it.each([
    ['Mali', ['ml-boulkessi-2025-06-01', 'ml-dioura-2025-05-24', 'ml-sirakorola-2025-05-30']],
    ['Niger', ['ne-dosso-2025-05-26', 'ne-tahoua-2025-05-24']],
    ['JNIM', ['bf-djibo-2025-05', 'ml-boulkessi-2025-06-01', 'ml-dioura-2025-05-24', 'ml-sirakorola-2025-05-30']],
    ['GSIM', ['bf-djibo-2025-05', 'ml-boulkessi-2025-06-01', 'ml-dioura-2025-05-24', 'ml-sirakorola-2025-05-30']],
    ['central mali', ['ml-boulkessi-2025-06-01', 'ml-dioura-2025-05-24']],
  ])('%s → choose', (query, expected) => {
    expect(attackOutcome(query)).toEqual(expected);
  });
});

describe('/attack: a list to choose from shows the most recent first', () => {
  it('GIVEN a group THEN its attacks newest first, a month-only date after the days of that month', () => {
    const answer = answerAttack(dataset, index, 'JNIM');
    expect(answer.kind === 'choose' && answer.options.map((option) => option.incident.id)).toEqual([
      'ml-boulkessi-2025-06-01',
      'ml-sirakorola-2025-05-30',
      'ml-dioura-2025-05-24',
      'bf-djibo-2025-05',
    ]);
  });

  it('GIVEN a country with more attacks than a list holds THEN the newest a menu holds (25), and the count of all', async () => {
    const data = fixtureDatasetJson();
    const dioura = byId(data.incidents, 'ml-dioura-2025-05-24');
    // Days 1 to 30 out of order (7 and 30 share no factor), so that order comes from the answer, not the data.
    const days = Array.from({ length: 30 }, (_, n) => ((n * 7) % 30) + 1);
    for (const [n, day] of days.entries()) {
      const date = `2024-03-${String(day).padStart(2, '0')}`;
      data.incidents.push({ ...dioura, id: `ml-extra-${n}`, date: { ...dioura.date, value: date } });
    }
    const large = await datasetInMemory(data, 'many');
    const answer = answerAttack(large, await buildSearchIndex(large), 'Mali');
    if (answer.kind !== 'choose') throw new Error(`expected a list, got ${answer.kind}`);
    expect(answer.total).toBe(33);
    expect(answer.options.map((option) => option.incident.date.value)).toEqual([
      '2025-06-01',
      '2025-05-30',
      '2025-05-24',
      ...Array.from({ length: 22 }, (_, n) => `2024-03-${String(30 - n).padStart(2, '0')}`),
    ]);
  });
});

describe('/attack: what the sources do not cover is not found, never a wrong answer', () => {
  it.each([
    'Timbuktu',
    'Gao',
    'Bamako',
    'Dori',
    'Nigeria',
    'Chad',
    'Ouagadougou',
    'Kidal',
    'Bouli',
    'xyzzy',
    'a',
    '!!!',
  ])('%s → not found', (query) => {
    expect(attackOutcome(query)).toBe('not_found');
  });

  it('GIVEN a near miss THEN it is offered as "did you mean", not answered', () => {
    expect(answerAttack(dataset, index, 'Nigeria')).toMatchObject({ kind: 'not_found', suggestions: ['Niger'] });
    expect(answerAttack(dataset, index, 'Dori')).toMatchObject({
      kind: 'not_found',
      suggestions: expect.arrayContaining(['Dioura']),
    });
  });
});

describe('/toll: countries only', () => {
  it.each([
    ['Niger', 'NE'],
    ['niger', 'NE'],
    ['Nigr', 'NE'],
    ['Mali', 'ML'],
    ['Burkina', 'BF'],
    ['burkina faso', 'BF'],
    ['Burkina-Faso', 'BF'],
    ['BF', 'BF'],
  ])('%s → %s', async (query, code) => {
    const answer = await answerToll(dataset, index, query);
    expect(answer.kind === 'toll' && answer.toll.country.code).toBe(code);
  });

  it.each(['Nigeria', 'Chad', 'Boulkessi', 'Timbuktu', 'JNIM'])('%s → not found', async (query) => {
    expect((await answerToll(dataset, index, query)).kind).toBe('not_found');
  });
});

describe('invalid queries', () => {
  it('GIVEN an empty or overlong query THEN a clear error, not a search', async () => {
    expect(answerAttack(dataset, index, '   ')).toMatchObject({ kind: 'error', code: 'empty_query' });
    expect(answerAttack(dataset, index, 'x'.repeat(5000))).toMatchObject({ kind: 'error', code: 'query_too_long' });
    expect(await answerToll(dataset, index, 'x'.repeat(101))).toMatchObject({ kind: 'error', code: 'query_too_long' });
  });

  it('GIVEN emoji, markdown or a mention THEN not found, never a crash', () => {
    for (const query of ['🔥🔥', '**bold**', '@everyone', '<@123456789012345678>', '`rm -rf`']) {
      expect(answerAttack(dataset, index, query).kind).toBe('not_found');
    }
  });
});

describe('autocomplete', () => {
  it('GIVEN "boulk" THEN Boulkessi first', () => {
    expect(index.anything.complete('boulk', 25)[0]?.label).toBe('Boulkessi');
  });

  it('GIVEN junk THEN an empty list', () => {
    expect(index.anything.complete('qqqqqqqq', 25)).toEqual([]);
  });

  it('GIVEN nothing typed THEN at most the limit', () => {
    expect(index.anything.complete('', 5)).toHaveLength(5);
  });

  it('GIVEN two spellings of one attack that are one name once normalised THEN that attack counts once', async () => {
    const data = fixtureDatasetJson();
    data.incidents = data.incidents.map((incident) =>
      incident.id === 'ml-boulkessi-2025-06-01'
        ? { ...incident, place: { ...incident.place, aliases: ['Boulkési', 'BOULKESI'] } }
        : incident,
    );
    const spelled = await datasetInMemory(data, 'spelled');
    const [entry] = (await buildSearchIndex(spelled)).anything.complete('boulkesi', 1);
    expect(entry?.key).toBe('boulkesi');
    const { count, only } = countIncidents(spelled, entry as NonNullable<typeof entry>);
    expect([count, only?.id]).toEqual([1, 'ml-boulkessi-2025-06-01']);
  });
});
