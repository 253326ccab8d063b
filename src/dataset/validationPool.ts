import { Worker } from 'node:worker_threads';
import type { RecordKind } from './recordFiles.js';
import type { ValidatedPiece } from './recordLines.js';
import { threadModule } from './threadModule.js';

/** A validation thread failed: the import stops, as it would for any other fault of its own. */
export class ValidationThreadError extends Error {}

export interface PieceRequest {
  readonly id: number;
  readonly kind: RecordKind;
  readonly bytes: Uint8Array;
}

export interface PieceResponse {
  readonly id: number;
  readonly piece: ValidatedPiece<string>;
}

/**
 * Worker threads that parse and validate pieces of `.jsonl` files while the import's own thread checks and writes
 * the records: the schema's checks are most of an import's work. A piece's records come back as JSON, which passes
 * between threads far more cheaply than the values themselves.
 */
export class ValidationPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<
    number,
    { resolve: (piece: ValidatedPiece<string>) => void; reject: (error: Error) => void }
  >();
  private next = 0;
  private failure: Error | undefined;

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(threadModule('validate', import.meta.url));
      worker.on('message', ({ id, piece }: PieceResponse) => {
        const waiting = this.waiting.get(id);
        this.waiting.delete(id);
        waiting?.resolve(piece);
      });
      worker.on('error', (error) =>
        this.fail(new ValidationThreadError(`a validation thread failed: ${error.message}`)),
      );
      worker.on('exit', (code) =>
        this.fail(new ValidationThreadError(`a validation thread stopped (exit code ${code})`)),
      );
      return worker;
    });
  }

  /**
   * Validates a piece of whole lines on one of the threads, in turn.
   * @param bytes handed over to the thread: unusable here afterwards
   */
  validate(kind: RecordKind, bytes: Uint8Array): Promise<ValidatedPiece<string>> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    const worker = this.workers[id % this.workers.length] as Worker;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const request: PieceRequest = { id, kind, bytes };
      worker.postMessage(request, [bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new ValidationThreadError('the validation threads were closed');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}
