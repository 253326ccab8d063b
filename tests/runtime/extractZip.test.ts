import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractZip } from '../../src/runtime/extractZip.js';
import { type ZipEntry, zipBytes } from '../helpers/zips.js';

const LIMITS = { maxEntries: 10, maxBytes: 1 << 20 };

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'zip-test-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function zipOf(entries: readonly ZipEntry[], rename?: { from: string; to: string }): Promise<string> {
  const file = path.join(work, 'upload.zip');
  await writeFile(file, await zipBytes(entries, rename));
  return file;
}

const into = () => path.join(work, 'out');

describe('extractZip', () => {
  it('GIVEN a zip of a data folder THEN every file lands inside the folder with its content', async () => {
    const file = await zipOf([
      { name: 'dataset.json', content: '{"a":1}' },
      { name: 'incidents.jsonl', content: '{}\n' },
      { name: 'sources/' },
      { name: 'sources/article.txt', content: 'text' },
    ]);
    const result = await extractZip(file, into(), LIMITS);
    expect(result).toEqual({ ok: true, files: ['dataset.json', 'incidents.jsonl', 'sources/article.txt'] });
    expect(await readFile(path.join(into(), 'sources/article.txt'), 'utf8')).toBe('text');
  });

  it.each([
    ['a `..` path', 'xx/evil.txt', '../evil.txt'],
    ['an absolute path', 'xevil.txt', '/evil.txt'],
    ['a backslash path', 'xx.evil.txt', '..\\evil.txt'],
  ])('GIVEN %s THEN the zip is refused and nothing is written outside', async (_what, safe, hostile) => {
    const file = await zipOf(
      [
        { name: 'dataset.json', content: '{}' },
        { name: safe, content: 'owned' },
      ],
      {
        from: safe,
        to: hostile,
      },
    );
    const result = await extractZip(file, into(), LIMITS);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.refusal.code).toBe('unsafe_path');
    expect((await readdir(work)).sort()).not.toContain('evil.txt');
  });

  it('GIVEN a symlink entry THEN the zip is refused', async () => {
    const file = await zipOf([{ name: 'sources/link.txt', content: '/etc/passwd', mode: 0o120777 }]);
    const result = await extractZip(file, into(), LIMITS);
    expect(!result.ok && result.refusal).toEqual({ code: 'unsafe_path', entry: 'sources/link.txt' });
  });

  it('GIVEN a bomb (a few KB that inflate past the limit) THEN it is refused before filling the disk', async () => {
    const file = await zipOf([{ name: 'incidents.jsonl', content: Buffer.alloc(4 << 20) }]);
    const result = await extractZip(file, into(), LIMITS);
    expect(!result.ok && result.refusal).toEqual({ code: 'too_large', limit: LIMITS.maxBytes });
  });

  it('GIVEN more entries than allowed THEN it is refused', async () => {
    const file = await zipOf(Array.from({ length: 11 }, (_, i) => ({ name: `sources/${i}.txt`, content: 'x' })));
    const result = await extractZip(file, into(), LIMITS);
    expect(!result.ok && result.refusal).toEqual({ code: 'too_many_entries', limit: 10 });
  });

  it('GIVEN a file that is not a zip THEN it says so', async () => {
    const file = path.join(work, 'fake.zip');
    await writeFile(file, 'event_id_cnty,event_date\n');
    expect(await extractZip(file, into(), LIMITS)).toEqual({ ok: false, refusal: { code: 'not_zip' } });
  });
});
