import { consoleOperator } from '../commands/command.js';
import { commandContext, openStore } from './app.js';
import { loadConfig } from './config.js';
import { answerLine } from './console/answerLine.js';
import { renderForTerminal, terminalHasColour } from './console/terminalRender.js';
import { exitWithFailure } from './failures.js';
import { createLogger } from './logger.js';
import { toLocale } from './render/locale.js';

const USAGE = 'Usage: npm run ask -- [--json] [--locale nl] "/toll Niger"';

/** One question, one answer: `npm run ask -- "/toll Niger"`; with --json, exactly one JSON object on stdout. */
async function main(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const localeAt = args.indexOf('--locale');
  const locale = toLocale(localeAt >= 0 ? args[localeAt + 1] : 'en');
  const localeArgs = localeAt >= 0 ? [localeAt, localeAt + 1] : [];
  const line = args.filter((arg, i) => arg !== '--json' && !localeArgs.includes(i)).join(' ');
  if (!json && line.trim() === '') {
    process.stderr.write(`${USAGE}\n`);
    return 1;
  }

  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const store = await openStore(config, 'ask');
  const requester = consoleOperator('ask');
  const outcome = await answerLine(line, commandContext(store, config, logger, requester, locale));

  if (outcome.kind !== 'reply') {
    const text = outcome.kind === 'text' ? outcome.text : '';
    process.stdout.write(json ? `${JSON.stringify({ result: { kind: 'info', incidents: [] }, text })}\n` : `${text}\n`);
    return 0;
  }
  const { reply } = outcome;
  if (json) {
    const result = { kind: reply.kind === 'refused' ? 'error' : reply.kind, incidents: reply.incidents };
    process.stdout.write(`${JSON.stringify({ result, message: reply.payload })}\n`);
  } else {
    process.stdout.write(`${renderForTerminal(reply.payload, terminalHasColour(config))}\n`);
  }
  return reply.kind === 'error' ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => exitWithFailure(error, 'Unexpected failure'),
);
