import { openStore } from './app.js';
import { loadConfig } from './config.js';
import { LogGate } from './console/logGate.js';
import { runConsole } from './console/repl.js';
import { exitWithFailure } from './failures.js';
import { createLogger, readableOn } from './logger.js';

/** `npm start`: the Discord bot when DISCORD_TOKEN is set, the local console over the dataset otherwise. */
async function main(): Promise<void> {
  const config = loadConfig();
  const token = config.DISCORD_TOKEN;
  if (!token) {
    const logs = new LogGate();
    const logger = createLogger(config.LOG_LEVEL, [], readableOn(logs));
    const store = await openStore(config, 'console start-up');
    await runConsole(store, config, logger, logs, 'en');
    return;
  }
  const logger = createLogger(config.LOG_LEVEL, [token]);
  if (config.SHARD_COUNT !== 1) {
    const { runShards } = await import('./bot/runShards.js');
    const manager = await runShards(config, token, logger);
    const stopAll = (signal: string) => {
      logger.info({ signal }, 'shutting down the shards');
      for (const shard of manager.shards.values()) shard.kill();
      process.exit(0);
    };
    process.once('SIGINT', () => stopAll('SIGINT'));
    process.once('SIGTERM', () => stopAll('SIGTERM'));
    return;
  }
  const { startBot } = await import('./bot/startBot.js');
  const bot = await startBot(config, token, logger);
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    bot.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => exitWithFailure(error, 'The bot could not start'));
