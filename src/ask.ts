import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { consoleOperator } from '../commands/command.js';
import { commandContext, openStore } from './app.js';
import { loadConfig } from './config.js';
import { outcomeJson } from './console/answerJson.js';
import { answerLine, type LineOutcome } from './console/answerLine.js';
import { ignoreClosedPipe } from './console/quietStdout.js';
import { renderForTerminal, terminalHasColour, terminalWidth } from './console/terminalRender.js';
import { ExitCode, exitWithFailure } from './failures.js';
import { createLogger } from './logger.js';
import { toLocale } from './render/locale.js';
import type { MessageFile } from './render/payload.js';

const USAGE = 'Usage: npm run -s ask -- [--json] [--locale nl] [--images DIR] "/toll Niger"';

/**
 * One question, one answer: `npm run -s ask -- "/toll Niger"`; with --json, exactly one JSON object on stdout
 * (logs go to stderr). The exit code says whether it was answered (README: "Scripts").
 */
async function main(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const localeAt = args.indexOf('--locale');
  const locale = toLocale(localeAt >= 0 ? args[localeAt + 1] : 'en');
  const imagesAt = args.indexOf('--images');
  const imagesDir = imagesAt >= 0 ? args[imagesAt + 1] : undefined;
  const optionArgs = [localeAt, imagesAt].flatMap((at) => (at >= 0 ? [at, at + 1] : []));
  const line = args.filter((arg, i) => arg !== '--json' && !optionArgs.includes(i)).join(' ');
  if (imagesAt >= 0 && (imagesDir === undefined || imagesDir.startsWith('--'))) {
    process.stderr.write(`--images needs a folder. ${USAGE}\n`);
    return ExitCode.userError;
  }
  if (!json && line.trim() === '') {
    process.stderr.write(`${USAGE}\n`);
    return ExitCode.userError;
  }

  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const store = await openStore(config, 'ask');
  const requester = consoleOperator('ask');
  const outcome = await answerLine(line, commandContext(store, config, logger, requester, locale));

  // With --json the pictures are written only where asked: a script calling ask often would fill the temp folder.
  const files = outcome.kind === 'reply' || outcome.kind === 'crash' ? (outcome.reply.payload.files ?? []) : [];
  const paths = json && imagesDir === undefined ? new Map<string, string>() : await writePictures(files, imagesDir);
  if (json) process.stdout.write(`${JSON.stringify(outcomeJson(outcome, paths))}\n`);
  else if (outcome.kind === 'quit' || outcome.kind === 'locale') process.stdout.write('\n');
  else if (outcome.kind === 'text') process.stdout.write(`${outcome.text}\n`);
  else {
    const shown = renderForTerminal(outcome.reply.payload, terminalHasColour(config), terminalWidth());
    process.stdout.write(`${shown}\n`);
    if (paths.size > 0) process.stdout.write(`\n${[...paths.values()].map((file) => `🖼  ${file}`).join('\n')}\n`);
  }
  return exitCodeOf(outcome);
}

/**
 * Writes a reply's pictures to `folder` (made if missing), or to a new temporary folder; none is made when there is
 * nothing to write.
 * @returns where each file went, by name
 */
async function writePictures(files: readonly MessageFile[], folder: string | undefined): Promise<Map<string, string>> {
  const paths = new Map<string, string>();
  if (files.length === 0) return paths;
  const target = folder ?? (await mkdtemp(path.join(tmpdir(), 'sahel-pictures-')));
  await mkdir(target, { recursive: true });
  for (const file of files) {
    const where = path.resolve(target, file.name);
    await writeFile(where, file.data);
    paths.set(file.name, where);
  }
  return paths;
}

function exitCodeOf(outcome: LineOutcome): number {
  if (outcome.kind === 'crash') return ExitCode.failure;
  if (outcome.kind !== 'reply') return ExitCode.done;
  return outcome.reply.kind === 'error' || outcome.reply.kind === 'refused' ? ExitCode.userError : ExitCode.done;
}

ignoreClosedPipe();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => exitWithFailure(error, 'Unexpected failure', ExitCode.failure),
);
