import type { CommandContext, Requester } from '../commands/command.js';
import type { Config } from './config.js';
import { removeOldIndexes } from './dataset/indexFiles.js';
import { loadDataset } from './dataset/loadDataset.js';
import { formatProblem } from './dataset/problems.js';
import { StartupError } from './failures.js';
import type { Logger } from './logger.js';
import type { Locale } from './render/locale.js';
import { DatasetStore, makeSnapshot } from './runtime/datasetStore.js';

/** Loads the dataset the bot starts with; a bad one stops start-up with the list of its problems. */
export async function openStore(config: Config, loadedBy: string): Promise<DatasetStore> {
  const result = await loadDataset(config.DATA_DIR);
  if (!result.ok) {
    const lines = result.problems.slice(0, 20).map((problem) => `  ${formatProblem(problem)}`);
    const more = result.problems.length > 20 ? [`  …and ${result.problems.length - 20} more`] : [];
    throw new StartupError(
      [
        `The dataset in ${config.DATA_DIR} cannot be used. Fix these problems, or set DATA_DIR:`,
        ...lines,
        ...more,
      ].join('\n'),
    );
  }
  // Index files of data that has changed since are of no use to anyone.
  if (result.dataset.file) await removeOldIndexes(config.DATA_DIR, result.dataset.file).catch(() => undefined);
  return new DatasetStore(await makeSnapshot(result.dataset, loadedBy, config.DATA_DIR));
}

/** The context every command runs in; the transports fill in who asked and in which language. */
export function commandContext(
  store: DatasetStore,
  config: Config,
  logger: Logger,
  requester: Requester,
  locale: Locale,
): CommandContext {
  return {
    store,
    locale,
    requester,
    logger,
    refresh: {
      dataDir: config.DATA_DIR,
      datasetUrl: config.DATASET_URL,
      maxBytes: config.DATASET_MAX_BYTES,
      fetchTimeoutMs: config.DATASET_FETCH_TIMEOUT_MS,
    },
  };
}
