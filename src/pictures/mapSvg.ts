import { type GeoProjection, geoMercator, geoPath } from 'd3-geo';
import type { MultiPoint } from 'geojson';
import type { Mark, MarkKind } from '../answers/attackMap.js';
import { lowerBound } from '../answers/figureValues.js';
import { mapCountries } from '../geo/atlas.js';
import { plural } from '../render/locale.js';
import type { MapScene } from './scene.js';
import type { PictureStrings } from './strings/index.js';
import { compactValue, FONT, label, n, xml } from './svg.js';

export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 600;
/** Top band for the title, bottom band for the legend. */
const TOP = 44;
const BOTTOM = 96;
const PAD = 16;
/** Around an attack, the map shows about this many degrees each way: a few hundred kilometres. */
const ATTACK_SPAN = { longitude: 3.2, latitude: 2.2 };
/** Side of the square areas a map with very many attacks counts them in, in pixels. */
const BIN = 24;
/** Below this many attacks, each mark is named. */
const NAMED_MARKS = 25;

const COLOUR = {
  sea: '#cfe3f0',
  land: '#ebe7dc',
  scope: '#fbf9f3',
  border: '#8d8577',
  report: '#c62828',
  claim: '#e65100',
  none: '#757575',
  binned: '#b71c1c',
} as const;

/** Where a mark's radius comes from: a figure's lower bound, by area. */
export function markRadius(value: number | null): number {
  return value === null ? 5 : Math.min(30, 5 + 1.6 * Math.sqrt(value));
}

/** The projection a scene is drawn in: framed on its countries, or on the attack and the places named near it. */
export function projectionFor(scene: MapScene): GeoProjection {
  const extent: [[number, number], [number, number]] = [
    [PAD, TOP + PAD],
    [MAP_WIDTH - PAD, MAP_HEIGHT - BOTTOM - PAD],
  ];
  const points: [number, number][] = [];
  if (scene.focus === 'attack') {
    // Centred on a half-degree grid: attacks a few kilometres apart share one frame, and its base layer.
    const snap = (degrees: number) => Math.round(degrees * 2) / 2;
    for (const place of [...scene.marks, ...scene.nearby]) {
      const [longitude, latitude] = [snap(place.longitude), snap(place.latitude)];
      points.push(
        [longitude - ATTACK_SPAN.longitude, latitude - ATTACK_SPAN.latitude],
        [longitude + ATTACK_SPAN.longitude, latitude + ATTACK_SPAN.latitude],
      );
    }
  }
  if (points.length === 0) {
    for (const code of scene.countryCodes) {
      const bounds = mapCountries().find((c) => c.code === code)?.bounds;
      if (bounds) points.push(...bounds);
    }
  }
  if (points.length === 0) points.push([-12.5, 9], [16, 24]);
  // A MultiPoint of corners, not a box polygon: d3 reads a polygon's winding on the sphere.
  const frame: MultiPoint = { type: 'MultiPoint', coordinates: points };
  // No adaptive resampling: at this scale Mercator bends the outlines' short segments by less than a pixel.
  return geoMercator()
    .precision(0)
    .fitExtent(extent, frame)
    .clipExtent([
      [0, 0],
      [MAP_WIDTH, MAP_HEIGHT],
    ]);
}

/** Base layers by frame, scope and language: most pictures are of a few frames, and the outlines are most of the work. */
const baseLayers = new Map<string, string>();
const BASE_LAYERS = 32;

/**
 * The sea, the countries (the answer's own lighter, with a stronger outline), every border and the countries' names.
 * Each outline is projected once and drawn twice (fill, then stroke): a border between two countries shows as one line.
 */
async function baseLayer(scene: MapScene, projection: GeoProjection, strings: PictureStrings): Promise<string> {
  const key = [projection.scale(), ...projection.translate(), scene.countryCodes.join(','), strings.locale].join('|');
  const kept = baseLayers.get(key);
  if (kept !== undefined) return kept;
  const path = geoPath(projection);
  const corners = [projection.invert?.([0, MAP_HEIGHT]), projection.invert?.([MAP_WIDTH, 0])];
  const [[x0, y0], [x1, y1]] = corners.map((p) => p ?? [0, 0]) as [[number, number], [number, number]];
  const visible = mapCountries().filter(
    ({ bounds: [[west, south], [east, north]] }) => east >= x0 && west <= x1 && north >= y0 && south <= y1,
  );
  const scope = new Set(scene.countryCodes);
  // One country at a time, with a pause between: a cold frame's outlines held the event loop for 100 ms and more.
  const outlines: { code: string; d: string }[] = [];
  for (const { code, country } of visible) {
    outlines.push({ code, d: path(country) ?? '' });
    await new Promise((resolve) => setImmediate(resolve));
  }
  const parts: string[] = [
    `<rect width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="${COLOUR.sea}"/>`,
    ...outlines.map(
      ({ code, d }) =>
        `<path d="${d}" fill="${scope.has(code) ? COLOUR.scope : COLOUR.land}" stroke="${COLOUR.border}" stroke-width="1"/>`,
    ),
    ...outlines.flatMap(({ code, d }) =>
      scope.has(code) ? [`<path d="${d}" fill="none" stroke="#5d5548" stroke-width="2"/>`] : [],
    ),
  ];
  for (const { code, country } of visible) {
    if (path.area(country) < 2500) continue;
    const [cx, cy] = path.centroid(country);
    if (!(cx > 40 && cx < MAP_WIDTH - 40 && cy > TOP + 10 && cy < MAP_HEIGHT - BOTTOM)) continue;
    const name = scene.countryNames[code] ?? strings.countryNames[code] ?? country.properties.name;
    const inScope = scope.has(code);
    parts.push(
      label(cx, cy, name.toUpperCase(), {
        size: inScope ? 15 : 12,
        weight: inScope ? 'bold' : 'normal',
        anchor: 'middle',
        fill: inScope ? '#6d6457' : '#9a9184',
      }),
    );
  }
  const layer = parts.join('');
  baseLayers.set(key, layer);
  if (baseLayers.size > BASE_LAYERS) baseLayers.delete(baseLayers.keys().next().value as string);
  return layer;
}

/** The map as SVG: countries, borders, marks (or counts per area), names, title and legend. */
export async function mapSvg(scene: MapScene, title: string, strings: PictureStrings): Promise<string> {
  const projection = projectionFor(scene);
  const parts = [
    await baseLayer(scene, projection, strings),
    scene.points ? binned(scene.points, projection) : marks(scene, projection, strings),
    header(title, scene, strings),
    legend(scene, strings),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${MAP_WIDTH}" height="${MAP_HEIGHT}" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" font-family="${FONT}">${parts.join('')}</svg>`;
}

function project(projection: GeoProjection, longitude: number, latitude: number): [number, number] {
  return projection([longitude, latitude]) ?? [Number.NaN, Number.NaN];
}

/** One mark: filled for an independent report, a dashed ring for a claim, a small grey ring for no figure. */
export function markShape(kind: MarkKind, x: number, y: number, r: number): string {
  const at = `cx="${n(x)}" cy="${n(y)}" r="${n(r)}"`;
  switch (kind) {
    case 'report':
      return `<circle ${at} fill="${COLOUR.report}" fill-opacity="0.85" stroke="#fff" stroke-width="1.5"/>`;
    case 'claim':
      return `<circle ${at} fill="${COLOUR.claim}" fill-opacity="0.12" stroke="${COLOUR.claim}" stroke-width="2.5" stroke-dasharray="5 3"/>`;
    case 'none':
      return `<circle ${at} fill="#fff" stroke="${COLOUR.none}" stroke-width="2"/>`;
  }
}

/** How far from exact a position is, drawn around the mark: a dashed halo near a place, a wide area for a region. */
function uncertainty(mark: Mark, x: number, y: number, r: number): string {
  if (mark.precision === 'place') return '';
  const radius = mark.precision === 'admin_area' ? 48 : r + 9;
  const fill = mark.precision === 'admin_area' ? 'fill="#5d4037" fill-opacity="0.08"' : 'fill="none"';
  return `<circle cx="${n(x)}" cy="${n(y)}" r="${radius}" ${fill} stroke="#5d4037" stroke-width="1.2" stroke-dasharray="3 3"/>`;
}

function marks(scene: MapScene, projection: GeoProjection, strings: PictureStrings): string {
  const parts: string[] = [];
  const at = scene.marks.map((mark) => project(projection, mark.longitude, mark.latitude));
  for (const group of scene.groups) {
    const points = group.members.map((member) => at[member] as [number, number]);
    const cx = points.reduce((sum, [x]) => sum + x, 0) / points.length;
    const cy = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
    const colour = group.kind === 'claim' ? COLOUR.claim : COLOUR.report;
    for (const [x, y] of points) {
      parts.push(
        `<line x1="${n(x)}" y1="${n(y)}" x2="${n(cx)}" y2="${n(cy)}" stroke="${colour}" stroke-width="2" stroke-dasharray="2 4"/>`,
      );
    }
    const value = compactValue(group.value, strings.locale);
    parts.push(
      `<rect x="${n(cx - 5)}" y="${n(cy - 5)}" width="10" height="10" fill="${colour}" transform="rotate(45 ${n(cx)} ${n(cy)})"/>`,
      label(cx + 10, cy + 4, group.kind === 'claim' ? `${value} ${strings.claimed}` : value, {
        size: 13,
        weight: 'bold',
        fill: colour,
      }),
    );
  }
  const named = scene.marks.length <= NAMED_MARKS;
  // Largest first, so that a small mark is never hidden under a large one.
  const order = scene.marks.map((_, i) => i).sort((a, b) => radiusOf(scene.marks[b]) - radiusOf(scene.marks[a]));
  for (const i of order) {
    const mark = scene.marks[i] as Mark;
    const [x, y] = at[i] as [number, number];
    const r = radiusOf(mark);
    parts.push(
      `<g class="mark" data-incident="${xml(mark.incidentId)}">`,
      uncertainty(mark, x, y, r),
      markShape(mark.kind, x, y, r),
      '</g>',
    );
    const texts: string[] = [];
    if (named) texts.push(mark.name);
    if (mark.value) {
      const value = compactValue(mark.value, strings.locale);
      texts.push(mark.kind === 'claim' ? `${value} ${strings.claimed}` : value);
    } else if (mark.kind === 'none' && named) texts.push(strings.noFigureMark);
    texts.forEach((text, line) => {
      parts.push(
        label(x + r + 5, y - 2 + line * 15, text, {
          size: scene.focus === 'attack' && line === 0 ? 16 : 12,
          weight: line === 0 ? 'bold' : 'normal',
          fill: line === 0 ? '#212121' : mark.kind === 'none' ? '#616161' : COLOUR[mark.kind],
        }),
      );
    });
  }
  for (const place of scene.nearby) {
    const [x, y] = project(projection, place.longitude, place.latitude);
    parts.push(
      `<rect x="${n(x - 3.5)}" y="${n(y - 3.5)}" width="7" height="7" fill="#212121"/>`,
      label(x - 7, y + 4, place.name, { size: 12, anchor: 'end' }),
    );
  }
  return parts.join('');
}

function radiusOf(mark: Mark | undefined): number {
  return markRadius(mark?.value ? lowerBound(mark.value) : null);
}

/**
 * Very many attacks: counted in squares of the picture, each drawn as one circle whose area grows with its count.
 * Mercator is worked out inline: a d3 projection call per point was the slow part at 300,000 attacks.
 */
export function binned(points: Float64Array, projection: GeoProjection): string {
  const k = projection.scale();
  const [tx, ty] = projection.translate();
  const columns = Math.ceil(MAP_WIDTH / BIN);
  const rows = Math.ceil(MAP_HEIGHT / BIN);
  const counts = new Uint32Array(columns * rows);
  const radians = Math.PI / 180;
  for (let i = 0; i < points.length; i += 2) {
    const x = tx + k * (points[i] as number) * radians;
    const y = ty - k * Math.log(Math.tan(Math.PI / 4 + ((points[i + 1] as number) * radians) / 2));
    const column = Math.floor(x / BIN);
    const row = Math.floor(y / BIN);
    if (column >= 0 && column < columns && row >= 0 && row < rows) {
      const cell = row * columns + column;
      counts[cell] = (counts[cell] as number) + 1;
    }
  }
  let most = 1;
  for (const count of counts) most = Math.max(most, count);
  const parts: string[] = [];
  for (let cell = 0; cell < counts.length; cell++) {
    const count = counts[cell] as number;
    if (count === 0) continue;
    const x = (cell % columns) * BIN + BIN / 2;
    const y = Math.floor(cell / columns) * BIN + BIN / 2;
    const r = 2.5 + (BIN / 2 - 2.5) * Math.sqrt(count / most);
    parts.push(`<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${COLOUR.binned}" fill-opacity="0.7"/>`);
  }
  parts.push(`<g class="bins" data-most="${most}"/>`);
  return parts.join('');
}

function header(title: string, scene: MapScene, strings: PictureStrings): string {
  const lines = [
    `<rect width="${MAP_WIDTH}" height="${TOP}" fill="#fff" fill-opacity="0.92"/>`,
    label(PAD, 28, title, { size: 18, weight: 'bold' }),
  ];
  if (scene.withoutPosition > 0) {
    lines.push(
      label(MAP_WIDTH - PAD, 28, plural(strings.withoutPosition, scene.withoutPosition, strings.locale), {
        size: 12,
        anchor: 'end',
        fill: '#616161',
      }),
    );
  }
  return lines.join('');
}

function legend(scene: MapScene, strings: PictureStrings): string {
  const top = MAP_HEIGHT - BOTTOM;
  const parts = [`<rect y="${top}" width="${MAP_WIDTH}" height="${BOTTOM}" fill="#fff" fill-opacity="0.94"/>`];
  const items: [string, string][] = scene.points
    ? [[`<circle cx="0" cy="0" r="8" fill="${COLOUR.binned}" fill-opacity="0.7"/>`, strings.legendBinned]]
    : [
        [markShape('report', 0, 0, 8), strings.legendReport],
        [markShape('claim', 0, 0, 8), strings.legendClaim],
        [markShape('none', 0, 0, 5), strings.legendNoFigure],
        [
          '<circle cx="0" cy="0" r="9" fill="none" stroke="#5d4037" stroke-width="1.2" stroke-dasharray="3 3"/>',
          strings.legendNear,
        ],
        [
          '<circle cx="0" cy="0" r="9" fill="#5d4037" fill-opacity="0.08" stroke="#5d4037" stroke-width="1.2" stroke-dasharray="3 3"/>',
          strings.legendArea,
        ],
        ...(scene.nearby.length > 0
          ? [
              ['<rect x="-3.5" y="-3.5" width="7" height="7" fill="#212121"/>', strings.legendNearby] as [
                string,
                string,
              ],
            ]
          : []),
        ...(scene.groups.length > 0
          ? [
              [
                `<rect x="-5" y="-5" width="10" height="10" fill="${COLOUR.report}" transform="rotate(45)"/>`,
                strings.legendTogether,
              ] as [string, string],
            ]
          : []),
      ];
  items.forEach(([symbol, text], i) => {
    const x = PAD + 12 + (i % 2) * 390;
    const y = top + 18 + Math.floor(i / 2) * 20;
    parts.push(
      `<g transform="translate(${x} ${y})">${symbol}</g>`,
      `<text x="${x + 18}" y="${y + 4}" font-size="12" fill="#424242">${xml(text)}</text>`,
    );
  });
  parts.push(
    `<text x="${MAP_WIDTH - PAD}" y="${MAP_HEIGHT - 8}" font-size="10" text-anchor="end" fill="#9e9e9e">${xml(strings.credit)}</text>`,
  );
  return parts.join('');
}
