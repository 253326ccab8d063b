import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeIoError } from './recordFiles.js';

/** The folder of `DATA_DIR` that source texts must be in. */
export const SOURCES_FOLDER = 'sources';

export type ResolvedFile =
  | { readonly ok: true; readonly path: string }
  | { readonly ok: false; readonly missing: boolean; readonly reason: string };

/**
 * Where a file a dataset names really is, refused before anything is read from it unless it lies inside
 * `dataDir/folder` once every link is followed. A dataset may come from a stranger (an attachment, a URL): the only
 * files it can make the bot read are the ones the operator put in the data folder.
 * @param name the path as the dataset gives it, relative to `dataDir`
 * @param folder the folder of `dataDir` the file must be in ('' for `dataDir` itself)
 */
export async function resolveDataFile(dataDir: string, name: string, folder: string): Promise<ResolvedFile> {
  const where = path.join(dataDir, folder);
  const refuse = (why: string): ResolvedFile => ({
    ok: false,
    missing: false,
    reason: `"${name}" ${why}: files must be inside ${where}${path.sep} (a path relative to ${dataDir}, without "..", and no link leading elsewhere)`,
  });
  if (name.includes('\0')) return refuse('is not a file name');
  if (path.isAbsolute(name) || path.win32.isAbsolute(name)) return refuse('is an absolute path');
  if (name.split(/[\\/]/).includes('..')) return refuse('goes up with ".."');
  const lexical = path.resolve(dataDir, name);
  if (!isInside(path.resolve(where), lexical)) return refuse('is outside that folder');

  let real: string;
  let realFolder: string;
  try {
    realFolder = await realpath(where);
    real = await realpath(lexical);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, missing, reason: `cannot read ${lexical} (${describeIoError(error)})` };
  }
  if (!isInside(realFolder, real)) return refuse(`is a link to ${real}, outside that folder`);
  return { ok: true, path: real };
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The files' sizes added up, a missing one as 0: how large an import will be, before it starts. */
export async function totalBytes(files: readonly string[]): Promise<number> {
  const sizes = await Promise.all(files.map(async (file) => (await stat(file).catch(() => undefined))?.size ?? 0));
  return sizes.reduce((total, size) => total + size, 0);
}
