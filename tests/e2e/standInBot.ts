import { commands } from '../../commands/index.js';
import { type RunningBot, startBot } from '../../src/bot/startBot.js';
import { type Config, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { fixtureDatasetJson, writeDataDir } from '../helpers/datasets.js';
import { APPLICATION_ID, type DiscordStandIn, GUILD_ID } from './discordStandIn.js';

/** The settings of a bot that talks to the stand-in, with the test server as its admin server. */
export function standInConfig(standIn: DiscordStandIn, token: string, dataDir: string, logLevel = 'silent'): Config {
  return loadConfig({
    DISCORD_TOKEN: token,
    DISCORD_CLIENT_ID: APPLICATION_ID,
    DISCORD_GUILD_ID: GUILD_ID,
    DISCORD_API_URL: standIn.apiUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: logLevel,
  });
}

/** Starts the stand-in and the real bot on a fresh copy of the article fixture, logging nothing. */
export async function startStandInBot(
  standIn: DiscordStandIn,
  token: string,
): Promise<{ bot: RunningBot; dataDir: string }> {
  await standIn.start();
  const dataDir = writeDataDir(fixtureDatasetJson(), 'file');
  const bot = await startBot(standInConfig(standIn, token, dataDir), token, createLogger('silent', [token]), commands);
  return { bot, dataDir };
}
