import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftArticle } from '../../src/draft/draftArticle.js';
import { knownFrom } from '../../src/draft/known.js';
import { formatScore, scoreDraft } from '../../src/draft/scoreDraft.js';
import { FIXTURE_DIR, fixtureDatasetJson } from '../helpers/datasets.js';

// The curated fixture is the answer key; the drafter sees only its countries and groups, no place: every place it
// finds, it finds in the text.
const curated = fixtureDatasetJson();
const fileText = readFileSync(path.join(FIXTURE_DIR, 'sources/nl-2025-06-jnim-sahel.txt'), 'utf8');
const draft = draftArticle(
  { fileText, fileName: 'nl-2025-06-jnim-sahel.txt', today: '2025-06-10' },
  knownFrom({ countries: curated.countries, actors: curated.actors, incidents: [] }),
);
const score = scoreDraft(draft, curated);

describe('GIVEN the bundled Dutch article drafted with an empty gazetteer', () => {
  it('THEN it reports precision and recall by kind and field', () => {
    process.stdout.write(`\nDraft of the bundled article against the curated data:\n${formatScore(score)}\n`);
    expect(score.kinds.incidents.drafted).toBeGreaterThan(0);
  });

  it('THEN every curated figure is found, none invented, with the right value, qualifier, claimant, status and incidents', () => {
    const { figures } = score.kinds;
    expect([figures.precision, figures.recall]).toEqual([1, 1]);
    expect(figures.fields).toMatchObject({ value: 1, qualifier: 1, counts: 1, saidBy: 1, status: 1, incidents: 1 });
  });

  it('THEN every incident and statement is found and none invented', () => {
    for (const kind of ['incidents', 'statements'] as const) {
      expect([kind, score.kinds[kind].precision, score.kinds[kind].recall]).toEqual([kind, 1, 1]);
    }
    expect(score.kinds.incidents.fields).toMatchObject({
      place: 1,
      country: 1,
      date: 1,
      derivation: 1,
      perpetrator: 1,
    });
    expect(score.kinds.statements.fields).toMatchObject({ kind: 1, saidBy: 1, scope: 1 });
  });

  it('THEN the text of the source is the file byte for byte and every quote stands in it', () => {
    expect(draft.text).toBe(fileText);
    expect(draft.source.header).toBe(' date 2025-06 ');
    const quotable = fileText.slice(draft.source.header.length).replace(/\s+/g, ' ');
    const quotes = [
      ...draft.incidents.flatMap((i) => (i.perpetrator.quote ? [i.perpetrator.quote] : [])),
      ...draft.figures.flatMap((f) => f.quotes),
      ...draft.statements.map((s) => s.quote),
    ];
    expect(quotes.length).toBeGreaterThan(10);
    for (const quote of quotes) expect(quotable).toContain(quote.text.replace(/\s+/g, ' '));
  });
});
