import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { DatasetRecords } from './dataset.js';
import { INDEX_FORMAT, writeIndex } from './indexWriter.js';

/** The folder of `DATA_DIR` that index files are written to (ignored by git). */
export const INDEX_FOLDER = '.index';
const INDEX_EXTENSION = '.sqlite';
/** A half-written index older than this was left by a process that stopped: it is removed. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;
/** A replaced index is removed this long after: a shard process may still be opening it. */
const REPLACED_GRACE_MS = 60 * 1000;

/** Size and time of change of each file an index was built from: if none changed, the index still holds. */
export type Manifest = readonly { readonly file: string; readonly size: number; readonly mtimeMs: number }[];

export function indexFolder(dataDir: string): string {
  return path.join(dataDir, INDEX_FOLDER);
}

/** The files' sizes and times of change; -1 for a missing one, so that a file appearing is a change too. */
export async function manifestOf(files: readonly string[]): Promise<Manifest> {
  return Promise.all(
    files.map(async (file) => {
      try {
        const { size, mtimeMs } = await stat(file);
        return { file, size, mtimeMs };
      } catch {
        return { file, size: -1, mtimeMs: -1 };
      }
    }),
  );
}

/** Opens an index file for reading only: many processes can read one file. */
export function openIndexFile(file: string): Database {
  return new BetterSqlite3(file, { readonly: true, fileMustExist: true });
}

/**
 * An index of `dataDir` that was built from the files as they are now, by this version of the code, if there is one:
 * a start then skips the import. Newest first.
 */
export async function findCurrentIndex(dataDir: string, codeVersion: string): Promise<string | undefined> {
  const folder = indexFolder(dataDir);
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith(INDEX_EXTENSION));
  } catch {
    return undefined;
  }
  const files = await Promise.all(
    names.map(async (name) => {
      const file = path.join(folder, name);
      return { file, mtimeMs: (await stat(file).catch(() => undefined))?.mtimeMs ?? 0 };
    }),
  );
  for (const { file } of files.sort((a, b) => b.mtimeMs - a.mtimeMs)) {
    let manifest: Manifest | undefined;
    let code: string | undefined;
    try {
      const db = openIndexFile(file);
      try {
        const read = db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck();
        code = read.get('code');
        const text = read.get('manifest');
        manifest = text === undefined ? undefined : (JSON.parse(text) as Manifest);
      } finally {
        db.close();
      }
    } catch {
      continue;
    }
    if (code !== codeVersion || !manifest || manifest.length === 0) continue;
    const now = await manifestOf(manifest.map(({ file: input }) => input));
    if (now.every((entry, i) => entry.size === manifest[i]?.size && entry.mtimeMs === manifest[i]?.mtimeMs)) {
      return file;
    }
  }
  return undefined;
}

/**
 * Writes the index of validated records under a temporary name, then renames it into place: a reader never sees
 * half a file, and a failure leaves every other index as it was.
 */
export async function writeIndexFile(
  dataDir: string,
  records: DatasetRecords,
  meta: Readonly<Record<string, string>> & { version: string },
): Promise<string> {
  const folder = indexFolder(dataDir);
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${meta.version}${INDEX_EXTENSION}`);
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const db = new BetterSqlite3(temporary);
    try {
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      writeIndex(db, records, meta);
    } finally {
      db.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return file;
}

/**
 * Removes index files other than `keep` that were replaced a while ago, and temporary files a stopped import left.
 * A process still reading a removed file keeps reading it: the system frees it when the last reader closes it.
 */
export async function removeOldIndexes(dataDir: string, keep: string, now = Date.now()): Promise<void> {
  const folder = indexFolder(dataDir);
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(folder, name);
    if (file === keep) continue;
    const changed = (await stat(file).catch(() => undefined))?.mtimeMs;
    if (changed === undefined) continue;
    const age = now - changed;
    if (
      (name.endsWith(INDEX_EXTENSION) && age > REPLACED_GRACE_MS) ||
      (name.endsWith('.tmp') && age > STALE_TEMPORARY_MS)
    ) {
      await rm(file, { force: true });
    }
  }
}

/** What an index depends on besides the data: the index's tables. A change of code that changes these re-imports. */
export const INDEX_CODE = `format-${INDEX_FORMAT}`;
