import { loadConfig } from '../config.js';
import { exitWithFailure } from '../failures.js';
import { createLogger } from '../logger.js';
import { joinShards } from './joinShards.js';
import { startBot } from './startBot.js';

/** One shard process, started by the sharding manager (`runShards`): the bot, on the index the manager built. */
async function main(): Promise<void> {
  const config = loadConfig();
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error('a shard needs DISCORD_TOKEN');
  const logger = createLogger(config.LOG_LEVEL, [token]);
  const bot = await startBot(config, token, logger);
  joinShards(bot.store, logger);
  process.once('SIGTERM', () => {
    bot.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => exitWithFailure(error, 'The shard could not start'));
