import { randomUUID } from 'node:crypto';
import { openIndexedDataset } from '../dataset/loadDataset.js';
import type { Logger } from '../logger.js';
import type { DatasetStore, ShardsServing } from '../runtime/datasetStore.js';
import { type ShardMessage, shardMessage } from './shardMessages.js';

/** How a shard talks to its manager: the process's IPC channel. */
export interface ShardChannel {
  send(message: ShardMessage): void;
  on(listener: (message: unknown) => void): void;
}

function processChannel(): ShardChannel | undefined {
  const send = process.send?.bind(process);
  if (!send) return undefined;
  return { send: (message) => void send(message), on: (listener) => void process.on('message', listener) };
}

/** How long a refresh waits for the other shards to switch before it answers with what it knows. */
const SWITCH_TIMEOUT_MS = 30_000;

/**
 * In a shard process: a refresh here makes every shard serve the new index file, and a refresh in another shard
 * makes this one serve it. Does nothing outside a sharding manager.
 */
export function joinShards(
  store: DatasetStore,
  logger: Logger,
  channel: ShardChannel | undefined = processChannel(),
): void {
  if (!channel) return;
  const waiting = new Map<string, (serving: ShardsServing) => void>();
  const post = (message: ShardMessage) => channel.send(message);
  channel.on((raw) => {
    const message = shardMessage(raw);
    if (message?.kind === 'sahel:switch-done') {
      waiting.get(message.id)?.({ serving: message.serving, total: message.total });
    }
    if (message?.kind !== 'sahel:switch') return;
    const { id, file, loadedBy, origin } = message;
    Promise.resolve()
      .then(() => store.adopt(openIndexedDataset(file), loadedBy, origin))
      .then(
        () => {
          logger.info({ file }, 'dataset switched: refreshed in another shard');
          post({ kind: 'sahel:switched', id, ok: true });
        },
        (error: unknown) => {
          logger.error({ err: error, file }, 'dataset switch failed: this shard keeps its dataset');
          post({ kind: 'sahel:switched', id, ok: false });
        },
      );
  });
  store.shareWith(async (snapshot) => {
    const file = snapshot.dataset.file;
    if (!file) return { serving: 1, total: 1 };
    const id = randomUUID();
    const done = new Promise<ShardsServing>((resolve) => {
      waiting.set(id, resolve);
      setTimeout(() => resolve({ serving: 1, total: 0 }), SWITCH_TIMEOUT_MS).unref();
    });
    post({ kind: 'sahel:switch', id, file, loadedBy: snapshot.loadedBy, origin: snapshot.origin });
    const serving = await done;
    waiting.delete(id);
    return serving;
  });
}
