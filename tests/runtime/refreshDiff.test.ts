import { describe, expect, it } from 'vitest';
import type { DatasetFile } from '../../src/dataset/schema.js';
import { EmbedLimits } from '../../src/render/embed.js';
import { renderRefresh } from '../../src/render/renderAdmin.js';
import { type DatasetDiff, diffDatasets } from '../../src/runtime/datasetDiff.js';
import { DatasetStore, makeSnapshot } from '../../src/runtime/datasetStore.js';
import { datasetInMemory } from '../helpers/datasetInMemory.js';
import { fixtureDatasetJson } from '../helpers/datasets.js';

const FIGURE_ID = 'fig-boulkessi-soldiers-killed-security-sources';
const NOTHING = { added: [], removed: [], changed: [] };
const NO_CHANGE: DatasetDiff = {
  sources: NOTHING,
  countries: NOTHING,
  actors: NOTHING,
  incidents: NOTHING,
  figures: NOTHING,
  statements: NOTHING,
};

const datasetOf = (data: DatasetFile, version: string) => datasetInMemory(data, version);

/** The bundled dataset with one figure's number corrected, and nothing else touched. */
function withCorrectedFigure(): DatasetFile {
  const data = fixtureDatasetJson();
  data.figures = data.figures.map((figure) =>
    figure.id === FIGURE_ID && figure.value.qualifier !== 'range'
      ? { ...figure, value: { ...figure.value, number: figure.value.number + 1 } }
      : figure,
  );
  return data;
}

async function refreshTo(data: DatasetFile) {
  const store = new DatasetStore(await makeSnapshot(await datasetOf(fixtureDatasetJson(), 'v1'), 'test', 'data'));
  const outcome = await store.refresh(async () => ({ ok: true, dataset: await datasetOf(data, 'v2') }), 'mod', 'data');
  if (!outcome.ok) throw new Error('the refresh failed');
  return outcome;
}

describe('refresh diff over every kind of record', () => {
  it('GIVEN a refresh where only one figure value changed THEN that figure is reported changed, nothing else', async () => {
    const outcome = await refreshTo(withCorrectedFigure());
    expect(outcome.diff).toEqual({ ...NO_CHANGE, figures: { ...NOTHING, changed: [FIGURE_ID] } });

    const [embed] = renderRefresh(outcome, 'en').embeds;
    expect(embed?.fields).toEqual([{ name: 'Figures (1 changed)', value: `changed: \`${FIGURE_ID}\`` }]);
    expect(renderRefresh(outcome, 'nl').embeds[0]?.fields?.[0]?.name).toBe('Cijfers (1 gewijzigd)');
  });

  it('GIVEN the same records again THEN no field, and a line saying no record changed', async () => {
    const outcome = await refreshTo(fixtureDatasetJson());
    expect(outcome.diff).toEqual(NO_CHANGE);
    const [embed] = renderRefresh(outcome, 'en').embeds;
    expect(embed?.fields ?? []).toEqual([]);
    expect(embed?.description).toContain('No record was added, removed or changed.');
  });

  it('GIVEN the same figure written with its keys in another order THEN no change', async () => {
    const data = fixtureDatasetJson();
    data.figures = data.figures.map(({ id, quotes, scope, status, saidBy, value, counts }) => ({
      quotes,
      scope,
      status,
      saidBy: Object.fromEntries(Object.entries(saidBy).reverse()) as typeof saidBy,
      value,
      counts,
      id,
    }));
    expect(
      (await diffDatasets(await datasetOf(fixtureDatasetJson(), 'a'), await datasetOf(data, 'b'))).figures,
    ).toEqual(NOTHING);
  });

  it('GIVEN sources, countries, actors and statements changed THEN each kind says which, by id', async () => {
    const data = fixtureDatasetJson();
    data.countries = data.countries.map((country) =>
      country.code === 'ML' ? { ...country, names: { ...country.names, fr: 'République du Mali' } } : country,
    );
    data.actors = data.actors.map((actor) => ({ ...actor, description: `${actor.description} (edited)` }));
    const [dropped, ...statements] = data.statements;
    data.statements = statements;
    const outcome = await refreshTo(data);
    const actorIds = fixtureDatasetJson().actors.map((actor) => actor.id);
    expect(outcome.diff).toEqual({
      ...NO_CHANGE,
      countries: { ...NOTHING, changed: ['ML'] },
      actors: { ...NOTHING, changed: actorIds },
      statements: { ...NOTHING, removed: [dropped?.id] },
    });
    const names = renderRefresh(outcome, 'en').embeds[0]?.fields?.map((field) => field.name);
    expect(names).toEqual([
      'Countries (1 changed)',
      `Actors (${actorIds.length} changed)`,
      'Statements without numbers (1 removed)',
    ]);
  });

  it('GIVEN thousands of ids THEN each field stays within Discord limits and says how many more', async () => {
    const data = fixtureDatasetJson();
    const [figure] = data.figures;
    if (!figure) throw new Error('the bundled dataset has no figure');
    for (let n = 0; n < 3000; n++) data.figures.push({ ...figure, id: `fig-extra-${n}` });
    const outcome = await refreshTo(data);
    const [field] = renderRefresh(outcome, 'en').embeds[0]?.fields ?? [];
    expect(field?.name).toBe('Figures (3000 added)');
    expect(field?.value.length).toBeLessThanOrEqual(EmbedLimits.fieldValue);
    expect(field?.value).toMatch(/^added: `fig-extra-0`, `fig-extra-1`, .* \(\+\d+\)$/);
  });
});
