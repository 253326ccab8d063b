import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleOperator } from '../../commands/command.js';
import { commandContext, openStore } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { outcomeJson } from '../../src/console/answerJson.js';
import { answerLine } from '../../src/console/answerLine.js';
import { loadDataset } from '../../src/dataset/loadDataset.js';
import { formatProblem } from '../../src/dataset/problems.js';
import { createLogger } from '../../src/logger.js';
import { fixtureDatasetJson, writeDataDir } from '../helpers/datasets.js';
import {
  SECOND_ARTICLE_DIR,
  SECOND_INCIDENT_ID,
  SECOND_SOURCE_FILE,
  secondArticleAdditions,
  withSecondArticle,
} from '../helpers/secondArticle.js';

// The walkthrough of docs/data-format.md, step by step, with the second article (written for the tests) added to a
// copy of the article fixture, through the console as a moderator at it would.
describe('the walkthrough: adding the second article', () => {
  it('GIVEN its text in sources/ and its records in dataset.json THEN it validates, refreshes and answers', async () => {
    const dataDir = writeDataDir(fixtureDatasetJson());
    const config = loadConfig({ DATA_DIR: dataDir });
    const store = await openStore(config, 'test');
    const context = commandContext(store, config, createLogger('silent'), consoleOperator('moderator'), 'en');
    const ask = async (line: string) => outcomeJson(await answerLine(line, context));
    expect((await ask('/attack Ngarmaye')).kind).toBe('not_found');

    // 1. The text, untouched, in sources/.
    copyFileSync(path.join(SECOND_ARTICLE_DIR, SECOND_SOURCE_FILE), path.join(dataDir, SECOND_SOURCE_FILE));
    // 2. The source, then the incidents, figures and statements it reports.
    writeFileSync(path.join(dataDir, 'dataset.json'), JSON.stringify(withSecondArticle(fixtureDatasetJson()), null, 2));

    // 3. npm run validate, and /dataset validate: the same checks.
    const loaded = await loadDataset(dataDir);
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([]);
    const validated = await ask('/dataset validate');
    expect(validated.error).toBeNull();
    const both = withSecondArticle(fixtureDatasetJson());
    expect(JSON.stringify(validated.message)).toContain(
      `${both.incidents.length} incidents, ${both.figures.length} figures, ${both.statements.length} statements`,
    );
    expect(JSON.stringify(validated.message)).toContain('to 12 July 2025');
    expect((await ask('/attack Ngarmaye')).kind, 'validating swaps nothing in').toBe('not_found');

    // 4. /dataset refresh: every record added is named, and answers come from the new data.
    const refreshed = JSON.stringify((await ask('/dataset refresh')).message);
    const added = secondArticleAdditions();
    for (const record of [...added.sources, ...added.actors, ...added.incidents, ...added.figures, ...added.statements])
      expect(refreshed).toContain(record.id);

    const attack = await ask('/attack Ngarmaye');
    expect(attack.kind).toBe('incident');
    expect(attack.incidents.map((incident) => incident.id)).toEqual([SECOND_INCIDENT_ID]);
    expect(attack.figures.map(({ id, status }) => ({ id, status }))).toEqual(
      expect.arrayContaining(added.figures.map(({ id, status }) => ({ id, status }))),
    );
    expect(attack.statements.map((statement) => statement.id)).toEqual(['st-ngarmaye-no-civilian-toll']);
    expect(attack.sources.map((source) => source.id)).toEqual(['fr-2025-07-ngarmaye']);
    // A misspelling and the alias find it too.
    expect((await ask('/attack Ngarmay')).incidents.map((incident) => incident.id)).toEqual([SECOND_INCIDENT_ID]);
    expect((await ask("/attack N'Garmaye")).incidents.map((incident) => incident.id)).toEqual([SECOND_INCIDENT_ID]);

    // The government's range is the toll; the group's claim covers the same attack, so it is never added to it.
    const toll = await ask('/toll Chad');
    expect(toll.kind).toBe('toll');
    const killed = toll.totals.find((total) => total.counts === 'soldiers_killed');
    expect(killed?.reported).toEqual({ qualifier: 'range', low: 12, high: 15 });
    expect(killed?.reports).toEqual(['fig-ngarmaye-soldiers-killed-government']);
    expect(killed?.claimedOnly).toBeNull();

    // The first article still answers as before.
    expect((await ask('/attack Boulkessi')).incidents.map((incident) => incident.id)).toEqual([
      'ml-boulkessi-2025-06-01',
    ]);
  });
});
