import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { Dataset } from '../../src/dataset/dataset.js';
import { loadDataset } from '../../src/dataset/loadDataset.js';
import type { DatasetFile } from '../../src/dataset/schema.js';

/**
 * The article fixture (see tests/fixtures/README.md): a frozen copy of the dataset curated from the June 2025
 * article, with its own copy of the article. Code tests read this, never the live data/ folder.
 */
export const FIXTURE_DIR = path.resolve(import.meta.dirname, '../fixtures/article');
export const SOURCE_ID = 'nl-2025-06-jnim-sahel';

/** The fixture's dataset file as plain JSON, a fresh copy each call, to derive test datasets from. */
export function fixtureDatasetJson(): DatasetFile {
  return JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'dataset.json'), 'utf8')) as DatasetFile;
}

export async function loadFixtureDataset(): Promise<Dataset> {
  const result = await loadDataset(FIXTURE_DIR);
  if (!result.ok) throw new Error(`the fixture dataset does not load: ${JSON.stringify(result.problems)}`);
  return result.dataset;
}

/** The record with this id; throws if there is none, so a test never runs on the wrong record. */
export function byId<T extends { readonly id: string }>(records: Iterable<T>, id: string): T {
  for (const record of records) if (record.id === id) return record;
  throw new Error(`no record with id "${id}"`);
}

/** Where the record with this id stands in its array (as problem paths name it); throws if there is none. */
export function indexOfId(records: readonly { readonly id: string }[], id: string): number {
  const index = records.findIndex((record) => record.id === id);
  if (index < 0) throw new Error(`no record with id "${id}"`);
  return index;
}

const tempDirs = { test: [] as string[], file: [] as string[] };
const removeAll = (dirs: string[]) => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
};
afterEach(() => removeAll(tempDirs.test));
afterAll(() => removeAll(tempDirs.file));

/**
 * A dataset folder in a temporary directory with the fixture's source texts and the given dataset.json,
 * removed after the test (or, with `lifetime: 'file'`, after the test file).
 */
export function writeDataDir(content: DatasetFile | string, lifetime: keyof typeof tempDirs = 'test'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sahel-data-'));
  tempDirs[lifetime].push(dir);
  cpSync(path.join(FIXTURE_DIR, 'sources'), path.join(dir, 'sources'), { recursive: true });
  writeFileSync(
    path.join(dir, 'dataset.json'),
    typeof content === 'string' ? content : JSON.stringify(content, null, 2),
  );
  return dir;
}
