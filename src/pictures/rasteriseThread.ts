import { parentPort, workerData } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';

/** What src/pictures/rasterise.ts hands the thread: the fonts, once, then one SVG a message. */
interface RasteriseData {
  readonly fontFiles: string[];
}
interface RasteriseRequest {
  readonly id: number;
  readonly svg: string;
}

const options = {
  background: '#ffffff',
  font: {
    loadSystemFonts: false,
    fontFiles: (workerData as RasteriseData).fontFiles,
    defaultFontFamily: 'DejaVu Sans',
  },
};

parentPort?.on('message', ({ id, svg }: RasteriseRequest) => {
  try {
    const png = new Resvg(svg, options).render().asPng();
    const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength).slice();
    parentPort?.postMessage({ id, png: bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
