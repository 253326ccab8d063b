import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { ignoreClosedPipe } from '../console/quietStdout.js';
import { formatProblem } from '../dataset/problems.js';
import { ExitCode, exitWithFailure } from '../failures.js';
import { DraftSchema } from './draftSchema.js';
import { stageMerge } from './stageMerge.js';

const USAGE =
  'Usage: npm run -s merge -- DRAFT.json [--data DIR]   (DIR: the dataset folder; default: DATA_DIR, or data)';

/**
 * `npm run merge -- DRAFT.json`: merges a reviewed draft into the dataset folder, or refuses and writes nothing when
 * the result would not validate. The bot serves it after `/dataset refresh` (or a restart).
 */
async function main(argv: string[]): Promise<number> {
  let values: { data?: string | undefined; help?: boolean | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return ExitCode.userError;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return ExitCode.done;
  }
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return ExitCode.userError;
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    process.stderr.write(`Cannot read ${file} as JSON (${(error as Error).message})\n`);
    return ExitCode.userError;
  }
  const parsed = DraftSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    process.stderr.write(`${file} is not a draft:\n${lines.join('\n')}\n`);
    return ExitCode.userError;
  }
  const dataDir = values.data ?? loadConfig().DATA_DIR;
  const staged = await stageMerge(parsed.data, dataDir);
  if (!staged.ok) {
    process.stdout.write(staged.problems.map((problem) => `${formatProblem(problem)}\n`).join(''));
    process.stderr.write(`Not merged: the dataset would not validate. Nothing was written to ${dataDir}.\n`);
    return ExitCode.userError;
  }
  await staged.commit();
  const { report } = staged;
  const matched = Object.entries(report.matched).map(([draftId, id]) => `${draftId} → ${id}`);
  process.stdout.write(
    [
      `Merged source ${report.sourceId} into ${dataDir} (version ${staged.dataset.version}).`,
      `  new incidents: ${report.added.incidents.join(', ') || 'none'}`,
      `  already in the dataset (reports added to them): ${matched.join(', ') || 'none'}`,
      `  new figures: ${report.added.figures.join(', ') || 'none'}`,
      `  new statements: ${report.added.statements.join(', ') || 'none'}`,
      `The bot serves it after /dataset refresh (or a restart).`,
      '',
    ].join('\n'),
  );
  return ExitCode.done;
}

ignoreClosedPipe();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => exitWithFailure(error, 'Merging failed unexpectedly', ExitCode.failure),
);
