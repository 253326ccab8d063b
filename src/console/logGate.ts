import { Writable } from 'node:stream';

/**
 * Where the console's log lines go: straight to stderr, except while an answer is being worked out and written,
 * when they wait and follow it, so that no log line ever cuts through an answer.
 */
export class LogGate extends Writable {
  private waiting: string[] | undefined;

  constructor(private readonly out: (text: string) => void = (text) => process.stderr.write(text)) {
    super();
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    const text = chunk.toString();
    if (this.waiting) this.waiting.push(text);
    else this.out(text);
    done();
  }

  /** Runs `answer` with the log lines held back, then lets them through. */
  async holding<T>(answer: () => Promise<T>): Promise<T> {
    this.waiting ??= [];
    try {
      return await answer();
    } finally {
      const waited = this.waiting;
      this.waiting = undefined;
      for (const text of waited) this.out(text);
    }
  }
}
