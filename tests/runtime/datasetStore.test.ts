import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../../src/dataset/loadDataset.js';
import { DatasetStore, makeSnapshot } from '../../src/runtime/datasetStore.js';
import { datasetInMemory } from '../helpers/datasetInMemory.js';
import { fixtureDatasetJson } from '../helpers/datasets.js';

const datasetVersion = (version: string, drop: string[] = []) => {
  const data = fixtureDatasetJson();
  data.incidents = data.incidents.filter((incident) => !drop.includes(incident.id));
  return datasetInMemory(data, version);
};
const loaded = async (version: string, drop: string[] = []): Promise<LoadResult> => ({
  ok: true,
  dataset: await datasetVersion(version, drop),
});
const broken: LoadResult = { ok: false, problems: [{ file: 'dataset.json', path: 'incidents[0]', reason: 'bad' }] };

describe('DatasetStore', () => {
  it('GIVEN a refresh that fails THEN the dataset that was serving keeps serving', async () => {
    const store = new DatasetStore(await makeSnapshot(await datasetVersion('v1'), 'test', 'data'));
    const outcome = await store.refresh(async () => broken, 'mod', 'upload.json');
    expect(outcome).toMatchObject({ ok: false, problems: broken.problems });
    expect(store.current().dataset.version).toBe('v1');
  });

  it('GIVEN a commit step that throws THEN nothing is swapped', async () => {
    const store = new DatasetStore(await makeSnapshot(await datasetVersion('v1'), 'test', 'data'));
    await expect(
      store.refresh(
        () => loaded('v2'),
        'mod',
        'upload.json',
        async () => {
          throw new Error('disk full');
        },
      ),
    ).rejects.toThrow('disk full');
    expect(store.current().dataset.version).toBe('v1');
  });

  it('GIVEN a good refresh THEN swapped, with who, from where, and the incidents added, removed, changed', async () => {
    const store = new DatasetStore(
      await makeSnapshot(await datasetVersion('v1', ['ml-dioura-2025-05-24']), 'test', 'data'),
    );
    const outcome = await store.refresh(
      async () => loaded('v2', ['bf-djibo-2025-05']),
      'mod#1',
      'https://example.org/d.json',
    );
    expect(outcome.ok && outcome.diff.incidents).toEqual({
      added: ['ml-dioura-2025-05-24'],
      removed: ['bf-djibo-2025-05'],
      changed: [],
    });
    expect(store.current()).toMatchObject({ loadedBy: 'mod#1', origin: 'https://example.org/d.json' });
    expect(store.current().index.anything.match('Dioura').kind).toBe('found');
  });

  it('GIVEN concurrent refreshes THEN they run one after the other, in order', async () => {
    const store = new DatasetStore(await makeSnapshot(await datasetVersion('v1'), 'test', 'data'));
    const events: string[] = [];
    const slowLoad = (version: string, ms: number) => async () => {
      events.push(`start ${version}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      events.push(`end ${version}`);
      return loaded(version);
    };
    const [first, second] = await Promise.all([
      store.refresh(slowLoad('v2', 30), 'a', 'x'),
      store.refresh(slowLoad('v3', 1), 'b', 'y'),
    ]);
    expect(events).toEqual(['start v2', 'end v2', 'start v3', 'end v3']);
    expect(first.ok && first.previous.dataset.version).toBe('v1');
    expect(second.ok && second.previous.dataset.version).toBe('v2');
    expect(store.current().dataset.version).toBe('v3');
  });
});
