import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/loadDataset.js';
import { draftArticle } from '../../src/draft/draftArticle.js';
import { knownFrom } from '../../src/draft/known.js';
import { mergeDraft, sameAttack } from '../../src/draft/mergeDraft.js';
import { stageMerge } from '../../src/draft/stageMerge.js';
import { fixtureDatasetJson, writeDataDir } from '../helpers/datasets.js';

const DRAFT_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/draft');
const english = () =>
  draftArticle(
    {
      fileText: readFileSync(path.join(DRAFT_FIXTURES, 'en-2025-06-boulkessi-inekar.txt'), 'utf8'),
      fileName: 'en-2025-06-boulkessi-inekar.txt',
      date: '2025-06-03',
      today: '2025-10-01',
    },
    knownFrom(fixtureDatasetJson()),
  );

describe('sameAttack', () => {
  const at = (name: string, value: string, precision: 'day' | 'month' = 'day', aliases: string[] = []) => ({
    place: { name, aliases, nearby: [], adminArea: null, precision: 'place' as const, nearbyLocations: [] },
    countryCode: 'ML',
    date: { value, precision, derivation: 'stated' as const, basis: 'x' },
  });
  it('GIVEN the same place within a week THEN the same attack; eight days apart or another place THEN not', () => {
    expect(sameAttack(at('Boulkessi', '2025-06-01'), at('Boulkéssi', '2025-06-07'))).toBe(true);
    expect(sameAttack(at('Boulkessi', '2025-06-01'), at('Boulkessi', '2025-06-09'))).toBe(false);
    expect(sameAttack(at('Boulkessi', '2025-06-01'), at('Dioura', '2025-06-01'))).toBe(false);
    expect(sameAttack(at('Boulkessy', '2025-06-01'), at('Boulkessi', '2025-06-01', 'day', ['Boulkessy']))).toBe(true);
  });
  it('GIVEN a month-only date THEN any day of the month, and a week either side, matches', () => {
    expect(sameAttack(at('Djibo', '2025-05', 'month'), at('Djibo', '2025-06-05'))).toBe(true);
    expect(sameAttack(at('Djibo', '2025-05', 'month'), at('Djibo', '2025-06-09'))).toBe(false);
  });
});

describe('GIVEN the English test article, which reports on the fixture’s Boulkessi attack', () => {
  it('THEN its figure becomes a new report on that incident, not a new incident, and differs from the old one', () => {
    const merged = mergeDraft(fixtureDatasetJson(), english());
    if (!merged.ok) throw new Error(merged.reason);
    expect(merged.report.matched).toEqual({ 'ml-boulkessi-2025-06-01': 'ml-boulkessi-2025-06-01' });
    expect(merged.report.added.incidents).toEqual(['ml-inekar-2025-06-02']);
    const boulkessi = merged.data.figures.filter(
      (figure) => figure.scope.kind === 'incidents' && figure.scope.incidentIds.includes('ml-boulkessi-2025-06-01'),
    );
    expect(boulkessi.map((figure) => figure.value)).toEqual([
      { qualifier: 'more_than', number: 30 },
      { qualifier: 'at_least', number: 60 },
    ]);
    const incident = merged.data.incidents.find((i) => i.id === 'ml-boulkessi-2025-06-01');
    expect(incident?.sourceIds).toEqual(['nl-2025-06-jnim-sahel', 'en-2025-06-boulkessi-inekar']);
    expect(JSON.stringify(merged.data)).not.toContain('"review"');
  });

  it('THEN a staged merge validates, and nothing is written until it is committed', async () => {
    const dataDir = writeDataDir(fixtureDatasetJson());
    const before = readFileSync(path.join(dataDir, 'dataset.json'), 'utf8');
    const staged = await stageMerge(english(), dataDir);
    if (!staged.ok) throw new Error(JSON.stringify(staged.problems));
    expect(readFileSync(path.join(dataDir, 'dataset.json'), 'utf8')).toBe(before);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('.merge-'))).toEqual([]);
    await staged.commit();
    const loaded = await loadDataset(dataDir);
    expect(loaded.ok && loaded.dataset.incidents.length).toBe(7);
    expect(readFileSync(path.join(dataDir, 'sources/en-2025-06-boulkessi-inekar.txt'), 'utf8')).toBe(english().text);
  });

  it('GIVEN a draft whose quote was edited away from the text THEN the merge is refused and writes nothing', async () => {
    const draft = english();
    const figure = draft.figures[0];
    if (!figure?.quotes[0]) throw new Error('no figure');
    figure.quotes[0].text = 'At least 600 soldiers were killed';
    const dataDir = writeDataDir(fixtureDatasetJson());
    const before = readFileSync(path.join(dataDir, 'dataset.json'), 'utf8');
    const staged = await stageMerge(draft, dataDir);
    expect(staged.ok).toBe(false);
    expect(staged.ok ? '' : staged.problems[0]?.reason).toContain('not found verbatim');
    expect(readFileSync(path.join(dataDir, 'dataset.json'), 'utf8')).toBe(before);
    expect(existsSync(path.join(dataDir, 'sources/en-2025-06-boulkessi-inekar.txt'))).toBe(false);
  });

  it('GIVEN the same draft merged twice THEN the second is refused', async () => {
    const dataDir = writeDataDir(fixtureDatasetJson());
    const first = await stageMerge(english(), dataDir);
    if (first.ok) await first.commit();
    const second = await stageMerge(english(), dataDir);
    expect(second.ok ? '' : second.problems[0]?.reason).toContain('merged before');
  });
});
