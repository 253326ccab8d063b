import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { ignoreClosedPipe } from '../console/quietStdout.js';
import { loadDataset } from '../dataset/loadDataset.js';
import { formatProblem } from '../dataset/problems.js';
import { ExitCode, exitWithFailure } from '../failures.js';
import { checkDraft } from './checkDraft.js';
import { DraftInputError, draftArticle } from './draftArticle.js';
import { draftSummary } from './draftSummary.js';
import { knownFromDataset } from './knownFromDataset.js';

const USAGE =
  'Usage: npm run -s draft -- ARTICLE.txt [--date YYYY-MM-DD] [--language nl|en|fr] [--url URL] [--publisher NAME] [--out FILE] [--data DIR]';

/**
 * `npm run draft -- ARTICLE.txt`: drafts incidents, figures and statements from an article for a moderator to review,
 * matched against the dataset in DIR (default DATA_DIR). The draft goes to --out (default: ARTICLE.draft.json);
 * nothing reaches the dataset until `npm run merge`.
 */
async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return ExitCode.userError;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return ExitCode.done;
  }
  const [article] = positionals;
  if (!article || positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return ExitCode.userError;
  }
  const language = values.language;
  if (language !== undefined && language !== 'en' && language !== 'nl' && language !== 'fr') {
    process.stderr.write(`--language must be nl, en or fr, not "${language}"\n`);
    return ExitCode.userError;
  }
  let fileText: string;
  try {
    fileText = await readFile(article, 'utf8');
  } catch (error) {
    process.stderr.write(`Cannot read ${article} (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`);
    return ExitCode.userError;
  }
  const dataDir = values.data ?? loadConfig().DATA_DIR;
  const loaded = await loadDataset(dataDir);
  if (!loaded.ok) {
    process.stderr.write(
      `The dataset in ${dataDir} does not load: ${loaded.problems.map(formatProblem).slice(0, 5).join('; ')}\n`,
    );
    return ExitCode.userError;
  }
  let draft: ReturnType<typeof draftArticle>;
  try {
    draft = draftArticle(
      {
        fileText,
        fileName: path.basename(article),
        today: new Date().toISOString().slice(0, 10),
        ...(values.date ? { date: values.date } : {}),
        ...(language ? { language } : {}),
        ...(values.url ? { url: values.url } : {}),
        ...(values.publisher ? { publisher: values.publisher } : {}),
      },
      knownFromDataset(loaded.dataset),
    );
  } catch (error) {
    if (!(error instanceof DraftInputError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return ExitCode.userError;
  }
  const problems = await checkDraft(draft, dataDir);
  const out = values.out ?? `${article.replace(/\.[a-z]+$/i, '')}.draft.json`;
  await writeFile(out, `${JSON.stringify(draft, null, 2)}\n`, 'utf8');
  process.stdout.write(`${draftSummary(draft)}\nWritten to ${out}. Review it, then: npm run merge -- ${out}\n`);
  if (problems.length > 0) {
    process.stderr.write(
      `The draft would not merge as it is:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`,
    );
    return ExitCode.userError;
  }
  return ExitCode.done;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      language: { type: 'string' },
      url: { type: 'string' },
      publisher: { type: 'string' },
      out: { type: 'string' },
      data: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

ignoreClosedPipe();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => exitWithFailure(error, 'Drafting failed unexpectedly', ExitCode.failure),
);
