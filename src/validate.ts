import { stat } from 'node:fs/promises';
import { loadConfig } from './config.js';
import { ignoreClosedPipe } from './console/quietStdout.js';
import { summaryText } from './console/summaryText.js';
import { summariseDataset } from './dataset/datasetSummary.js';
import { loadDataset } from './dataset/loadDataset.js';
import { formatProblem } from './dataset/problems.js';
import { ExitCode, exitWithFailure } from './failures.js';

const USAGE = 'Usage: npm run -s validate [-- DIR]   (DIR: a dataset folder; default: DATA_DIR, or data)';

/**
 * `npm run validate [-- DIR]`: checks a dataset folder exactly as the bot loads it. Problems, one a line, or a
 * summary of a valid dataset, on stdout; the exit code says which.
 */
async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return ExitCode.done;
  }
  if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) {
    process.stderr.write(`${USAGE}\n`);
    return ExitCode.userError;
  }
  const dataDir = args[0] ?? loadConfig().DATA_DIR;
  const notAFolder = await whyNotAFolder(dataDir);
  if (notAFolder) {
    process.stderr.write(`${notAFolder}\n`);
    return ExitCode.userError;
  }

  const result = await loadDataset(dataDir);
  if (!result.ok) {
    process.stdout.write(result.problems.map((problem) => `${formatProblem(problem)}\n`).join(''));
    process.stderr.write(`${dataDir}: the dataset cannot be used. Problems found: ${result.problems.length}\n`);
    return ExitCode.userError;
  }
  process.stdout.write(`${summaryText(dataDir, summariseDataset(result.dataset))}\n`);
  return ExitCode.done;
}

/** A clear line for the usual mistake, a wrong folder, instead of "dataset.json: no such file". */
async function whyNotAFolder(dataDir: string): Promise<string | undefined> {
  try {
    if (!(await stat(dataDir)).isDirectory()) return `${dataDir} is a file, not a dataset folder`;
    return undefined;
  } catch {
    return `No dataset folder at ${dataDir} (give one: npm run -s validate -- DIR, or set DATA_DIR)`;
  }
}

ignoreClosedPipe();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => exitWithFailure(error, 'Validation failed unexpectedly', ExitCode.failure),
);
