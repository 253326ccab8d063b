import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DatasetFile } from '../../src/dataset/schema.js';

/**
 * The second-article fixture (tests/fixtures/second-article/README.md): an article written for the tests, and the
 * records a moderator adds for it. It describes no real event.
 */
export const SECOND_ARTICLE_DIR = path.resolve(import.meta.dirname, '../fixtures/second-article');
export const SECOND_SOURCE_FILE = 'sources/fr-2025-07-ngarmaye.txt';
export const SECOND_INCIDENT_ID = 'td-ngarmaye-2025-07-12';

export type RecordKinds = Pick<
  DatasetFile,
  'sources' | 'countries' | 'actors' | 'incidents' | 'figures' | 'statements'
>;

/** The records the walkthrough adds, by kind, as written in additions.json (a fresh copy each call). */
export function secondArticleAdditions(): RecordKinds {
  return JSON.parse(readFileSync(path.join(SECOND_ARTICLE_DIR, 'additions.json'), 'utf8')) as RecordKinds;
}

/** `data` with the second article's records appended to each kind, as a moderator would write them. */
export function withSecondArticle(data: DatasetFile): DatasetFile {
  const add = secondArticleAdditions();
  return {
    ...data,
    sources: [...data.sources, ...add.sources],
    countries: [...data.countries, ...add.countries],
    actors: [...data.actors, ...add.actors],
    incidents: [...data.incidents, ...add.incidents],
    figures: [...data.figures, ...add.figures],
    statements: [...data.statements, ...add.statements],
  };
}
