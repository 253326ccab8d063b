import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/loadDataset.js';
import { fixtureDatasetJson, writeDataDir } from '../helpers/datasets.js';

const indexFiles = (dir: string) => readdirSync(path.join(dir, '.index')).sort();
async function fileOf(dir: string): Promise<string> {
  const result = await loadDataset(dir);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  result.dataset.close();
  return result.dataset.file ?? '';
}

describe('index files', () => {
  it('GIVEN data that has not changed THEN a start opens the index it built, without importing again', async () => {
    const dir = writeDataDir(fixtureDatasetJson());
    const first = await fileOf(dir);
    const written = statSync(first).mtimeMs;
    expect(await fileOf(dir)).toBe(first);
    expect(statSync(first).mtimeMs).toBe(written);
    expect(indexFiles(dir)).toEqual([path.basename(first)]);
  });

  it('GIVEN changed data THEN a new index; GIVEN data that fails THEN no index written, the others untouched', async () => {
    const dir = writeDataDir(fixtureDatasetJson());
    const first = await fileOf(dir);
    const changed = fixtureDatasetJson();
    changed.statements = [];
    writeFileSync(path.join(dir, 'dataset.json'), JSON.stringify(changed));
    const second = await fileOf(dir);
    expect(second).not.toBe(first);
    const before = indexFiles(dir);
    expect(before).toEqual([path.basename(first), path.basename(second)].sort());

    const broken = fixtureDatasetJson();
    Object.assign(broken.incidents[0] ?? {}, { countryCode: 'ZZ' });
    writeFileSync(path.join(dir, 'dataset.json'), JSON.stringify(broken));
    const result = await loadDataset(dir);
    expect(result.ok).toBe(false);
    expect(indexFiles(dir)).toEqual(before);
  });
});
