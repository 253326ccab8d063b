import { userInfo } from 'node:os';
import { createInterface } from 'node:readline/promises';
import { consoleOperator } from '../../commands/command.js';
import { commandContext } from '../app.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Locale } from '../render/locale.js';
import type { DatasetStore } from '../runtime/datasetStore.js';
import { answerLine } from './answerLine.js';
import type { LogGate } from './logGate.js';
import { renderForTerminal, terminalHasColour, terminalWidth } from './terminalRender.js';

/** The local console over the dataset: what `npm start` opens with no Discord token. */
export async function runConsole(
  store: DatasetStore,
  config: Config,
  logger: Logger,
  logs: LogGate,
  locale: Locale,
): Promise<void> {
  const interactive = Boolean(process.stdin.isTTY);
  const colour = terminalHasColour(config);
  const requester = consoleOperator(safeUserName());
  let context = commandContext(store, config, logger, requester, locale);
  const { dataset } = store.current();
  process.stdout.write(
    `Sahel attack-report bot: local console (no DISCORD_TOKEN set). Dataset ${dataset.version}: ${dataset.incidents.length} incidents.\n` +
      'Try /attack Boulkessi, /toll Niger, /toll, /about. /help lists commands; /quit or Ctrl-D leaves.\n',
  );

  const lines = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  lines.setPrompt('> ');
  if (interactive) lines.prompt();
  for await (const line of lines) {
    if (line.trim() !== '') {
      const outcome = await logs.holding(async () => {
        const answered = await answerLine(line, context);
        if (answered.kind === 'quit') return answered;
        if (answered.kind === 'locale') context = commandContext(store, config, logger, requester, answered.locale);
        const text =
          answered.kind === 'locale'
            ? `Language: ${answered.locale}`
            : answered.kind === 'text'
              ? answered.text
              : renderForTerminal(answered.reply.payload, colour, terminalWidth());
        process.stdout.write(`${text}\n\n`);
        return answered;
      });
      if (outcome.kind === 'quit') break;
    }
    if (interactive) lines.prompt();
  }
  lines.close();
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'console';
  }
}
