import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { INDEX_FORMAT } from './indexWriter.js';

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
 * Writes an index under a temporary name, then renames it `<version>.sqlite`: a reader never sees half a file, and
 * a failure (or `fill` finding problems) leaves every other index as it was.
 * @param fill writes the tables in one transaction; gives the version, or undefined to drop the file
 * @returns the index file, or undefined when `fill` gave none
 */
export async function writeIndexFile(
  dataDir: string,
  fill: (db: Database) => Promise<string | undefined>,
): Promise<string | undefined> {
  const folder = indexFolder(dataDir);
  await mkdir(folder, { recursive: true });
  const temporary = path.join(folder, `import.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    const db = new BetterSqlite3(temporary);
    let version: string | undefined;
    try {
      // A file nobody reads until it is renamed: no journal to keep, nothing to sync before the end.
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.pragma('cache_size = -262144');
      db.exec('BEGIN');
      version = await fill(db);
      db.exec(version === undefined ? 'ROLLBACK' : 'COMMIT');
    } finally {
      db.close();
    }
    if (version === undefined) {
      await rm(temporary, { force: true });
      return undefined;
    }
    const file = path.join(folder, `${version}${INDEX_EXTENSION}`);
    await rename(temporary, file);
    return file;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
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
