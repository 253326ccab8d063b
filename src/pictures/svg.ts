import type { FigureValue } from '../dataset/schema.js';
import { formatNumber, type Locale } from '../render/locale.js';

/** Text made safe inside SVG markup: a place name from a dataset is hostile until escaped. */
export function xml(text: string): string {
  let safe = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    // XML 1.0 has no place for control characters other than tab and line breaks: resvg rejects the whole picture.
    if (code < 0x20 && c !== '\t' && c !== '\n' && c !== '\r') continue;
    safe += c === '&' || c === '<' || c === '>' || c === '"' || c === "'" ? `&#${code};` : c;
  }
  return safe;
}

/** A number with at most one decimal: SVG text kept short and deterministic. */
export function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** "40", ">30", "≥30", "~30", "30–40": short enough to sit beside a mark. */
export function compactValue(value: FigureValue, locale: Locale): string {
  const f = (x: number) => formatNumber(x, locale);
  switch (value.qualifier) {
    case 'range':
      return `${f(value.low)}–${f(value.high)}`;
    case 'more_than':
      return `>${f(value.number)}`;
    case 'at_least':
      return `≥${f(value.number)}`;
    case 'about':
      return `~${f(value.number)}`;
    case 'exact':
      return f(value.number);
  }
}

export const FONT = 'DejaVu Sans';

/** A text with a white halo, readable over borders and marks. */
export function label(
  x: number,
  y: number,
  text: string,
  { size = 12, weight = 'normal', anchor = 'start', fill = '#212121' } = {},
): string {
  return `<text x="${n(x)}" y="${n(y)}" font-size="${size}" font-weight="${weight}" text-anchor="${anchor}" fill="${fill}" stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${xml(text)}</text>`;
}
