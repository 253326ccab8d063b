import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvKind, unzippedFolder, uploadKind } from '../../src/runtime/candidateFolder.js';
import { zipBytes } from '../helpers/zips.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'candidate-test-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('what an attachment is', () => {
  it('GIVEN names THEN the kind comes from the extension, any case', () => {
    expect(['dataset.json', 'ACLED.CSV', 'data.Zip', 'notes.txt'].map(uploadKind)).toEqual([
      'json',
      'csv',
      'zip',
      undefined,
    ]);
  });

  it.each([
    ['acled/current.csv', 'acled'],
    ['acled/layout-2019.csv', 'acled'],
    ['acled/africa-pre2019.csv', 'acled'],
    ['ucdp/ged-19.1.csv', 'ucdp'],
    ['ucdp/ged-26.1.csv', 'ucdp'],
  ])('GIVEN the fixture %s THEN its header row says %s', async (file, kind) => {
    expect(await csvKind(path.join(FIXTURES, file))).toBe(kind);
  });

  it('GIVEN a CSV of something else THEN no kind', async () => {
    const file = path.join(work, 'other.csv');
    await writeFile(file, 'id,date,best\n1,2,3\n');
    expect(await csvKind(file)).toBeUndefined();
  });
});

describe('a zipped data folder', () => {
  it('GIVEN a zip without dataset.json THEN it is refused', async () => {
    const file = path.join(work, 'up.zip');
    await writeFile(file, await zipBytes([{ name: 'a/incidents.jsonl', content: '' }, { name: 'b/x.txt' }]));
    expect(await unzippedFolder(file, path.join(work, 'out'), 1 << 20)).toEqual({
      ok: false,
      refusal: { code: 'no_dataset' },
    });
  });

  it('GIVEN a zip of the folder itself THEN the data folder is the one inside', async () => {
    const file = path.join(work, 'up.zip');
    await writeFile(file, await zipBytes([{ name: 'data/dataset.json', content: '{}' }]));
    expect(await unzippedFolder(file, path.join(work, 'out'), 1 << 20)).toEqual({
      ok: true,
      dir: path.join(work, 'out', 'data'),
    });
  });
});
