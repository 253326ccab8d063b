import { copyFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DATASET_FILE_NAME } from '../dataset/loadDataset.js';

/**
 * Replaces `dataset.json` so that a crash at any moment leaves either the old or the new file, never half
 * of one; the old file is kept as `dataset.json.bak`.
 */
export async function writeDatasetFile(dataDir: string, text: string): Promise<void> {
  const target = path.join(dataDir, DATASET_FILE_NAME);
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, text, 'utf8');
  await copyFile(target, `${target}.bak`).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(temporary, target);
}
