import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/loadDataset.js';
import { formatProblem } from '../../src/dataset/problems.js';
import { type DatasetFile, englishOf, type Incident, IncidentSchema } from '../../src/dataset/schema.js';
import { normaliseWhitespace } from '../../src/dataset/sourceText.js';
import {
  byId,
  FIXTURE_DIR,
  fixtureDatasetJson,
  indexOfId,
  loadFixtureDataset,
  SOURCE_ID,
  writeDataDir,
} from '../helpers/datasets.js';

async function problemsOf(content: DatasetFile | string): Promise<string[]> {
  const result = await loadDataset(writeDataDir(content));
  if (result.ok) throw new Error('expected the dataset to be refused');
  return result.problems.map((problem) => formatProblem({ ...problem, file: path.basename(problem.file) }));
}

function mutated(change: (data: DatasetFile) => void): DatasetFile {
  const data = fixtureDatasetJson();
  change(data);
  return data;
}

describe('the article fixture', () => {
  it('GIVEN tests/fixtures/article THEN it loads with every cross-check passing and a content-hash version', async () => {
    const dataset = await loadFixtureDataset();
    expect(dataset.version).toMatch(/^[0-9a-f]{12}$/);
    expect(dataset.incidents).toHaveLength(6);
    expect([...dataset.incidents.ids]).toEqual(fixtureDatasetJson().incidents.map((incident) => incident.id));
  });

  it('GIVEN the fixture article THEN it is the shared article byte for byte', () => {
    // The SHA-256 of shared/sources/000_be4eb2f67da9b2b5.txt, which sits outside the repository; the data tests check
    // that the copy in data/ is byte for byte this one.
    const kept = readFileSync(path.join(FIXTURE_DIR, 'sources', `${SOURCE_ID}.txt`));
    expect(createHash('sha256').update(kept).digest('hex')).toBe(
      'ebbdd46c8968ded5e631fe083b16153f83a6432c3119091a89b7120720b2bb9d',
    );
  });

  it('GIVEN the source metadata THEN it is Dutch, dated June 2025 to the month, publisher unknown, date marker excluded', async () => {
    const source = byId((await loadFixtureDataset()).sources, SOURCE_ID);
    expect(source).toMatchObject({ language: 'nl', date: '2025-06', datePrecision: 'month', publisher: null });
    expect(source.header).toBe(' date 2025-06 ');
  });

  it('GIVEN every quote in the file THEN each stands verbatim in the article body', async () => {
    const dataset = await loadFixtureDataset();
    const body = normaliseWhitespace(
      readFileSync(path.join(FIXTURE_DIR, 'sources', `${SOURCE_ID}.txt`), 'utf8').replace(' date 2025-06 ', ''),
    );
    const quotes = [
      ...[...dataset.incidents].flatMap((i) => [i.perpetrator.quote, ...i.outcomes.map((o) => o.quote)]),
      ...[...dataset.figures].flatMap((f) => f.quotes),
      ...[...dataset.statements].map((s) => s.quote),
    ].filter((quote) => quote !== undefined);
    expect(quotes.length).toBeGreaterThan(15);
    for (const quote of quotes) expect(body).toContain(normaliseWhitespace(quote.text));
  });
});

describe('the incidents match the article', () => {
  const incident = async (id: string) => {
    const found = (await loadFixtureDataset()).incidentsById.get(id);
    if (!found) throw new Error(`no incident ${id}`);
    return found;
  };

  it('Boulkessi: Mali base claimed by JNIM, date inferred from "afgelopen zondag", Mondoro nearby, four outcome claims by four speakers', async () => {
    const boulkessi = await incident('ml-boulkessi-2025-06-01');
    expect(boulkessi).toMatchObject({
      countryCode: 'ML',
      target: 'military_base',
      place: { name: 'Boulkessi', nearby: ['Mondoro'] },
    });
    expect(boulkessi.date).toMatchObject({ value: '2025-06-01', derivation: 'inferred' });
    expect(englishOf(boulkessi.date.basis)).toContain('afgelopen zondag');
    expect(boulkessi.perpetrator).toMatchObject({ actorId: 'jnim', attribution: 'claimed' });
    expect(boulkessi.outcomes.map((o) => [o.outcome, o.saidBy.kind])).toEqual([
      ['captured', 'perpetrator'],
      ['withdrew', 'army'],
      ['camp_emptied', 'local_source'],
      ['overrun', 'online_video'],
    ]);
  });

  it('Dioura: Mali base, the date is the day of the claim (24 May), not of the attack', async () => {
    const dioura = await incident('ml-dioura-2025-05-24');
    expect(dioura).toMatchObject({
      countryCode: 'ML',
      place: { adminArea: { en: 'central Mali' } },
      perpetrator: { attribution: 'claimed' },
    });
    expect(dioura.date).toMatchObject({ value: '2025-05-24', precision: 'day', derivation: 'claim_date' });
  });

  it('Sirakorola: JNIM says it took the base, the army says it repelled the attack', async () => {
    const sirakorola = await incident('ml-sirakorola-2025-05-30');
    expect(sirakorola.outcomes.map((o) => [o.outcome, o.saidBy.kind])).toEqual([
      ['captured', 'perpetrator'],
      ['repelled', 'army'],
    ]);
  });

  it('Djibo: Burkina Faso, military positions and the town, mid-May at month precision, claimed by JNIM', async () => {
    const djibo = await incident('bf-djibo-2025-05');
    expect(djibo).toMatchObject({ countryCode: 'BF', target: 'military_positions_and_town' });
    expect(djibo.date).toMatchObject({ value: '2025-05', precision: 'month' });
    expect(djibo.perpetrator).toMatchObject({ actorId: 'jnim', attribution: 'claimed' });
  });

  it('Tahoua (24 May) and Dosso (26 May): Niger regions, perpetrator not stated', async () => {
    for (const [id, day] of [
      ['ne-tahoua-2025-05-24', '2025-05-24'],
      ['ne-dosso-2025-05-26', '2025-05-26'],
    ] as const) {
      const attack = await incident(id);
      expect(attack).toMatchObject({ countryCode: 'NE', place: { precision: 'admin_area' } });
      expect(attack.date).toMatchObject({ value: day, derivation: 'stated' });
      expect(attack.perpetrator).toEqual({ actorId: null, attribution: 'not_stated' });
    }
  });
});

describe('the figures and statements match the article', () => {
  const figure = async (id: string) => [...(await loadFixtureDataset()).figures].find((f) => f.id === id);

  it('Boulkessi: more than 30 soldiers per two security sources, unconfirmed, one figure backed by two sentences', async () => {
    expect(await figure('fig-boulkessi-soldiers-killed-security-sources')).toMatchObject({
      value: { qualifier: 'more_than', number: 30 },
      saidBy: { kind: 'security_sources' },
      status: 'unconfirmed',
      scope: { incidentIds: ['ml-boulkessi-2025-06-01'] },
    });
  });

  it('Dioura 40 and Djibo 200: the group’s own claims', async () => {
    expect(await figure('fig-dioura-soldiers-killed-jnim-claim')).toMatchObject({
      value: { qualifier: 'exact', number: 40 },
      status: 'claimed_by_perpetrator',
    });
    expect(await figure('fig-djibo-soldiers-killed-jnim-claim')).toMatchObject({
      value: { qualifier: 'exact', number: 200 },
      status: 'claimed_by_perpetrator',
    });
  });

  it('Niger: one figure of more than 100 covering both attacks, never split', async () => {
    const dataset = await loadFixtureDataset();
    const niger = await figure('fig-niger-soldiers-killed-security-sources');
    expect(niger).toMatchObject({ value: { qualifier: 'more_than', number: 100 }, status: 'unconfirmed' });
    expect(niger?.scope).toEqual({ kind: 'incidents', incidentIds: ['ne-tahoua-2025-05-24', 'ne-dosso-2025-05-26'] });
    expect([...dataset.figures].filter((f) => f.value.qualifier !== 'range' && f.value.number === 100)).toHaveLength(1);
  });

  it('the region: more than 400 reportedly, unattributed, attached to no single country', async () => {
    expect(await figure('fig-region-soldiers-killed-since-may')).toMatchObject({
      value: { qualifier: 'more_than', number: 400 },
      saidBy: { kind: 'unattributed' },
      scope: { kind: 'region', countryCodes: ['ML', 'NE', 'BF'] },
    });
  });

  it('statements without numbers: army gave none, spokesperson declined, no official toll in Burkina Faso and Niger', async () => {
    const dataset = await loadFixtureDataset();
    expect([...dataset.statements].map((s) => s.kind).sort()).toEqual([
      'declined_to_answer',
      'many_dead',
      'no_casualty_figures',
      'no_casualty_figures',
      'no_official_toll',
    ]);
    expect([...dataset.statements].find((s) => s.kind === 'no_official_toll')?.scope).toEqual({
      kind: 'countries',
      countryCodes: ['BF', 'NE'],
    });
  });
});

describe('a broken dataset is refused with clear problems', () => {
  it('GIVEN malformed JSON THEN it says so', async () => {
    expect(await problemsOf('{ "sources": [')).toEqual([expect.stringMatching(/^dataset\.json: not valid JSON \(/)]);
  });

  it('GIVEN an empty file THEN it says the file is empty', async () => {
    expect(await problemsOf('  \n')).toEqual(['dataset.json: the file is empty']);
  });

  it('GIVEN a missing field THEN it names the path', async () => {
    const at = indexOfId(fixtureDatasetJson().incidents, 'ml-sirakorola-2025-05-30');
    const problems = await problemsOf(
      mutated((d) => delete (byId(d.incidents, 'ml-sirakorola-2025-05-30') as Partial<Incident>).countryCode),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(`^dataset\\.json: ml-sirakorola-2025-05-30 \\(incidents\\[${at}\\]\\.countryCode\\): `),
      ),
    ]);
  });

  it('GIVEN an unknown enum value THEN it names the path and the allowed values', async () => {
    const id = 'fig-boulkessi-soldiers-killed-security-sources';
    const at = indexOfId(fixtureDatasetJson().figures, id);
    const problems = await problemsOf(mutated((d) => Object.assign(byId(d.figures, id), { status: 'probably' })));
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(`^dataset\\.json: ${id} \\(figures\\[${at}\\]\\.status\\): .*"claimed_by_perpetrator"`),
      ),
    ]);
  });

  it('GIVEN a quote that is not in the source THEN it is refused, even one word off', async () => {
    const id = 'fig-boulkessi-soldiers-killed-security-sources';
    const at = indexOfId(fixtureDatasetJson().figures, id);
    const problems = await problemsOf(
      mutated((d) => {
        const [quote] = byId(d.figures, id).quotes;
        if (!quote?.text.includes('30')) throw new Error('fixture: expected the Boulkessi figure to quote "30"');
        quote.text = quote.text.replace('30', '31');
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^dataset\\.json: ${id} \\(figures\\[${at}\\]\\.quotes\\[0\\]\\.text\\): not found verbatim in source`,
        ),
      ),
    ]);
  });

  it('GIVEN a quote of the date marker THEN it is refused: the marker is not article text', async () => {
    const id = 'st-mali-army-no-figures-boulkessi';
    const at = indexOfId(fixtureDatasetJson().statements, id);
    const problems = await problemsOf(
      mutated((d) => {
        byId(d.statements, id).quote.text = 'date 2025-06';
      }),
    );
    expect(problems).toEqual([expect.stringContaining(`${id} (statements[${at}].quote.text): not found verbatim`)]);
  });

  it('GIVEN a quote that differs only in whitespace THEN it is accepted', async () => {
    const data = mutated((d) => {
      const { quote } = byId(d.statements, 'st-bf-ne-no-official-toll');
      quote.text = quote.text.replace(/ /g, '\n  ');
    });
    expect(byId(data.statements, 'st-bf-ne-no-official-toll').quote.text).toContain('\n  ');
    expect((await loadDataset(writeDataDir(data))).ok).toBe(true);
  });

  it('GIVEN a dangling reference THEN it names the reference', async () => {
    const id = 'fig-niger-soldiers-killed-security-sources';
    const at = indexOfId(fixtureDatasetJson().figures, id);
    const problems = await problemsOf(
      mutated((d) => {
        const { scope } = byId(d.figures, id);
        if (scope.kind !== 'incidents') throw new Error('fixture: expected the Niger figure to cover incidents');
        scope.incidentIds[1] = 'ne-nowhere';
      }),
    );
    expect(problems).toEqual([
      `dataset.json: ${id} (figures[${at}].scope.incidentIds[1]): unknown incident "ne-nowhere"`,
    ]);
  });

  it('GIVEN a duplicate id THEN it names both places', async () => {
    const incidents = fixtureDatasetJson().incidents;
    const [first, again] = [
      indexOfId(incidents, 'ml-boulkessi-2025-06-01'),
      indexOfId(incidents, 'ml-dioura-2025-05-24'),
    ].sort((a, b) => a - b);
    const problems = await problemsOf(
      mutated((d) => Object.assign(byId(d.incidents, 'ml-dioura-2025-05-24'), { id: 'ml-boulkessi-2025-06-01' })),
    );
    expect(problems).toContain(
      `dataset.json: ml-boulkessi-2025-06-01 (incidents[${again}]): duplicate id "ml-boulkessi-2025-06-01" (first used at incidents[${first}])`,
    );
  });

  it('GIVEN a perpetrator figure not marked as a claim THEN it is refused', async () => {
    const id = 'fig-dioura-soldiers-killed-jnim-claim';
    const at = indexOfId(fixtureDatasetJson().figures, id);
    const problems = await problemsOf(mutated((d) => Object.assign(byId(d.figures, id), { status: 'confirmed' })));
    expect(problems).toEqual([
      expect.stringContaining(`${id} (figures[${at}].status): a figure is "claimed_by_perpetrator" exactly when`),
    ]);
  });

  it('GIVEN a missing source text THEN it names the file', async () => {
    const at = indexOfId(fixtureDatasetJson().sources, SOURCE_ID);
    const problems = await problemsOf(
      mutated((d) => Object.assign(byId(d.sources, SOURCE_ID), { file: 'sources/missing.txt' })),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(`${SOURCE_ID} \\(sources\\[${at}\\]\\.file\\): cannot read .*missing\\.txt \\(no such file\\)`),
      ),
    ]);
  });

  it('GIVEN no dataset file THEN it names the file, never a stack trace', async () => {
    const result = await loadDataset('/nonexistent-dir');
    expect(result).toEqual({
      ok: false,
      problems: [{ file: '/nonexistent-dir/dataset.json', path: '', reason: 'cannot read the file (no such file)' }],
    });
  });
});

describe('records one a line in .jsonl files', () => {
  const writeSplit = (lines: { incidents?: string[]; figures?: string[] }) => {
    const data = fixtureDatasetJson();
    const head = { sources: data.sources, countries: data.countries, actors: data.actors, statements: [] };
    const dir = writeDataDir(head as unknown as DatasetFile);
    const write = (name: string, records: string[] | undefined) => {
      if (records) writeFileSync(path.join(dir, name), `${records.join('\n')}\n`);
    };
    write('incidents.jsonl', lines.incidents ?? data.incidents.map((incident) => JSON.stringify(incident)));
    write('figures.jsonl', lines.figures ?? data.figures.map((figure) => JSON.stringify(figure)));
    return dir;
  };

  it('GIVEN incidents and figures as .jsonl beside dataset.json THEN they load like the same records in dataset.json', async () => {
    const result = await loadDataset(writeSplit({}));
    expect(result.ok && [...result.dataset.incidents].map((incident) => incident.id)).toEqual(
      fixtureDatasetJson().incidents.map((incident) => incident.id),
    );
    expect(result.ok && result.dataset.figures).toHaveLength(5);
    expect(result.ok && [...result.dataset.figures].map((figure) => figure.id)).toEqual(
      fixtureDatasetJson().figures.map((figure) => figure.id),
    );
  });

  it('GIVEN records with equal parts THEN they read as written', async () => {
    const result = await loadDataset(writeSplit({}));
    if (!result.ok) throw new Error('the split dataset does not load');
    const boulkessi = byId(result.dataset.incidents, 'ml-boulkessi-2025-06-01');
    const dioura = byId(result.dataset.incidents, 'ml-dioura-2025-05-24');
    expect(boulkessi.sourceIds).toEqual(dioura.sourceIds);
    expect([...result.dataset.incidents]).toEqual([...(await loadFixtureDataset()).incidents]);
  });

  it('GIVEN lines written every way JSON allows THEN they read as the same records as compact lines', async () => {
    const compact = fixtureDatasetJson().incidents.map((incident) => JSON.stringify(incident));
    const spelled = fixtureDatasetJson().incidents.map((incident, i) => {
      const reordered = Object.fromEntries(Object.entries(incident).reverse());
      if (i === 0) return JSON.stringify(reordered, null, 1).replaceAll('\n', ' ');
      if (i === 1) return JSON.stringify({ ...incident, unknownField: 1 });
      if (i === 2) return JSON.stringify(incident).replace('"id"', '"\\u0069d"');
      // A place's name with its first letter escaped: the same value as the compact line's.
      return JSON.stringify(incident).replace(
        /"name":"(\w)/,
        (_, letter: string) => `"name":"\\u${letter.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
    });
    const [asCompact, asSpelled] = await Promise.all([
      loadDataset(writeSplit({ incidents: compact })),
      loadDataset(writeSplit({ incidents: spelled })),
    ]);
    if (!asCompact.ok || !asSpelled.ok) throw new Error('the incidents do not load');
    expect([...asSpelled.dataset.incidents]).toEqual([...asCompact.dataset.incidents]);
  });

  it('GIVEN the same invalid value on several lines THEN every one of those lines is refused', async () => {
    const incidents = fixtureDatasetJson().incidents.map((incident) => JSON.stringify(incident));
    const [first = '', second = ''] = incidents;
    incidents.push(first.replace(/"id":"[^"]+"/, '"id":"copy-1"'), second.replace(/"id":"[^"]+"/, '"id":"copy-2"'));
    const broken = incidents.map((line) => line.replace(/"countryCode":"(\w+)"/, '"countryCode":"mali"'));
    const result = await loadDataset(writeSplit({ incidents: broken }));
    const problems = result.ok ? [] : result.problems.map((p) => formatProblem({ ...p, file: path.basename(p.file) }));
    expect(problems).toEqual(
      broken.map(
        (line, i) =>
          `incidents.jsonl: ${JSON.parse(line).id} (line ${i + 1}, countryCode): expected an ISO 3166 alpha-2 code such as "ML"`,
      ),
    );
  });

  it('GIVEN a bad line THEN the problem names the file and the line', async () => {
    // Two good lines, an empty line, a broken line, then Sirakorola with a bad country code, then the rest.
    const data = fixtureDatasetJson();
    const sirakorola = JSON.stringify(byId(data.incidents, 'ml-sirakorola-2025-05-30'));
    const badCode = sirakorola.replace('"countryCode":"ML"', '"countryCode":"mali"');
    expect(badCode).not.toBe(sirakorola);
    const [one = '', two = '', ...rest] = data.incidents
      .filter((incident) => incident.id !== 'ml-sirakorola-2025-05-30')
      .map((incident) => JSON.stringify(incident));
    const incidents = [one, two, '', '{"id": "x"', badCode, ...rest];
    const result = await loadDataset(writeSplit({ incidents }));
    const problems = result.ok ? [] : result.problems.map((p) => formatProblem({ ...p, file: path.basename(p.file) }));
    expect(problems).toEqual([
      expect.stringMatching(/^incidents\.jsonl: line 4: not valid JSON/),
      'incidents.jsonl: ml-sirakorola-2025-05-30 (line 5, countryCode): expected an ISO 3166 alpha-2 code such as "ML"',
    ]);
  });

  it('GIVEN CRLF lines, no final newline and long non-ASCII lines THEN every line reads whole and is numbered', async () => {
    // Lines of about 50 KB in two-byte characters: the 64 KiB reads cut through lines and through characters.
    const incidents = fixtureDatasetJson().incidents.map((incident, i) => ({
      ...incident,
      notes: 'é'.repeat(25_000 + i),
    }));
    const lines = incidents.map((incident) => JSON.stringify(incident));
    const dir = writeSplit({});
    writeFileSync(path.join(dir, 'incidents.jsonl'), lines.join('\r\n'));
    const loaded = await loadDataset(dir);
    expect(loaded.ok && [...loaded.dataset.incidents].map((incident) => incident.notes)).toEqual(
      incidents.map((incident) => incident.notes),
    );

    writeFileSync(path.join(dir, 'incidents.jsonl'), [...lines, '{"id": "x"'].join('\r\n'));
    const broken = await loadDataset(dir);
    const problems = broken.ok ? [] : broken.problems.map((p) => formatProblem({ ...p, file: path.basename(p.file) }));
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^incidents\\.jsonl: line ${lines.length + 1}: not valid JSON`)),
    ]);
  });

  it('GIVEN record files too large to import on the calling thread THEN a worker thread imports them, every line in order and numbered', async () => {
    // About 1 MB of incidents, past what is imported on the calling thread, each line 5 KB of two-byte text.
    const real = fixtureDatasetJson().incidents;
    const bulk = Array.from({ length: 200 }, (_, i) => ({
      ...(real[i % real.length] as Incident),
      id: `bulk-${i}`,
      notes: `${i} ${'é'.repeat(2_500)}`,
    }));
    const lines = [...real, ...bulk].map((incident) => JSON.stringify(incident));
    const dir = writeSplit({ incidents: lines });
    const loaded = await loadDataset(dir);
    if (!loaded.ok) throw new Error('the bulk dataset does not load');
    expect([...loaded.dataset.incidents.ids]).toEqual([...real, ...bulk].map(({ id }) => id));
    expect(loaded.dataset.incidentsById.get('bulk-119')).toEqual(IncidentSchema.parse(bulk[119]));

    writeFileSync(path.join(dir, 'incidents.jsonl'), [...lines, '{"id": "x"'].join('\n'));
    const broken = await loadDataset(dir);
    const problems = broken.ok ? [] : broken.problems.map((p) => formatProblem({ ...p, file: path.basename(p.file) }));
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^incidents\\.jsonl: line ${lines.length + 1}: not valid JSON`)),
    ]);
  });

  it('GIVEN a dangling reference on a line THEN the cross-check names that line', async () => {
    const data = fixtureDatasetJson();
    const at = indexOfId(data.figures, 'fig-dioura-soldiers-killed-jnim-claim');
    const figures = data.figures.map((figure) => JSON.stringify(figure));
    figures[at] = figures[at]?.replace('ml-dioura-2025-05-24', 'ml-nowhere') ?? '';
    const result = await loadDataset(writeSplit({ figures }));
    const problems = result.ok ? [] : result.problems.map((p) => formatProblem({ ...p, file: path.basename(p.file) }));
    expect(problems).toEqual([
      `figures.jsonl: fig-dioura-soldiers-killed-jnim-claim (line ${at + 1}, scope.incidentIds[0]): unknown incident "ml-nowhere"`,
    ]);
  });
});
