// Plain JavaScript, so that the thread starts without a TypeScript loader: it only hands SVG to resvg.
import { parentPort, workerData } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';

const options = {
  background: '#ffffff',
  font: { loadSystemFonts: false, fontFiles: workerData.fontFiles, defaultFontFamily: 'DejaVu Sans' },
};

parentPort?.on('message', ({ id, svg }) => {
  try {
    const png = new Resvg(svg, options).render().asPng();
    const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength).slice();
    parentPort?.postMessage({ id, png: bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
