import { parentPort } from 'node:worker_threads';
import { validateLines } from './recordLines.js';
import type { PieceRequest, PieceResponse } from './validationPool.js';

/** Validates pieces of `.jsonl` files for the import's thread: bytes in, records as JSON and issues out. */
parentPort?.on('message', ({ id, kind, bytes }: PieceRequest) => {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const response: PieceResponse = { id, piece: validateLines(kind, text, true) };
  parentPort?.postMessage(response);
});
