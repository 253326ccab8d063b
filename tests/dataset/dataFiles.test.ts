import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset, parseDataset } from '../../src/dataset/loadDataset.js';
import { formatProblem } from '../../src/dataset/problems.js';
import type { DatasetFile } from '../../src/dataset/schema.js';
import { byId, fixtureDatasetJson, SOURCE_ID, writeDataDir } from '../helpers/datasets.js';

const HOST_FILE = '/etc/hostname';

function withSourceFile(file: string): DatasetFile {
  const data = fixtureDatasetJson();
  Object.assign(data.sources[0] as object, { file, header: '' });
  return data;
}

async function problemsOf(dir: string): Promise<string[]> {
  const result = await loadDataset(dir);
  if (result.ok) throw new Error('expected the dataset to be refused');
  return result.problems.map((problem) => formatProblem({ ...problem, file: path.basename(problem.file) }));
}

describe('a dataset names only files the operator put in the data folder', () => {
  it.each([
    ['a path up and out', '../../../../../../../../etc/hostname', 'goes up with ".."'],
    ['an absolute path', HOST_FILE, 'is an absolute path'],
    ['a path up and back in', 'sources/../dataset.json', 'goes up with ".."'],
    ['a file beside the sources folder', 'dataset.json', 'is outside that folder'],
    ['the sources folder itself', 'sources', 'is outside that folder'],
    ['a Windows absolute path', 'C:\\Windows\\win.ini', 'is an absolute path'],
  ])(
    'GIVEN a source file given as %s THEN it is refused before any read, saying where source texts must be',
    async (_, file, why) => {
      const dir = writeDataDir(withSourceFile(file));
      const problems = await problemsOf(dir);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(`dataset.json: ${SOURCE_ID} (sources[0].file): "${file}" ${why}`);
      expect(problems[0]).toContain(`files must be inside ${path.join(dir, 'sources')}${path.sep}`);
      // No answer about the file's contents: the header check ("does not start with it") never ran.
      expect(problems.join('\n')).not.toMatch(/does not start with|not found verbatim/);
    },
  );

  it('GIVEN a source file that is a link to a file outside the sources folder THEN it is refused', async () => {
    const dir = writeDataDir(withSourceFile('sources/innocent.txt'));
    symlinkSync(HOST_FILE, path.join(dir, 'sources', 'innocent.txt'));
    const [problem] = await problemsOf(dir);
    expect(problem).toContain(`"sources/innocent.txt" is a link to ${HOST_FILE}, outside that folder`);
  });

  it('GIVEN a source file in a subfolder of sources, or a link within it THEN it loads', async () => {
    const dir = writeDataDir(withSourceFile('sources/nl/article.txt'));
    mkdirSync(path.join(dir, 'sources', 'nl'));
    symlinkSync(path.join(dir, 'sources', `${SOURCE_ID}.txt`), path.join(dir, 'sources', 'nl', 'article.txt'));
    const data = fixtureDatasetJson();
    Object.assign(data.sources[0] as object, { file: 'sources/nl/article.txt' });
    writeFileSync(path.join(dir, 'dataset.json'), JSON.stringify(data));
    expect((await loadDataset(dir)).ok).toBe(true);
  });

  it('GIVEN a record file that is a link out of the data folder THEN it is refused, never read', async () => {
    const dir = writeDataDir(fixtureDatasetJson());
    symlinkSync(HOST_FILE, path.join(dir, 'figures.jsonl'));
    const problems = await problemsOf(dir);
    expect(problems).toEqual([expect.stringContaining(`figures.jsonl: "figures.jsonl" is a link to ${HOST_FILE}`)]);
  });
});

describe('a refresh from an attachment or a URL reads what a start reads', () => {
  it('GIVEN records in incidents.jsonl beside the data THEN a dataset sent as text is checked and served with them', async () => {
    const data = fixtureDatasetJson();
    const extra = { ...byId(data.incidents, 'ml-boulkessi-2025-06-01'), id: 'ml-boulkessi-copy-2025-06-01' };
    const dir = writeDataDir(data);
    writeFileSync(path.join(dir, 'incidents.jsonl'), `${JSON.stringify(extra)}\n`);

    const text = readFileSync(path.join(dir, 'dataset.json'), 'utf8');
    const sent = await parseDataset(text, { dataDir: dir, file: 'attachment dataset.json' });
    const started = await loadDataset(dir);
    if (!sent.ok || !started.ok) throw new Error('expected both to load');
    expect(sent.dataset.incidentsById.get('ml-boulkessi-copy-2025-06-01')).toBeDefined();
    expect(sent.dataset.version).toBe(started.dataset.version);
  });
});
