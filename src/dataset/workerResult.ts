import { Worker } from 'node:worker_threads';

/**
 * Runs `script` on a worker thread of its own and gives the one message it sends back: this thread goes on
 * answering meanwhile. A thread that stops without answering is an error that says which.
 */
export function resultOfWorker<T>(script: URL, workerData: unknown, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData });
    let settled = false;
    worker.once('message', (result: T) => {
      settled = true;
      resolve(result);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the ${what} thread stopped (exit code ${code})`));
    });
  });
}
