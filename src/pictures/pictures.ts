import type { Answer } from '../answers/answer.js';
import { countryToll, regionToll } from '../answers/tollAnswer.js';
import type { Dataset } from '../dataset/dataset.js';
import { mapCountries } from '../geo/atlas.js';
import { LOCALES, type Locale, listOf, plural } from '../render/locale.js';
import type { MessageFile } from '../render/payload.js';
import { formatDate } from '../render/text.js';
import { mapSvg } from './mapSvg.js';
import { rasterise } from './rasterise.js';
import { type MapScene, sceneOf } from './scene.js';
import { type PictureStrings, pictureStringsFor } from './strings/index.js';
import { timelineSvg } from './timelineSvg.js';

export const MAP_FILE = 'map.png';
export const TIMELINE_FILE = 'timeline.png';

/** The SVG of each picture an answer has, before rasterising: what the tests read. */
export interface PictureSources {
  readonly map: string;
  readonly timeline: string | null;
}

function titleOf(answer: Answer, scene: MapScene, strings: PictureStrings, locale: Locale): string {
  const count = plural(strings.attacksTitle, scene.total, locale);
  if (answer.kind === 'incident') {
    const { incident, country } = answer.report;
    return `${incident.place.name}, ${country.names[locale]} · ${formatDate(incident.date, locale, { short: true })}`;
  }
  const names = scene.countryCodes.map((code) => scene.countryNames[code] ?? code);
  return `${listOf(names, locale)}: ${count}`;
}

/** The pictures' SVG for an answer, or null for an answer without pictures (a list, an error, not found). */
export async function pictureSources(answer: Answer, locale: Locale): Promise<PictureSources | null> {
  const scene = sceneOf(answer, locale);
  if (!scene) return null;
  const strings = pictureStringsFor(locale);
  return {
    map: await mapSvg(scene.map, titleOf(answer, scene.map, strings, locale), strings),
    timeline: scene.timeline && scene.timeline.length > 0 ? timelineSvg(scene.timeline, strings) : null,
  };
}

/** Pictures kept by dataset version, scope and language: the same question draws nothing anew. */
const cache = new Map<string, Promise<MessageFile[]>>();
const CACHE_SIZE = 64;

function scopeOf(answer: Answer): string | null {
  switch (answer.kind) {
    case 'incident':
      return `attack:${answer.report.incident.id}`;
    case 'toll':
      return `toll:${answer.toll.country.code}`;
    case 'region':
      return 'region';
    default:
      return null;
  }
}

/**
 * The PNG files an answer is shown with: its map, and for a toll its timeline. Empty for an answer without
 * pictures. A failure is not kept: the next asking tries again.
 */
export function picturesFor(answer: Answer, datasetVersion: string, locale: Locale): Promise<MessageFile[]> {
  const scope = scopeOf(answer);
  if (scope === null) return Promise.resolve([]);
  const key = `${datasetVersion}|${scope}|${locale}`;
  const kept = cache.get(key);
  if (kept) {
    // Most recently used last: the first key is the one to drop.
    cache.delete(key);
    cache.set(key, kept);
    return kept;
  }
  const made = draw(answer, locale);
  cache.set(key, made);
  made.catch(() => cache.delete(key));
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return made;
}

async function draw(answer: Answer, locale: Locale): Promise<MessageFile[]> {
  const sources = await pictureSources(answer, locale);
  if (!sources) return [];
  const strings = pictureStringsFor(locale);
  const [map, timeline] = await Promise.all([
    rasterise(sources.map),
    sources.timeline ? rasterise(sources.timeline) : Promise.resolve(null),
  ]);
  return [
    { name: MAP_FILE, data: map, description: strings.mapAlt },
    ...(timeline ? [{ name: TIMELINE_FILE, data: timeline, description: strings.timelineAlt }] : []),
  ];
}

/**
 * Reads the outlines and the fonts and draws once, at start-up: the first picture otherwise took most of a second,
 * enough for Discord's reply to have to be deferred. With a dataset, also draws (without rasterising) each
 * country's toll map and the region's in every language, so that their frames' outlines are projected before the
 * first asking.
 */
export async function warmPictures(dataset?: Dataset): Promise<void> {
  mapCountries();
  await rasterise(`<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><text y="8">·</text></svg>`);
  if (!dataset) return;
  const sources = dataset.sources;
  const answers: Answer[] = [
    ...dataset.countries.map((country) => ({ kind: 'toll' as const, toll: countryToll(dataset, country), sources })),
    { kind: 'region', toll: regionToll(dataset), sources },
  ];
  for (const locale of LOCALES) {
    for (const answer of answers) await pictureSources(answer, locale);
  }
}
