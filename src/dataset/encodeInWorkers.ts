import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EncodedRange, RecordRange } from './recordRange.js';

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

/**
 * Encodes ranges in worker threads, one a core, each taking the next range when done: parsing and validating
 * records is most of a load's work, and this shares it out. A worker that fails fails every range not yet done.
 * @returns one promise a range, in the ranges' order, each settled as soon as its range is done
 */
export function encodeInWorkers(ranges: readonly RecordRange[]): Promise<EncodedBy>[] {
  const results = ranges.map(pending);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  const failAll = (error: unknown) => {
    for (const result of results) result.reject(error);
    for (const worker of workers) void worker.terminate();
  };
  for (let count = Math.min(ranges.length, availableParallelism()); count > 0; count--) {
    const worker = startWorker();
    const encoder = workers.push(worker);
    let current = -1;
    const takeNext = () => {
      current = next++;
      if (current < ranges.length) worker.postMessage(ranges[current]);
      else void worker.terminate();
    };
    worker.on('message', (encoded: EncodedRange) => {
      results[current]?.resolve({ encoded, encoder });
      done += 1;
      takeNext();
    });
    worker.on('error', failAll);
    worker.on('exit', () => {
      if (current < ranges.length && done < ranges.length) failAll(new Error('a worker thread stopped early'));
    });
    takeNext();
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
