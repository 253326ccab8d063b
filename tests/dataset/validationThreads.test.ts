import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ImportResult, importDataset } from '../../src/dataset/importDataset.js';
import { openIndexFile } from '../../src/dataset/indexFiles.js';
import { formatProblem } from '../../src/dataset/problems.js';
import { openDataset } from '../../src/dataset/repository.js';
import type { DatasetFile, Incident } from '../../src/dataset/schema.js';
import { fixtureDatasetJson, writeDataDir } from '../helpers/datasets.js';

/**
 * Large imports validate their `.jsonl` lines on other threads, a piece of the file at a time, while this thread
 * checks and writes the records. What they find must be what one thread finds: the same problems, naming the same
 * lines, in the same order, and the same index.
 */

/**
 * About 3 MB of incidents (three pieces, handed to the threads in turn), each line 5 KB of two-byte text; the
 * fixture's own first, so that its figures refer to them.
 */
function bulkLines(count = 600): string[] {
  const real = fixtureDatasetJson().incidents;
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      ...(real[i % real.length] as Incident),
      id: i < real.length ? real[i]?.id : `bulk-${i}`,
      notes: `${i} ${'é'.repeat(2_500)}`,
    }),
  );
}

function dataDir(incidents: string): string {
  const data = fixtureDatasetJson();
  const head = { sources: data.sources, countries: data.countries, actors: data.actors, statements: [] };
  const dir = writeDataDir(head as unknown as DatasetFile);
  writeFileSync(path.join(dir, 'incidents.jsonl'), incidents);
  writeFileSync(
    path.join(dir, 'figures.jsonl'),
    `${data.figures.map((figure) => JSON.stringify(figure)).join('\n')}\n`,
  );
  return dir;
}

const importWith = (dir: string, validationThreads: number) =>
  importDataset({ dataDir: dir, file: path.join(dir, 'dataset.json') }, { validationThreads });

const problemsOf = (result: ImportResult) =>
  result.ok ? [] : result.problems.map((p) => formatProblem({ ...p, file: path.basename(p.file) }));

describe('.jsonl lines validated on other threads', () => {
  it('GIVEN bad lines in every piece, CRLF, a CR alone and blank lines THEN the problems name the same lines, in order, as on one thread', async () => {
    const lines = bulkLines();
    lines[3] = '{"id": "x"';
    lines[250] = (lines[250] ?? '').replace(/"countryCode":"\w+"/, '"countryCode":"mali"');
    lines[420] = '';
    lines[421] = '   ';
    lines[599] = (lines[599] ?? '').replace('"target":"', '"target":"nowhere-');
    // CRLF for the first half, a CR alone once, LF for the rest, no final line end.
    const text = `${lines.slice(0, 300).join('\r\n')}\r${lines.slice(300).join('\n')}`;
    const dir = dataDir(text);
    const [threaded, alone] = [await importWith(dir, 2), await importWith(dir, 0)];
    expect(problemsOf(threaded)).toEqual(problemsOf(alone));
    expect(problemsOf(threaded)).toEqual([
      expect.stringMatching(/^incidents\.jsonl: line 4: not valid JSON/),
      expect.stringMatching(/^incidents\.jsonl: bulk-250 \(line 251, countryCode\): /),
      expect.stringMatching(/^incidents\.jsonl: bulk-599 \(line 600, target\): /),
    ]);
    expect(readdirSync(path.join(dir, '.index'))).toEqual([]);
  });

  it('GIVEN a repeated id and a dangling reference THEN the cross-checks name the lines the threads read', async () => {
    const lines = bulkLines();
    lines[500] = (lines[500] ?? '').replace('"id":"bulk-500"', '"id":"bulk-7"');
    lines[501] = (lines[501] ?? '').replace('"sourceIds":["', '"sourceIds":["nowhere-');
    const dir = dataDir(`${lines.join('\n')}\n`);
    const [threaded, alone] = [await importWith(dir, 2), await importWith(dir, 0)];
    expect(problemsOf(threaded)).toEqual(problemsOf(alone));
    expect(problemsOf(threaded)).toEqual([
      'incidents.jsonl: bulk-7 (line 501): duplicate id "bulk-7" (first used at line 8)',
      expect.stringMatching(/^incidents\.jsonl: bulk-501 \(line 502, sourceIds\[0\]\): unknown source "nowhere-/),
    ]);
  });

  it('GIVEN valid lines THEN the index is the one a single thread writes, its version the same', async () => {
    const text = `${bulkLines().join('\n')}\n`;
    const [threaded, alone] = [await importWith(dataDir(text), 2), await importWith(dataDir(text), 0)];
    if (!threaded.ok || !alone.ok) throw new Error('the bulk dataset does not import');
    expect(threaded.version).toBe(alone.version);
    const [a, b] = [
      openDataset(openIndexFile(threaded.file), threaded.file),
      openDataset(openIndexFile(alone.file), alone.file),
    ];
    try {
      expect(a.incidents.length).toBe(600);
      expect([...a.incidents]).toEqual([...b.incidents]);
      expect([...a.figures]).toEqual([...b.figures]);
      expect(a.places).toEqual(b.places);
    } finally {
      a.close();
      b.close();
    }
  });
});
