import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftArticle } from '../../src/draft/draftArticle.js';
import { DraftSchema } from '../../src/draft/draftSchema.js';
import { knownFrom } from '../../src/draft/known.js';
import { stageMerge } from '../../src/draft/stageMerge.js';
import { fixtureDatasetJson, writeDataDir } from '../helpers/datasets.js';
import { project } from './project.js';

const DRAFT_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/draft');
const ARTICLES = [
  { name: 'en-2025-06-boulkessi-inekar', date: '2025-06-03' },
  { name: 'fr-2025-09-tessit-diapaga', date: '2025-09-15' },
] as const;

const draftOf = (name: string, date: string) =>
  draftArticle(
    {
      fileText: readFileSync(path.join(DRAFT_FIXTURES, `${name}.txt`), 'utf8'),
      fileName: `${name}.txt`,
      date,
      today: '2025-10-01',
    },
    knownFrom(fixtureDatasetJson()),
  );

describe.each(ARTICLES)('GIVEN the test article $name', ({ name, date }) => {
  const draft = draftOf(name, date);

  it('THEN the draft holds the expected records', () => {
    const { note: _note, ...expected } = JSON.parse(
      readFileSync(path.join(DRAFT_FIXTURES, `${name}.expected.json`), 'utf8'),
    );
    expect(project(draft)).toEqual(expected);
  });

  it('THEN the draft is a valid draft and merges into the article fixture into a dataset that validates', async () => {
    expect(DraftSchema.safeParse(JSON.parse(JSON.stringify(draft))).success).toBe(true);
    const staged = await stageMerge(draft, writeDataDir(fixtureDatasetJson()));
    expect(staged.ok ? [] : staged.problems).toEqual([]);
  });

  it('THEN every incident, figure and statement carries its review notes where a choice was uncertain', () => {
    const newPlaces = draft.incidents.filter((incident) => incident.review.some((note) => note.includes('new place')));
    expect(newPlaces.length).toBeGreaterThan(0);
  });
});
