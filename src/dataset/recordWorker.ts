import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { WorkerMessage, WorkerTask } from './encodeInWorkers.js';
import type { ValueDictionary } from './recordEncoder.js';
import { encodeRange, type RecordRange } from './recordRange.js';

lowerPriority();

/** A worker thread of `encodeInWorkers`: encodes the next range not yet taken until none is left, then ends. */
parentPort?.once('message', ({ ranges, taken }: WorkerTask) => {
  const dictionary: ValueDictionary = new Map();
  for (let index = Atomics.add(taken, 0, 1); index < ranges.length; index = Atomics.add(taken, 0, 1)) {
    const encoded = encodeRange(ranges[index] as RecordRange, dictionary);
    const codes = Object.values(encoded.codes).map((field) => field.buffer);
    const ends = Object.values(encoded.uniqueValues).map((field) => field.ends.buffer);
    const message: WorkerMessage = { index, encoded };
    parentPort?.postMessage(message, [encoded.lineNumbers.buffer, ...codes, ...ends]);
  }
  const finished: WorkerMessage = { finished: true };
  parentPort?.postMessage(finished);
  parentPort?.close();
});

/**
 * Yields the processor to the thread that answers interactions whenever it has work: with as many workers as cores,
 * that thread otherwise waited its turn for up to 200 ms at a time during a refresh (measured at 1M incidents).
 * Linux names a thread by its id in /proc/thread-self; elsewhere the worker keeps the usual priority.
 */
function lowerPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId)) setPriority(threadId, constants.priority.PRIORITY_LOW);
  } catch {
    // No /proc, or not allowed: the usual priority.
  }
}
