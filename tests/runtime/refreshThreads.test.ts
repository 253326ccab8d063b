import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/generateDataset.js';
import type { Dataset } from '../../src/dataset/dataset.js';
import { loadDataset } from '../../src/dataset/loadDataset.js';
import { connectionOf } from '../../src/dataset/repository.js';
import { compareAsSqlite, diffDatasets, diffIndexes } from '../../src/runtime/datasetDiff.js';
import { DatasetStore, makeSnapshot } from '../../src/runtime/datasetStore.js';
import { buildSearchIndex } from '../../src/search/searchIndex.js';

// Large enough that a refresh builds the search index and compares the versions on worker threads.
const INCIDENTS = 6_000;
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function generated(edit: (lines: string[]) => string[] = (lines) => lines): Promise<Dataset> {
  const folder = mkdtempSync(path.join(tmpdir(), 'refresh-threads-'));
  folders.push(folder);
  generateDataset(INCIDENTS, folder);
  const file = path.join(folder, 'incidents.jsonl');
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  writeFileSync(file, `${edit(lines).join('\n')}\n`);
  const result = await loadDataset(folder);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.dataset;
}

const before = await generated();
const after = await generated((lines) => [
  ...lines
    // syn-5 has no figure: it can go.
    .filter((line) => !line.includes('"id":"syn-5"'))
    .map((line) => (line.includes('"id":"syn-7"') ? line.replace('military_base', 'civilians') : line)),
  (lines[1] ?? '').replace('"id":"syn-1"', '"id":"syn-new"'),
]);

describe('a refresh of a large dataset, on worker threads', () => {
  it('GIVEN one incident removed, one changed and one added THEN the worker says so, as a comparison here would', async () => {
    expect(before.file && after.file).toBeTruthy();
    const diff = await diffDatasets(before, after);
    expect(diff.incidents).toEqual({ added: ['syn-new'], removed: ['syn-5'], changed: ['syn-7'] });
    expect(diff.figures).toEqual({ added: [], removed: [], changed: [] });
    const here = diffIndexes(connectionOf(before) ?? expect.fail(), connectionOf(after) ?? expect.fail());
    expect(diff).toEqual(here);
  });

  it('GIVEN the search index a refresh built on a worker thread THEN it answers as one built here', async () => {
    const store = new DatasetStore(await makeSnapshot(before, 'test', 'test'));
    const outcome = await store.refresh(async () => ({ ok: true, dataset: after }), 'test', 'test');
    if (!outcome.ok) throw new Error('the refresh failed');
    expect(outcome.diff.incidents.removed).toEqual(['syn-5']);
    const { index } = store.current();
    const here = await buildSearchIndex(after);
    expect(index.anything.size).toBe(here.anything.size);
    expect(index.anything.size).toBeGreaterThan(500);
    for (const query of ['bou', 'boukes', 'dio', 'kessira', 'mali', 'xyz', 'burkina', 'jnim', 'sira ta', 'syn']) {
      expect(index.anything.complete(query, 25)).toEqual(here.anything.complete(query, 25));
      expect(index.anything.match(query)).toEqual(here.anything.match(query));
      expect(index.countries.match(query)).toEqual(here.countries.match(query));
      expect(index.groups.match(query)).toEqual(here.groups.match(query));
    }
  });
});

describe('the order the comparison walks ids in', () => {
  it('GIVEN characters past U+FFFF THEN they sort after U+E000–U+FFFF, as SQLite sorts text', () => {
    const ids = ['b', 'a\u{1F600}', 'a\uFFFD', 'a', 'ab'];
    expect([...ids].sort(compareAsSqlite)).toEqual(['a', 'ab', 'a\uFFFD', 'a\u{1F600}', 'b']);
  });
});
