import path from 'node:path';
import type { Dataset } from '../dataset/dataset.js';
import { removeOldIndexes } from '../dataset/indexFiles.js';
import type { LoadResult } from '../dataset/loadDataset.js';
import type { Problem } from '../dataset/problems.js';
import { adoptSearchIndex, buildSearchIndex, type SearchIndex } from '../search/searchIndex.js';
import { type DatasetDiff, diffDatasets } from './datasetDiff.js';
import { inThread } from './threads.js';

export type { DatasetDiff };

/** The dataset being served with its index: replaced whole, never modified. */
export interface Snapshot {
  readonly dataset: Dataset;
  readonly index: SearchIndex;
  readonly loadedAt: Date;
  readonly loadedBy: string;
  /** Where it came from: the folder, a URL, an attachment's name. */
  readonly origin: string;
}

/** How many bot processes serve the new version, of how many: a refresh in one shard switches them all. */
export interface ShardsServing {
  readonly serving: number;
  readonly total: number;
}

export type RefreshOutcome =
  | { ok: true; previous: Snapshot; current: Snapshot; diff: DatasetDiff; shards?: ShardsServing }
  | { ok: false; problems: readonly Problem[]; serving: Snapshot };

/** How long a replaced dataset stays open for the answers that were reading it when it was replaced. */
const CLOSE_REPLACED_AFTER_MS = 60_000;

/**
 * From this many distinct places a refresh builds the search index on a worker thread, from the index file: below,
 * building it here takes less than starting a thread.
 */
const IN_THREAD_PLACES = 500;

/** The first snapshot of a process, built on this thread: nothing is answered yet, and a thread takes long to start. */
export async function makeSnapshot(dataset: Dataset, loadedBy: string, origin: string): Promise<Snapshot> {
  return { dataset, index: await buildSearchIndex(dataset), loadedAt: new Date(), loadedBy, origin };
}

/** A snapshot to swap in while answers go on: a large dataset's search index is built on a worker thread. */
async function nextSnapshot(dataset: Dataset, loadedBy: string, origin: string): Promise<Snapshot> {
  const index =
    dataset.file && dataset.incidentsByPlace.size >= IN_THREAD_PLACES
      ? adoptSearchIndex(await inThread({ kind: 'search', file: dataset.file }))
      : await buildSearchIndex(dataset);
  return { dataset, index, loadedAt: new Date(), loadedBy, origin };
}

/**
 * Holds the snapshot every answer reads. A refresh builds and indexes the new dataset completely before
 * swapping it in, so a failure leaves the old one serving; refreshes run one after another.
 */
export class DatasetStore {
  private snapshot: Snapshot;
  private queue: Promise<unknown> = Promise.resolve();
  /** Tells the other shard processes to serve a new index file; set in a shard. */
  private peers: ((snapshot: Snapshot) => Promise<ShardsServing>) | undefined;

  constructor(initial: Snapshot) {
    this.snapshot = initial;
  }

  current(): Snapshot {
    return this.snapshot;
  }

  /**
   * @param load produces the candidate dataset; `commit` runs after it validated and before the swap
   * (writing an attached file to disk, say): if it throws, nothing is swapped.
   */
  refresh(
    load: () => Promise<LoadResult>,
    who: string,
    origin: string,
    commit: () => Promise<void> = async () => {},
  ): Promise<RefreshOutcome> {
    const run = async (): Promise<RefreshOutcome> => {
      const result = await load();
      if (!result.ok) return { ok: false, problems: result.problems, serving: this.snapshot };
      const next = await nextSnapshot(result.dataset, who, origin);
      await commit();
      const previous = this.snapshot;
      this.snapshot = next;
      // The other shards switch while the two versions are compared; the old file stays until they are.
      const [diff, shards] = await Promise.all([
        diffDatasets(previous.dataset, next.dataset).finally(() => this.retire(previous.dataset, next.dataset)),
        this.peers?.(next),
      ]);
      return { ok: true, previous, current: next, diff, ...(shards ? { shards } : {}) };
    };
    const outcome = this.queue.then(run, run);
    this.queue = outcome.catch(() => undefined);
    return outcome;
  }

  /** In a shard: how a refresh here reaches the other shards. */
  shareWith(peers: (snapshot: Snapshot) => Promise<ShardsServing>): void {
    this.peers = peers;
  }

  /** Serves a dataset another process imported and checked (a refresh in another shard), after queued refreshes. */
  adopt(dataset: Dataset, loadedBy: string, origin: string): Promise<void> {
    const run = async () => {
      const next = await nextSnapshot(dataset, loadedBy, origin);
      const previous = this.snapshot;
      this.snapshot = next;
      this.retire(previous.dataset, next.dataset);
    };
    const done = this.queue.then(run, run);
    this.queue = done.catch(() => undefined);
    return done;
  }

  /**
   * Closes a replaced dataset once the answers reading it are done, and removes the index files no longer served.
   * The same file served again (a refresh of unchanged data) stays open.
   */
  private retire(replaced: Dataset, serving: Dataset): void {
    if (replaced === serving) return;
    const timer = setTimeout(() => replaced.close(), CLOSE_REPLACED_AFTER_MS);
    timer.unref();
    if (serving.file && replaced.file !== serving.file) {
      removeOldIndexes(path.dirname(path.dirname(serving.file)), serving.file).catch(() => undefined);
    }
  }
}
