import { beforeAll, describe, expect, it } from 'vitest';
import type { CountryToll } from '../../src/answers/answer.js';
import { answerAttack, MAX_CHOICES } from '../../src/answers/attackAnswer.js';
import { countryToll, regionToll } from '../../src/answers/tollAnswer.js';
import type { Dataset } from '../../src/dataset/dataset.js';
import type { DatasetFile, Figure, Incident } from '../../src/dataset/schema.js';
import { buildSearchIndex } from '../../src/search/searchIndex.js';
import { datasetInMemory } from '../helpers/datasetInMemory.js';
import { byId, fixtureDatasetJson, loadFixtureDataset } from '../helpers/datasets.js';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureDataset();
});

function tollOf(data: Dataset, code: string): CountryToll {
  const country = data.countriesByCode.get(code);
  if (!country) throw new Error(code);
  return countryToll(data, country);
}

describe('toll per country, against the article', () => {
  it('Mali: more than 30 per security sources; JNIM claims 40 more, kept apart; Sirakorola has no figure', async () => {
    const mali = await tollOf(dataset, 'ML');
    expect(mali.totals).toMatchObject([
      {
        counts: 'soldiers_killed',
        reported: { qualifier: 'more_than', number: 30 },
        claimedOnly: { qualifier: 'exact', number: 40 },
        claimants: [expect.objectContaining({ en: 'JNIM' })],
      },
    ]);
    const [total] = mali.totals;
    expect(total?.reports.first.map((view) => [view.figure.id, view.covers.map((i) => i.place.name)])).toEqual([
      ['fig-boulkessi-soldiers-killed-security-sources', ['Boulkessi']],
    ]);
    expect(total?.claims.first.map((view) => [view.figure.id, view.covers.map((i) => i.place.name)])).toEqual([
      ['fig-dioura-soldiers-killed-jnim-claim', ['Dioura']],
    ]);
    expect(mali.incidentsWithoutFigures.first.map((i) => i.place.name)).toEqual(['Sirakorola']);
    expect(mali.statements.first.map((s) => s.statement.kind)).toContain('no_casualty_figures');
  });

  it('Burkina Faso: no independent figure, JNIM claims 200, no official toll', async () => {
    const bf = await tollOf(dataset, 'BF');
    expect(bf.totals).toMatchObject([
      {
        counts: 'soldiers_killed',
        reported: null,
        claimedOnly: { qualifier: 'exact', number: 200 },
        claimants: [expect.objectContaining({ en: 'JNIM' })],
        reports: { first: [], total: 0 },
      },
    ]);
    expect(bf.statements.first.map((s) => s.statement.kind)).toEqual(['no_official_toll']);
    expect(bf.statements.first[0]?.countries.map((country) => country.code)).toEqual(['BF', 'NE']);
  });

  it('Niger: more than 100 for two attacks together, counted once, no official toll', async () => {
    const niger = await tollOf(dataset, 'NE');
    expect(niger.totals[0]?.reported).toEqual({ qualifier: 'more_than', number: 100 });
    expect(niger.figures.total).toBe(1);
    expect(niger.figures.first[0]?.covers.map((i) => i.place.name)).toEqual(['Tahoua', 'Dosso']);
    expect(niger.statements.first.map((s) => s.statement.kind)).toEqual(['no_official_toll']);
  });

  it('the region: the 400 figure stays region-wide, attached to no country', async () => {
    const region = await regionToll(dataset);
    expect(region.regionFigures.map((view) => view.figure.value)).toEqual([{ qualifier: 'more_than', number: 400 }]);
    for (const country of region.countries) {
      expect(country.figures.first.map((view) => view.figure.id)).not.toContain('fig-region-soldiers-killed-since-may');
    }
  });
});

describe('toll arithmetic on fixtures', () => {
  const soldiers = (id: string, incidentIds: string[], number: number, claim: boolean): Figure => ({
    id,
    counts: 'soldiers_killed',
    value: { qualifier: claim ? 'exact' : 'more_than', number },
    saidBy: claim
      ? { kind: 'perpetrator', label: 'JNIM', actorId: 'jnim' }
      : { kind: 'security_sources', label: 'sources' },
    status: claim ? 'claimed_by_perpetrator' : 'unconfirmed',
    scope: { kind: 'incidents', incidentIds },
    quotes: [{ sourceId: 'nl-2025-06-jnim-sahel', text: 'x' }],
  });
  const withFigures = (figures: Figure[], change: (data: DatasetFile) => void = () => {}) => {
    const data = fixtureDatasetJson();
    data.figures = figures;
    change(data);
    return datasetInMemory(data, 'fixture');
  };

  it('GIVEN two reports on the same attack THEN the larger counts, never their sum', async () => {
    const toll = await tollOf(
      await withFigures([
        soldiers('a', ['ml-boulkessi-2025-06-01'], 30, false),
        soldiers('b', ['ml-boulkessi-2025-06-01'], 50, false),
      ]),
      'ML',
    );
    expect(toll.totals[0]?.reported).toEqual({ qualifier: 'more_than', number: 50 });
    expect(toll.figures.first.map((view) => view.role).sort()).toEqual(['counted', 'overlap']);
  });

  it('GIVEN a claim about an attack an independent report covers THEN the claim is not added', async () => {
    const toll = await tollOf(
      await withFigures([
        soldiers('a', ['ml-boulkessi-2025-06-01'], 30, false),
        soldiers('b', ['ml-boulkessi-2025-06-01'], 90, true),
      ]),
      'ML',
    );
    expect(toll.totals[0]).toMatchObject({ reported: { number: 30 }, claimedOnly: null });
    expect(toll.figures.first.find((view) => view.figure.id === 'b')?.role).toBe('claim_overlaps_report');
  });

  it('GIVEN reports on separate attacks THEN they add up, keeping "more than"', async () => {
    const toll = await tollOf(
      await withFigures([
        soldiers('a', ['ml-boulkessi-2025-06-01'], 30, false),
        soldiers('b', ['ml-dioura-2025-05-24'], 12, false),
      ]),
      'ML',
    );
    expect(toll.totals[0]?.reported).toEqual({ qualifier: 'more_than', number: 42 });
  });

  it('GIVEN a figure for two attacks and one for one of them THEN they overlap: the larger counts', async () => {
    const toll = await tollOf(
      await withFigures([
        soldiers('both', ['ne-tahoua-2025-05-24', 'ne-dosso-2025-05-26'], 100, false),
        soldiers('one', ['ne-dosso-2025-05-26'], 20, false),
      ]),
      'NE',
    );
    expect(toll.totals[0]?.reported).toEqual({ qualifier: 'more_than', number: 100 });
  });

  it('GIVEN a figure about attacks in two countries THEN each country orders it by its own most recent attack', () => {
    const toll = tollOf(
      withFigures(
        [
          soldiers('both', ['ml-dioura-2025-05-24', 'ne-dosso-2025-05-26'], 10, false),
          soldiers('mali', ['ml-late-may'], 5, false),
        ],
        (data) => {
          const dioura = byId(data.incidents, 'ml-dioura-2025-05-24');
          data.incidents.push({ ...dioura, id: 'ml-late-may', date: { ...dioura.date, value: '2025-05-25' } });
        },
      ),
      'ML',
    );
    expect(toll.figures.first.map((view) => view.figure.id)).toEqual(['mali', 'both']);
  });

  it('GIVEN more statements about attacks than a toll keeps THEN what was said of the whole country is kept', () => {
    const data = fixtureDatasetJson();
    const statement = data.statements.find((s) => s.scope.kind === 'incidents');
    const djibo = data.incidents.find((incident) => incident.countryCode === 'BF');
    if (!statement || !djibo) throw new Error('fixture: expected an incident statement and an attack in Burkina Faso');
    const scope = { kind: 'incidents' as const, incidentIds: [djibo.id] };
    data.statements.push(...Array.from({ length: 40 }, (_, i) => ({ ...statement, id: `many-st-${i}`, scope })));
    const bf = tollOf(datasetInMemory(data, 'many'), 'BF');
    expect(bf.statements.total).toBe(41);
    expect(bf.statements.first.map((view) => view.statement.kind)).toContain('no_official_toll');
  });

  it('GIVEN a country the sources report nothing for THEN no incidents and no totals: "no data", not zero', async () => {
    const data = await withFigures([], (d) =>
      d.countries.push({ code: 'TD', names: { en: 'Chad', nl: 'Tsjaad', fr: 'Tchad' } }),
    );
    const chad = await tollOf(data, 'TD');
    expect(chad.incidents).toEqual({ first: [], total: 0 });
    expect(chad.totals).toEqual([]);
  });
});

describe('tolls worked out at import', () => {
  it('GIVEN a refreshed dataset THEN its own toll, and the one it replaced stays as it was', async () => {
    const refreshed = fixtureDatasetJson();
    refreshed.figures = refreshed.figures.filter((figure) => figure.status !== 'claimed_by_perpetrator');
    const refreshedMali = tollOf(datasetInMemory(refreshed, 'refreshed'), 'ML');
    expect(refreshedMali.totals[0]?.claimedOnly).toBeNull();
    expect(tollOf(dataset, 'ML').totals[0]?.claimedOnly).toEqual({ qualifier: 'exact', number: 40 });
  });
});

/** Most recent first, then by place name as a reader sorts them (accents and case aside), then the data's order. */
function byDateDescending(a: Incident, b: Incident): number {
  if (a.date.value !== b.date.value) return a.date.value < b.date.value ? 1 : -1;
  return a.place.name.localeCompare(b.place.name, 'en', { sensitivity: 'base' });
}

/** Same-date attacks at places whose order depends on accents and case. */
const NAMES = ['Sikasso', 'Ségou', 'sévaré', 'Sévaré', 'Dioura', 'Éléfantine', 'ansongo'];

describe('a country with thousands of attacks', () => {
  async function manyInMali(count: number): Promise<Dataset> {
    const data = fixtureDatasetJson();
    const malian = byId(data.incidents, 'ml-boulkessi-2025-06-01');
    expect(malian.countryCode).toBe('ML');
    const days = ['2025-05-01', '2025-06-02', '2024-12-31', '2025-06-02', '2025-01-15'];
    for (let i = 0; i < count; i++) {
      const date = { ...malian.date, value: days[i % days.length] as string };
      data.incidents.push({
        ...malian,
        id: `ml-many-${i}`,
        date,
        place: { ...malian.place, name: NAMES[i % NAMES.length] as string },
      });
    }
    return datasetInMemory(data, 'many');
  }

  it('GIVEN 6,000 attacks THEN the first are the most recent, as one sort by date and place would, and all are counted', async () => {
    const many = await manyInMali(6000);
    const mali = tollOf(many, 'ML');
    const expected = [...(many.incidentsByCountry.get('ML') ?? [])].sort(byDateDescending);
    expect(mali.incidents.total).toBe(expected.length);
    expect(mali.incidents.first.length).toBeLessThan(expected.length);
    expect(mali.incidents.first.map((incident) => incident.id)).toEqual(
      expected.slice(0, mali.incidents.first.length).map((incident) => incident.id),
    );
    expect(mali.incidentsWithoutFigures.total).toBe(expected.length - 2);
    expect(mali.map().total).toBe(expected.length);
  });

  it("GIVEN /attack with the country's name THEN its newest attacks to choose from, and how many it has", async () => {
    const many = await manyInMali(6000);
    const answer = answerAttack(many, await buildSearchIndex(many), 'Mali');
    if (answer.kind !== 'choose') throw new Error(`expected a choice, got ${answer.kind}`);
    const expected = [...(many.incidentsByCountry.get('ML') ?? [])].sort(byDateDescending);
    expect(answer.total).toBe(expected.length);
    expect(answer.options.map((option) => option.incident.id)).toEqual(
      expected.slice(0, MAX_CHOICES).map((incident) => incident.id),
    );
  });
});
