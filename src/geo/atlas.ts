import { createRequire } from 'node:module';
import { geoBounds } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * Natural Earth 1:50m country outlines (world-atlas `countries-50m`, public domain): drawn at ~4 km a pixel, the
 * 1:110m outlines put a mark near the Mali–Burkina border in the wrong country. Read once, on first use.
 */
export type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }> & { id: string };

/** ISO 3166 alpha-2 to the numeric ids world-atlas uses, for the African countries a dataset may name. */
const NUMERIC_IDS = [
  'DZ012 AO024 BJ204 BW072 BF854 BI108 CV132 CM120 CF140 TD148 KM174 CG178 CD180 CI384 DJ262 EG818',
  'GQ226 ER232 SZ748 ET231 GA266 GM270 GH288 GN324 GW624 KE404 LS426 LR430 LY434 MG450 MW454 ML466',
  'MR478 MU480 MA504 MZ508 NA516 NE562 NG566 RW646 ST678 SN686 SC690 SL694 SO706 ZA710 SS728 SD729',
  'TZ834 TG768 TN788 UG800 EH732 ZM894 ZW716',
]
  .join(' ')
  .split(' ')
  .map((pair) => [pair.slice(0, 2), pair.slice(2)] as const);

type World = Topology<{ countries: GeometryCollection<{ name: string }> }>;

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

const world = once((): World => createRequire(import.meta.url)('world-atlas/countries-50m.json') as World);

const featuresByCode = new Map<string, CountryFeature | null>();

/** One country's outline, by ISO alpha-2 code; undefined for a code the table above does not have. */
export function countryFeature(code: string): CountryFeature | undefined {
  let found = featuresByCode.get(code);
  if (found === undefined) {
    const numeric = NUMERIC_IDS.find(([alpha2]) => alpha2 === code)?.[1];
    const topology = world();
    const geometry = topology.objects.countries.geometries.find((g) => g.id === numeric);
    found = geometry ? (feature(topology, geometry) as CountryFeature) : null;
    featuresByCode.set(code, found);
  }
  return found ?? undefined;
}

/** The countries a map can show (Africa, as the table above has it), each with its [[west, south], [east, north]]. */
export const mapCountries = once(() =>
  NUMERIC_IDS.flatMap(([code]) => {
    const country = countryFeature(code);
    return country ? [{ code, country, bounds: geoBounds(country) }] : [];
  }),
);
