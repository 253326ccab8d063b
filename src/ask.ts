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

const USAGE = 'Usage: npm run -s ask -- [--json] [--locale nl] "/toll Niger"';

/**
 * One question, one answer: `npm run -s ask -- "/toll Niger"`; with --json, exactly one JSON object on stdout
 * (logs go to stderr). The exit code says whether it was answered (README: "Scripts").
 */
async function main(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const localeAt = args.indexOf('--locale');
  const locale = toLocale(localeAt >= 0 ? args[localeAt + 1] : 'en');
  const localeArgs = localeAt >= 0 ? [localeAt, localeAt + 1] : [];
  const line = args.filter((arg, i) => arg !== '--json' && !localeArgs.includes(i)).join(' ');
  if (!json && line.trim() === '') {
    process.stderr.write(`${USAGE}\n`);
    return ExitCode.userError;
  }

  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const store = await openStore(config, 'ask');
  const requester = consoleOperator('ask');
  const outcome = await answerLine(line, commandContext(store, config, logger, requester, locale));

  if (json) process.stdout.write(`${JSON.stringify(outcomeJson(outcome))}\n`);
  else if (outcome.kind === 'quit' || outcome.kind === 'locale') process.stdout.write('\n');
  else if (outcome.kind === 'text') process.stdout.write(`${outcome.text}\n`);
  else {
    const shown = renderForTerminal(outcome.reply.payload, terminalHasColour(config), terminalWidth());
    process.stdout.write(`${shown}\n`);
  }
  return exitCodeOf(outcome);
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
