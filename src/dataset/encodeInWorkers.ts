import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EncodedRange } from './recordEncoder.js';
import type { RecordRange } from './recordRange.js';

/** A range as encoded, with which thread encoded it: its codes point into that thread's dictionary. */
export interface EncodedBy {
  encoded: EncodedRange;
  encoder: number;
}

interface Pending {
  promise: Promise<EncodedBy>;
  resolve: (result: EncodedBy) => void;
  reject: (error: unknown) => void;
}

function pending(): Pending {
  let resolve: Pending['resolve'] = () => {};
  let reject: Pending['reject'] = () => {};
  const promise = new Promise<EncodedBy>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  // Once one range fails the loader stops waiting for the others: their failures are expected, not unhandled.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** What a worker thread is handed: every range, and a counter in memory all threads share of the ranges taken. */
export interface WorkerTask {
  ranges: readonly RecordRange[];
  taken: Int32Array<SharedArrayBuffer>;
}

/** What a worker thread sends back of each range it encodes, then once when no range is left to take. */
export type WorkerMessage = { index: number; encoded: EncodedRange } | { finished: true };

/**
 * Encodes ranges in worker threads, one a core, each taking the next range as soon as it is done with one: parsing
 * and validating records is most of a load's work, and this shares it out without a thread waiting on another.
 * A worker that fails fails every range not yet done.
 * @returns one promise a range, in the ranges' order, each settled as soon as its range is done
 */
export function encodeInWorkers(ranges: readonly RecordRange[]): Promise<EncodedBy>[] {
  const results = ranges.map(pending);
  const task: WorkerTask = { ranges, taken: new Int32Array(new SharedArrayBuffer(4)) };
  const workers: Worker[] = [];
  const failAll = (error: unknown) => {
    for (const result of results) result.reject(error);
    for (const worker of workers) void worker.terminate();
  };
  for (let count = Math.min(ranges.length, availableParallelism()); count > 0; count--) {
    const worker = startWorker();
    const encoder = workers.push(worker);
    let finished = false;
    worker.on('message', (message: WorkerMessage) => {
      if ('finished' in message) finished = true;
      else results[message.index]?.resolve({ encoded: message.encoded, encoder });
    });
    worker.on('error', failAll);
    worker.on('exit', () => {
      if (!finished) failAll(new Error('a worker thread stopped early'));
    });
    worker.postMessage(task);
  }
  return results.map((result) => result.promise);
}

const WORKER_FILE = new URL(
  `./recordWorker${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`,
  import.meta.url,
);

/** Run from TypeScript source (tsx, vitest), a worker thread must register tsx itself: it does not inherit it. */
function startWorker(): Worker {
  if (!WORKER_FILE.pathname.endsWith('.ts')) return new Worker(WORKER_FILE);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_FILE.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}
