import { describe, expect, it } from 'vitest';
import { datasetInMemory } from '../helpers/datasetInMemory.js';
import { byId, fixtureDatasetJson } from '../helpers/datasets.js';

describe('groups of records', () => {
  it('GIVEN one group and one country reached through several values, interleaved THEN their records come in file order', async () => {
    const data = fixtureDatasetJson();
    const model = byId(data.incidents, 'ml-boulkessi-2025-06-01');
    // Even rows claimed, odd rows alleged, countries in turn: each key is reached through more than one value.
    data.incidents = Array.from({ length: 9 }, (_, i) => ({
      ...model,
      id: `grouped-${i}`,
      countryCode: i % 3 === 0 ? 'ML' : i % 3 === 1 ? 'BF' : 'NE',
      perpetrator: { actorId: 'jnim', attribution: i % 2 === 0 ? 'claimed' : 'alleged' },
    }));
    data.figures = [];
    data.statements = [];
    const dataset = await datasetInMemory(data, 'grouped');
    expect(dataset.incidentsByActor.get('jnim')?.map(({ id }) => id)).toEqual(data.incidents.map(({ id }) => id));
    expect(dataset.incidentsByCountry.get('ML')?.map(({ id }) => id)).toEqual(['grouped-0', 'grouped-3', 'grouped-6']);
    expect(dataset.incidentsByCountry.count('NE')).toBe(3);
    expect(dataset.incidentsByCountry.get('TD')).toBeUndefined();
  });

  it('GIVEN a figure about two incidents THEN each incident has it, and an incident without figures has none', async () => {
    const data = fixtureDatasetJson();
    const first = byId(data.incidents, 'ml-boulkessi-2025-06-01');
    const second = byId(data.incidents, 'ml-dioura-2025-05-24');
    const third = byId(data.incidents, 'ml-sirakorola-2025-05-30');
    const figure = byId(data.figures, 'fig-boulkessi-soldiers-killed-security-sources');
    data.figures = [{ ...figure, scope: { kind: 'incidents', incidentIds: [second.id, first.id] } }];
    const dataset = await datasetInMemory(data, 'figures');
    expect(dataset.figuresByIncident.get(first.id)?.map(({ id }) => id)).toEqual([figure.id]);
    expect(dataset.figuresByIncident.get(second.id)?.map(({ id }) => id)).toEqual([figure.id]);
    expect(dataset.figuresByIncident.get(third.id)).toBeUndefined();
    expect(dataset.figuresByIncident.size).toBe(2);
  });
});
