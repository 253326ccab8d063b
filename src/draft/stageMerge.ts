import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveDataFile, SOURCES_FOLDER } from '../dataset/dataFiles.js';
import type { Dataset } from '../dataset/dataset.js';
import { DATASET_FILE_NAME, loadDataset, parseDataset } from '../dataset/loadDataset.js';
import type { Problem } from '../dataset/problems.js';
import { RECORD_FILES } from '../dataset/recordFiles.js';
import { DatasetFileSchema } from '../dataset/schema.js';
import { writeDatasetFile } from '../runtime/writeDatasetFile.js';
import type { Draft } from './draftSchema.js';
import { type MergeReport, mergeDraft } from './mergeDraft.js';

export type StagedMerge =
  | { ok: true; text: string; report: MergeReport; dataset: Dataset; commit: () => Promise<void> }
  | { ok: false; problems: Problem[] };

/**
 * Merges a draft into the dataset folder `dataDir` as it would be, checked exactly as the bot loads a dataset, in a
 * staging folder beside it (record files and source texts linked, not copied, where the disk allows). Nothing in
 * `dataDir` changes until `commit` is called, and `commit` exists only when the merged dataset validates.
 */
export async function stageMerge(draft: Draft, dataDir: string): Promise<StagedMerge> {
  const file = path.join(dataDir, DATASET_FILE_NAME);
  const fail = (reason: string, where = file): StagedMerge => ({
    ok: false,
    problems: [{ file: where, path: '', reason }],
  });
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    return fail(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const parsed = DatasetFileSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) return fail('the dataset does not validate as it is: run npm run validate first');
  const loaded = await loadDataset(dataDir);
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  const inFile = new Set(parsed.data.incidents.map((incident) => incident.id));
  const others = [...loaded.dataset.incidents].filter((incident) => !inFile.has(incident.id));
  const merged = mergeDraft(parsed.data, draft, others);
  if (!merged.ok) return fail(merged.reason);

  const sourceFile = await resolveDataFile(dataDir, draft.source.file, SOURCES_FOLDER);
  if (sourceFile.ok) {
    const existing = await readFile(sourceFile.path, 'utf8');
    if (existing !== draft.text) return fail(`${sourceFile.path} exists with another text`);
  } else if (!sourceFile.missing) {
    return fail(sourceFile.reason);
  }

  const text = `${JSON.stringify(merged.data, null, 2)}\n`;
  const staging = await mkdtemp(path.join(dataDir, '.merge-'));
  try {
    await mkdir(path.join(staging, SOURCES_FOLDER), { recursive: true });
    for (const name of await readdir(path.join(dataDir, SOURCES_FOLDER)).catch(() => [] as string[])) {
      await share(path.join(dataDir, SOURCES_FOLDER, name), path.join(staging, SOURCES_FOLDER, name));
    }
    for (const { file: records } of Object.values(RECORD_FILES)) {
      await share(path.join(dataDir, records), path.join(staging, records)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
    const stagedSource = path.join(staging, draft.source.file);
    await mkdir(path.dirname(stagedSource), { recursive: true });
    await writeFile(stagedSource, draft.text, 'utf8');
    const checked = await parseDataset(text, { dataDir: staging, file });
    if (!checked.ok) {
      return {
        ok: false,
        problems: checked.problems.map((problem) => ({ ...problem, file: problem.file.replace(staging, dataDir) })),
      };
    }
    const target = path.join(dataDir, draft.source.file);
    return {
      ok: true,
      text,
      report: merged.report,
      dataset: checked.dataset,
      commit: async () => {
        await mkdir(path.dirname(target), { recursive: true });
        // The source first: a dataset that names a missing text would not load.
        await writeFile(target, draft.text, 'utf8');
        await writeDatasetFile(dataDir, text);
      },
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** A hard link where the disk allows one (instant, no space), a copy where it does not. */
async function share(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    await copyFile(from, to);
  }
}
