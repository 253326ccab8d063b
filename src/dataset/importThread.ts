import { parentPort, workerData } from 'node:worker_threads';
import { type ImportRequest, importDataset } from './importDataset.js';

/** The import of one dataset in a worker thread: the request in, the result out. */
parentPort?.postMessage(await importDataset(workerData as ImportRequest));
