import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { Dataset } from '../../src/dataset/dataset.js';
import { loadDataset } from '../../src/dataset/loadDataset.js';
import type { DatasetFile } from '../../src/dataset/schema.js';

export const REAL_DATA_DIR = path.resolve(import.meta.dirname, '../../data');
export const SOURCE_ID = 'nl-2025-06-jnim-sahel';

/** The bundled dataset file as plain JSON, to derive fixtures from. */
export function realDatasetJson(): DatasetFile {
  return JSON.parse(readFileSync(path.join(REAL_DATA_DIR, 'dataset.json'), 'utf8')) as DatasetFile;
}

export async function loadRealDataset(): Promise<Dataset> {
  const result = await loadDataset(REAL_DATA_DIR);
  if (!result.ok) throw new Error(`the bundled dataset does not load: ${JSON.stringify(result.problems)}`);
  return result.dataset;
}

const tempDirs = { test: [] as string[], file: [] as string[] };
const removeAll = (dirs: string[]) => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
};
afterEach(() => removeAll(tempDirs.test));
afterAll(() => removeAll(tempDirs.file));

/**
 * A dataset folder in a temporary directory with the real source texts and the given dataset.json,
 * removed after the test (or, with `lifetime: 'file'`, after the test file).
 */
export function writeDataDir(content: DatasetFile | string, lifetime: keyof typeof tempDirs = 'test'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sahel-data-'));
  tempDirs[lifetime].push(dir);
  cpSync(path.join(REAL_DATA_DIR, 'sources'), path.join(dir, 'sources'), { recursive: true });
  writeFileSync(
    path.join(dir, 'dataset.json'),
    typeof content === 'string' ? content : JSON.stringify(content, null, 2),
  );
  return dir;
}
