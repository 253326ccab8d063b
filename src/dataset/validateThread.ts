import { parentPort, workerData } from 'node:worker_threads';
import { RecordChecks } from './crossCheck.js';
import { incidentPreparer } from './incidentRow.js';
import { validateLines } from './recordLines.js';
import type { PieceRequest, PieceResponse, ValidationSetup } from './validationPool.js';

const { head, quotableTexts } = workerData as ValidationSetup;
// Figures and statements refer to incidents anywhere in the data: the import's thread checks them.
const prepareIncident = incidentPreparer(new RecordChecks(head, quotableTexts, new Set()));

/** Validates pieces of `.jsonl` files for the import's thread: bytes in, checked rows or JSON and issues out. */
parentPort?.on('message', ({ id, kind, bytes }: PieceRequest) => {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const piece =
    kind === 'incidents' ? validateLines(kind, text, prepareIncident) : validateLines(kind, text, JSON.stringify);
  const response: PieceResponse = { id, piece };
  parentPort?.postMessage(response);
});
