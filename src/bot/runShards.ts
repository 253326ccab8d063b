import { REST, Routes, type Shard, ShardingManager } from 'discord.js';
import { z } from 'zod';
import { openStore } from '../app.js';
import type { Config } from '../config.js';
import { runsCompiled } from '../dataset/threadModule.js';
import type { Logger } from '../logger.js';
import { type ShardMessage, shardMessage } from './shardMessages.js';

/** How long the manager waits for the other shards to switch to a refreshed index. */
const SWITCH_TIMEOUT_MS = 20_000;

/**
 * Runs the bot as `SHARD_COUNT` processes through discord.js's `ShardingManager`. The manager alone imports the
 * dataset (when its files changed since the last index was built); every shard then opens that index read-only.
 */
export async function runShards(config: Config, token: string, logger: Logger): Promise<ShardingManager> {
  const store = await openStore(config, 'shard manager');
  const { dataset } = store.current();
  logger.info({ dataset: dataset.version, file: dataset.file }, 'dataset ready for the shards');
  dataset.close();

  const totalShards =
    config.SHARD_COUNT === 'auto' ? await recommendedShardCount(config.DISCORD_API_URL, token) : config.SHARD_COUNT;
  const compiled = runsCompiled(import.meta.url);
  const manager = new ShardingManager(new URL(`./shard.${compiled ? 'js' : 'ts'}`, import.meta.url).pathname, {
    token,
    totalShards,
    // Shards run as the manager was started: the same V8 flags, and tsx where it runs the TypeScript.
    execArgv: process.execArgv,
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id }, 'shard started');
    shard.on('message', (raw: unknown) => {
      const message = shardMessage(raw);
      if (message?.kind === 'sahel:switch') relaySwitch(manager, shard, message, logger);
    });
  });
  await manager.spawn({ timeout: 60_000 });
  logger.info({ shards: manager.shards.size }, 'shards ready');
  return manager;
}

const GatewayBotSchema = z.object({ shards: z.number().int().positive() });

/**
 * The shard count Discord recommends for the bot. Asked here rather than by the manager's `auto`, which always asks
 * discord.com whatever DISCORD_API_URL says.
 */
async function recommendedShardCount(api: string, token: string): Promise<number> {
  const rest = new REST({ api }).setToken(token);
  return GatewayBotSchema.parse(await rest.get(Routes.gatewayBot())).shards;
}

/** Asks every other shard to serve the refreshed index, then tells the shard that refreshed how many do. */
function relaySwitch(
  manager: ShardingManager,
  from: Shard,
  message: Extract<ShardMessage, { kind: 'sahel:switch' }>,
  logger: Logger,
): void {
  const others = [...manager.shards.values()].filter((shard) => shard !== from);
  let serving = 1;
  let answered = 0;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    logger.info({ file: message.file, serving, total: manager.shards.size }, 'shards switched dataset');
    void from.send({ kind: 'sahel:switch-done', id: message.id, serving, total: manager.shards.size });
  };
  const timer = setTimeout(finish, SWITCH_TIMEOUT_MS);
  if (others.length === 0) {
    finish();
    return;
  }
  for (const shard of others) {
    const listen = (raw: unknown) => {
      const reply = shardMessage(raw);
      if (reply?.kind !== 'sahel:switched' || reply.id !== message.id) return;
      shard.off('message', listen);
      if (reply.ok) serving += 1;
      answered += 1;
      if (answered === others.length) finish();
    };
    shard.on('message', listen);
    void shard.send(message);
  }
}
