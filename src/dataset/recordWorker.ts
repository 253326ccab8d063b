import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { encodeRange, type RecordRange, type ValueDictionary } from './recordRange.js';

const dictionary: ValueDictionary = new Map();

lowerPriority();

/** A worker thread of `encodeInWorkers`: encodes each range it is handed and sends the result back. */
parentPort?.on('message', (range: RecordRange) => {
  const encoded = encodeRange(range, dictionary);
  const codes = Object.values(encoded.codes).map((field) => field.buffer);
  const ends = Object.values(encoded.uniqueValues).map((field) => field.ends.buffer);
  parentPort?.postMessage(encoded, [encoded.lineNumbers.buffer, ...codes, ...ends]);
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
