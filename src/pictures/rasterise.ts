import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

/** A font shipped as an npm package: a fresh machine has no system fonts, and without one resvg draws no text. */
const FONT_FILES = [
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
];

/**
 * SVG to PNG in resvg's own thread (libuv's pool), off the event loop: a map takes tens of milliseconds to
 * rasterise, and the bot keeps answering others meanwhile.
 */
export async function rasterise(svg: string): Promise<Uint8Array> {
  const image = await renderAsync(svg, {
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans' },
  });
  return new Uint8Array(image.asPng());
}
