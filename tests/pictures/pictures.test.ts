import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/answer.js';
import { answerAttack } from '../../src/answers/attackAnswer.js';
import { MARK_LIMIT } from '../../src/answers/attackMap.js';
import { answerToll } from '../../src/answers/tollAnswer.js';
import { answerJson } from '../../src/console/answerJson.js';
import type { Dataset } from '../../src/dataset/dataset.js';
import { loadDataset } from '../../src/dataset/loadDataset.js';
import { formatProblem } from '../../src/dataset/problems.js';
import type { DatasetFile } from '../../src/dataset/schema.js';
import { attachPictures } from '../../src/pictures/attachPictures.js';
import { MAP_HEIGHT, MAP_WIDTH, mapSvg, projectionFor } from '../../src/pictures/mapSvg.js';
import { MAP_FILE, pictureSources, picturesFor, TIMELINE_FILE } from '../../src/pictures/pictures.js';
import { rasterise } from '../../src/pictures/rasterise.js';
import { type MapScene, sceneOf } from '../../src/pictures/scene.js';
import { pictureStringsFor } from '../../src/pictures/strings/index.js';
import { renderAnswer } from '../../src/render/renderAnswer.js';
import { buildSearchIndex, type SearchIndex } from '../../src/search/searchIndex.js';
import { byId, fixtureDatasetJson, loadFixtureDataset, writeDataDir } from '../helpers/datasets.js';

let dataset: Dataset;
let index: SearchIndex;
beforeAll(async () => {
  dataset = await loadFixtureDataset();
  index = await buildSearchIndex(dataset);
});

const HOSTILE = '<script>alert("x")</script> & \u0007 ]]> \'';

/** Each mark's incident id and the centre of its shape, as the SVG has them. */
function markCentres(svg: string): Map<string, [number, number]> {
  const centres = new Map<string, [number, number]>();
  for (const match of svg.matchAll(
    /<g class="mark" data-incident="([^"]+)">(?:<circle[^>]*\/>)*?<circle cx="([\d.-]+)" cy="([\d.-]+)" r="[\d.]+" fill=/g,
  )) {
    centres.set(match[1] as string, [Number(match[2]), Number(match[3])]);
  }
  return centres;
}

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function problemsOf(content: DatasetFile): Promise<string[]> {
  const result = await loadDataset(writeDataDir(content));
  return result.ok
    ? []
    : result.problems.map((problem) => formatProblem({ ...problem, file: path.basename(problem.file) }));
}

describe('coordinates in the dataset', () => {
  it('GIVEN the fixture THEN every attack has a position, approximate ones marked as such', () => {
    for (const incident of dataset.incidents) {
      expect(incident.location, incident.id).toBeDefined();
      if (incident.location?.basis.kind === 'centroid') expect(incident.location.precision).not.toBe('place');
    }
  });

  it('GIVEN Boulkessi placed in Niger THEN the loader refuses it, naming the point and the country', async () => {
    const json = fixtureDatasetJson();
    const boulkessi = byId(json.incidents, 'ml-boulkessi-2025-06-01');
    boulkessi.location = {
      ...(boulkessi.location as NonNullable<typeof boulkessi.location>),
      latitude: 13.5,
      longitude: 2.1,
    };
    expect(await problemsOf(json)).toEqual([
      expect.stringMatching(/\(incidents\[0\]\.location\): 13\.5, 2\.1 is not in ML nor within about 28 km of it/),
    ]);
  });

  it('GIVEN a point just over the border (a border place) THEN it is accepted; 100 km over it is not', async () => {
    const json = fixtureDatasetJson();
    const djibo = byId(json.incidents, 'bf-djibo-2025-05');
    const at = (latitude: number) => ({ ...(djibo.location as NonNullable<typeof djibo.location>), latitude });
    // Mali–Burkina border north of Djibo lies near 14.5° N at this longitude.
    djibo.location = at(14.55);
    const near = await problemsOf(json);
    djibo.location = at(15.5);
    expect(near).toEqual([]);
    expect(await problemsOf(json)).toHaveLength(1);
  });

  it('GIVEN a nearby location the source does not name THEN the loader says so', async () => {
    const json = fixtureDatasetJson();
    const boulkessi = byId(json.incidents, 'ml-boulkessi-2025-06-01');
    const [mondoro] = boulkessi.place.nearbyLocations;
    boulkessi.place.nearbyLocations = [{ ...(mondoro as NonNullable<typeof mondoro>), name: 'Hombori' }];
    expect(await problemsOf(json)).toEqual([
      expect.stringContaining('(incidents[0].place.nearbyLocations[0].name): "Hombori" is not one of'),
    ]);
  });
});

describe('the map SVG', () => {
  it('GIVEN /toll Mali THEN each attack is marked where the projection puts it, a claim drawn apart from a report', async () => {
    const answer = await answerToll(dataset, index, 'Mali');
    const scene = sceneOf(answer, 'en')?.map as MapScene;
    const svg = await mapSvg(scene, 'Mali', pictureStringsFor('en'));
    const projection = projectionFor(scene);
    const centres = markCentres(svg);
    expect([...centres.keys()].sort()).toEqual([
      'ml-boulkessi-2025-06-01',
      'ml-dioura-2025-05-24',
      'ml-sirakorola-2025-05-30',
    ]);
    for (const mark of scene.marks) {
      const [x, y] = projection([mark.longitude, mark.latitude]) as [number, number];
      const [cx, cy] = centres.get(mark.incidentId) as [number, number];
      expect(Math.abs(cx - x)).toBeLessThan(0.1);
      expect(Math.abs(cy - y)).toBeLessThan(0.1);
      expect(cx).toBeGreaterThan(0);
      expect(cx).toBeLessThan(MAP_WIDTH);
    }
    expect(scene.marks.map((mark) => [mark.name, mark.kind])).toEqual(
      expect.arrayContaining([
        ['Boulkessi', 'report'],
        ['Dioura', 'claim'],
        ['Sirakorola', 'none'],
      ]),
    );
    // The claim's number says it is a claim; no figure says so rather than "0".
    expect(svg.includes('>40 claimed<')).toBe(true);
    expect(svg.includes('>&#62;30<')).toBe(true);
    expect(svg.includes('>no figure<')).toBe(true);
    expect(/>0</.test(svg)).toBe(false);
  });

  it('GIVEN /attack Boulkessi THEN Mondoro, Mali and Burkina Faso are named and the approximate point is drawn as such', async () => {
    const sources = await pictureSources(answerAttack(dataset, index, 'Boulkessi'), 'fr');
    expect(sources?.timeline).toBeNull();
    expect(sources?.map).toContain('Mondoro');
    expect(sources?.map).toContain('BURKINA FASO');
    expect(sources?.map).toContain('MALI');
    expect(sources?.map).toContain('stroke-dasharray="3 3"');
    expect(sources?.map).toContain('position approximative');
  });

  it('GIVEN the two Niger attacks one figure covers THEN the figure is drawn once between them, never per attack', async () => {
    const svg = (await pictureSources(await answerToll(dataset, index, 'Niger'), 'en'))?.map ?? '';
    expect(svg.match(/&#62;100/g)).toHaveLength(1);
  });

  it('GIVEN hostile place names THEN they are escaped and the picture still renders', async () => {
    const scene: MapScene = {
      focus: 'attack',
      countryCodes: ['ML'],
      countryNames: { ML: HOSTILE },
      marks: [
        {
          incidentId: 'x"><svg',
          name: HOSTILE,
          longitude: -1.9,
          latitude: 14.6,
          precision: 'place',
          kind: 'none',
          value: null,
        },
      ],
      groups: [],
      points: null,
      nearby: [{ name: HOSTILE, longitude: -1.95, latitude: 14.7 }],
      total: 1,
      withoutPosition: 0,
    };
    const svg = await mapSvg(scene, HOSTILE, pictureStringsFor('en'));
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('\u0007');
    expect(svg).toContain('&#60;script&#62;alert(&#34;x&#34;)');
    const png = await rasterise(svg);
    expect(pngSize(png)).toEqual({ width: MAP_WIDTH, height: MAP_HEIGHT });
  });

  it('GIVEN more attacks than can be marked THEN they are counted per area, not drawn one by one', async () => {
    const points = new Float64Array((MARK_LIMIT + 100) * 2);
    for (let i = 0; i < points.length; i += 2) {
      points[i] = -4 + (i % 7) * 0.3;
      points[i + 1] = 13 + (i % 5) * 0.2;
    }
    const scene: MapScene = {
      focus: 'countries',
      countryCodes: ['ML'],
      countryNames: { ML: 'Mali' },
      marks: [],
      groups: [],
      points,
      nearby: [],
      total: MARK_LIMIT + 100,
      withoutPosition: 0,
    };
    const svg = await mapSvg(scene, 'Mali', pictureStringsFor('en'));
    expect(svg).not.toContain('class="mark"');
    const circles = svg.match(/fill="#b71c1c"/g) ?? [];
    expect(circles.length).toBeGreaterThan(1);
    expect(circles.length).toBeLessThan(40);
    expect(svg).toMatch(/data-most="\d+"/);
  });
});

describe('the timeline SVG', () => {
  it('GIVEN the region THEN bars count each attack dated to the day once, by what its figures are; a month-only date apart', async () => {
    const svg = (await pictureSources(await answerToll(dataset, index, undefined), 'nl'))?.timeline ?? '';
    const counts = [...svg.matchAll(/class="bar-(\w+)"[^>]*data-count="(\d+)"/g)].map(([, kind, count]) => [
      kind,
      Number(count),
    ]);
    const total = counts.reduce((sum, [, count]) => sum + (count as number), 0);
    expect(total).toBe(5);
    expect(counts.filter(([kind]) => kind === 'claim').length).toBeGreaterThan(0);
    expect(svg).toContain('class="month-only"');
    expect(svg).toContain('Gemelde aanvallen per week');
  });
});

describe('pictures in replies', () => {
  it('GIVEN /toll Mali THEN a PNG map in the embed and a PNG timeline in a second embed, cached for the next asking', async () => {
    const answer: Answer = await answerToll(dataset, index, 'Mali');
    const files = await picturesFor(answer, dataset.version, 'en');
    expect(files.map((file) => file.name)).toEqual([MAP_FILE, TIMELINE_FILE]);
    for (const file of files) {
      expect([...file.data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(pngSize(file.data).width).toBe(800);
      expect(file.data.byteLength).toBeLessThan(1024 * 1024);
    }
    expect(await picturesFor(answer, dataset.version, 'en')).toBe(files);
    const payload = attachPictures(renderAnswer(answer, 'en'), files);
    expect(payload.embeds[0]?.image?.url).toBe('attachment://map.png');
    expect(payload.embeds[1]?.image?.url).toBe('attachment://timeline.png');
    const json = JSON.stringify(answerJson(answer, payload));
    expect(json).toContain('"name":"map.png"');
    expect(json.length).toBeLessThan(50_000);
  });

  it('GIVEN the bundled example images THEN they are PNGs (README)', () => {
    const png = readFileSync(path.resolve(import.meta.dirname, '../../docs/images/attack-boulkessi.png'));
    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });
});
