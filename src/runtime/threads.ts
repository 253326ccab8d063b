import { threadModule } from '../dataset/threadModule.js';
import { resultOfWorker } from '../dataset/workerResult.js';
import type { PackedSearchIndex } from '../search/searchIndex.js';
import type { DatasetDiff } from './datasetDiff.js';

/** What a refresh hands to a worker thread: work over whole index files, too long to do between answers. */
export type ThreadTask =
  | { readonly kind: 'search'; readonly file: string }
  | { readonly kind: 'diff'; readonly before: string; readonly after: string };

type ResultOf<T extends ThreadTask> = T extends { kind: 'search' } ? PackedSearchIndex : DatasetDiff;

/** Runs one task on a worker thread of its own: this thread goes on answering meanwhile. */
export function inThread<T extends ThreadTask>(task: T): Promise<ResultOf<T>> {
  return resultOfWorker(threadModule('refresh', import.meta.url), task, task.kind);
}
