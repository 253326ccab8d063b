import { parentPort, workerData } from 'node:worker_threads';
import { openIndexFile } from '../dataset/indexFiles.js';
import { openDataset } from '../dataset/repository.js';
import { packSearchIndex } from '../search/searchIndex.js';
import { diffIndexes } from './datasetDiff.js';
import type { ThreadTask } from './threads.js';

/** One task of a refresh on a worker thread, on index files it opens itself: the request in, the result out. */
async function run(task: ThreadTask): Promise<void> {
  if (task.kind === 'search') {
    const dataset = openDataset(openIndexFile(task.file), task.file);
    try {
      const packed = await packSearchIndex(dataset);
      // The typed arrays move to the main thread rather than being copied.
      const buffers = Object.values(packed).flatMap((names): ArrayBuffer[] => [
        names.ends.buffer as ArrayBuffer,
        names.starts.buffer as ArrayBuffer,
        ...(names.bigrams
          ? [names.bigrams.ends.buffer as ArrayBuffer, names.bigrams.postings.buffer as ArrayBuffer]
          : []),
      ]);
      parentPort?.postMessage(packed, buffers);
    } finally {
      dataset.close();
    }
    return;
  }
  const before = openIndexFile(task.before);
  const after = openIndexFile(task.after);
  try {
    parentPort?.postMessage(diffIndexes(before, after));
  } finally {
    before.close();
    after.close();
  }
}

await run(workerData as ThreadTask);
