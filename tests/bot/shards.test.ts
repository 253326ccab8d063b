import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinShards, type ShardChannel } from '../../src/bot/joinShards.js';
import { shardMessage } from '../../src/bot/shardMessages.js';
import { loadDataset } from '../../src/dataset/loadDataset.js';
import { createLogger } from '../../src/logger.js';
import { DatasetStore, makeSnapshot } from '../../src/runtime/datasetStore.js';
import { fixtureDatasetJson, writeDataDir } from '../helpers/datasets.js';

/** Two shard processes' stores and a manager that relays between them, as `runShards` does, without processes. */
function twoShards(first: DatasetStore, second: DatasetStore) {
  const listeners: ((message: unknown) => void)[][] = [[], []];
  const deliver = (to: number, message: unknown) =>
    setImmediate(() => {
      for (const listener of listeners[to] ?? []) listener(message);
    });
  const channel = (self: number): ShardChannel => ({
    on: (listener) => listeners[self]?.push(listener),
    send: (message) => {
      const other = 1 - self;
      if (message.kind === 'sahel:switch') {
        // The manager: to the other shard, and its answer back as a count.
        const answer = (raw: unknown) => {
          const reply = shardMessage(raw);
          if (reply?.kind === 'sahel:switched' && reply.id === message.id) {
            deliver(self, { kind: 'sahel:switch-done', id: message.id, serving: reply.ok ? 2 : 1, total: 2 });
          }
        };
        replies[other] = answer;
        deliver(other, message);
      } else replies[self]?.(message);
    },
  });
  const replies: ((message: unknown) => void)[] = [];
  const logger = createLogger('silent');
  joinShards(first, logger, channel(0));
  joinShards(second, logger, channel(1));
}

async function storeOn(dataDir: string): Promise<DatasetStore> {
  const loaded = await loadDataset(dataDir);
  if (!loaded.ok) throw new Error('the fixture does not load');
  return new DatasetStore(await makeSnapshot(loaded.dataset, 'test', dataDir));
}

describe('shards on one index', () => {
  it('GIVEN two shards on one data folder THEN both read the same index file, imported once', async () => {
    const dir = writeDataDir(fixtureDatasetJson());
    const [first, second] = [await storeOn(dir), await storeOn(dir)];
    expect(second.current().dataset.file).toBe(first.current().dataset.file);
  });

  it('GIVEN a refresh in one shard THEN the other serves the new version, and the reply counts both', async () => {
    const dir = writeDataDir(fixtureDatasetJson());
    const [first, second] = [await storeOn(dir), await storeOn(dir)];
    twoShards(first, second);
    const changed = fixtureDatasetJson();
    changed.incidents = changed.incidents.filter((incident) => incident.id !== 'ml-dioura-2025-05-24');
    changed.figures = changed.figures.filter((figure) => figure.id !== 'fig-dioura-soldiers-killed-jnim-claim');
    writeFileSync(path.join(dir, 'dataset.json'), JSON.stringify(changed));
    const outcome = await first.refresh(() => loadDataset(dir), 'mod', dir);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.shards).toEqual({ serving: 2, total: 2 });
    expect(second.current().dataset.version).toBe(outcome.current.dataset.version);
    expect(second.current().dataset.file).toBe(outcome.current.dataset.file);
    expect(second.current().dataset.incidentsById.get('ml-dioura-2025-05-24')).toBeUndefined();
  });
});
