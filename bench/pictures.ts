import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { answerAttack } from '../src/answers/attackAnswer.js';
import { answerToll } from '../src/answers/tollAnswer.js';
import { loadDataset } from '../src/dataset/loadDataset.js';
import { pictureSources, warmPictures } from '../src/pictures/pictures.js';
import { rasterise } from '../src/pictures/rasterise.js';
import { buildSearchIndex } from '../src/search/searchIndex.js';
import { generateDataset } from './generateDataset.js';

/**
 * `npm run bench:pictures [-- --incidents 1000000] [--runs 30] [--data DIR]`: how long drawing takes at scale: an attack's map,
 * and the largest country's map and timeline, each from the answer to the PNG (scene, SVG, rasterising), with the
 * image cache bypassed; and the longest the event loop was held meanwhile. `--data` reuses a dataset folder the
 * bench generated before (kept), instead of generating one (removed at the end).
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const incidents = option('--incidents', 1_000_000);
const runs = option('--runs', 30);

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { median: round(at(0.5)), p99: round(at(0.99)), max: round(sorted.at(-1) ?? 0) };
}

const given = args.includes('--data') ? args[args.indexOf('--data') + 1] : undefined;
const directory = given ?? mkdtempSync(path.join(tmpdir(), 'sahel-bench-pictures-'));
try {
  if (!given) generateDataset(incidents, directory);
  const loaded = await loadDataset(directory);
  if (!loaded.ok)
    throw new Error(`the synthetic dataset does not load: ${JSON.stringify(loaded.problems.slice(0, 3))}`);
  const { dataset } = loaded;
  const index = await buildSearchIndex(dataset);
  await warmPictures(dataset);
  const largest = [...dataset.countries].sort(
    (a, b) => dataset.incidentsByCountry.count(b.code) - dataset.incidentsByCountry.count(a.code),
  )[0];
  if (!largest) throw new Error('no country');
  const tollStarted = performance.now();
  const toll = await answerToll(dataset, index, largest.code);
  const tollMs = performance.now() - tollStarted;

  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const attackMap: number[] = [];
  const countryMap: number[] = [];
  const countryTimeline: number[] = [];
  const sampleIds: string[] = [];
  for (const id of dataset.incidents.ids) {
    sampleIds.push(id);
    if (sampleIds.length >= 100_000) break;
  }
  for (let run = 0; run < runs; run++) {
    const id = sampleIds[(run * 7_919) % sampleIds.length] as string;
    const attack = answerAttack(dataset, index, id);
    let started = performance.now();
    const attackSources = await pictureSources(attack, 'en');
    await rasterise(attackSources?.map ?? '');
    attackMap.push(performance.now() - started);

    started = performance.now();
    const sources = await pictureSources(toll, 'en');
    const svgMs = performance.now() - started;
    started = performance.now();
    await rasterise(sources?.map ?? '');
    countryMap.push(svgMs + performance.now() - started);
    started = performance.now();
    await rasterise(sources?.timeline ?? '');
    // The scene and both SVGs are made together: the timeline is counted with its own rasterising only.
    countryTimeline.push(performance.now() - started);
  }
  delay.disable();
  const result = {
    incidents,
    runs,
    largestCountry: {
      code: largest.code,
      attacks: toll.kind === 'toll' ? toll.toll.incidents.total : 0,
      tollMs: Math.round(tollMs),
    },
    attackMapMs: summary(attackMap),
    countryMapMs: summary(countryMap),
    countryTimelineMs: summary(countryTimeline),
    eventLoopMaxMs: Math.round(delay.max / 1e5) / 10,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  if (!given) rmSync(directory, { recursive: true, force: true });
}
