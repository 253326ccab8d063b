import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { threadModule } from '../dataset/threadModule.js';

const require = createRequire(import.meta.url);

/** A font shipped as an npm package: a fresh machine has no system fonts, and without one resvg draws no text. */
const FONT_FILES = [
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
];

type Reply = { id: number; png: Uint8Array } | { id: number; error: string };

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>();

/**
 * One thread that rasterises: resvg's rendering and its PNG encoding take tens of milliseconds a picture, which
 * the thread answering interactions must not spend. It keeps the process alive only while a picture is being made.
 */
function rasteriser(): Worker {
  if (worker) return worker;
  const started = new Worker(threadModule('rasterise', import.meta.url), {
    workerData: { fontFiles: FONT_FILES },
  });
  started.unref();
  started.on('message', (reply: Reply) => {
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) started.unref();
    if ('png' in reply) pending?.resolve(reply.png);
    else pending?.reject(new Error(`resvg could not draw the picture: ${reply.error}`));
  });
  const fail = (error: Error) => {
    worker = undefined;
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`the picture thread stopped (exit code ${code})`)));
  worker = started;
  return started;
}

/** SVG to PNG, in the picture thread. */
export function rasterise(svg: string): Promise<Uint8Array> {
  const thread = rasteriser();
  const id = nextId++;
  thread.ref();
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    thread.postMessage({ id, svg });
  });
}
