import type { Position } from 'geojson';
import { type CountryFeature, countryFeature } from './atlas.js';

/** Cells of a mask, in degrees: about 5.5 km. */
const CELL = 0.05;
/**
 * How far outside its outline a point may lie and still count as in the country: about 25 km, for places on a
 * border and for Natural Earth's simplified 1:50m lines.
 */
export const BORDER_TOLERANCE_DEGREES = 0.25;

/** A country's outline rasterised once into cells, widened by the tolerance: a look-up per point, not a polygon test. */
interface Mask {
  readonly west: number;
  readonly south: number;
  readonly columns: number;
  readonly rows: number;
  readonly cells: Uint8Array;
}

const masks = new Map<string, Mask | null>();

/**
 * Whether a point lies in the country or within about 25 km of it. `undefined` when no outline is known for the code
 * (a country outside the atlas table): nothing can be said then.
 */
export function isInOrNearCountry(code: string, latitude: number, longitude: number): boolean | undefined {
  let mask = masks.get(code);
  if (mask === undefined) {
    const country = countryFeature(code);
    mask = country ? rasterise(country) : null;
    masks.set(code, mask);
  }
  if (mask === null) return undefined;
  const column = Math.floor((longitude - mask.west) / CELL);
  const row = Math.floor((latitude - mask.south) / CELL);
  if (column < 0 || row < 0 || column >= mask.columns || row >= mask.rows) return false;
  return mask.cells[row * mask.columns + column] === 1;
}

function rings(country: CountryFeature): Position[][] {
  const { geometry } = country;
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/** Scanlines through each row of cells (even-odd over every ring, so holes stay holes), then widened. */
function rasterise(country: CountryFeature): Mask {
  const all = rings(country);
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const ring of all) {
    for (const [x = 0, y = 0] of ring) {
      west = Math.min(west, x);
      east = Math.max(east, x);
      south = Math.min(south, y);
      north = Math.max(north, y);
    }
  }
  west -= BORDER_TOLERANCE_DEGREES + CELL;
  south -= BORDER_TOLERANCE_DEGREES + CELL;
  const columns = Math.ceil((east + BORDER_TOLERANCE_DEGREES + CELL - west) / CELL);
  const rows = Math.ceil((north + BORDER_TOLERANCE_DEGREES + CELL - south) / CELL);
  const inside = new Uint8Array(columns * rows);
  for (let row = 0; row < rows; row++) {
    const y = south + (row + 0.5) * CELL;
    const crossings: number[] = [];
    for (const ring of all) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi = 0, yi = 0] = ring[i] ?? [];
        const [xj = 0, yj = 0] = ring[j] ?? [];
        if (yi > y !== yj > y) crossings.push(xi + ((y - yi) / (yj - yi)) * (xj - xi));
      }
    }
    crossings.sort((a, b) => a - b);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const from = Math.max(0, Math.round(((crossings[k] as number) - west) / CELL));
      const to = Math.min(columns, Math.round(((crossings[k + 1] as number) - west) / CELL));
      inside.fill(1, row * columns + from, row * columns + to);
    }
  }
  return {
    west,
    south,
    columns,
    rows,
    cells: widen(inside, columns, rows, Math.ceil(BORDER_TOLERANCE_DEGREES / CELL)),
  };
}

/** A square widening by `reach` cells: along rows, then along columns. */
function widen(cells: Uint8Array, columns: number, rows: number, reach: number): Uint8Array {
  const alongRows = new Uint8Array(cells.length);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      if (cells[row * columns + column] !== 1) continue;
      alongRows.fill(
        1,
        row * columns + Math.max(0, column - reach),
        row * columns + Math.min(columns, column + reach + 1),
      );
    }
  }
  const widened = new Uint8Array(cells.length);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      if (alongRows[row * columns + column] !== 1) continue;
      for (let r = Math.max(0, row - reach); r <= Math.min(rows - 1, row + reach); r++)
        widened[r * columns + column] = 1;
    }
  }
  return widened;
}
